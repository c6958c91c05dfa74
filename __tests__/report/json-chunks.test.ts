// A large JSON report is written in pieces, one result per line; it parses to exactly the report model.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { buildReport, type Report } from '../../src/core/report-model.ts';
import type { PullResult } from '../../src/core/verdict.ts';
import { jsonReportChunks, ONE_LINE_PER_RESULT, renderJson } from '../../src/report/json.ts';
import { writeChunks } from '../../src/report/write-file.ts';
import { redactCredentials } from '../../src/core/outgoing-text.ts';

function result(i: number): PullResult {
  return {
    image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app-${i}:1`,
    registry: 'ecr',
    target: `t${i % 7}`,
    principal: 'arn:aws:iam::123456789012:role/nodes',
    verdict: i % 3 === 0 ? 'denied' : 'allowed',
    reasons: [`reason ${i % 5}`, 'multi\nline "quoted" \u2028 text', `https://u:secret-${i}@host.example/x`],
    missing: [],
    source: {
      image: { file: 'c.yml', line: i + 2, via: 'config images' },
      target: { file: 'c.yml', line: 1, via: 'config targets' },
    },
  };
}

function report(count: number): Report {
  const results = Array.from({ length: count }, (_, i) => result(i));
  const model = buildReport(results, [{ severity: 'low', kind: 'k', message: 'm' }], 'denied');
  return { ...model, plan: { images: [], targets: [] }, facts: { live: ['a'] } } as Report;
}

test('a small JSON report is one pretty-printed piece, as before', () => {
  const small = report(ONE_LINE_PER_RESULT);
  assert.deepEqual([...jsonReportChunks(small)], [`${JSON.stringify(small, null, 2)}\n`]);
});

test('a large JSON report: pieces that each start a line, one result per line, the same model', () => {
  const large = report(ONE_LINE_PER_RESULT * 2 + 17);
  const chunks = [...jsonReportChunks(large)];
  assert.ok(chunks.length > 3, `written in pieces (${chunks.length})`);
  assert.ok(
    chunks.slice(1).every((chunk) => chunk.startsWith('\n')),
    'every later piece starts a line',
  );
  const text = chunks.join('');
  assert.equal(text, renderJson(large));
  assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(large)));
  assert.deepEqual(Object.keys(JSON.parse(text)), Object.keys(large), 'the model key order');
  const lines = text.split('\n');
  assert.equal(lines.length, large.results.length + 3, 'header, one line per result, footer, final newline');
  assert.deepEqual(JSON.parse(lines[5]!.replace(/,$/, '')), JSON.parse(JSON.stringify(large.results[4])));
  assert.ok(text.endsWith('}\n'));
  // A member whose value is undefined is left out, as JSON.stringify does.
  const without = { ...large, facts: undefined } as unknown as Report;
  assert.deepEqual(JSON.parse(renderJson(without)), JSON.parse(JSON.stringify(without)));
});

test('writeChunks writes every piece through the filter: credentials never reach the file', () => {
  const large = report(ONE_LINE_PER_RESULT + 1);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-json-')), 'report.json');
  writeChunks(file, jsonReportChunks(large), redactCredentials);
  const written = readFileSync(file, 'utf8');
  assert.ok(!written.includes('secret-'), 'redacted in every piece');
  assert.equal(JSON.parse(written).results.length, large.results.length);
});
