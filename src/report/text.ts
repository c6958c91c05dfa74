// The terminal report: one line per pull, then each missing grant with its fix.
import type { Report } from '../core/report-model.ts';
import type { PullResult } from '../core/verdict.ts';
import { escapeTerminal as t } from './escape.ts';
import { headline, originText, unknownReasons } from './labels.ts';
import { ciTextLines } from './ci-text.ts';

const LABEL = { allowed: 'ALLOWED', denied: 'DENIED ', unknown: 'UNKNOWN' } as const;

/** The report's first line: the counts and the gate. */
export function summaryLine(report: Report): string {
  return `pullcheck: ${headline(report.summary)}`;
}

export function renderText(report: Report): string {
  const lines = [summaryLine(report), ''];
  if (report.facts)
    lines.splice(1, 0, `facts: ${report.facts.live.length} resources read live, the rest from the config`);
  for (const result of report.results) lines.push(...resultLines(result));
  lines.push(...ciTextLines(report.ci ?? []));
  for (const entry of report.plan?.images ?? [])
    lines.push(`PLAN image ${t(entry.image)} <- ${t(originText(entry.source))}`);
  for (const entry of report.plan?.targets ?? [])
    lines.push(
      `PLAN target ${t(entry.target)} (${entry.platform}, ${entry.images} image${entry.images === 1 ? '' : 's'}) <- ${t(originText(entry.source))}`,
    );
  for (const finding of report.findings) {
    const where = finding.file ? ` ${t(finding.file)}${finding.line ? `:${finding.line}` : ''}` : '';
    lines.push(`FINDING ${finding.severity} ${t(finding.kind)}${where}: ${t(finding.message)}`);
  }
  return `${lines.join('\n')}\n`;
}

function resultLines(result: PullResult): string[] {
  const head = `${LABEL[result.verdict]} ${t(result.image)} -> ${t(result.target)} (${t(result.principal)})`;
  if (result.verdict === 'allowed') return [head];
  const lines = [head];
  if (result.verdict === 'unknown') {
    for (const reason of unknownReasons(result)) lines.push(`        why: ${t(reason)}`);
  }
  for (const grant of result.missing) {
    const what = grant.explicitDeny ? 'explicitly denied' : 'missing';
    lines.push(`        ${what} on the ${grant.side} side: ${grant.permissions.join(', ')}`);
    lines.push(`        fix: ${t(grant.fix.text)}`);
    const cli = grant.fix.snippets['cli'];
    if (cli) lines.push(...cli.split('\n').map((line) => `          ${t(line)}`));
  }
  if (result.source) {
    lines.push(`        image from ${t(originText(result.source.image))}`);
    lines.push(`        target from ${t(originText(result.source.target))}`);
  }
  lines.push('');
  return lines;
}
