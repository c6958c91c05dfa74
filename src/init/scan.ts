// Reads a repository as `pullcheck init` sees it: every workflow under .github/workflows/ through
// pullcheck's own discovery (zero config), the manifest folders, the checkout's GitHub remote and default
// branch. Every read stays inside the repository and is size-limited (read-file.ts); what cannot be read
// is a finding, never a crash.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfigText } from '../core/config/load.ts';
import { readConfined } from '../core/config/read-file.ts';
import type { TargetInput } from '../core/config/schema.ts';
import { imageNameOf } from '../core/image-reference.ts';
import { discover } from '../discover/index.ts';
import { gitHubRepositoryOf } from '../discover/workflows/repository.ts';
import type { FoundTarget, ManifestFolder, Place, RepositoryScan } from './model.ts';
import { folderKind, listFolderInside, manifestFolders } from './manifest-folders.ts';

const MAX_WORKFLOWS = 200;
const DETAIL_KEYS = ['cluster', 'region', 'account', 'project', 'location', 'namespace', 'server'] as const;

export interface ScanOptions {
  /** Repository-relative files not to read: the workflow init writes (a run with --force reads it again). */
  readonly skip?: readonly string[];
}

/** `root` is an existing directory (the CLI checks it first). */
export function scanRepository(root: string, options: ScanOptions = {}): RepositoryScan {
  const absolute = path.resolve(root);
  const relative = (file: string) => toPosix(path.relative(absolute, path.resolve(file)));
  const workflows = workflowFiles(absolute).filter((file) => !(options.skip ?? []).includes(file));
  // A config that is never written, at the repository root, so the root bounds every read (no .git needed).
  const config = loadConfigText('version: 1\n', path.join(absolute, '.pullcheck-init.yml'));
  // What the workflows apply is read relative to the folder holding .github/workflows/ and never outside it.
  const found = discover(config, {
    workflows: workflows.map((file) => path.relative(process.cwd(), path.join(absolute, file)) || file),
    env: {},
  });
  const shown = shownPrefix(absolute);
  const place = (file: string, line?: number, via?: string): Place => ({
    file: relative(file),
    ...(line === undefined ? {} : { line }),
    ...(via === undefined ? {} : { via: shown(via) }),
  });
  const input = found.config.input;
  const origins = found.config.origins;
  const texts = workflows.map((file) => workflowText(absolute, file));
  return {
    workflows,
    images: (input.images ?? []).map((reference) => {
      const origin = origins.images.get(imageNameOf(reference) ?? reference);
      return { reference, from: origin ? place(origin.file, origin.line, origin.via) : { file: '' } };
    }),
    targets: (input.targets ?? []).map((target) => {
      const origin = origins.targets.get(target.name)?.origin;
      return targetOf(target, origin ? place(origin.file, origin.line, origin.via) : { file: '' });
    }),
    logins: found.ciLogins.map((login) => ({
      provider: login.provider,
      via: login.via,
      from: place(login.where.file, login.where.line),
    })),
    findings: found.findings.map((finding) => ({
      kind: finding.kind,
      message: shown(finding.message),
      from: place(finding.file ?? '', finding.line),
    })),
    manifests: manifestsOf(absolute, found.applied),
    ...optional('repository', gitHubRepositoryOf(absolute)),
    usesRepositoryName: texts.some((text) => /github\.repository\b|\bGITHUB_REPOSITORY\b/.test(text)),
    defaultBranch: originHead(absolute) ?? pushBranch(texts) ?? 'main',
  };
}

/** The workflow files of `.github/workflows/`, repository-relative: regular `.yml`/`.yaml` files. */
function workflowFiles(root: string): string[] {
  try {
    return readdirSync(path.join(root, '.github', 'workflows'), { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.ya?ml$/i.test(entry.name))
      .map((entry) => `.github/workflows/${entry.name}`)
      .sort()
      .slice(0, MAX_WORKFLOWS);
  } catch {
    return []; // no .github/workflows: the plan says so
  }
}

function targetOf(target: TargetInput, from: Place): FoundTarget {
  const written = target as unknown as Record<string, unknown>;
  const details = Object.fromEntries(
    DETAIL_KEYS.flatMap((key) => (typeof written[key] === 'string' ? [[key, written[key]]] : [])),
  );
  return { name: target.name, platform: target.platform, details, images: target.images ?? [], from };
}

/** The folders the workflows apply (with their target), then the usual folders no workflow applies. */
function manifestsOf(
  root: string,
  applied: readonly { target: string; manifests: readonly { paths: readonly string[] }[] }[],
): ManifestFolder[] {
  const folders = new Map<string, ManifestFolder>();
  for (const { target, manifests } of applied)
    for (const manifest of manifests)
      for (const written of manifest.paths) {
        const at = toPosix(path.posix.normalize(written)).replace(/\/$/, '') || '.';
        if (!folders.has(at)) folders.set(at, { path: at, kind: kindOf(root, at), appliedTo: target });
      }
  const appliedPaths = [...folders.keys()];
  for (const folder of manifestFolders(root)) {
    const covered = appliedPaths.some((at) => isWithin(folder.path, at) || isWithin(at, folder.path));
    if (!covered) folders.set(folder.path, folder);
  }
  return [...folders.values()];
}

/** `plain` for a file, a path known only at run time, or a folder outside the repository. */
function kindOf(root: string, relative: string): ManifestFolder['kind'] {
  const names = listFolderInside(path.join(root, relative), root)
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  return folderKind(names) ?? 'plain';
}

function isWithin(inner: string, outer: string): boolean {
  return outer === '.' || inner === outer || inner.startsWith(`${outer}/`);
}

function workflowText(root: string, file: string): string {
  const read = readConfined(path.join(root, file), root);
  return 'text' in read ? read.text : '';
}

/** `refs/remotes/origin/HEAD` of the checkout: the remote's default branch, when it was cloned. */
function originHead(root: string): string | undefined {
  const read = readConfined(path.join(root, '.git', 'refs', 'remotes', 'origin', 'HEAD'), root);
  if (!('text' in read)) return undefined;
  return /^ref: refs\/remotes\/origin\/([\w./-]+)\s*$/.exec(read.text)?.[1];
}

/** The first branch, written without a pattern, that a workflow runs on pushes to. */
function pushBranch(texts: readonly string[]): string | undefined {
  for (const text of texts) {
    let branches: unknown;
    try {
      branches = (parse(text) as { on?: { push?: { branches?: unknown } } } | null)?.on?.push?.branches;
    } catch {
      continue; // a malformed workflow is a finding of discovery already
    }
    const list = Array.isArray(branches) ? branches : [branches];
    const plain = list.find((branch) => typeof branch === 'string' && /^[\w./-]+$/.test(branch));
    if (plain) return plain as string;
  }
  return undefined;
}

/** Discovery shows paths relative to the working directory: in the plan they are the repository's. */
function shownPrefix(root: string): (text: string) => string {
  const prefix = path.relative(process.cwd(), root);
  if (prefix === '') return (text) => text;
  const shown = `${toPosix(prefix)}/`;
  return (text) => text.replaceAll(shown, '');
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
