// One pull-request comment per comment key, found by a hidden marker across every page of the comments
// (not by GET /user, which answers 403 to an installation token such as GITHUB_TOKEN), updated in place.
import type { PullRequestRef } from './event.ts';

export type CommentMode = 'auto' | 'always' | 'on-failure' | 'never';

export interface IssueComment {
  readonly id: number;
  readonly body?: string | null | undefined;
  readonly html_url: string;
}

/** The few REST calls the sticky comment needs (Octokit in the action, a fake in unit tests). */
export interface CommentsApi {
  listComments(pr: PullRequestRef): Promise<IssueComment[]>;
  createComment(pr: PullRequestRef, body: string): Promise<IssueComment>;
  updateComment(pr: PullRequestRef, id: number, body: string): Promise<IssueComment>;
}

export interface CommentOutcome {
  readonly action: 'created' | 'updated' | 'unchanged' | 'skipped';
  readonly url?: string;
}

export function marker(key: string): string {
  // encodeURIComponent leaves no "--" run that could end the HTML comment early.
  return `<!-- pullcheck:${encodeURIComponent(key).replace(/-/g, '%2D')} -->`;
}

/**
 * Whether to write: `auto` when there is something to say (or an earlier comment must turn green),
 * `on-failure` when the gate fails (or an earlier comment must turn green), `always`, `never`.
 */
export function shouldWrite(
  mode: CommentMode,
  somethingToSay: boolean,
  gateFailed: boolean,
  hasEarlier: boolean,
): boolean {
  switch (mode) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'on-failure':
      return gateFailed || hasEarlier;
    case 'auto':
      return somethingToSay || hasEarlier;
  }
}

export async function upsertStickyComment(
  api: CommentsApi,
  pr: PullRequestRef,
  key: string,
  report: string,
  wanted: (hasEarlier: boolean) => boolean,
): Promise<CommentOutcome> {
  const tag = marker(key);
  const body = `${tag}\n${report}`;
  const earlier = (await api.listComments(pr)).find((comment) => comment.body?.includes(tag));
  if (!wanted(earlier !== undefined)) return { action: 'skipped' };
  if (earlier?.body === body) return { action: 'unchanged', url: earlier.html_url };
  if (earlier) return { action: 'updated', url: (await api.updateComment(pr, earlier.id, body)).html_url };
  return { action: 'created', url: (await api.createComment(pr, body)).html_url };
}
