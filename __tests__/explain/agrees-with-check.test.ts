// `pullcheck explain` gives exactly `check`'s answer for every pull of the demo (examples/pullcheck.yml): the
// same principals, verdicts, reasons and missing grants, whether explain runs before any check (nothing
// remembered) or after one.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { prepareCheck } from '../../src/check/pipeline.ts';
import { discoveredConfig } from '../../src/cli/discovered-config.ts';
import { runCheck } from '../../src/core/engine.ts';
import { explainPulls } from '../../src/explain/explain-pulls.ts';
import { statementLines } from '../../src/explain/statement-lines.ts';

const CONFIGS = ['examples/pullcheck.yml'];

async function prepared(configFile: string) {
  const discovered = discoveredConfig(configFile, undefined);
  return prepareCheck({ config: discovered.config, live: undefined, snapshot: undefined });
}

for (const configFile of CONFIGS) {
  test(`${configFile}: explain of every pull agrees with check, explained before and after the check`, async () => {
    const report = runCheck((await prepared(configFile)).config, (await prepared(configFile)).providers, {
      failOn: 'denied',
    });
    const pairs = new Map(report.results.map((row) => [`${row.image} -> ${row.target}`, row]));
    assert.ok(pairs.size >= 9, `the demo's pulls (${pairs.size})`);
    const fresh = await prepared(configFile);
    const checked = await prepared(configFile);
    runCheck(checked.config, checked.providers, { failOn: 'denied' });
    const lines = statementLines(path.resolve(path.dirname(configFile)));
    let compared = 0;
    for (const [, { image, target }] of pairs) {
      const rows = report.results.filter((row) => row.image === image && row.target === target);
      for (const { config, providers } of [fresh, checked]) {
        const explanations = explainPulls(config, providers, { image, target }, lines);
        assert.deepEqual(
          explanations.map((e) => e.principal).sort(),
          rows.map((row) => row.principal).sort(),
          `${image} -> ${target}: the same principals`,
        );
        for (const e of explanations) {
          const row = rows.find((r) => r.principal === e.principal)!;
          assert.deepEqual(
            { verdict: e.verdict, reasons: e.reasons, missing: e.missing },
            { verdict: row.verdict, reasons: row.reasons, missing: row.missing },
            `${image} -> ${target} (${e.principal})`,
          );
          compared++;
        }
      }
    }
    assert.equal(compared, report.results.length * 2);
  });
}
