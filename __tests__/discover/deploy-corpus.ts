// The deploy corpus: fixtures modelled on GitHub's starter deployment workflows and on real public deploy
// workflows (__tests__/fixtures/deploys/, each citing the repository, path and commit it reproduces), with
// the targets a careful engineer reads by hand and the deploy steps that cannot be resolved. Discovery runs
// as the action runs with no config file: the running workflow alone, the runner's GITHUB_* variables, no
// discover.variables (so a value in `vars` or `secrets` is a finding).
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { parse } from 'yaml';
import { loadActionConfig } from '../../src/action/config.ts';
import { imageNameOf } from '../../src/core/image-reference.ts';
import type { ReportFinding } from '../../src/core/verdict.ts';
import { readInputs } from '../../src/inputs.ts';

export const DEPLOYS = path.join(import.meta.dirname, '..', 'fixtures', 'deploys');

/** A target as the engineer reads it: platform, identifying fields, images, the line that names it. */
export interface ExpectedTarget {
  readonly platform: string;
  readonly at: string;
  readonly images: string[];
  /** The feature (on another branch) this expectation waits for; absent when it should pass today. */
  readonly waitsFor?: string;
  readonly [field: string]: unknown;
}

/** A deploy step whose cluster, image or manifests cannot be resolved: a finding at its line. */
export interface ExpectedFinding {
  readonly at: string;
  readonly says: string;
  readonly waitsFor?: string;
}

export interface DeployExpected {
  readonly source: { repository: string; path: string; commit: string; pattern: string };
  readonly workflows: string[];
  readonly runner: { repository: string; ref_name?: string; ref?: string };
  readonly targets: ExpectedTarget[];
  readonly deployFindings: ExpectedFinding[];
}

export interface FoundTarget {
  readonly platform: string;
  readonly fields: Record<string, unknown>;
  readonly images: string[];
  readonly at: string;
}

export interface Outcome {
  readonly expectation: string;
  readonly waitsFor?: string;
  /** Empty when met; otherwise what differs. */
  readonly problem: string;
}

export interface DeployScore {
  readonly name: string;
  readonly targets: Outcome[];
  readonly findings: Outcome[];
  /** Targets discovery found that no expectation names (a false target). */
  readonly unexpected: FoundTarget[];
  readonly found: FoundTarget[];
  readonly reportFindings: ReportFinding[];
}

const NOT_IDENTITY = new Set(['platform', 'at', 'images', 'waitsFor']);

export function deployFixtures(): string[] {
  return readdirSync(DEPLOYS)
    .filter((name) => !name.startsWith('.'))
    .sort();
}

export function readDeployExpected(name: string): DeployExpected {
  const read = parse(readFileSync(path.join(DEPLOYS, name, 'expected.yml'), 'utf8')) as DeployExpected;
  return { ...read, targets: read.targets ?? [], deployFindings: read.deployFindings ?? [] };
}

/**
 * Discovery as the action runs it without a config file (no `config` input, none at the default path):
 * once per workflow the fixture runs, named by GITHUB_WORKFLOW_REF inside GITHUB_WORKSPACE.
 */
export function discoverFixture(name: string): { found: FoundTarget[]; findings: ReportFinding[] } {
  const root = path.join(DEPLOYS, name);
  const { runner, workflows } = readDeployExpected(name);
  const options = readInputs(() => '');
  const found: FoundTarget[] = [];
  const findings: ReportFinding[] = [];
  for (const workflow of workflows) {
    const env = {
      GITHUB_WORKSPACE: root,
      GITHUB_WORKFLOW_REF: `${runner.repository}/${workflow}@${runner.ref ?? `refs/heads/${runner.ref_name ?? 'main'}`}`,
      GITHUB_REPOSITORY: runner.repository,
      GITHUB_REPOSITORY_OWNER: runner.repository.split('/')[0]!,
      ...(runner.ref_name ? { GITHUB_REF_NAME: runner.ref_name } : {}),
      ...(runner.ref ? { GITHUB_REF: runner.ref } : {}),
    };
    const result = loadActionConfig(options, env);
    if (result.workflows.length !== 1) throw new Error(`${name}: the action did not find ${workflow}`);
    findings.push(...result.findings);
    for (const target of result.config.input.targets ?? []) {
      const origin = result.config.origins.targets.get(target.name)?.origin;
      const fields = Object.fromEntries(
        Object.entries(target).filter(([key]) => !['name', 'platform', 'images'].includes(key)),
      );
      found.push({
        platform: target.platform,
        fields,
        images: (target.images ?? []).map(nameOf),
        at: origin ? `${path.relative(root, path.resolve(origin.file))}:${origin.line}` : '(no origin)',
      });
    }
  }
  return { found, findings };
}

const nameOf = (reference: string) => (imageNameOf(reference) ?? reference).toLowerCase();
const sorted = (list: readonly string[]) => [...new Set(list)].sort();

function sameValue(expected: unknown, found: unknown): boolean {
  if (Array.isArray(expected) && Array.isArray(found))
    return isDeepStrictEqual(sorted(expected.map(String)), sorted(found.map(String)));
  return isDeepStrictEqual(expected, found);
}

function identityOf(target: ExpectedTarget): Record<string, unknown> {
  return Object.fromEntries(Object.entries(target).filter(([key]) => !NOT_IDENTITY.has(key)));
}

export function describeTarget(target: { platform: string } & Record<string, unknown>): string {
  const fields = Object.entries(target)
    .filter(([key]) => !NOT_IDENTITY.has(key) && key !== 'fields')
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(',') : String(value)}`);
  return `${target.platform}(${fields.join(' ')})`;
}

/**
 * An expected target is met by the found targets with its platform and every identifying field it states
 * (a cluster split into per-workload targets meets it together): their images, as a set of names, are
 * the expected ones, and one of them is planned at the expected line.
 */
function scoreTarget(
  expected: ExpectedTarget,
  found: readonly FoundTarget[],
): Outcome & { matched: FoundTarget[] } {
  const identity = identityOf(expected);
  const matched = found.filter(
    (target) =>
      target.platform === expected.platform &&
      Object.entries(identity).every(([key, value]) => sameValue(value, target.fields[key])),
  );
  const expectation = `${describeTarget(expected)} at ${expected.at}`;
  const base = { expectation, ...(expected.waitsFor ? { waitsFor: expected.waitsFor } : {}), matched };
  if (matched.length === 0) {
    const near = found.filter((target) => target.platform === expected.platform);
    const hint = near.length ? `; found ${near.map(showFound).join('; ')}` : '';
    return { ...base, problem: `not found${hint}` };
  }
  const images = sorted(matched.flatMap((target) => target.images));
  const wanted = sorted(expected.images.map(nameOf));
  const problems: string[] = [];
  if (!isDeepStrictEqual(images, wanted))
    problems.push(`images [${images.join(', ')}], expected [${wanted.join(', ')}]`);
  if (!matched.some((target) => target.at === expected.at))
    problems.push(`planned at ${matched.map((target) => target.at).join(', ')}`);
  return { ...base, problem: problems.join('; ') };
}

export function showFound(target: FoundTarget): string {
  return `${describeTarget({ platform: target.platform, ...target.fields })} [${target.images.join(', ')}] at ${target.at}`;
}

function scoreFinding(expected: ExpectedFinding, findings: readonly ReportFinding[], root: string): Outcome {
  const base = {
    expectation: `finding at ${expected.at} saying "${expected.says}"`,
    ...(expected.waitsFor ? { waitsFor: expected.waitsFor } : {}),
  };
  const at = findings.filter(
    (finding) =>
      finding.file !== undefined &&
      `${path.relative(root, path.resolve(finding.file))}:${finding.line}` === expected.at,
  );
  if (at.some((finding) => finding.message.includes(expected.says))) return { ...base, problem: '' };
  const there = at.map((finding) => `"${finding.message}"`).join('; ');
  return { ...base, problem: there ? `the findings there say ${there}` : 'no finding at that line' };
}

export function scoreDeployFixture(name: string): DeployScore {
  const root = path.join(DEPLOYS, name);
  const expected = readDeployExpected(name);
  const { found, findings } = discoverFixture(name);
  const targets = expected.targets.map((target) => scoreTarget(target, found));
  const claimed = new Set(targets.flatMap((outcome) => outcome.matched));
  return {
    name,
    targets: targets.map(({ matched: _matched, ...outcome }) => outcome),
    findings: expected.deployFindings.map((finding) => scoreFinding(finding, findings, root)),
    unexpected: found.filter((target) => !claimed.has(target)),
    found,
    reportFindings: findings,
  };
}

/**
 * A readable diff of one fixture: the unmet expectations that should hold today (and the false targets),
 * those marked `waitsFor` (each says what it waits for), or all of them.
 */
export function diffOf(score: DeployScore, which: 'today' | 'waiting' | 'all'): string[] {
  const wanted = (outcome: Outcome) =>
    which === 'all' || (which === 'waiting') === (outcome.waitsFor !== undefined);
  const waits = (outcome: Outcome) => (outcome.waitsFor ? ` (waits for ${outcome.waitsFor})` : '');
  const lines = [
    ...score.targets
      .filter((o) => o.problem && wanted(o))
      .map((o) => `target ${o.expectation}: ${o.problem}${waits(o)}`),
    ...score.findings
      .filter((o) => o.problem && wanted(o))
      .map((o) => `${o.expectation}: ${o.problem}${waits(o)}`),
    ...(which !== 'waiting'
      ? score.unexpected.map((target) => `unexpected target ${showFound(target)}`)
      : []),
  ];
  return lines.map((line) => `${score.name}: ${line}`);
}

export interface DeploySummary {
  readonly fixtures: number;
  readonly targetsExpected: number;
  readonly targetsFound: number;
  readonly findingsExpected: number;
  readonly findingsFound: number;
  readonly unexpected: number;
}

export function summarise(scores: readonly DeployScore[]): DeploySummary {
  const met = (list: readonly Outcome[]) => list.filter((outcome) => !outcome.problem).length;
  return {
    fixtures: scores.length,
    targetsExpected: scores.reduce((sum, score) => sum + score.targets.length, 0),
    targetsFound: scores.reduce((sum, score) => sum + met(score.targets), 0),
    findingsExpected: scores.reduce((sum, score) => sum + score.findings.length, 0),
    findingsFound: scores.reduce((sum, score) => sum + met(score.findings), 0),
    unexpected: scores.reduce((sum, score) => sum + score.unexpected.length, 0),
  };
}

export function summaryLine(summary: DeploySummary): string {
  return `deploy corpus: ${summary.fixtures} fixtures, targets ${summary.targetsFound}/${summary.targetsExpected} found correctly, deploy findings ${summary.findingsFound}/${summary.findingsExpected} found, ${summary.unexpected} unexpected targets`;
}
