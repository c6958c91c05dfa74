// Folders of Kubernetes manifests where teams keep them (k8s/, deploy/, manifests/, charts/, …): Kustomize
// roots (overlays rather than the bases they build), Helm charts, and folders of plain YAML. Only names
// are listed, inside the repository, a bounded number of folders deep; nothing is read.
import { readdirSync, realpathSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isInside } from '../core/config/read-file.ts';
import type { ManifestFolder } from './model.ts';

const TOP_FOLDERS = [
  'k8s',
  '.k8s',
  'kube',
  'kubernetes',
  'deploy',
  'deployment',
  'deployments',
  'manifests',
  'kustomize',
  'helm',
  'chart',
  'charts',
  'openshift',
];
const KUSTOMIZATION = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const MAX_DEPTH = 4;
const MAX_FOLDERS = 500;

type Kind = ManifestFolder['kind'];

/** What a folder is, from the names in it: a Kustomize root, a chart, plain YAML, or none of them. */
export function folderKind(names: readonly string[]): Kind | undefined {
  if (names.some((name) => KUSTOMIZATION.has(name))) return 'kustomize';
  if (names.includes('Chart.yaml')) return 'helm';
  return names.some((name) => /\.ya?ml$/i.test(name)) ? 'plain' : undefined;
}

/** The manifest folders under the usual top-level names, repository-relative (posix), in a stable order. */
export function manifestFolders(root: string): { path: string; kind: Kind }[] {
  const found: { path: string; kind: Kind }[] = [];
  let visited = 0;
  const walk = (relative: string, depth: number) => {
    if (depth > MAX_DEPTH || ++visited > MAX_FOLDERS) return;
    const entries = listFolderInside(path.join(root, relative), root);
    const kind = folderKind(entries.filter((e) => e.isFile()).map((e) => e.name));
    if (kind) found.push({ path: relative, kind });
    // A Kustomize root or a chart is one unit: its subfolders are its own parts.
    if (kind === 'kustomize' || kind === 'helm') return;
    for (const entry of entries)
      if (entry.isDirectory() && !entry.name.startsWith('.'))
        walk(path.posix.join(relative, entry.name), depth + 1);
  };
  for (const top of TOP_FOLDERS) walk(top, 1);
  return preferOverlays(found).sort((a, b) => a.path.localeCompare(b.path));
}

/** With overlays present, the bases they build are not proposed on their own (they would be built twice). */
function preferOverlays(found: { path: string; kind: Kind }[]): { path: string; kind: Kind }[] {
  const hasOverlays = found.some((f) => f.kind === 'kustomize' && /(^|\/)overlays\//.test(f.path));
  if (!hasOverlays) return found;
  return found.filter((f) => !(f.kind === 'kustomize' && /(^|\/)bases?(\/|$)/.test(f.path)));
}

/**
 * The entries of `folder` when it is inside `root` once symbolic links are resolved (a `k8s` that links out
 * of the repository, a `../platform` a workflow applies are not listed); otherwise none.
 */
export function listFolderInside(folder: string, root: string): Dirent[] {
  try {
    if (!isInside(realpathSync(folder), realpathSync(root))) return [];
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    return []; // absent or unreadable: nothing to propose there
  }
}
