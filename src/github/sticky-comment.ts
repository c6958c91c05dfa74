// One pull-request comment per comment key, found by a hidden marker across every page of the comments and
// updated in place — only when the token's own identity wrote it: anyone can paste the marker into a
// comment of theirs, and that comment is never edited. The identity is GraphQL's `viewer` (it answers an
// installation token such as GITHUB_TOKEN with its bot, `github-actions[bot]`, where GET /user is a 403).
import type { PullRequestRef } from './event.ts';

export type CommentMode = 'auto' | 'always' | 'on-failure' | 'never';

export interface IssueComment {
  readonly id: number;
  readonly body?: string | null | undefined;
  readonly html_url: string;
  readonly user?: { readonly login: string } | null | undefined;
}

/** The few REST calls the sticky comment needs (Octokit in the action, a fake in unit tests). */
export interface CommentsApi {
  /** The login the token acts as (`github-actions[bot]`, `APP[bot]`, a person's); undefined when not known. */
  whoAmI(): Promise<string | undefined>;
  listComments(pr: PullRequestRef): Promise<IssueComment[]>;
  createComment(pr: PullRequestRef, body: string): Promise<IssueComment>;
  updateComment(pr: PullRequestRef, id: number, body: string): Promise<IssueComment>;
}

export interface CommentOutcome {
  readonly action: 'created' | 'updated' | 'unchanged' | 'skipped';
  readonly url?: string;
}

const GITHUB_TOKEN_BOT = 'github-actions[bot]';

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
  // Without an answer the token is taken for the workflow's GITHUB_TOKEN, the usual case.
  const me = (await api.whoAmI()) ?? GITHUB_TOKEN_BOT;
  const earlier = (await api.listComments(pr)).find(
    (comment) => comment.user?.login === me && comment.body?.includes(tag),
  );
  if (!wanted(earlier !== undefined)) return { action: 'skipped' };
  if (earlier?.body === body) return { action: 'unchanged', url: earlier.html_url };
  if (earlier) return { action: 'updated', url: (await api.updateComment(pr, earlier.id, body)).html_url };
  return { action: 'created', url: (await api.createComment(pr, body)).html_url };
}
