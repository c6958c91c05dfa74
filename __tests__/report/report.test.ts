import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReport } from '../../src/core/report-model.ts';
import type { PullResult } from '../../src/core/verdict.ts';
import { codeBlock, escapeMarkdown, escapeTerminal } from '../../src/report/escape.ts';
import { renderJson } from '../../src/report/json.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { renderText } from '../../src/report/text.ts';
import { RESULT_FIELDS } from '../helpers/report-contract.ts';

const hostile =
  'evil <img src=x onerror=alert(1)> [click](https://x.example) @octocat **bold** | pipe\n# heading';

const denied: PullResult = {
  image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/web`,
  registry: 'ecr',
  target: hostile,
  principal: 'arn:aws:iam::123456789012:role/nodes',
  verdict: 'denied',
  reasons: [hostile],
  missing: [
    {
      side: 'identity',
      permissions: ['ecr:GetAuthorizationToken'],
      fix: {
        text: hostile,
        snippets: { json: '{"a": "```\\n</details>"}', cli: 'aws iam put-role-policy …' },
      },
    },
  ],
  // Where it came from is user text too (file names, workload names).
  source: {
    image: { file: '.github/workflows/release.yml', line: 7, via: hostile },
    target: { file: `deploy/${hostile}.yaml`, line: 3, via: 'Deployment shop/web container web' },
  },
};
const unknownResult: PullResult = {
  ...denied,
  verdict: 'unknown',
  reasons: ['unknown: role is not in facts'],
  missing: [],
};
const allowedResult: PullResult = {
  ...denied,
  target: 'prod',
  verdict: 'allowed',
  reasons: ['ok'],
  missing: [],
};

test('gate: fail-on denied ignores unknown; fail-on unknown counts it; never always passes', () => {
  const results = [allowedResult, unknownResult];
  assert.equal(buildReport(results, [], 'denied').summary.gate, 'pass');
  assert.equal(buildReport(results, [], 'unknown').summary.gate, 'fail');
  assert.equal(buildReport([denied], [], 'never').summary.gate, 'pass');
  assert.deepEqual(buildReport([denied, allowedResult, unknownResult], [], 'denied').summary, {
    allowed: 1,
    denied: 1,
    unknown: 1,
    gate: 'fail',
  });
});

test('markdown escapes config and cloud text: no HTML, links, headings, table breaks or @-mentions', () => {
  const body = renderMarkdown(buildReport([denied, unknownResult, allowedResult], [], 'denied'));
  assert.doesNotMatch(body, /<img/);
  assert.doesNotMatch(body, /\[click\]\(/);
  assert.doesNotMatch(body, /(^|[^&])@octocat/m, 'a raw @mention would notify someone');
  assert.match(body, /@&#8203;octocat/);
  assert.doesNotMatch(body, /^# heading/m);
  assert.match(body, /&lt;img src=x onerror=alert\\\(1\\\)&gt;/);
  // every table row keeps its column count despite the | in the target name
  const rows = body.split('\n').filter((line) => line.startsWith('| '));
  const columns = rows.map((row) => row.split(/(?<!\\)\|/).length);
  assert.ok(
    columns.every((count) => count === columns[0]),
    `ragged table: ${columns.join(',')}`,
  );
});

test('markdown: headline, image × target table, one collapsible block per missing grant with its fix', () => {
  const body = renderMarkdown(buildReport([denied, allowedResult], [], 'denied'));
  assert.match(body, /^### ❌ pullcheck: 1 denied, 0 unknown, 1 allowed of 2 pulls — gate fail\n/);
  assert.equal(body.match(/<details>/g)?.length, 1);
  assert.match(body, /<summary>❌ .*missing on the identity side: ecr:GetAuthorizationToken<\/summary>/);
  assert.match(body, /\*\*CLI\*\*\n\n```sh\naws iam put-role-policy/);
});

test('a snippet cannot close its code fence or the surrounding <details>', () => {
  const block = codeBlock('a ``` b ```` c', 'json');
  assert.ok(block.startsWith('`````json\n'));
  assert.ok(block.endsWith('\n`````'));
  const body = renderMarkdown(buildReport([denied], [], 'denied'));
  const fence = /(`{4,})json\n[\s\S]*?<\/details>[\s\S]*?\n\1/.exec(body);
  assert.ok(fence, 'the </details> inside the snippet stays inside a longer fence');
});

test('escapeMarkdown neutralises every markdown and HTML special character', () => {
  assert.equal(
    escapeMarkdown('a*b_c`d[e](f)<g>&h@i|j#k\nl'),
    'a\\*b\\_c\\`d\\[e\\]\\(f\\)&lt;g&gt;&amp;h@&#8203;i\\|j\\#k l',
  );
});

test('text report strips terminal escape sequences and escapes control characters in config text', () => {
  assert.equal(escapeTerminal('web\u001b[2J\u001b[31mred\r\n::error::x'), 'webred\\r\\n::error::x');
  const text = renderText(buildReport([{ ...denied, target: 'prod\u001b]0;pwned\u0007' }], [], 'denied'));
  assert.ok(!text.includes('\u001b') && !text.includes('\u0007'), 'no control characters');
  assert.match(text, /^pullcheck: 1 denied/);
  assert.match(text, /missing on the identity side: ecr:GetAuthorizationToken/);
});

test('json report is the model itself, stable field names, newline-terminated', () => {
  const text = renderJson(buildReport([denied], [], 'denied'));
  assert.ok(text.endsWith('}\n'));
  const parsed = JSON.parse(text);
  assert.deepEqual(Object.keys(parsed.results[0]), RESULT_FIELDS);
  assert.deepEqual(parsed.results[0].missing[0].fix.snippets.cli, 'aws iam put-role-policy …');
});
