// Writes the configs bench/scale.sh checks: the engine benchmark's scenarios at 10,000, 30,000 and 100,000
// pairs, as YAML and as compact JSON (what a generator writes; 100,000 pairs pretty-printed are over the
// 10 MB a config may be).
// Run: node .bench-build/bench/scale-configs.js DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { ecrScenarioConfig } from './scenarios/ecr.ts';
import { gcpScenarioConfig } from './scenarios/gcp.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: scale-configs DIR');
mkdirSync(dir, { recursive: true });
const sizes = [
  { name: 'ecr-10k', config: () => ecrScenarioConfig(1_000, 10), formats: ['yml', 'json'] },
  { name: 'ecr-30k', config: () => ecrScenarioConfig(3_000, 10), formats: ['json'] },
  { name: 'ecr-100k', config: () => ecrScenarioConfig(10_000, 10), formats: ['yml', 'json'] },
  { name: 'gcp-10k', config: () => gcpScenarioConfig(1_000, 10), formats: ['yml', 'json'] },
];
for (const { name, config, formats } of sizes) {
  const value = config();
  for (const format of formats) {
    const text = format === 'json' ? JSON.stringify(value) : stringify(value);
    writeFileSync(path.join(dir, `${name}.${format}`), text);
  }
}
