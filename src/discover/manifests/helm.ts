// A Helm chart among discovery paths is rendered with `helm template` when helm is on PATH; otherwise
// (or when rendering fails) a note says the chart was not read. Each rendered document names its template
// (`# Source: CHART/templates/x.yaml`), so workloads point at the template file that wrote them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceLocation } from '../../core/errors.ts';
import { displayPath, readManifestText, type KubeObject, type ReadObjects } from './objects.ts';

export interface HelmOptions {
  readonly releaseName?: string | undefined;
  readonly namespace: string;
  /** Values files, absolute. */
  readonly values?: readonly string[] | undefined;
}

/** `helm template` itself: the rendered stream, or why there is none. Replaceable in unit tests. */
export type HelmRunner = (args: readonly string[]) => { stdout: string } | { error: string; missing?: true };

export function renderHelmChart(
  chartDir: string,
  options: HelmOptions,
  helm: HelmRunner = runHelm,
): ReadObjects {
  const chart = displayPath(chartDir);
  const args = [
    'template',
    options.releaseName ?? path.basename(chartDir),
    chartDir,
    '--namespace',
    options.namespace,
    ...(options.values ?? []).flatMap((file) => ['--values', file]),
  ];
  const result = helm(args);
  if ('error' in result) {
    const message = result.missing
      ? `helm is not on PATH: the chart is not rendered; install helm, or add its images and targets to the config`
      : `helm template failed: ${result.error}; the chart's workloads are not discovered`;
    return { objects: [], warnings: [{ file: path.join(chart, 'Chart.yaml'), message }] };
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
      const where = templateLine(template, object.kind);
      objects.push({ ...object, locate: () => where, locateKey: () => where });
    }
  }
  return { objects, warnings };
}

function templateLine(file: string, kind: string): SourceLocation {
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex((line) => new RegExp(`^kind:\\s*["']?${kind}\\b`).test(line));
    return { file, line: index === -1 ? 1 : index + 1, column: 1 };
  } catch {
    return { file, line: 1, column: 1 };
  }
}

function runHelm(args: readonly string[]): { stdout: string } | { error: string; missing?: true } {
  try {
    const stdout = execFileSync('helm', args, {
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') return { error: 'helm is not on PATH', missing: true };
    // helm's own first line says what is wrong (a missing values file, a template error).
    const first = (failure.stderr ?? '').trim().split('\n')[0] ?? '';
    return { error: first.slice(0, 300) || failure.message.split('\n')[0]! };
  }
}
