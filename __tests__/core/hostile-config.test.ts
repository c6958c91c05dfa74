// Hostile configs: valid seeds (the demo and one config per platform) mutated deterministically — flipped
// bytes, truncations, huge strings, deep nesting, alias bombs, control characters, workflow-command lines,
// wrong types, paths that leave the repository — each run in process through the CLI entry (runCli,
// --offline). Every run must end with exit 0, 1 or 2, quickly, with every line it prints bounded and none
// that the runner would read as a workflow command (`::`).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../src/cli/command.ts';

const CASES = 1_200;
const SEED = 0x5eed_13;
/** CPU time a case may spend (the whole process's: the case runs in it). */
const MAX_CASE_MS = 2_000;
const MAX_LINE = 1_000;
/** Output in all: a report grows with the config (5,000 valid images are 5,000 results), echo must not. */
const MAX_OUTPUT = 1024 * 1024;
const MAX_OUTPUT_PER_INPUT_CHARACTER = 100;
/** A rejected config prints its first problems and a count: a few dozen lines at most. */
const MAX_ERROR_OUTPUT = 64 * 1024;

const ROLE = 'arn:aws:iam::123456789012:role/ci';
const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

/** Valid configs. Paths are those of examples/ (copied into the repository each case runs in). */
const SEEDS: readonly string[] = [
  '', // examples/pullcheck.yml, read by the test
  `version: 1
images: [${ECR}/team/web:1]
targets:
  - { name: ci, platform: aws-role, roles: [${ROLE}] }
facts:
  aws:
    roles:
      - arn: ${ROLE}
        policies: [{ file: iam/ci-smoke-tests.json }, '{"Version": "2012-10-17", "Statement": []}']
        managedPolicies: [arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly]
    repositories:
      - arn: arn:aws:ecr:us-east-1:123456789012:repository/team/web
        policy: { file: iam/web-repository-policy.json }
`,
  `version: 1
images: [europe-west2-docker.pkg.dev/acme-prod/apps/web:1, gcr.io/acme-prod/api]
targets:
  - name: gke
    platform: gke
    project: acme-prod
    location: europe-west2
    cluster: prod
    serviceAccounts:
      - { email: nodes@acme-prod.iam.gserviceaccount.com, scopes: [https://www.googleapis.com/auth/cloud-platform] }
facts:
  gcp:
    projects: [{ id: acme-prod, number: '514728273412' }]
    iamPolicies:
      - resource: projects/acme-prod/locations/europe-west2/repositories/apps
        policy: { file: gcp/apps-repository-policy.json }
`,
  `version: 1
images: [ghcr.io/acme/web:1, quay.io/acme/agent:3.1]
publicImages: [quay.io/acme/public-*]
targets:
  - { name: edge, platform: k3s, registriesFile: k3s/registries.yaml }
  - name: k8s
    platform: kubernetes
    namespace: apps
    serviceAccount: web
    imagePullSecrets: [regcred]
facts:
  kubernetes:
    manifests: [openshift/*.yaml]
    objects:
      - { apiVersion: v1, kind: ServiceAccount, metadata: { name: web, namespace: apps }, imagePullSecrets: [{ name: regcred }] }
`,
  `version: 1
discover:
  workflows: [.github/workflows/*.yml]
  variables: { REGISTRY: ghcr.io/acme }
  manifests:
    - target: ocp
      paths: [deploy/openshift]
images: [image-registry.openshift-image-registry.svc:5000/shared-images/base:9.4]
targets:
  - { name: ocp, platform: openshift, namespace: project-a, registryHosts: [default-route-openshift-image-registry.apps.ocp.example.com] }
  - { name: ecs, platform: ecs, account: '210987654321', region: us-east-1, cluster: prod, roles: [${ROLE}] }
`,
];

const DEMO_HEADER = 'version: 1\n';
const K8S_TARGET = 'targets:\n  - { name: ocp, platform: openshift, namespace: project-a }\n';
const manifestPaths = (paths: string) =>
  `${DEMO_HEADER}discover:\n  manifests: [{ target: ocp, paths: ${paths} }]\n${K8S_TARGET}`;
const policy = (written: string) =>
  `${DEMO_HEADER}targets: [{ name: ci, platform: aws-role, roles: [${ROLE}] }]\nimages: [${ECR}/a]\nfacts:\n  aws:\n    roles:\n      - arn: ${ROLE}\n        policies: [${written}]\n`;
const laughs = Array.from({ length: 10 }, (_, i) =>
  i === 0
    ? 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'
    : `l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
).join('\n');

/** Hostile configs written out, not left to chance: each class the random mutations may rarely reach. */
const DIRECTED: readonly (readonly [string, string])[] = [
  ['an alias inside its own anchor', `${DEMO_HEADER}images: &a [*a]\n`],
  ['an alias cycle through a map', `${DEMO_HEADER}facts: &f { kubernetes: { objects: [*f] } }\n`],
  ['billion laughs', `${laughs}\n${DEMO_HEADER}images: [*l9]\n`],
  ['manifests: ["/"]', manifestPaths('["/"]')],
  ['a manifests glob above the repository', manifestPaths('["../../../../../**/*.yaml"]')],
  ['a manifests glob through braces', manifestPaths('["{.,../../../..}/etc/*"]')],
  ['a manifests glob of the whole repository', manifestPaths('["**"]')],
  ['a 70,000-character glob', manifestPaths(`["${'a'.repeat(70_000)}*"]`)],
  ['a backtracking glob', manifestPaths(`["${'*a'.repeat(30)}b"]`)],
  ['a workflows glob outside', `${DEMO_HEADER}discover: { workflows: ['/etc/*'] }\n`],
  [
    'a backtracking IAM wildcard (arn:…/*a*a…*b) against an 80-character repository name',
    `${DEMO_HEADER}targets: [{ name: ci, platform: aws-role, roles: [${ROLE}] }]\nimages: [${ECR}/${'a'.repeat(80)}]\nfacts:\n  aws:\n    roles:\n      - arn: ${ROLE}\n        policies: ['{"Statement": [{"Effect": "Allow", "Action": "ecr:*", "Resource": "arn:aws:ecr:us-east-1:123456789012:repository/${'*a'.repeat(12)}*b"}]}']\n`,
  ],
  ['a policy file of /dev/zero', policy('{ file: /dev/zero }')],
  ['a policy file of /proc/self/environ', policy('{ file: /proc/self/environ }')],
  ['a policy file above the repository', policy('{ file: ../../../../../../etc/passwd }')],
  ['a policy file that is a folder', policy('{ file: iam }')],
  ['JSON nested 100,000 deep', policy(`'${'['.repeat(100_000)}${']'.repeat(100_000)}'`)],
  ['a YAML policy nested 2,000 deep', policy(`${'{ a: '.repeat(2_000)}1${' }'.repeat(2_000)}`)],
  [
    'a registriesFile of /dev/stdin',
    `${DEMO_HEADER}images: [ghcr.io/a/b]\ntargets: [{ name: e, platform: k3s, registriesFile: /dev/stdin }]\n`,
  ],
  [
    'workflow commands as names',
    `${DEMO_HEADER}images: ["::error::x"]\ntargets: [{ name: "::warning::y", platform: aws-role, roles: ["::add-mask::z"] }]\n`,
  ],
  [
    'a 100,000-character target name',
    `${DEMO_HEADER}images: [ghcr.io/a/b]\ntargets: [{ name: ${'n'.repeat(100_000)}, platform: aws-role, roles: [${ROLE}] }]\n`,
  ],
  ['5,000 syntax errors', `${DEMO_HEADER}${':\n'.repeat(5_000)}`],
  ['2,000 unknown keys', `${DEMO_HEADER}${Array.from({ length: 2_000 }, (_, i) => `k${i}: 1`).join('\n')}\n`],
];

const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;

/** Deterministic randomness: mulberry32. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const upTo = (rng: Rng, n: number) => Math.floor(rng() * n);

/** A line with a `key: value`, and the index of the value's start. */
function valueLines(text: string): { line: number; at: number }[] {
  return text.split('\n').flatMap((line, i) => {
    const match = /^(\s*(?:- )?[\w.-]+: )\S/.exec(line);
    return match ? [{ line: i, at: match[1]!.length }] : [];
  });
}

/** Replaces the value of a random `key: value` line (or appends, when there is none). */
function replaceValue(text: string, rng: Rng, value: string): string {
  const lines = text.split('\n');
  const candidates = valueLines(text);
  if (candidates.length === 0) return `${text}\n${value}`;
  const { line, at } = pick(rng, candidates);
  lines[line] = lines[line]!.slice(0, at) + value;
  return lines.join('\n');
}

function insertAt(text: string, rng: Rng, inserted: string): string {
  const at = upTo(rng, text.length + 1);
  return text.slice(0, at) + inserted + text.slice(at);
}

const CONTROL = [
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r',
  '\u0085',
  '\u2028',
  '\t',
  '\u000b',
  '\ufeff',
  '\ud800',
];
const COMMANDS = [
  '::error::pwned',
  '::set-output name=x::y',
  '::add-mask::x',
  '%0A::warning::x',
  '\n::stop-commands::tok\n',
  'x\n::error file=a::b',
];
const TRAVERSALS = [
  '{ file: ../../../../../../etc/passwd }',
  '{ file: /etc/hostname }',
  '{ file: /dev/zero }',
  '{ file: /proc/self/environ }',
  '{ file: . }',
  '["/"]',
  '["../../../../**"]',
  '["**/../../../.."]',
  '["{a,../../..}/*"]',
  '/etc/passwd',
  '../../../../../etc/shadow',
  '["/proc/self/fd/*"]',
  `["${'*a'.repeat(12)}"]`,
  `["${'x/'.repeat(600)}"]`,
];
const WRONG_TYPES = [
  '{}',
  '[]',
  '123',
  '-1',
  '1e309',
  'true',
  'null',
  '~',
  '""',
  '[[[]]]',
  '{ a: { b: [] } }',
  '!!binary aGk=',
];

type Mutation = (text: string, rng: Rng) => string;

const MUTATIONS: Record<string, Mutation> = {
  'flip a byte': (text, rng) => {
    if (text.length === 0) return '\u0000';
    const at = upTo(rng, text.length);
    return text.slice(0, at) + String.fromCharCode(upTo(rng, 256)) + text.slice(at + 1);
  },
  truncate: (text, rng) => text.slice(0, upTo(rng, text.length)),
  'huge string': (text, rng) =>
    replaceValue(text, rng, pick(rng, ['A', 'é', '*', '/', 'a-', '{{']).repeat(5_000 + upTo(rng, 60_000))),
  'many keys': (text) => `${text}\n${Array.from({ length: 300 }, (_, i) => `k${i}: ${i}`).join('\n')}\n`,
  'deep flow nesting': (text, rng) => {
    const depth = 100 + upTo(rng, 2_000);
    return replaceValue(text, rng, `${'['.repeat(depth)}${']'.repeat(depth)}`);
  },
  'deep map nesting': (text, rng) => {
    const depth = 50 + upTo(rng, 500);
    return replaceValue(text, rng, `${'{ a: '.repeat(depth)}1${' }'.repeat(depth)}`);
  },
  'deep block nesting': (text, rng) => {
    const depth = 50 + upTo(rng, 200);
    const block = Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    return `${text}\nnested:\n${block.replace(/^/gm, ' ')} x\n`;
  },
  'alias bomb': (text, rng) => {
    const levels = 4 + upTo(rng, 6);
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < levels; i++)
      lines.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    return `${lines.join('\n')}\n${text.replace(/^images: \[/m, `images: [*l${levels - 1}, `)}`;
  },
  'alias in a value': (text, rng) =>
    replaceValue(text, rng, pick(rng, ['*undefined', '&a x', '*a', '&a [*a]'])),
  'control character': (text, rng) => insertAt(text, rng, pick(rng, CONTROL)),
  'workflow command': (text, rng) =>
    rng() < 0.5
      ? insertAt(text, rng, pick(rng, COMMANDS))
      : replaceValue(text, rng, JSON.stringify(pick(rng, COMMANDS))),
  'wrong type': (text, rng) => replaceValue(text, rng, pick(rng, WRONG_TYPES)),
  'path traversal': (text, rng) => replaceValue(text, rng, pick(rng, TRAVERSALS)),
  'duplicate a line': (text, rng) => {
    const lines = text.split('\n');
    const at = upTo(rng, lines.length);
    lines.splice(at, 0, lines[at] ?? '');
    return lines.join('\n');
  },
  'shift indentation': (text, rng) => {
    const lines = text.split('\n');
    const at = upTo(rng, lines.length);
    lines[at] = rng() < 0.5 ? ` ${lines[at]}` : (lines[at] ?? '').replace(/^ /, '');
    return lines.join('\n');
  },
  'prototype keys': (text, rng) =>
    replaceValue(
      text,
      rng,
      pick(rng, ['{ __proto__: { polluted: 1 } }', '{ constructor: { prototype: 1 } }', '__proto__']),
    ),
  'many documents': (text) => `${text}\n---\n${text}\n---\n[`,
  'huge list': (text, rng) =>
    replaceValue(
      text,
      rng,
      `[${Array.from({ length: 1_000 + upTo(rng, 2_000) }, (_, i) => `ghcr.io/a/b${i}`).join(', ')}]`,
    ),
  'yaml tags and directives': (text, rng) =>
    pick(rng, [
      `%YAML 9.9\n---\n${text}`,
      `%TAG ! tag:x,2000:\n---\n${text}`,
      replaceValue(text, rng, '!!js/function "x"'),
    ]),
};
/** Mutations that build large inputs (each costs a parse of hundreds of KB): drawn one time in eight. */
const HEAVY = [
  'huge string',
  'many keys',
  'deep flow nesting',
  'deep map nesting',
  'deep block nesting',
  'huge list',
];
const LIGHT = Object.keys(MUTATIONS).filter((name) => !HEAVY.includes(name));
const pickMutation = (rng: Rng) => pick(rng, rng() < 0.125 ? HEAVY : LIGHT);

interface Outcome {
  readonly code: number | string;
  readonly ms: number;
  readonly out: string;
}

/** Runs the CLI in process; anything written past its CliIo (console, process streams) is caught too. */
async function runCase(config: string, args: readonly string[]): Promise<Outcome> {
  let out = '';
  const capture = (text: string) => void (out += text);
  const saved = {
    stdout: process.stdout.write,
    stderr: process.stderr.write,
    log: console.log,
    error: console.error,
    warn: console.warn,
  };
  const stray = (chunk: unknown) => {
    out += String(chunk);
    return true;
  };
  process.stdout.write = stray as typeof process.stdout.write;
  process.stderr.write = stray as typeof process.stderr.write;
  console.log = console.error = console.warn = (...parts: unknown[]) => void (out += `${parts.join(' ')}\n`);
  // CPU time, not wall time: a hang spins; a case that waits for a loaded machine's cores does not.
  const started = process.cpuUsage();
  let code: number | string;
  try {
    code = await runCli(['check', '--offline', '--config', config, ...args], {
      stdout: capture,
      stderr: capture,
    });
  } catch (error) {
    code = `threw ${(error as Error)?.name}: ${String((error as Error)?.message).slice(0, 300)}`;
  } finally {
    Object.assign(process.stdout, { write: saved.stdout });
    Object.assign(process.stderr, { write: saved.stderr });
    Object.assign(console, { log: saved.log, error: saved.error, warn: saved.warn });
  }
  const spent = process.cpuUsage(started);
  return { code, ms: (spent.user + spent.system) / 1000, out };
}

/** What is wrong with an outcome, or undefined. */
function problemOf({ code, ms, out }: Outcome, input: string): string | undefined {
  if (typeof code !== 'number' || ![0, 1, 2].includes(code)) return `exit ${code}`;
  if (ms > MAX_CASE_MS) return `took ${Math.round(ms)} ms`;
  if (code === 2 && out.length > MAX_ERROR_OUTPUT) return `printed ${out.length} characters of errors`;
  if (out.length > Math.max(MAX_OUTPUT, MAX_OUTPUT_PER_INPUT_CHARACTER * input.length))
    return `printed ${out.length} characters for a config of ${input.length}`;
  const lines = out.split(/\r\n|\n|\r/);
  const long = lines.find((line) => line.length > MAX_LINE);
  if (long !== undefined)
    return `a line of ${long.length} characters: ${JSON.stringify(long.slice(0, 160))}…`;
  const command = lines.find((line) => line.trimStart().startsWith('::'));
  if (command !== undefined) return `a workflow command line: ${JSON.stringify(command.slice(0, 160))}`;
  return undefined;
}

test(
  `${DIRECTED.length} written and ${CASES} mutated hostile configs: no crash, no hang, no unbounded or command-like output`,
  { timeout: 300_000 },
  async () => {
    // The repository the configs live in: a copy of examples/ (a checkout: the `.git` marks its root).
    const repository = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-hostile-'));
    cpSync('examples', repository, { recursive: true });
    writeFileSync(path.join(repository, '.git'), 'gitdir: elsewhere\n');
    const seeds = SEEDS.map((seed, i) => (i === 0 ? readFileSync('examples/pullcheck.yml', 'utf8') : seed));
    const config = path.join(repository, 'pullcheck.yml');

    // The seeds themselves are valid: a mutation, not the seed, is what a failure points at.
    for (const [i, seed] of seeds.entries()) {
      writeFileSync(config, seed);
      const outcome = await runCase(config, []);
      assert.ok(outcome.code === 0 || outcome.code === 1, `seed ${i}: exit ${outcome.code}\n${outcome.out}`);
    }

    const rng = random(SEED);
    const failures: string[] = [];
    const exits = new Map<number | string, number>();
    let slowest = 0;
    let largest = 0;
    const started = performance.now();
    const cases = [
      ...DIRECTED.map(([label, text]) => ({ label, text, format: 'text' })),
      ...Array.from({ length: CASES }, (_, n) => {
        const seed = upTo(rng, seeds.length);
        const applied = Array.from({ length: 1 + upTo(rng, 3) }, () => pickMutation(rng));
        const text = applied.reduce((mutated, name) => MUTATIONS[name]!(mutated, rng), seeds[seed]!);
        return {
          label: `case ${n} (seed ${seed}; ${applied.join(' + ')})`,
          text,
          format: pick(rng, FORMATS),
        };
      }),
    ];
    for (const { label, text, format } of cases) {
      writeFileSync(config, text);
      const outcome = await runCase(config, ['--format', format]);
      exits.set(outcome.code, (exits.get(outcome.code) ?? 0) + 1);
      slowest = Math.max(slowest, outcome.ms);
      largest = Math.max(largest, outcome.out.length);
      const problem = problemOf(outcome, text);
      if (problem) failures.push(`${label}, --format ${format}: ${problem}`);
    }
    const total = performance.now() - started;
    const summary = `${cases.length} cases in ${(total / 1000).toFixed(1)} s; slowest ${Math.round(slowest)} ms; largest output ${largest} characters; exits ${JSON.stringify(Object.fromEntries(exits))}`;
    console.log(summary);
    rmSync(repository, { recursive: true, force: true });
    assert.deepEqual(failures.slice(0, 15), [], `${failures.length} of ${cases.length} failed (${summary})`);
  },
);
