// Text from configs and clouds is data, never markup: nothing a user or a cloud wrote may inject
// markdown, HTML or @-mentions into a PR comment, nor control sequences into a terminal.

/** Escapes text for markdown prose and table cells (also safe inside HTML elements such as <summary>). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+!|~]/g, '\\$&')
    .replace(/@/g, '@&#8203;') // a zero-width space after @ keeps GitHub from mentioning anyone
    .replace(/\r?\n/g, ' ');
}

/** A fenced code block whose fence is longer than any backtick run inside, so the content cannot close it. */
export function codeBlock(content: string, language: string): string {
  const longestRun = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${content}\n${fence}`;
}

export { escapeTerminal } from '../core/outgoing-text.ts';
