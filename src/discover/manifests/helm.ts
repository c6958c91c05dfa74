// A Helm chart among discovery paths is rendered with `helm template` when helm is on PATH; otherwise
// (or when rendering fails) a note says the chart was not read. Each rendered document names its template
// (`# Source: CHART/templates/x.yaml`), so workloads point at the template file that wrote them. helm's
// stderr is never quoted: a template or YAML error can print values, and values hold secrets.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readConfined } from '../../core/config/read-file.ts';
import { shellQuoted } from '../../core/outgoing-text.ts';
import { childEnvironment, findOnPath } from './child-tools.ts';
import type { SourceLocation } from '../../core/errors.ts';
import { record } from './json.ts';
import { idOf, isClusterScoped } from './kustomize/resource-id.ts';
import { displayPath, readManifestText, type KubeObject, type ReadObjects } from './objects.ts';

export interface HelmOptions {
  readonly releaseName?: string | undefined;
  /** `helm template --namespace`: where `helm install -n` would put the chart's namespaced objects. */
  readonly namespace: string;
  /** Values files, absolute, already checked to be inside the repository (they are helm's to read). */
  readonly values?: readonly string[] | undefined;
  /** `--set`/`--set-string` values the workflow passes (`image.tag=…`), in order. */
  readonly sets?: readonly { readonly flag: '--set' | '--set-string'; readonly value: string }[] | undefined;
}

/** What one `helm template` run gave: the rendered stream, helm missing (ENOENT), or a failure (never its stderr). */
export type HelmResult =
  | { readonly stdout: string }
  | { readonly error: 'missing'; readonly missing: true }
  | {
      readonly error: 'failed';
      readonly exitCode?: number | undefined;
      /** The signal that ended helm (the timeout sends SIGTERM), when it did not exit by itself. */
      readonly signal?: string | undefined;
    };

/** `helm template` itself: the rendered stream, or why there is none. Replaceable in unit tests. */
export type HelmRunner = (args: readonly string[]) => HelmResult;

/** Helm's limit on a release name (pkg/chartutil ValidateReleaseName: a DNS-1123 name of at most 53 characters). */
const MAX_RELEASE_NAME = 53;

const HELM_TIMEOUT_MS = 60_000;

/** `root`: the repository (a real path) the chart's templates are read from to place its objects. */
export function renderHelmChart(
  chartDir: string,
  options: HelmOptions,
  helm: HelmRunner = runHelm,
  root = path.parse(path.resolve(chartDir)).root,
): ReadObjects {
  const chart = displayPath(chartDir);
  const releaseName = options.releaseName ?? releaseNameFor(chartDir);
  const values = options.values ?? [];
  // Flags first, then `--`: a release or directory named like a flag stays a positional argument.
  const command = (chartPath: string, valueFiles: readonly string[]) => [
    'template',
    '--namespace',
    options.namespace,
    ...valueFiles.flatMap((file) => ['--values', file]),
    ...(options.sets ?? []).flatMap(({ flag, value }) => [flag, value]),
    '--',
    releaseName,
    chartPath,
  ];
  const result = helm(command(chartDir, values));
  if ('error' in result) {
    const file = path.join(chart, 'Chart.yaml');
    if ('missing' in result) {
      const message = `helm is not on PATH: the chart is not rendered; install helm, or add its images and targets to the config`;
      return { objects: [], warnings: [{ file, message }] };
    }
    const shown = ['helm', ...command(chart, values.map(displayPath))].map(shellWord).join(' ');
    const message = `helm template failed (${howItEnded(result)}): run \`${shown}\` to see why; the chart's workloads are not discovered`;
    return { objects: [], warnings: [{ file, message }] };
  }
  const objects: KubeObject[] = [];
  const warnings: ReadObjects['warnings'] = [];
  for (const chunk of result.stdout.split(/^---[ \t]*$/m)) {
    const source = /^# Source: [^/\n]+\/(.+)$/m.exec(chunk)?.[1];
    const template = source ? path.join(chart, source) : path.join(chart, 'Chart.yaml');
    const read = readManifestText(chunk, template);
    warnings.push(...read.warnings);
    for (const object of read.objects) {
      // Rendered lines are not the template's: point at the template line that starts this kind.
      const where = templateLine(template, object.kind, root);
      objects.push({
        ...object,
        body: inNamespace(object.body, options.namespace),
        locate: () => where,
        locateKey: () => where,
      });
    }
  }
  return { objects, warnings };
}

/**
 * The release name helm would accept, from the chart directory's name: lowercase, every character outside
 * [a-z0-9-] a '-', no '-' at either end, at most 53 characters ("release" when nothing is left).
 */
export function releaseNameFor(chartDir: string): string {
  const trim = (name: string) => name.replace(/^-+/, '').replace(/-+$/, '');
  const name = trim(
    trim(
      path
        .basename(chartDir)
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-'),
    ).slice(0, MAX_RELEASE_NAME),
  );
  return name || 'release';
}

/**
 * `helm template` leaves metadata.namespace out unless a template writes it; `helm install -n NS` creates
 * such namespaced objects in NS. A copy of the body with that namespace; cluster-scoped kinds stay as they are.
 */
function inNamespace(body: KubeObject['body'], namespace: string): KubeObject['body'] {
  if (isClusterScoped(idOf(body))) return body;
  const metadata = record(body['metadata']);
  if (typeof metadata['namespace'] === 'string' && metadata['namespace'] !== '') return body;
  return { ...body, metadata: { ...metadata, namespace } };
}

function howItEnded(result: {
  readonly exitCode?: number | undefined;
  readonly signal?: string | undefined;
}): string {
  if (result.exitCode !== undefined) return `exit ${result.exitCode}`;
  if (result.signal !== undefined) return `ended by ${result.signal}`;
  return 'no exit status';
}

/** An argument as a POSIX shell reads it back: as it is when it is plain, single-quoted otherwise. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : shellQuoted(word);
}

/** The template line that starts `kind`; line 1 when the template cannot be read (or is outside `root`). */
function templateLine(file: string, kind: string, root: string): SourceLocation {
  const read = readConfined(file, root);
  if (!('text' in read)) return { file, line: 1, column: 1 };
  const escaped = kind.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^kind:\\s*["']?${escaped}\\b`);
  const index = read.text.split('\n').findIndex((line) => pattern.test(line));
  return { file, line: index === -1 ? 1 : index + 1, column: 1 };
}

function runHelm(args: readonly string[]): HelmResult {
  // The machine's helm, found and run as every tool discovery runs (child-tools.ts): pullcheck's own
  // environment (the action's token, cloud credentials) never reaches it.
  const searchPath = process.env['PATH'] ?? '';
  const helm = findOnPath('helm', searchPath);
  if (helm === undefined) return { error: 'missing', missing: true };
  try {
    const stdout = execFileSync(helm, args, {
      encoding: 'utf8',
      env: childEnvironment(searchPath),
      timeout: HELM_TIMEOUT_MS,
      maxBuffer: 256 * 1024 * 1024,
      // stderr is read and dropped: it may quote values (secrets), and the failure message names the
      // command to run instead.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { status?: number | null; signal?: string | null };
    if (failure.code === 'ENOENT') return { error: 'missing', missing: true };
    return {
      error: 'failed',
      ...(typeof failure.status === 'number' ? { exitCode: failure.status } : {}),
      ...(typeof failure.signal === 'string' ? { signal: failure.signal } : {}),
    };
  }
}
