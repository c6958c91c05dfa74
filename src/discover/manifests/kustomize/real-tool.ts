// The real Kustomize, when the machine has one: `kustomize build DIR`, else `kubectl kustomize DIR`
// (GitHub's Ubuntu runners ship both). Found on PATH by this module, so the plan can name the tool it
// ran, and run with safe defaults only: the default load restrictor (files only from
// inside the kustomization root), no --enable-helm, no --enable-alpha-plugins, no --enable-exec.
//
// The child gets a minimal environment: PATH (remote bases run git), HOME (git's own config), TMPDIR,
// GIT_TERMINAL_PROMPT=0, and KUBECONFIG pointed at the null device — a build needs no cluster, and a kubeconfig can name exec
// plugins. Nothing else of pullcheck's environment reaches it: not the action's inputs (INPUT_*), not
// GITHUB_TOKEN, cloud credentials or proxy URLs (which can carry a password).
//
// Remote resources (a git or https base) are fetched by the real binary, as the deploy that runs the same
// command on the runner fetches them; the built-in renderer says it cannot read them.
import { accessSync, constants, statSync } from 'node:fs';
import { devNull } from 'node:os';
import path from 'node:path';
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
  // Only absolute entries: a relative one ('.', an empty entry) would run a binary the repository under
  // check can plant.
  const dirs = settings.searchPath.split(path.delimiter).filter((dir) => path.isAbsolute(dir));
  const binary = dirs.map((dir) => path.join(dir, command)).find(isExecutableFile);
  if (binary === undefined) return undefined;
  // The plan names the tool, not its folder or version: those differ from machine to machine, and every
  // pull's origin carries the label, so reports of one repository stay the same wherever they are made.
  const label = command === 'kustomize' ? 'kustomize build' : 'kubectl kustomize';
  return { command, path: binary, label };
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
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

/** The child's whole environment (see the header for why each one, and why nothing else). */
export function childEnvironment(searchPath: string): NodeJS.ProcessEnv {
  // GIT_TERMINAL_PROMPT=0: a private remote base fails at once instead of asking for a password on a terminal.
  const environment: NodeJS.ProcessEnv = { PATH: searchPath, KUBECONFIG: devNull, GIT_TERMINAL_PROMPT: '0' };
  for (const name of ['HOME', 'TMPDIR'] as const) {
    const value = process.env[name];
    if (value !== undefined) environment[name] = value;
  }
  return environment;
}
