// The pull-request comment of a run: which PR, whether to write, and what to tell the user when the token
// may not write (a fork's read-only token answers 403 or 404).
import type { Report } from '../core/report-model.ts';
import type { PullRequestRef } from '../github/event.ts';
import { shouldWrite, upsertStickyComment, type CommentMode } from '../github/sticky-comment.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { redactCredentials } from '../core/outgoing-text.ts';

// GitHub rejects issue comments over 65,536 characters; leave room for the marker.
const COMMENT_LIMIT = 65_536 - 200;

export interface CommentRequest {
  readonly pr: PullRequestRef | undefined;
  readonly mode: CommentMode;
  readonly key: string;
  readonly token: string;
  readonly detailsUrl: string | undefined;
  /** GITHUB_API_URL of this run (GitHub Enterprise Server); default https://api.github.com. */
  readonly apiUrl: string | undefined;
}

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
}

/** Writes or updates the sticky comment; returns its URL. Problems become warnings, never a failed step. */
export async function commentOnPullRequest(
  request: CommentRequest,
  report: Report,
  logger: Logger,
): Promise<string | undefined> {
  if (request.mode === 'never') return undefined;
  if (!request.pr) {
    logger.info('pullcheck: not a pull_request run, so no comment (the job summary has the report)');
    return undefined;
  }
  if (!request.token) {
    logger.warning('pullcheck: no github-token, so no pull request comment');
    return undefined;
  }
  const { summary } = report;
  const somethingToSay =
    summary.denied + summary.unknown > 0 || report.findings.some((f) => f.severity !== 'low');
  const body = redactCredentials(
    renderMarkdown(report, {
      maxLength: COMMENT_LIMIT,
      ...(request.detailsUrl ? { detailsUrl: request.detailsUrl } : {}),
    }),
  );
  try {
    // Octokit (and its HTTP stack) loads only when a comment may be written.
    const { commentsApi } = await import('../github/octokit.ts');
    const outcome = await upsertStickyComment(
      commentsApi(request.token, logger, request.apiUrl),
      request.pr,
      request.key,
      body,
      (hasEarlier) => shouldWrite(request.mode, somethingToSay, summary.gate === 'fail', hasEarlier),
    );
    logger.info(`pullcheck: pull request comment ${outcome.action}${outcome.url ? `: ${outcome.url}` : ''}`);
    return outcome.url;
  } catch (error) {
    const status = (error as { status?: number }).status;
    const hint =
      status === 403 || status === 404
        ? request.pr.fromFork
          ? ' (a pull request from a fork gets a read-only token)'
          : ' (does the workflow grant `pull-requests: write`?)'
        : '';
    logger.warning(
      `pullcheck: could not comment on pull request #${request.pr.number}${hint}: ${(error as Error).message}; the job summary has the report`,
    );
    return undefined;
  }
}
