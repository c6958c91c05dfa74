// The runner's protocol as the action uses it: inputs from INPUT_* variables, outputs and state through the
// environment files, workflow commands on stdout (annotations, masks), the job summary, and GitHub's OIDC
// token. Written from GitHub's "Workflow commands for GitHub Actions" and "Metadata syntax" docs instead of
// loading @actions/core at start-up: its OIDC client statically imports undici (about 1 MB of the bundle,
// ~40 ms of CPU on every run that logs in nowhere). @actions/core still serves a token request made
// through a proxy (HTTPS_PROXY or HTTP_PROXY), loaded then.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/** Where an annotation points, as @actions/core names it. */
export interface AnnotationProperties {
  readonly title?: string;
  readonly file?: string;
  readonly startLine?: number;
  readonly endLine?: number;
  readonly startColumn?: number;
  readonly endColumn?: number;
}

/** `INPUT_<NAME>` (spaces as `_`, upper case), trimmed; empty when not given. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function setOutput(name: string, value: unknown): void {
  if (process.env['GITHUB_OUTPUT']) return appendKeyValue(process.env['GITHUB_OUTPUT'], name, value);
  // A write of its own, as @actions/core makes it: the stdout guard starts each write's first line afresh.
  process.stdout.write(EOL);
  issue('set-output', { name }, value);
}

export function saveState(name: string, value: unknown): void {
  if (process.env['GITHUB_STATE']) appendKeyValue(process.env['GITHUB_STATE'], name, value);
  else issue('save-state', { name }, value);
}

/** A value the main step saved, given to the post step as `STATE_<name>`. */
export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

/** The runner replaces the value with *** in every later log line. */
export function setSecret(secret: string): void {
  issue('add-mask', {}, secret);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', annotation(properties), message);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', annotation(properties), message);
}

/** An error annotation, and the step fails when the process ends. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Appends Markdown to the job summary (GITHUB_STEP_SUMMARY). */
export function appendSummary(markdown: string): void {
  const file = process.env['GITHUB_STEP_SUMMARY'];
  if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set: this runner has no job summary');
  appendFileSync(file, markdown, 'utf8');
}

/** GitHub's OIDC ID token for `audience`; the token is masked before it is returned. */
export async function getIDToken(audience: string, sleep = realSleep): Promise<string> {
  const url = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
  if (PROXY_VARIABLES.some((name) => process.env[name])) {
    const core = await import('@actions/core');
    return core.getIDToken(audience);
  }
  const bearer = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
  if (!url) throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
  if (!bearer) throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
  let response: Response | undefined;
  // A busy token service (502, 503, 504) is asked again, as @actions/core's client does.
  for (let attempt = 0; attempt < TOKEN_ATTEMPTS; attempt++) {
    if (attempt > 0) await sleep(1000 * 2 ** (attempt - 1));
    response = await fetch(`${url}&audience=${encodeURIComponent(audience)}`, {
      headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(60_000),
    });
    if (![502, 503, 504].includes(response.status)) break;
  }
  if (!response?.ok) {
    throw new Error(`Failed to get ID Token: the token service answered ${response?.status}`);
  }
  const value = ((await response.json()) as { value?: unknown }).value;
  if (typeof value !== 'string' || value === '')
    throw new Error('Response json body do not have ID Token field');
  setSecret(value);
  return value;
}

// A proxy of either scheme: @actions/core's HTTP client goes through it, so the request is left to that.
const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];
const TOKEN_ATTEMPTS = 5;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The property names of workflow commands, in the order @actions/core writes them. */
function annotation(properties: AnnotationProperties): Record<string, string | number | undefined> {
  return {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn,
  };
}

/** `::command key=value,…::message`: data and property values escaped so they stay one command. */
function issue(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: unknown,
): void {
  // As @actions/core: a property without a value (undefined, empty, 0) is left out.
  const given = Object.entries(properties).filter(([, value]) => Boolean(value));
  const props = given.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  const line = `::${command}${props ? ` ${props}` : ''}::${escapeData(commandValue(message))}`;
  process.stdout.write(`${line}${EOL}`);
}

/** `name<<DELIMITER` … `DELIMITER`, with a delimiter that occurs in neither, so a value may span lines. */
function appendKeyValue(file: string, name: string, value: unknown): void {
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  const text = commandValue(value);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || text.includes(delimiter)) {
    throw new Error(`Unexpected input: the name or value contains the delimiter ${delimiter}`);
  }
  appendFileSync(file, `${name}<<${delimiter}${EOL}${text}${EOL}${delimiter}${EOL}`, 'utf8');
}

function commandValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
