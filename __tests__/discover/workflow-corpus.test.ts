// The corpus of workflows modelled on real public release workflows (__tests__/fixtures/workflows/, each
// citing the repository, path and commit it reproduces): what a careful engineer reads by hand, against
// what discovery finds. `npx tsx __tests__/discover/workflow-corpus.report.ts` prints the per-fixture table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtures, readExpected, scoreCorpus } from './workflow-corpus.ts';

test('the corpus: at least 40 workflows from distinct public repositories, each citing its repository, path and commit', () => {
  const names = fixtures();
  assert.ok(names.length >= 40, `${names.length} fixtures`);
  const repositories = new Set<string>();
  for (const name of names) {
    const { source, workflows } = readExpected(name);
    assert.match(source.repository, /^[\w.-]+\/[\w.-]+$/, name);
    assert.match(source.commit, /^[0-9a-f]{40}$/, name);
    assert.ok(source.path && source.pattern, name);
    assert.ok(workflows.length > 0, name);
    repositories.add(source.repository.toLowerCase());
  }
  assert.equal(repositories.size, names.length, 'one fixture per repository');
});

test('discovery on the corpus: recall of resolvable destinations ≥ 90%, no silent miss, no false destination', () => {
  const score = scoreCorpus();
  const problems = score.fixtures.flatMap((fixture) => [
    ...fixture.missed
      .filter((miss) => !miss.flagged)
      .map((miss) => `${fixture.name}: ${miss.image} missed with no finding`),
    ...fixture.unflagged.map(
      (entry) => `${fixture.name}: ${entry.at} needs ${entry.needs}, no finding names it`,
    ),
    ...fixture.falseDestinations.map((image) => `${fixture.name}: ${image} is not pushed`),
  ]);
  assert.deepEqual(problems, []);
  assert.equal(score.silentMisses, 0);
  assert.equal(score.falseDestinations, 0);
  assert.ok(
    score.recall >= 0.9,
    `recall ${(score.recall * 100).toFixed(1)}% (${score.found}/${score.expected})`,
  );
});
