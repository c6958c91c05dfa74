// The deploy corpus (issue 16): GitHub's starter deployment workflows and real public deploy workflows,
// each fixture citing the repository, path and commit it reproduces, against the targets (platform,
// identifying fields, images, the line that names them) and deploy findings a careful engineer reads.
// Expectations marked `waitsFor` name a reader still being built: their test is a todo that prints its
// diff without failing the run, and the summary fails once such an expectation is met (drop the mark).
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
  const expected = readDeployExpected(name);
  test(`${name}: the targets and deploy findings discovery reads today`, () => {
    assert.deepEqual(diffOf(scoreOf(name), 'today'), []);
  });
  const waiting = [
    ...new Set([...expected.targets, ...expected.deployFindings].flatMap((entry) => entry.waitsFor ?? [])),
  ];
  if (waiting.length > 0)
    test(`${name}: expectations waiting for ${waiting.join('; ')}`, { todo: waiting.join('; ') }, () => {
      assert.deepEqual(diffOf(scoreOf(name), 'waiting'), []);
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
