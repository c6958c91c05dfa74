// The deploy corpus (issue 16): GitHub's starter deployment workflows and real public deploy workflows,
// each fixture citing the repository, path and commit it reproduces, against the targets (platform,
// identifying fields, images, the line that names them) and deploy findings a careful engineer reads.
// Expectations marked `waitsFor` name a reader still being built: each fixture's test prints them as
// diagnostics and checks the rest; the summary fails once a marked expectation is met (drop the mark).
// PULLCHECK_DEPLOY_CORPUS=strict checks every expectation, marked or not (the acceptance run).
// `npx tsx __tests__/discover/deploy-corpus.report.ts [NAME]` prints what each fixture finds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  deployFixtures,
  diffOf,
  readDeployExpected,
  scoreDeployFixture,
  summarise,
  summaryLine,
  type DeployScore,
} from './deploy-corpus.ts';

const STRICT = process.env['PULLCHECK_DEPLOY_CORPUS'] === 'strict';
const names = deployFixtures();
const scores = new Map<string, DeployScore>();
const scoreOf = (name: string) => {
  if (!scores.has(name)) scores.set(name, scoreDeployFixture(name));
  return scores.get(name)!;
};

test('the deploy corpus: the starter workflows and at least 15 real ones, each citing its repository, path and commit', () => {
  const real = new Set<string>();
  for (const name of names) {
    const { source, workflows, targets, deployFindings } = readDeployExpected(name);
    assert.match(source.repository, /^[\w.-]+\/[\w.-]+$/, name);
    assert.match(source.commit, /^[0-9a-f]{40}$/, name);
    assert.ok(source.path && source.pattern, name);
    assert.ok(workflows.length > 0, name);
    assert.ok(targets.length + deployFindings.length > 0, `${name} expects nothing`);
    if (source.repository !== 'actions/starter-workflows') real.add(`${source.repository}/${source.path}`);
  }
  const starters = names.filter((name) => name.startsWith('actions--starter-workflows'));
  assert.ok(starters.length >= 3, `${starters.length} starter fixtures`);
  assert.ok(real.size >= 15, `${real.size} real deploy workflows`);
});

for (const name of names) {
  test(`${name}: the targets and deploy findings a careful engineer reads`, (t) => {
    const score = scoreOf(name);
    if (!STRICT) for (const line of diffOf(score, 'waiting')) t.diagnostic(line);
    assert.deepEqual(diffOf(score, STRICT ? 'all' : 'today'), []);
  });
}

test('the deploy corpus summary; an expectation marked waitsFor that is already met loses its mark', () => {
  const all = names.map(scoreOf);
  console.log(summaryLine(summarise(all)));
  const stale = all.flatMap((score) =>
    [...score.targets, ...score.findings]
      .filter((outcome) => outcome.waitsFor && !outcome.problem)
      .map((outcome) => `${score.name}: ${outcome.expectation} is met; remove waitsFor: ${outcome.waitsFor}`),
  );
  assert.deepEqual(stale, []);
});
