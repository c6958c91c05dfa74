// Offline engine benchmark: IMAGES × TARGETS pair evaluations (default 1,000 × 10 = 10,000) on a
// realistic generated config, reporting pairs/s per stage and peak memory.
// Run: npm run bench [-- ecr|gcp IMAGES TARGETS] (compiled by tsc and run by plain node, so no loader is measured)
import { performance } from 'node:perf_hooks';
import { loadConfigText } from '../src/core/config/load.ts';
import { runCheck } from '../src/core/engine.ts';
import { preparedProviders } from '../src/providers/index.ts';
import { renderJson } from '../src/report/json.ts';
import { ecrScenario } from './scenarios/ecr.ts';
import { gcpScenario } from './scenarios/gcp.ts';

const scenarios = { ecr: ecrScenario, gcp: gcpScenario } as const;
const scenario = (process.argv[2] ?? 'ecr') as keyof typeof scenarios;
if (!(scenario in scenarios)) throw new Error(`unknown scenario ${scenario}: ecr or gcp`);
const imageCount = Number(process.argv[3] ?? 1000);
const targetCount = Number(process.argv[4] ?? 10);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);

const text = scenarios[scenario](imageCount, targetCount);
const started = performance.now();
const loaded = loadConfigText(text, 'bench.yml');
const loadedAt = performance.now();
const report = runCheck(loaded, await preparedProviders(loaded), { failOn: 'denied' });
const checkedAt = performance.now();
const json = renderJson(report);
const renderedAt = performance.now();
peakRss = Math.max(peakRss, process.memoryUsage().rss);
clearInterval(sampler);

const pairs = report.results.length;
const ms = (a: number, b: number) => `${(b - a).toFixed(0)} ms`;
console.log(`scenario ${scenario}: ${pairs} pairs evaluated (${imageCount} images × ${targetCount} targets)`);
console.log(`verdicts:               ${JSON.stringify(report.summary)}`);
console.log(
  `config load + validate: ${ms(started, loadedAt)} (${(text.length / 1e6).toFixed(1)} MB of YAML)`,
);
console.log(
  `engine (plan + rules):  ${ms(loadedAt, checkedAt)} → ${Math.round(pairs / ((checkedAt - loadedAt) / 1000))} pairs/s`,
);
console.log(`JSON report:            ${ms(checkedAt, renderedAt)} (${(json.length / 1e6).toFixed(1)} MB)`);
console.log(`end to end:             ${Math.round(pairs / ((renderedAt - started) / 1000))} pairs/s`);
console.log(
  `peak RSS:               ${(peakRss / 2 ** 20).toFixed(0)} MB (process.resourceUsage maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)`,
);
