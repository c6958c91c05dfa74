// A fix's ready-to-paste forms in Markdown, each under its title: shared by the pull and CI-path blocks.
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
