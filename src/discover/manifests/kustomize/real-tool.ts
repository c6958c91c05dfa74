// The real Kustomize, when the machine has one: `kustomize build DIR`, else `kubectl kustomize DIR`
// (GitHub's Ubuntu runners ship both). Found on PATH by this module, so the plan can name the binary it
// ran and its version, and run with safe defaults only: the default load restrictor (files only from
// inside the kustomization root), no --enable-helm, no --enable-alpha-plugins, no --enable-exec.
//
// The child gets a minimal environment: PATH (remote bases run git), HOME (git's own config), TMPDIR,
// GIT_TERMINAL_PROMPT=0, and KUBECONFIG pointed at the null device — a build needs no cluster, and a kubeconfig can name exec
// plugins. Nothing else of pullcheck's environment reaches it: not the action's inputs (INPUT_*), not
// GITHUB_TOKEN, cloud credentials or proxy URLs (which can carry a password).
//
// Remote resources (a git or https base) are fetched by the real binary, as the deploy that runs the same
// command on the runner fetches them; the built-in renderer says it cannot read them.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { devNull } from 'node:os';
import path from 'node:path';
import { runInParallel } from './parallel-runs.ts';
import { shownPath } from '../../../core/config/read-file.ts';

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
const VERSION_TIMEOUT_MS = 10_000;

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
  const version = versionOf(binary, command, settings);
  // PATH is the runner's (an earlier step can add to it): the folder is shown escaped and bounded.
  const shown = shownPath(binary);
  const label =
    command === 'kustomize'
      ? `kustomize ${version.kustomize ?? '(version unknown)'} at ${shown}`
      : `kubectl kustomize (kubectl ${version.kubectl ?? '(version unknown)'}${version.kustomize ? `, kustomize ${version.kustomize}` : ''}) at ${shown}`;
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

/** A version as the tool prints it, only when it looks like one (it is shown in reports). */
const VERSION = /v\d{1,4}\.\d{1,4}\.\d{1,4}(?:[-+][0-9A-Za-z.-]{1,40})?/;

function versionOf(
  binary: string,
  command: KustomizeTool['command'],
  settings: KustomizeSettings,
): { kustomize?: string; kubectl?: string } {
  const args = command === 'kustomize' ? ['version'] : ['version', '--client', '-o', 'json'];
  const run = runTool(binary, args, {
    ...settings,
    timeoutMs: VERSION_TIMEOUT_MS,
    maxOutputBytes: 64 * 1024,
  });
  if (!('stdout' in run)) return {};
  if (command === 'kustomize') {
    const version = VERSION.exec(run.stdout)?.[0];
    return version ? { kustomize: version } : {};
  }
  // {"clientVersion": {"gitVersion": "v1.31.0", …}, "kustomizeVersion": "v5.4.2"}
  const kubectl = /"gitVersion"\s*:\s*"([^"]*)"/.exec(run.stdout)?.[1];
  const kustomize = /"kustomizeVersion"\s*:\s*"([^"]*)"/.exec(run.stdout)?.[1];
  const valid = (text: string | undefined) => (text && VERSION.exec(text)?.[0] === text ? text : undefined);
  const result: { kustomize?: string; kubectl?: string } = {};
  if (valid(kubectl)) result.kubectl = kubectl!;
  if (valid(kustomize)) result.kustomize = kustomize!;
  return result;
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

/** One short run (the version), waited for here. */
function runTool(binary: string, args: readonly string[], settings: KustomizeSettings): ToolRun {
  try {
    const stdout = execFileSync(binary, args, {
      encoding: 'utf8',
      env: childEnvironment(settings.searchPath),
      timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBuffer: settings.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
      // stderr is read and dropped: kustomize's errors can quote the files it read (a secretGenerator's
      // literals, a patch's values); the finding names the command to run instead.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { status?: number | null; signal?: string | null };
    if (failure.code === 'ENOBUFS') return { error: 'too-large' };
    if (failure.code === 'ETIMEDOUT') return { error: 'timeout' };
    return {
      error: 'failed',
      ...(typeof failure.status === 'number' ? { exitCode: failure.status } : {}),
      ...(typeof failure.signal === 'string' ? { signal: failure.signal } : {}),
    };
  }
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
