// The CI path in the terminal report: one line per login (per event) and per push, then what is missing
// with its fix, the warnings and where the step is.
import type { CiResult } from '../core/ci-path.ts';
import { escapeTerminal as t } from './escape.ts';
import { originText, unknownReasons } from './labels.ts';

const LABEL = { allowed: 'ALLOWED', denied: 'DENIED ', unknown: 'UNKNOWN' } as const;

/** `login JOB [TRIGGER] (IDENTITY)` or `push IMAGE (PRINCIPAL) in JOB`. */
export function ciRowTitle(row: CiResult): string {
  return row.kind === 'login'
    ? `login ${row.job}${row.trigger ? ` [${row.trigger}]` : ''} as ${row.identity}`
    : `push ${row.image ?? ''} as ${row.identity} in ${row.job}`;
}

export function ciTextLines(rows: readonly CiResult[]): string[] {
  return rows.flatMap((row) => {
    const lines = [`${LABEL[row.verdict]} ${t(ciRowTitle(row))}`];
    for (const warning of row.warnings ?? []) lines.push(`        warning: ${t(warning)}`);
    if (row.verdict === 'allowed') return lines;
    if (row.verdict === 'unknown')
      for (const reason of unknownReasons(row)) lines.push(`        why: ${t(reason)}`);
    for (const grant of row.missing) {
      const what = grant.explicitDeny ? 'explicitly denied' : 'missing';
      lines.push(`        ${what} on the ${grant.side} side: ${t(grant.permissions.join(', '))}`);
      lines.push(`        fix: ${t(grant.fix.text)}`);
      const cli = grant.fix.snippets['cli'];
      if (cli) lines.push(...cli.split('\n').map((line) => `          ${t(line)}`));
    }
    if (row.verdict === 'denied') for (const reason of row.reasons) lines.push(`        why: ${t(reason)}`);
    if (row.source) lines.push(`        step at ${t(originText(row.source))}`);
    lines.push('');
    return lines;
  });
}
