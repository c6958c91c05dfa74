// The CI path in the PR comment and job summary: per job, its login for each event and each push, with a
// block per denied row holding its fix, then the warnings and what is unknown. Pure: rows in, string out.
import type { CiResult } from '../core/ci-path.ts';
import { imageNameOf } from '../core/image-reference.ts';
import type { PullResult, VerdictKind } from '../core/verdict.ts';
import { escapeMarkdown as md } from './escape.ts';
import { fixBlock } from './fix-snippets.ts';
import { originText, unknownReasons, VERDICT_ICON } from './labels.ts';

export function ciMarkdown(rows: readonly CiResult[], pulls: readonly PullResult[] = []): string[] {
  if (rows.length === 0) return [];
  const sections = [
    ['#### Deploy path per image: CI login → push → pulls', '', pathTable(rows, pulls)].join('\n'),
    ['#### CI path: login → push', '', ciTable(rows)].join('\n'),
  ];
  const denied = rows.filter((row) => row.verdict === 'denied');
  if (denied.length > 0)
    sections.push(
      ['#### Denied logins and pushes, and their fixes', ...denied.flatMap(deniedBlocks)].join('\n\n'),
    );
  const warned = rows.filter((row) => (row.warnings ?? []).length > 0);
  if (warned.length > 0)
    sections.push(
      [
        '#### Warnings',
        warned
          .flatMap((row) => row.warnings!.map((warning) => `- ⚠️ ${md(title(row))}: ${md(warning)}`))
          .join('\n'),
      ].join('\n\n'),
    );
  const unknown = rows.filter((row) => row.verdict === 'unknown');
  if (unknown.length > 0)
    sections.push(
      [
        '#### CI path unknown: facts pullcheck needs',
        unknown
          .map((row) =>
            [
              `- ${VERDICT_ICON.unknown} ${md(title(row))}`,
              ...unknownReasons(row).map((reason) => `  - ${md(reason)}`),
            ].join('\n'),
          )
          .join('\n'),
      ].join('\n\n'),
    );
  return sections;
}

/**
 * The whole path of each pushed image: its job's logins (one verdict per event, counted), its push, and the
 * pulls of it the check decided (by image name: a pull names a tag the push may not).
 */
function pathTable(rows: readonly CiResult[], pulls: readonly PullResult[]): string {
  const counted = (verdicts: readonly VerdictKind[]) => {
    if (verdicts.length === 0) return '—';
    const order: VerdictKind[] = ['denied', 'unknown', 'allowed'];
    return order
      .map((verdict) => [verdict, verdicts.filter((found) => found === verdict).length] as const)
      .filter(([, count]) => count > 0)
      .map(([verdict, count]) => `${VERDICT_ICON[verdict]} ${count}`)
      .join(' · ');
  };
  const pushes = rows.filter((row) => row.kind === 'push');
  // The pulls' verdicts by image name, gathered once: a report may hold 100,000 pulls.
  const pulledBy = new Map<string | undefined, VerdictKind[]>();
  if (pushes.length > 0)
    for (const pull of pulls) {
      const name = imageNameOf(pull.image);
      const verdicts = pulledBy.get(name);
      if (verdicts) verdicts.push(pull.verdict);
      else pulledBy.set(name, [pull.verdict]);
    }
  return [
    '| image | job | login (per event) | push | pulls |',
    '|---|---|---|---|---|',
    ...pushes.map((push) => {
      const logins = rows.filter((row) => row.kind === 'login' && row.job === push.job);
      const pulled = pulledBy.get(imageNameOf(push.image ?? '')) ?? [];
      return `| ${md(push.image ?? '')} | ${md(push.job)} | ${counted(logins.map((row) => row.verdict))} | ${VERDICT_ICON[push.verdict]} ${push.verdict} | ${counted(pulled)} |`;
    }),
  ].join('\n');
}

/** One row per login event and per push, in the order the job runs them. */
function ciTable(rows: readonly CiResult[]): string {
  return [
    '| job | step | as | verdict |',
    '|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${md(row.job)} | ${row.kind === 'login' ? `login${row.trigger ? ` on ${md(row.trigger)}` : ''}` : `push ${md(row.image ?? '')}`} | ${md(row.identity)} | ${VERDICT_ICON[row.verdict]} ${row.verdict}${(row.warnings ?? []).length > 0 ? ' ⚠️' : ''} |`,
    ),
  ].join('\n');
}

function title(row: CiResult): string {
  return row.kind === 'login'
    ? `login of ${row.job}${row.trigger ? ` on ${row.trigger}` : ''} as ${row.identity}`
    : `push of ${row.image ?? ''} by ${row.job} as ${row.identity}`;
}

function deniedBlocks(row: CiResult): string[] {
  return row.missing.map((grant) =>
    fixBlock(
      `${VERDICT_ICON.denied} ${md(title(row))}: ${grant.explicitDeny ? 'explicitly denied' : 'missing'} on the ${grant.side} side: ${md(grant.permissions.join(', '))}`,
      grant,
      row.reasons,
      row.source ? `**Step** ${md(originText(row.source))}.` : undefined,
    ),
  );
}
