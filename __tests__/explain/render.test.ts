// explain's renderers: values from configs, policies and clouds are data — escaped for the terminal (no
// control sequence, no new line) and for markdown (no markup, no @-mention) — and the JSON keeps its shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PullExplanation } from '../../src/explain/explain-pulls.ts';
import { outgoing } from '../../src/core/outgoing-text.ts';
import {
  renderExplainJson,
  renderExplainMarkdown,
  renderExplainText,
  renderExplanations,
} from '../../src/report/explain.ts';

const HOSTILE = 'Sid `x` <b>@team</b>\n::set-output name=x::\u001b[31mred';
const explanation: PullExplanation = {
  image: 'registry.example/app:1',
  target: 'prod',
  principal: 'arn:aws:iam::111122223333:role/nodes',
  verdict: 'denied',
  reasons: [`denied by ${HOSTILE}`],
  missing: [],
  trace: [
    {
      layer: 'repository policy',
      subject: `Statement 1 (Sid ${HOSTILE}), Deny`,
      source: { label: 'repository policy', file: 'iam/policy.json', line: 7 },
      outcome: 'matched',
      detail: 'this Deny blocks it',
      question: 'Deny statements for ecr:batchgetimage on arn:aws:ecr:us-east-1:111122223333:repository/app',
    },
  ],
};

test('text: every value on its own line, control characters escaped; steps numbered with their marks', () => {
  const text = renderExplainText([explanation]);
  assert.ok(!text.includes('\u001b'), 'no escape sequence reaches the terminal');
  assert.doesNotMatch(text, /\n::set-output/);
  assert.match(
    text,
    /\n {6}1\. ✔ Statement 1 \(Sid Sid `x` <b>@team<\/b>\\n::set-output name=x::red\), Deny — iam\/policy\.json:7 \(repository policy\)\n/,
  );
});

test('markdown: no markup or mention from a value; one table row per step', () => {
  const markdown = renderExplainMarkdown([explanation]);
  assert.doesNotMatch(markdown, /<b>|@team|`x`/);
  assert.match(markdown, /&lt;b&gt;@&#8203;team&lt;\/b&gt;/);
  assert.equal(markdown.split('\n').filter((line) => line.startsWith('| 1 |')).length, 1);
});

test('json: the stable shape', () => {
  const [pull] = JSON.parse(renderExplainJson([explanation])) as Record<string, unknown>[];
  assert.deepEqual(Object.keys(pull!), [
    'image',
    'target',
    'principal',
    'verdict',
    'reasons',
    'missing',
    'trace',
  ]);
  assert.deepEqual(Object.keys((pull!['trace'] as object[])[0]!), [
    'layer',
    'subject',
    'source',
    'outcome',
    'detail',
    'question',
  ]);
});

test('every format: a credential in a URL or an image reference is cut out before markdown escapes it', () => {
  // The CLI's output filter cuts credentials out of what it prints, but markdown's escapes (`\_`, `@&#8203;`)
  // hide a URL from it: the explanations are redacted before they are rendered, as check's report is.
  const secret = 'pa_ss(word)!';
  const withCredentials: PullExplanation = {
    ...explanation,
    reasons: [`unknown: GET https://ci:${secret}@127.0.0.1:9/v2/ failed`],
    trace: [{ ...explanation.trace[0]!, detail: `endpoint robot:${secret}@registry.example.com/team/app` }],
  };
  for (const format of ['text', 'json', 'markdown'] as const) {
    const printed = outgoing(renderExplanations([withCredentials], format));
    assert.ok(!printed.includes('pa_ss') && !printed.includes('pa\\_ss'), `${format}: ${printed}`);
    assert.match(printed, /REDACTED/);
  }
});
