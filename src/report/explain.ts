// `pullcheck explain`'s renderers (pure: explanations in, text out). Everything shown comes from configs,
// policies or clouds, so it is escaped for where it goes: the terminal, or markdown.
import type { PullExplanation } from '../explain/explain-pulls.ts';
import type { TraceOutcome, TraceSource, TraceStep } from '../core/trace.ts';
import { redactStrings } from '../core/outgoing-text.ts';
import { codeBlock, escapeMarkdown as md, escapeTerminal as t } from './escape.ts';

const MARK: Record<TraceOutcome, string> = {
  matched: '✔',
  'not matched': '✘',
  undecided: '?',
  skipped: '-',
};

/** The JSON form: one object per pull, in a stable shape. */
export function renderExplainJson(explanations: readonly PullExplanation[]): string {
  const shaped = explanations.map((e) => ({
    image: e.image,
    target: e.target,
    principal: e.principal,
    verdict: e.verdict,
    reasons: e.reasons,
    missing: e.missing,
    trace: e.trace.map((step) => ({
      layer: step.layer,
      subject: step.subject,
      source: step.source,
      outcome: step.outcome,
      detail: step.detail,
      ...(step.question === undefined ? {} : { question: step.question }),
    })),
  }));
  return `${JSON.stringify(shaped, null, 2)}\n`;
}

/** The formats `pullcheck explain --format` takes. */
export const EXPLAIN_FORMATS = {
  text: renderExplainText,
  json: renderExplainJson,
  markdown: renderExplainMarkdown,
} as const;
export type ExplainFormat = keyof typeof EXPLAIN_FORMATS;

/**
 * The explanations in `format`, credentials in URLs and image references cut out first: once markdown has
 * escaped a URL (`\_`, `@&#8203;`) the output filter no longer sees it (check redacts its report the same way).
 */
export function renderExplanations(explanations: readonly PullExplanation[], format: ExplainFormat): string {
  return EXPLAIN_FORMATS[format](redactStrings(explanations));
}

export function renderExplainText(explanations: readonly PullExplanation[]): string {
  return `${explanations.map(explanationText).join('\n')}`;
}

function explanationText(e: PullExplanation): string {
  const lines = [
    `${e.verdict.toUpperCase()} ${t(e.image)} -> ${t(e.target)} (${t(e.principal)})`,
    ...e.reasons.map((reason) => `  why: ${t(reason)}`),
  ];
  for (const grant of e.missing) {
    const what = grant.explicitDeny ? 'explicitly denied' : 'missing';
    lines.push(`  ${what} on the ${grant.side} side: ${grant.permissions.join(', ')}`);
    lines.push(`  fix: ${t(grant.fix.text)}`);
  }
  lines.push('', `trace (${e.trace.length} step${e.trace.length === 1 ? '' : 's'}):`);
  if (e.trace.length === 0) lines.push('  (the rule decided without looking at any policy: see why above)');
  let question: string | undefined;
  let layer: string | undefined;
  e.trace.forEach((step, i) => {
    if (step.question !== question) {
      question = step.question;
      layer = undefined;
      if (question !== undefined) lines.push(`  ${t(question)}`);
    }
    if (step.layer !== layer) {
      layer = step.layer;
      lines.push(`    [${t(layer)}]`);
    }
    lines.push(
      `    ${String(i + 1).padStart(3)}. ${MARK[step.outcome]} ${t(step.subject)} — ${t(sourceText(step.source))}`,
      `           ${step.outcome}: ${t(step.detail)}`,
    );
  });
  return `${lines.join('\n')}\n`;
}

export function renderExplainMarkdown(explanations: readonly PullExplanation[]): string {
  return explanations.map(explanationMarkdown).join('\n');
}

function explanationMarkdown(e: PullExplanation): string {
  const lines = [
    `### ${e.verdict.toUpperCase()}: ${md(e.image)} → ${md(e.target)} (${md(e.principal)})`,
    '',
    ...e.reasons.map((reason) => `- ${md(reason)}`),
  ];
  for (const grant of e.missing) {
    const what = grant.explicitDeny ? 'Explicitly denied' : 'Missing';
    lines.push(`- **${what}** on the ${grant.side} side: ${md(grant.permissions.join(', '))}`);
    lines.push(`  - fix: ${md(grant.fix.text)}`);
    const json = grant.fix.snippets['json'];
    if (json) lines.push('', codeBlock(json, 'json'));
  }
  lines.push(
    '',
    '| # | question | layer | statement | source | outcome | detail |',
    '|---|---|---|---|---|---|---|',
  );
  e.trace.forEach((step: TraceStep, i) => {
    const cells = [
      String(i + 1),
      md(step.question ?? ''),
      md(step.layer),
      md(step.subject),
      md(sourceText(step.source)),
      `${MARK[step.outcome]} ${step.outcome}`,
      md(step.detail),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  });
  return `${lines.join('\n')}\n`;
}

/** "examples/iam/api.json:5 (repository policy of …)", "live ecr:GetRepositoryPolicy (…)", or the label. */
export function sourceText(source: TraceSource): string {
  if (source.file !== undefined)
    return `${source.file}${source.line === undefined ? '' : `:${source.line}`} (${source.label})`;
  if (source.live !== undefined) return `live ${source.live} (${source.label})`;
  return source.label;
}
