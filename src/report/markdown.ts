// The PR comment / job summary body: a headline, an image × target table, one collapsible block per
// missing grant with its fix, and the reasons behind every unknown. Pure: report in, string out.
import type { PlanExplanation } from '../core/origins.ts';
import type { Report } from '../core/report-model.ts';
import type { MissingGrant, PullResult, VerdictKind } from '../core/verdict.ts';
import { escapeMarkdown as md } from './escape.ts';
import { fixBlock } from './fix-snippets.ts';
import { ciMarkdown } from './ci-markdown.ts';
import { headline, originText, unknownReasons, VERDICT_ICON } from './labels.ts';

export interface MarkdownOptions {
  /** Longest body allowed (GitHub comments take 65,536 characters); over it the details collapse. */
  readonly maxLength?: number;
  /** Where the full report is (the run's job summary), for the collapsed form. */
  readonly detailsUrl?: string;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const full = renderFull(report);
  if (options.maxLength === undefined || full.length <= options.maxLength) return full;
  return renderCollapsed(report, full.length, options.maxLength, options.detailsUrl);
}

function renderFull(report: Report): string {
  const sections = [title(report)];
  if (report.facts) {
    sections.push(
      `Facts: ${report.facts.live.length} resources read live (${report.facts.live.slice(0, 5).map(md).join(', ')}${report.facts.live.length > 5 ? ', …' : ''}); the rest from the config.`,
    );
  }
  if (report.results.length > 0) sections.push(matrix(report.results));
  if (report.plan && report.plan.images.length + report.plan.targets.length > 0)
    sections.push(planBlock(report.plan));
  const denied = report.results.filter((result) => result.verdict === 'denied');
  if (denied.length > 0)
    sections.push(['#### Denied pulls and their fixes', ...denied.flatMap(deniedBlocks)].join('\n\n'));
  const unknown = report.results.filter((result) => result.verdict === 'unknown');
  if (unknown.length > 0)
    sections.push(['#### Unknown: facts pullcheck needs', unknownList(unknown)].join('\n\n'));
  sections.push(...ciMarkdown(report.ci ?? [], report.results));
  if (report.findings.length > 0) {
    sections.push(
      [
        '#### Findings',
        report.findings
          .map(
            (f) =>
              `- **${f.severity}** ${md(f.kind)}${f.file ? ` in ${md(f.file)}${f.line ? `:${f.line}` : ''}` : ''}: ${md(f.message)}`,
          )
          .join('\n'),
      ].join('\n\n'),
    );
  }
  return `${sections.join('\n\n')}\n`;
}

/** One row per image, one column per target; a cell counts the principals per verdict. */
function matrix(results: readonly PullResult[]): string {
  const images = [...new Set(results.map((result) => result.image))];
  const targets = [...new Set(results.map((result) => result.target))];
  const cells = new Map<string, Record<VerdictKind, number>>();
  for (const result of results) {
    const key = `${result.image}\u0000${result.target}`;
    const counts = cells.get(key) ?? { denied: 0, unknown: 0, allowed: 0 };
    counts[result.verdict]++;
    cells.set(key, counts);
  }
  const cell = (image: string, target: string) => {
    const counts = cells.get(`${image}\u0000${target}`);
    if (!counts) return '—';
    return (Object.keys(counts) as VerdictKind[])
      .filter((verdict) => counts[verdict] > 0)
      .map((verdict) => `${VERDICT_ICON[verdict]} ${counts[verdict]}`)
      .join(' · ');
  };
  return [
    `| image | ${targets.map(md).join(' | ')} |`,
    `|---|${targets.map(() => '---').join('|')}|`,
    ...images.map(
      (image) => `| ${md(image)} | ${targets.map((target) => cell(image, target)).join(' | ')} |`,
    ),
  ].join('\n');
}

function deniedBlocks(result: PullResult): string[] {
  return result.missing.map((grant) => {
    const what = grant.explicitDeny ? 'explicitly denied' : 'missing';
    const summary =
      `${VERDICT_ICON.denied} ${md(result.image)} → ${md(result.target)} · ${md(result.principal)}: ` +
      `${what} on the ${grant.side} side: ${md(grant.permissions.join(', '))}`;
    const checked = result.source
      ? `**Checked because** the image comes from ${md(originText(result.source.image))} and the target from ${md(originText(result.source.target))}.`
      : undefined;
    return fixBlock(summary, grant, result.reasons, checked);
  });
}

/** Where every image and target came from, folded: the plan behind the table. */
function planBlock(plan: PlanExplanation): string {
  return [
    '<details>',
    `<summary>Plan: ${plan.images.length} image${plan.images.length === 1 ? '' : 's'}, ${plan.targets.length} target${plan.targets.length === 1 ? '' : 's'} — where they came from</summary>`,
    '',
    '| image | from |',
    '|---|---|',
    ...plan.images.map((entry) => `| ${md(entry.image)} | ${md(originText(entry.source))} |`),
    '',
    '| target | platform | images | from |',
    '|---|---|---|---|',
    ...plan.targets.map(
      (entry) =>
        `| ${md(entry.target)} | ${md(entry.platform)} | ${entry.images} | ${md(originText(entry.source))} |`,
    ),
    '',
    '</details>',
  ].join('\n');
}

function unknownList(results: readonly PullResult[]): string {
  return results
    .map((result) => {
      const shown = unknownReasons(result).map((reason) => `  - ${md(reason)}`);
      return [
        `- ${VERDICT_ICON.unknown} ${md(result.image)} → ${md(result.target)} · ${md(result.principal)}`,
        ...shown,
      ].join('\n');
    })
    .join('\n');
}

function title(report: Report): string {
  const { summary } = report;
  const icon = summary.gate === 'fail' ? '❌' : summary.denied + summary.unknown > 0 ? '⚠️' : '✅';
  return `### ${icon} pullcheck: ${headline(summary)}`;
}

/**
 * The form that fits a size limit: the headline, a pointer to the full report, and one row per pull that
 * is not allowed, as many as fit.
 */
function renderCollapsed(report: Report, fullLength: number, maxLength: number, detailsUrl?: string): string {
  const where = detailsUrl ? `[the job summary of this run](${detailsUrl})` : 'the job summary of this run';
  const head = [
    title(report),
    '',
    `The full report (${fullLength.toLocaleString('en-US')} characters) is too long for a comment: the fixes are in ${where}.`,
    '',
    '| verdict | image | target | principal | missing |',
    '|---|---|---|---|---|',
  ].join('\n');
  const sides = (grants: readonly MissingGrant[]) => md(grants.map((grant) => grant.side).join(', ') || '—');
  const rows = [
    ...report.results
      .filter((result) => result.verdict !== 'allowed')
      .map(
        (result) =>
          `| ${VERDICT_ICON[result.verdict]} ${result.verdict} | ${md(result.image)} | ${md(result.target)} | ${md(result.principal)} | ${sides(result.missing)} |`,
      ),
    // The CI path's rows: the step stands in the image column, the job in the target's.
    ...(report.ci ?? [])
      .filter((row) => row.verdict !== 'allowed')
      .map(
        (row) =>
          `| ${VERDICT_ICON[row.verdict]} ${row.verdict} | ${row.kind === 'login' ? `login${row.trigger ? ` on ${md(row.trigger)}` : ''}` : `push ${md(row.image ?? '')}`} | ${md(row.job)} | ${md(row.identity)} | ${sides(row.missing)} |`,
      ),
  ];
  const reserve = 200;
  const kept: string[] = [];
  let length = head.length;
  for (const row of rows) {
    if (length + row.length + 1 > maxLength - reserve) break;
    kept.push(row);
    length += row.length + 1;
  }
  const more = rows.length - kept.length;
  const tail = more > 0 ? [`… and ${more.toLocaleString('en-US')} more in the job summary.`] : [];
  return `${[head, ...kept].join('\n')}\n\n${tail.join('')}\n`;
}
