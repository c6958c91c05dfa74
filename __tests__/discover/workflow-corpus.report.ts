// Prints the corpus score per fixture: `npx tsx __tests__/discover/workflow-corpus.report.ts [NAME]`.
import { scoreCorpus } from './workflow-corpus.ts';

const only = process.argv[2];
const score = scoreCorpus();
for (const fixture of score.fixtures) {
  if (only && !fixture.name.includes(only)) continue;
  const clean = fixture.missed.length + fixture.falseDestinations.length + fixture.unflagged.length === 0;
  console.log(
    `${clean ? 'ok  ' : 'MISS'} ${fixture.name}: ${fixture.found}/${fixture.expected}, ${fixture.findings.length} findings`,
  );
  for (const miss of fixture.missed)
    console.log(`     missed ${miss.image} (${miss.at}) ${miss.flagged ? 'flagged' : 'SILENT'}`);
  for (const image of fixture.falseDestinations) console.log(`     false destination ${image}`);
  for (const entry of fixture.unflagged) console.log(`     no finding for ${entry.at} (${entry.needs})`);
  if (only)
    for (const finding of fixture.findings)
      console.log(`     ${finding.kind} ${finding.where.file}:${finding.where.line} ${finding.message}`);
}
console.log(
  `${score.fixtures.length} workflows, recall ${score.found}/${score.expected} = ${(score.recall * 100).toFixed(1)}%, silent misses ${score.silentMisses}, false destinations ${score.falseDestinations}`,
);
