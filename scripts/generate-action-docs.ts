// Keeps the README's inputs and outputs tables, and docs/comment-example.md, generated from their
// sources (action.yml, the demo) so the docs cannot drift. `--check` fails instead of writing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import { loadConfigFile } from '../src/core/config/load.ts';
import { runCheck } from '../src/core/engine.ts';
import { ciSites } from '../src/check/ci-sites.ts';
import { discover } from '../src/discover/index.ts';
import { prepareProviders } from '../src/core/provider.ts';
import { loadedProviders } from '../src/providers/index.ts';
import { renderMarkdown } from '../src/report/markdown.ts';
import type { PortedTables } from '../__tests__/upstream/ported.ts';

const LOADED = await loadedProviders();

interface ActionYaml {
  readonly inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  readonly outputs: Record<string, { description: string }>;
}

const START = '<!-- action-docs:start (generated from action.yml by scripts/generate-action-docs.ts) -->';
const END = '<!-- action-docs:end -->';
export const COMMENT_EXAMPLE = 'docs/comment-example.md';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function actionDocsTables(actionYaml: string): string {
  const action = parse(actionYaml) as ActionYaml;
  const inputs = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${cell(input.description)} | ${input.default ? `\`${cell(input.default)}\`` : ''} |`,
  );
  const outputs = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
  );
  return [
    START,
    '',
    '| input | description | default |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs,
    '',
    END,
  ].join('\n');
}

const PORTED_START =
  '<!-- ported-cases:start (generated from __tests__/upstream/*.cases.ts by scripts/generate-action-docs.ts) -->';
const PORTED_END = '<!-- ported-cases:end -->';
const PORTED_FOLDER = path.join('__tests__', 'upstream');

/** Every ported upstream case table, in file-name order (each `*.cases.ts` exports `PORTED`). */
async function portedTables(): Promise<PortedTables> {
  const modules = readdirSync(PORTED_FOLDER)
    .filter((file) => file.endsWith('.cases.ts'))
    .sort();
  const tables = await Promise.all(
    modules.map(async (file) => {
      const module = (await import(pathToFileURL(path.resolve(PORTED_FOLDER, file)).href)) as {
        PORTED: PortedTables;
      };
      return module.PORTED;
    }),
  );
  return tables.flat();
}

/** The README's count of ported cases per upstream file, with how many answer differently on purpose. */
export async function portedCasesTable(): Promise<string> {
  const tables = await portedTables();
  const rows = tables.map(({ upstream, cases }) => {
    const differs = cases.filter((ported) => ported.differs !== undefined).length;
    const link = `https://github.com/${upstream.repository}/blob/${upstream.commit}/${upstream.path}`;
    return `| [${upstream.repository}](https://github.com/${upstream.repository}) | [\`${upstream.path}\`](${link}) | ${cases.length} | ${differs} |`;
  });
  const total = tables.reduce((sum, file) => sum + file.cases.length, 0);
  return [
    PORTED_START,
    '',
    '| upstream project | test file (at the commit read) | cases ported | deliberately different |',
    '| --- | --- | --: | --: |',
    ...rows,
    `| **all** | | **${total}** | |`,
    '',
    PORTED_END,
  ].join('\n');
}

function replaceBetween(text: string, start: string, end: string, replacement: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from)}${replacement}${text.slice(to + end.length)}`;
}

/** The README with its generated tables, formatted as `prettier --check` expects it. */
export async function readmeWithActionDocs(readme: string, actionYaml: string): Promise<string> {
  const withInputs = replaceBetween(readme, START, END, actionDocsTables(actionYaml));
  const text = replaceBetween(withInputs, PORTED_START, PORTED_END, await portedCasesTable());
  return format(text, { ...(await resolveConfig('README.md')), filepath: 'README.md' });
}

/** The PR comment pullcheck writes for the bundled demo, as GitHub would render its markdown. */
export function commentExample(): string {
  // The built-in Kustomize renderer, whatever this machine has on PATH: the example is the same everywhere.
  const { config, findings, ciLogins } = discover(loadConfigFile('examples/pullcheck.yml'), {
    kustomize: { searchPath: '' },
  });
  // The CI path too (the release job's refused login), as the action's comment shows it.
  const report = runCheck(config, prepareProviders(LOADED, config), {
    failOn: 'denied',
    findings,
    ci: ciSites(ciLogins, config),
  });
  return [
    '<!-- Generated by scripts/generate-action-docs.ts from examples/pullcheck.yml: the pull request comment of the demo. -->',
    '',
    renderMarkdown(report, { maxLength: 65_536 - 200 }),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const readme = await readmeWithActionDocs(
    readFileSync('README.md', 'utf8'),
    readFileSync('action.yml', 'utf8'),
  );
  writeFileSync('README.md', readme);
  writeFileSync(COMMENT_EXAMPLE, commentExample());
}
