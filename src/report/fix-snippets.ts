// A missing grant's block in Markdown — its summary line, the fix with its ready-to-paste forms, why, and
// where it comes from: shared by the pull and CI-path sections.
import type { MissingGrant } from '../core/verdict.ts';
import { codeBlock, escapeMarkdown as md } from './escape.ts';

const SNIPPET_LANGUAGES: Record<string, { title: string; language: string }> = {
  json: { title: 'Policy JSON', language: 'json' },
  cli: { title: 'CLI', language: 'sh' },
  terraform: { title: 'Terraform', language: 'hcl' },
  yaml: { title: 'YAML', language: 'yaml' },
};

export function snippets(grant: MissingGrant): string[] {
  return Object.entries(grant.fix.snippets).flatMap(([kind, content]) => {
    const style = SNIPPET_LANGUAGES[kind] ?? { title: kind, language: '' };
    return [`**${md(style.title)}**`, '', codeBlock(content, style.language), ''];
  });
}

/** A `<details>` block for one missing grant; `summary` and `footer` are Markdown already escaped. */
export function fixBlock(
  summary: string,
  grant: MissingGrant,
  reasons: readonly string[],
  footer: string | undefined,
): string {
  return [
    '<details>',
    `<summary>${summary}</summary>`,
    '',
    md(grant.fix.text),
    '',
    ...snippets(grant),
    '**Why**',
    '',
    ...reasons.map((reason) => `- ${md(reason)}`),
    '',
    ...(footer ? [footer, ''] : []),
    '</details>',
  ].join('\n');
}
