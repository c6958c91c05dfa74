// The real Kustomize, when the machine has one: `kustomize build DIR`, else `kubectl kustomize DIR`
// (GitHub's Ubuntu runners ship both). Found on PATH by this module, so the plan can name the tool it
// ran, and run with safe defaults only: the default load restrictor (files only from
// inside the kustomization root), no --enable-helm, no --enable-alpha-plugins, no --enable-exec.
//
// It is found and run as every tool discovery runs (child-tools.ts): absolute PATH entries only, and a
// minimal environment.
//
// Remote resources (a git or https base) are fetched by the real binary, as the deploy that runs the same
// command on the runner fetches them; the built-in renderer says it cannot read them.
import { childEnvironment, findOnPath } from '../child-tools.ts';
import { runInParallel } from './parallel-runs.ts';

export interface KustomizeTool {
  readonly command: 'kustomize' | 'kubectl';
  /** Absolute path of the binary that runs. */
  readonly path: string;
  /** As the plan shows it: `kustomize v5.4.3 at /usr/local/bin/kustomize`. */
  readonly label: string;
}

export interface KustomizeSettings {
  /** The directories searched for kustomize, then kubectl, as PATH lists them; '' finds none (built-in). */
  readonly searchPath: string;
  readonly timeoutMs?: number;
  readonly maxOutputBytes?: number;
}

/** What one real build gave: the rendered stream, or how it ended (its stderr is never kept). */
export type ToolRun =
  | { readonly stdout: string }
  | { readonly error: 'failed'; readonly exitCode?: number; readonly signal?: string }
  | { readonly error: 'timeout' }
  | { readonly error: 'too-large' };

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Settings from this process: its PATH. */
export function settingsFromEnvironment(): KustomizeSettings {
  return { searchPath: process.env['PATH'] ?? '' };
}

const found = new Map<string, KustomizeTool | undefined>();

/** kustomize if it is on the search path, else kubectl, else undefined; looked up once per search path. */
export function findKustomizeTool(settings: KustomizeSettings): KustomizeTool | undefined {
  if (found.has(settings.searchPath)) return found.get(settings.searchPath);
  const tool = lookUp(settings, 'kustomize') ?? lookUp(settings, 'kubectl');
  found.set(settings.searchPath, tool);
  return tool;
}

function lookUp(settings: KustomizeSettings, command: KustomizeTool['command']): KustomizeTool | undefined {
  const binary = findOnPath(command, settings.searchPath);
  if (binary === undefined) return undefined;
  // The plan names the tool, not its folder or version: those differ from machine to machine, and every
  // pull's origin carries the label, so reports of one repository stay the same wherever they are made.
  const label = command === 'kustomize' ? 'kustomize build' : 'kubectl kustomize';
  return { command, path: binary, label };
}

/** The build command's arguments (after the binary): safe defaults only, see the header. */
export function buildArgs(tool: KustomizeTool, dir: string): string[] {
  return tool.command === 'kustomize' ? ['build', dir] : ['kustomize', dir];
}

/**
 * The real build of each of `dirs`, in order, several at once (parallel-runs.ts); when the runner itself
 * cannot answer, every build is a failure without an exit status.
 */
export function runKustomizeBuilds(
  tool: KustomizeTool,
  dirs: readonly string[],
  settings: KustomizeSettings,
): ToolRun[] {
  if (dirs.length === 0) return [];
  const jobs = dirs.map((dir) => ({ args: buildArgs(tool, dir), cwd: dir }));
  const runs = runInParallel(tool.path, jobs, {
    env: childEnvironment(settings.searchPath),
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes: settings.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
  });
  return runs ?? dirs.map(() => ({ error: 'failed' }));
}
