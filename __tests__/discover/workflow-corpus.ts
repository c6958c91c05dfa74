// The workflow corpus: fixtures modelled on real public release workflows (each citing the repository,
// path and commit it reproduces), with the destinations a careful engineer reads by hand. Scored as
// recall of those destinations, silent misses (a destination neither found nor flagged at its line, an
// unresolvable push with no finding) and false destinations (found, but not pushed).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { imageNameOf } from '../../src/core/image-reference.ts';
import { discoverWorkflowFile, type WorkflowFinding } from '../../src/discover/workflows/index.ts';

export const CORPUS = path.join(import.meta.dirname, '..', 'fixtures', 'workflows');

export interface Expected {
  readonly source: { repository: string; path: string; commit: string; pattern: string };
  readonly workflows: string[];
  readonly runner: { repository: string; ref_name?: string; ref?: string };
  readonly variables?: Record<string, string>;
  readonly destinations: { image: string; at: string }[];
  readonly unresolvable: { at: string; needs: string }[];
}

export interface FixtureScore {
  readonly name: string;
  readonly expected: number;
  readonly found: number;
  readonly missed: { image: string; at: string; flagged: boolean }[];
  readonly falseDestinations: string[];
  readonly unflagged: { at: string; needs: string }[];
  readonly findings: WorkflowFinding[];
}

const key = (reference: string) => (imageNameOf(reference) ?? reference).toLowerCase();

export function fixtures(): string[] {
  return readdirSync(CORPUS)
    .filter((name) => !name.startsWith('.'))
    .sort();
}

export function readExpected(name: string): Expected {
  return parse(readFileSync(path.join(CORPUS, name, 'expected.yml'), 'utf8')) as Expected;
}

export function scoreFixture(name: string): FixtureScore {
  const root = path.join(CORPUS, name);
  const expected = readExpected(name);
  const runner: Record<string, string> = {
    GITHUB_REPOSITORY: expected.runner.repository,
    GITHUB_REPOSITORY_OWNER: expected.runner.repository.split('/')[0]!,
    ...(expected.runner.ref_name ? { GITHUB_REF_NAME: expected.runner.ref_name } : {}),
    ...(expected.runner.ref ? { GITHUB_REF: expected.runner.ref } : {}),
  };
  const found = new Map<string, string>();
  const findings: WorkflowFinding[] = [];
  for (const workflow of expected.workflows) {
    const discovery = discoverWorkflowFile(path.join(root, workflow), {
      root,
      runner,
      variables: expected.variables ?? {},
    });
    for (const image of discovery.images) found.set(key(image.reference), image.reference);
    findings.push(...discovery.findings);
  }
  const flaggedAt = (at: string) => {
    const [file, line] = [at.slice(0, at.lastIndexOf(':')), Number(at.slice(at.lastIndexOf(':') + 1))];
    return findings.some(
      (finding) => path.relative(root, finding.where.file) === file && finding.where.line === line,
    );
  };
  // Flagged: a finding at the line the engineer points at, or one that names the image or the missing
  // value (a push made inside a local action is reported at its step there, naming what to add).
  const named = (text: string) => findings.some((finding) => finding.message.includes(text));
  const expectedKeys = new Set(expected.destinations.map((d) => key(d.image)));
  const missed = expected.destinations
    .filter((destination) => !found.has(key(destination.image)))
    .map((destination) => ({
      ...destination,
      flagged: flaggedAt(destination.at) || named(destination.image),
    }));
  return {
    name,
    expected: expected.destinations.length,
    found: expected.destinations.length - missed.length,
    missed,
    falseDestinations: [...found.keys()]
      .filter((image) => !expectedKeys.has(image))
      .map((image) => found.get(image)!),
    unflagged: expected.unresolvable.filter((entry) => !flaggedAt(entry.at) && !named(`\`${entry.needs}\``)),
    findings,
  };
}

export interface CorpusScore {
  readonly fixtures: FixtureScore[];
  readonly expected: number;
  readonly found: number;
  readonly recall: number;
  readonly silentMisses: number;
  readonly falseDestinations: number;
}

export function scoreCorpus(): CorpusScore {
  const scores = fixtures().map(scoreFixture);
  const expected = scores.reduce((sum, score) => sum + score.expected, 0);
  const found = scores.reduce((sum, score) => sum + score.found, 0);
  return {
    fixtures: scores,
    expected,
    found,
    recall: expected === 0 ? 1 : found / expected,
    silentMisses: scores.reduce(
      (sum, s) => sum + s.missed.filter((m) => !m.flagged).length + s.unflagged.length,
      0,
    ),
    falseDestinations: scores.reduce((sum, s) => sum + s.falseDestinations.length, 0),
  };
}
