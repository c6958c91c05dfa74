// Prints the deploy corpus per fixture: `npx tsx __tests__/discover/deploy-corpus.report.ts [NAME]`.
// With a NAME, also every target and finding discovery produced for it.
import {
  deployFixtures,
  diffOf,
  scoreDeployFixture,
  showFound,
  summarise,
  summaryLine,
} from './deploy-corpus.ts';

const only = process.argv[2];
const scores = deployFixtures().map(scoreDeployFixture);
for (const score of scores) {
  if (only && !score.name.includes(only)) continue;
  const today = diffOf(score, 'today');
  const waiting = diffOf(score, 'waiting');
  console.log(`${today.length ? 'FAIL' : waiting.length ? 'wait' : 'ok  '} ${score.name}`);
  for (const line of today) console.log(`     ${line.slice(score.name.length + 2)}`);
  for (const line of waiting) console.log(`     (waits) ${line.slice(score.name.length + 2)}`);
  if (!only) continue;
  for (const target of score.found) console.log(`     found ${showFound(target)}`);
  for (const finding of score.reportFindings)
    console.log(`     finding ${finding.file}:${finding.line} ${finding.message}`);
}
console.log(summaryLine(summarise(scores)));
