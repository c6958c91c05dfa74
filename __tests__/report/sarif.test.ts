// SARIF 2.1.0 output, validated against the OASIS schema as Microsoft's SARIF tooling ships it
// (@microsoft/jest-sarif, lib/schemas/sarif-2.1.0-rtm.5.json; draft-04, hence ajv-draft-04).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import type { Ajv as AjvClass } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import type { Log } from 'sarif';
import { renderSarif } from '../../src/report/sarif.ts';
import { buildReport } from '../../src/core/report-model.ts';
import type { PullResult } from '../../src/core/verdict.ts';
import { runNode } from '../helpers/process.ts';

const require = createRequire(import.meta.url);
const schemaFile = path.join(
  path.dirname(require.resolve('@microsoft/jest-sarif/package.json')),
  'lib/schemas/sarif-2.1.0-rtm.5.json',
);
// ajv-draft-04 is CommonJS: its module.exports is the Ajv class, extended for draft-04.
const Ajv = require('ajv-draft-04') as typeof AjvClass;
const addFormats = require('ajv-formats') as FormatsPlugin;
// The schema's language-tag pattern is not valid with the `u` flag that Ajv uses by default. Its formats
// (uri, uri-reference, date-time) are checked too, by ajv-formats.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

function assertValidSarif(text: string): Log {
  const log = JSON.parse(text) as Log;
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  return log;
}

test('the demo as SARIF: valid 2.1.0, a denied pull at the workload that asks for it, findings at their lines, no allowed pulls', async () => {
  const run = await runNode([
    path.resolve('dist/cli.js'),
    'check',
    '--offline',
    '--config',
    'examples/pullcheck.yml',
    '--format',
    'sarif',
  ]);
  assert.equal(run.code, 1, run.stderr);
  const log = assertValidSarif(run.stdout);
  const results = log.runs[0]!.results!;
  const denied = results.filter((result) => result.ruleId === 'pull-denied');
  assert.equal(denied.length, 1);
  assert.equal(denied[0]!.level, 'error');
  assert.deepEqual(denied[0]!.locations![0]!.physicalLocation, {
    artifactLocation: { uri: 'examples/deploy/eks/base/api.yaml', uriBaseId: '%SRCROOT%' },
    region: { startLine: 15 },
  });
  assert.equal(
    denied[0]!.relatedLocations![0]!.physicalLocation!.artifactLocation!.uri,
    'examples/.github/workflows/release.yml',
  );
  assert.match(
    denied[0]!.message.text!,
    /^arn:aws:iam::210987654321:role\/eks\/prod-nodes cannot pull .*team\/api \(target prod-eks\): missing on the resource side: ecr:BatchGetImage, ecr:GetDownloadUrlForLayer\. Fix: Grant role/,
  );
  const secret = results.find((result) => result.ruleId === 'secret-in-repo' && result.level === 'error')!;
  assert.deepEqual(secret.locations![0]!.physicalLocation!.region, { startLine: 12 });
  assert.equal(results.filter((result) => result.ruleId?.startsWith('pull-')).length, 1); // 11 allowed are not results
  const ruleIds = log.runs[0]!.tool.driver.rules!.map((rule) => rule.id);
  for (const result of results) assert.ok(ruleIds.includes(result.ruleId!), result.ruleId);
});

test('a pull keeps its fingerprint when only its tag, wording or line changes (code scanning tracks one alert)', () => {
  const pull = (image: string, line: number, reason: string): PullResult => ({
    image,
    registry: 'ecr',
    target: 'prod',
    principal: 'arn:aws:iam::210987654321:role/nodes',
    verdict: 'unknown',
    reasons: [reason],
    missing: [],
    source: {
      image: { file: '.github/workflows/release.yml', line: 3, via: 'docker push' },
      target: { file: 'deploy/web.yaml', line, via: 'Deployment shop/web container web' },
    },
  });
  const fingerprint = (result: PullResult) =>
    (JSON.parse(renderSarif(buildReport([result], [], 'denied'))) as Log).runs[0]!.results![0]!
      .partialFingerprints;
  const ecr = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web';
  assert.deepEqual(
    fingerprint(pull(`${ecr}:1`, 10, 'a')),
    fingerprint(pull(`${ecr}@sha256:${'a'.repeat(64)}`, 12, 'b')),
  );
  assert.notDeepEqual(fingerprint(pull(`${ecr}:1`, 10, 'a')), fingerprint(pull(`${ecr}-other:1`, 10, 'a')));
});

test('paths with spaces become valid URI references; absolute and Windows paths are file URIs; a finding without a file has no location', () => {
  const report = buildReport(
    [],
    [
      { severity: 'medium', kind: 'discovery', file: 'deploy/my app/web.yaml', line: 2, message: 'x' },
      { severity: 'low', kind: 'discovery', message: 'no file' },
      { severity: 'low', kind: 'discovery', file: '/home/ci/pullcheck.yml', message: 'absolute' },
      { severity: 'low', kind: 'discovery', file: 'deploy\\win\\web.yaml', message: 'windows' },
    ],
    'denied',
  );
  const log = assertValidSarif(renderSarif(report));
  const [withFile, withoutFile, absolute, windows] = log.runs[0]!.results!;
  assert.deepEqual(absolute!.locations![0]!.physicalLocation!.artifactLocation, {
    uri: 'file:///home/ci/pullcheck.yml',
  });
  assert.deepEqual(windows!.locations![0]!.physicalLocation!.artifactLocation, {
    uri: 'deploy/win/web.yaml',
    uriBaseId: '%SRCROOT%',
  });
  assert.equal(withFile!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'deploy/my%20app/web.yaml');
  assert.equal(withFile!.level, 'warning');
  assert.equal(withoutFile!.locations, undefined);
  assert.equal(withoutFile!.level, 'note');
});

test('the schema check can fail: a run without tool.driver, or a result level outside the enumeration, is rejected', () => {
  assert.equal(validate({ version: '2.1.0', runs: [{ tool: {} }] }), false);
  const log = JSON.parse(
    renderSarif(buildReport([], [{ severity: 'high', kind: 'k', message: 'm' }], 'denied')),
  );
  log.runs[0].results[0].level = 'fatal';
  assert.equal(validate(log), false);
});
