// Which pull request a run belongs to, from the event payload the runner wrote (GITHUB_EVENT_PATH).
import { readFileSync } from 'node:fs';

export interface PullRequestRef {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  /** Opened from a fork: a `pull_request` run then gets a read-only token. */
  readonly fromFork: boolean;
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

/** The pull request of a pull_request / pull_request_target run; undefined for push and other events. */
export function pullRequestOf(
  eventName: string | undefined,
  eventPath: string | undefined,
): PullRequestRef | undefined {
  if (!eventName || !PULL_REQUEST_EVENTS.has(eventName) || !eventPath) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch {
    return undefined;
  }
  const pullRequest = (payload as { pull_request?: Record<string, unknown> }).pull_request;
  const number = pullRequest?.['number'];
  const base = (pullRequest?.['base'] as { repo?: { full_name?: string } } | undefined)?.repo?.full_name;
  const head = (pullRequest?.['head'] as { repo?: { full_name?: string } } | undefined)?.repo?.full_name;
  if (typeof number !== 'number' || typeof base !== 'string' || !base.includes('/')) return undefined;
  const [owner = '', repo = ''] = base.split('/');
  return { owner, repo, number, fromFork: head !== undefined && head !== base };
}
