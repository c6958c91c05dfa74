// Compares two JSON reports field by field: the summary, and for every pull (matched by image, target and
// principal) its verdict, reasons, missing grants with their fixes, and source. Prints each difference
// (the first 20) and exits 1 if there is any.
// Run: node bench/compare-reports.mjs BEFORE.json AFTER.json
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) throw new Error('usage: compare-reports BEFORE.json AFTER.json');
const [before, after] = [beforeFile, afterFile].map((file) => JSON.parse(readFileSync(file, 'utf8')));
const differences = [];
const differ = (what, a, b) => {
  if (!isDeepStrictEqual(a, b)) differences.push(`${what}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
};
differ('summary', before.summary, after.summary);
differ('findings', before.findings, after.findings);
differ('plan', before.plan, after.plan);
const key = (result) => `${result.image} → ${result.target} (${result.principal})`;
const afterResults = new Map(after.results.map((result) => [key(result), result]));
differ('number of results', before.results.length, after.results.length);
let compared = 0;
for (const result of before.results) {
  const other = afterResults.get(key(result));
  if (!other) {
    differences.push(`${key(result)}: missing after`);
    continue;
  }
  for (const field of new Set([...Object.keys(result), ...Object.keys(other)]))
    differ(`${key(result)} ${field}`, result[field], other[field]);
  compared++;
}
console.log(`${compared} results compared field by field, ${differences.length} differences`);
for (const difference of differences.slice(0, 20)) console.log(`  ${difference.slice(0, 400)}`);
process.exitCode = differences.length > 0 ? 1 : 0;
