// Differential test of the ECR pull rule (SPEC §4 "ECR (private)") against an independent IAM simulator.
// A seeded generator (helpers/ecr-scenarios.ts) builds random pull scenarios; pullcheck decides each one
// through the real path (config text → loadConfigText → runCheck) and @cloud-copilot/iam-simulate (AGPL:
// tests only, never src/) decides the same pull. Wherever pullcheck commits to `allowed` or `denied`, the
// two must agree; every `unknown` must name a gap the generator put there on purpose.
//
// The oracle's pull is allowed iff it allows ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on the
// repository ARN and ecr:GetAuthorizationToken on `*`. The request is made by the role's assumed-role
// session (that is who pulls: a node, a task), with the global keys the session carries:
// aws:PrincipalAccount and aws:PrincipalArn (the role ARN, path included, for a session — IAM User Guide,
// "AWS global condition context keys"); aws:username is absent ("included in the request context for IAM
// users" only), and the principal tag the policy variables read is drawn per scenario, unknown to pullcheck.
//
// What the oracle does not model, and how the test accounts for it:
// - Partitions. iam-simulate compares accounts, not partitions: a role of `aws` with AdministratorAccess
//   "pulls" from an `aws-cn` repository of the same account number. AWS partitions are isolated (AWS Fault
//   Isolation Boundaries, "Partitions"), so a cross-partition pull is denied whatever the policies say: the
//   test overrides the oracle there and counts how often the raw oracle said otherwise.
// - Allow + NotPrincipal. The oracle grants everyone the list does not name; the IAM User Guide
//   ("NotPrincipal") says the combination is not supported. Whether ECR rejects such a policy or ignores the
//   statement, the statement grants nothing: the oracle is given the repository policy without it (so a
//   pullcheck that counted it would show as a false `allowed`), and pullcheck answers `unknown` where such a
//   statement could decide.
//
// Run more: PULLCHECK_DIFF_SCENARIOS (per seed) and PULLCHECK_DIFF_SEEDS (comma-separated), or
// `npm run diff:ecr` (10,000 scenarios over five seeds), which prints the counts and agreement rates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { ALLOW_WITH_NOT_PRINCIPAL } from '../../../src/providers/aws/policy/match.ts';
import { checkConfig } from '../../helpers/check.ts';
import { oraclePull } from '../../helpers/iam-oracle.ts';
import {
  document,
  generateScenario,
  ROLE_ACCOUNT,
  seededRandom,
  SESSION_NAME,
  TAG_KEY,
  UNKNOWABLE_KEY,
  type IamStatement,
  type PolicyDocument,
  type Scenario,
} from '../../helpers/ecr-scenarios.ts';

// Fixed, so every run checks the same scenarios; override to explore (a failure prints its scenario).
const SEEDS = (
  process.env['PULLCHECK_DIFF_SEEDS'] ??
  process.env['PULLCHECK_DIFF_SEED'] ??
  String(0x5eed_ec7)
)
  .split(',')
  .map((seed) => Number(seed.trim()));
const SCENARIOS = Number(process.env['PULLCHECK_DIFF_SCENARIOS'] ?? 600); // per seed

type PullcheckVerdict = 'allowed' | 'denied' | 'unknown';

interface Outcome {
  readonly pullcheck: PullcheckVerdict;
  readonly reasons: readonly string[];
  /** AWS's answer as far as the oracle models it (cross-partition pulls: denied, see above). */
  readonly oracle: 'allowed' | 'denied';
  /** What iam-simulate itself answered. */
  readonly oracleRaw: 'allowed' | 'denied';
  readonly oracleByAction: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------------------------------------------
// The two deciders.

function pullcheckVerdict(scenario: Scenario): { verdict: PullcheckVerdict; reasons: readonly string[] } {
  const config = {
    version: 1,
    images: [scenario.image],
    targets: [{ name: 'puller', platform: 'aws-role', roles: [scenario.roleArn] }],
    facts: {
      aws: {
        roles: [
          {
            arn: scenario.roleArn,
            policies: scenario.identityPolicies,
            permissionsBoundary: scenario.boundary,
          },
        ],
        repositories: [{ arn: scenario.repositoryArn, policy: scenario.repositoryPolicy }],
      },
    },
  };
  // JSON is YAML: the config goes through the same parser, schema and document resolution as a file.
  const loaded = loadConfigText(JSON.stringify(config, null, 2), `scenario-${scenario.index}.yml`);
  const report = checkConfig(loaded);
  assert.equal(report.results.length, 1, `scenario ${scenario.index}: one pull expected`);
  const [result] = report.results;
  assert.ok(result);
  return { verdict: result.verdict, reasons: result.reasons };
}

/** The policy as AWS applies it: an Allow with NotPrincipal grants nothing (see the file's opening). */
function withoutAllowNotPrincipal(policy: PolicyDocument): PolicyDocument | null {
  const kept = policy.Statement.filter((s) => !(s.Effect === 'Allow' && s.NotPrincipal !== undefined));
  return kept.length === 0 ? null : document(kept);
}

const crossPartition = (scenario: Scenario) => scenario.partition !== scenario.repositoryPartition;

async function decide(scenario: Scenario): Promise<Outcome> {
  const { verdict, reasons } = pullcheckVerdict(scenario);
  const answer = await oraclePull({
    sessionArn: scenario.sessionArn,
    roleAccount: ROLE_ACCOUNT,
    repositoryArn: scenario.repositoryArn,
    repositoryAccount: scenario.repositoryAccount,
    identityPolicies: scenario.identityPolicies,
    boundary: scenario.boundary,
    repositoryPolicy: scenario.repositoryPolicy && withoutAllowNotPrincipal(scenario.repositoryPolicy),
    context: {
      'aws:PrincipalAccount': ROLE_ACCOUNT,
      'aws:PrincipalArn': scenario.roleArn,
      ...(scenario.principalTag === undefined ? {} : { [TAG_KEY]: scenario.principalTag }),
    },
  });
  const oracle = crossPartition(scenario) ? 'denied' : answer.verdict;
  return { pullcheck: verdict, reasons, oracle, oracleRaw: answer.verdict, oracleByAction: answer.byAction };
}

const disagrees = (outcome: Outcome) =>
  outcome.pullcheck !== 'unknown' && outcome.pullcheck !== outcome.oracle;

// ---------------------------------------------------------------------------------------------------
// Classifying unknowns, and shrinking a failure to what a human needs to read.

const statementsOf = (scenario: Scenario): IamStatement[] =>
  [...scenario.identityPolicies, scenario.boundary, scenario.repositoryPolicy].flatMap(
    (policy) => policy?.Statement ?? [],
  );

/**
 * A session ARN names one session, and the session names a role pulls under (one per node or task) are
 * not known offline, so pullcheck answers `unknown` where the verdict hangs on a statement naming only a
 * session of the role (Principal or NotPrincipal), and its reasons name that session. The oracle simulates
 * one known session, so it always decides.
 */
const hangsOnSession = (scenario: Scenario, outcome: Outcome): boolean => {
  const sessionsOfRole = scenario.sessionArn.slice(0, -SESSION_NAME.length);
  const named = (scenario.repositoryPolicy?.Statement ?? []).flatMap((statement) =>
    [statement.Principal, statement.NotPrincipal].flatMap((list) =>
      list === undefined || list === '*' ? [] : list.AWS.filter((entry) => entry.startsWith(sessionsOfRole)),
    ),
  );
  return named.some((session) => outcome.reasons.some((reason) => reason.includes(session)));
};

/**
 * The gaps the generator puts in on purpose, each with how pullcheck's reasons name it: an `unknown` that
 * names none of them is a failure (pullcheck could have decided).
 */
const UNKNOWN_CAUSES = {
  session: hangsOnSession,
  unknowableKey: (_: Scenario, outcome: Outcome) => outcome.reasons.some((r) => r.includes(UNKNOWABLE_KEY)),
  policyVariable: (_: Scenario, outcome: Outcome) =>
    outcome.reasons.some((r) => r.includes('holds a policy variable')),
  allowWithNotPrincipal: (_: Scenario, outcome: Outcome) =>
    outcome.reasons.some((r) => r.includes(ALLOW_WITH_NOT_PRINCIPAL)),
  notPrincipalOrder: (_: Scenario, outcome: Outcome) =>
    outcome.reasons.some((r) => r.includes('might validate the account first')),
} as const satisfies Record<string, (scenario: Scenario, outcome: Outcome) => boolean>;
type UnknownCause = keyof typeof UNKNOWN_CAUSES;

/** What a scenario holds of the features issue 17 asked the generator to cover. */
const FEATURES = {
  crossPartition,
  allowWithNotPrincipal: (scenario: Scenario) =>
    statementsOf(scenario).some((s) => s.Effect === 'Allow' && s.NotPrincipal !== undefined),
  policyVariable: (scenario: Scenario) =>
    statementsOf(scenario).some((s) =>
      [...(s.Resource ?? []), ...(s.NotResource ?? [])].some((r) => r.includes('${')),
    ),
  roleAndAccountNotPrincipal: (scenario: Scenario) =>
    statementsOf(scenario).some(
      (s) =>
        s.NotPrincipal !== undefined &&
        s.NotPrincipal.AWS.length === 2 &&
        s.NotPrincipal.AWS[0] === scenario.roleArn,
    ),
} as const satisfies Record<string, (scenario: Scenario) => boolean>;
type Feature = keyof typeof FEATURES;

/** Smaller variants of a scenario: one policy, statement, condition or list entry fewer. */
function shrinkCandidates(scenario: Scenario): Scenario[] {
  const candidates: Scenario[] = [];
  if (scenario.boundary) candidates.push({ ...scenario, boundary: null });
  if (scenario.repositoryPolicy) candidates.push({ ...scenario, repositoryPolicy: null });
  scenario.identityPolicies.forEach((_, i) =>
    candidates.push({ ...scenario, identityPolicies: scenario.identityPolicies.filter((_, j) => j !== i) }),
  );
  const withPolicy = (slot: number, policy: PolicyDocument): Scenario =>
    slot === -2
      ? { ...scenario, boundary: policy }
      : slot === -1
        ? { ...scenario, repositoryPolicy: policy }
        : {
            ...scenario,
            identityPolicies: scenario.identityPolicies.map((p, j) => (j === slot ? policy : p)),
          };
  const slots: [number, PolicyDocument | null][] = [
    [-2, scenario.boundary],
    [-1, scenario.repositoryPolicy],
    ...scenario.identityPolicies.map((policy, i): [number, PolicyDocument] => [i, policy]),
  ];
  for (const [slot, policy] of slots) {
    if (!policy) continue;
    policy.Statement.forEach((statement, i) => {
      const replace = (replacement: IamStatement | undefined): Scenario =>
        withPolicy(
          slot,
          document(policy.Statement.flatMap((s, j) => (j !== i ? [s] : replacement ? [replacement] : []))),
        );
      if (policy.Statement.length > 1) candidates.push(replace(undefined));
      if (statement.Condition) {
        const withoutCondition = { ...statement };
        delete withoutCondition.Condition;
        candidates.push(replace(withoutCondition));
      }
      for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
        const list = statement[key];
        if (list && list.length > 1)
          list.forEach((entry) => candidates.push(replace({ ...statement, [key]: [entry] })));
      }
      // NotPrincipal lists are kept whole: a partial list is outside what the generator draws.
      const named = statement.Principal;
      if (named && named !== '*' && named.AWS.length > 1) {
        named.AWS.forEach((entry) => candidates.push(replace({ ...statement, Principal: { AWS: [entry] } })));
      }
    });
  }
  return candidates;
}

async function shrink(scenario: Scenario): Promise<{ scenario: Scenario; outcome: Outcome }> {
  let current = scenario;
  let outcome = await decide(current);
  for (let progress = true; progress;) {
    progress = false;
    for (const candidate of shrinkCandidates(current)) {
      const candidateOutcome = await decide(candidate);
      if (disagrees(candidateOutcome)) {
        current = candidate;
        outcome = candidateOutcome;
        progress = true;
        break;
      }
    }
  }
  return { scenario: current, outcome };
}

function describeFailure(scenario: Scenario, outcome: Outcome): string {
  return JSON.stringify(
    {
      seed: scenario.seed,
      scenario: scenario.index,
      role: scenario.roleArn,
      session: scenario.sessionArn,
      repository: scenario.repositoryArn,
      image: scenario.image,
      crossAccount: scenario.repositoryAccount !== ROLE_ACCOUNT,
      principalTag: scenario.principalTag ?? '(absent)',
      identityPolicies: scenario.identityPolicies,
      permissionsBoundary: scenario.boundary,
      repositoryPolicy: scenario.repositoryPolicy,
      pullcheck: outcome.pullcheck,
      pullcheckReasons: outcome.reasons,
      oracle: outcome.oracle,
      oracleRaw: outcome.oracleRaw,
      oracleByAction: outcome.oracleByAction,
    },
    null,
    2,
  );
}

// ---------------------------------------------------------------------------------------------------
// Counting.

interface Tally {
  scenarios: number;
  allowed: number;
  denied: number;
  unknown: number;
  falseAllowed: number;
  falseDenied: number;
  /** Unknowns by the gap they name (one may name several). */
  causes: Record<UnknownCause, number>;
  /** Per feature: scenarios holding it, and how many of those pullcheck decided. */
  features: Record<Feature, { scenarios: number; decided: number }>;
  /** Cross-partition scenarios where iam-simulate alone would have allowed the pull. */
  oracleAllowedAcrossPartitions: number;
}

const newTally = (): Tally => ({
  scenarios: 0,
  allowed: 0,
  denied: 0,
  unknown: 0,
  falseAllowed: 0,
  falseDenied: 0,
  causes: Object.fromEntries(Object.keys(UNKNOWN_CAUSES).map((k) => [k, 0])) as Tally['causes'],
  features: Object.fromEntries(
    Object.keys(FEATURES).map((k) => [k, { scenarios: 0, decided: 0 }]),
  ) as Tally['features'],
  oracleAllowedAcrossPartitions: 0,
});

function count(tally: Tally, scenario: Scenario, outcome: Outcome): boolean {
  tally.scenarios++;
  tally[outcome.pullcheck]++;
  if (disagrees(outcome)) tally[outcome.pullcheck === 'allowed' ? 'falseAllowed' : 'falseDenied']++;
  if (crossPartition(scenario) && outcome.oracleRaw === 'allowed') tally.oracleAllowedAcrossPartitions++;
  for (const [feature, holds] of Object.entries(FEATURES) as [Feature, (s: Scenario) => boolean][]) {
    if (!holds(scenario)) continue;
    tally.features[feature].scenarios++;
    if (outcome.pullcheck !== 'unknown') tally.features[feature].decided++;
  }
  if (outcome.pullcheck !== 'unknown') return true;
  let explained = false;
  for (const [cause, names] of Object.entries(UNKNOWN_CAUSES) as [UnknownCause, typeof hangsOnSession][]) {
    if (names(scenario, outcome)) {
      tally.causes[cause]++;
      explained = true;
    }
  }
  return explained;
}

function addTo(total: Tally, tally: Tally): void {
  for (const key of ['scenarios', 'allowed', 'denied', 'unknown', 'falseAllowed', 'falseDenied'] as const)
    total[key] += tally[key];
  total.oracleAllowedAcrossPartitions += tally.oracleAllowedAcrossPartitions;
  for (const cause of Object.keys(total.causes) as UnknownCause[]) total.causes[cause] += tally.causes[cause];
  for (const feature of Object.keys(total.features) as Feature[]) {
    total.features[feature].scenarios += tally.features[feature].scenarios;
    total.features[feature].decided += tally.features[feature].decided;
  }
}

const percent = (part: number, whole: number) =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)}%`;

function summary(tally: Tally): string {
  const decided = tally.allowed + tally.denied;
  const agreed = decided - tally.falseAllowed - tally.falseDenied;
  const features = Object.entries(tally.features)
    .map(([feature, { scenarios, decided }]) => `${feature} ${scenarios} (${decided} decided)`)
    .join(', ');
  const causes = Object.entries(tally.causes)
    .map(([cause, n]) => `${cause} ${n}`)
    .join(', ');
  return (
    `${tally.scenarios} scenarios: ${tally.allowed} allowed, ${tally.denied} denied, ${tally.unknown} unknown; ` +
    `pullcheck commits on ${decided} (${percent(decided, tally.scenarios)}) and agrees with the oracle on ` +
    `${agreed} of them (${percent(agreed, decided)}); false allowed ${tally.falseAllowed}, false denied ` +
    `${tally.falseDenied}. Features: ${features}; iam-simulate alone allowed ` +
    `${tally.oracleAllowedAcrossPartitions} cross-partition pulls. Unknowns name: ${causes}`
  );
}

// ---------------------------------------------------------------------------------------------------

async function reportFailures(failures: { scenario: Scenario; outcome: Outcome }[]): Promise<void> {
  const shrunk = new Map<string, string>();
  for (const failure of failures) {
    const { scenario, outcome } = await shrink(failure.scenario);
    const text = describeFailure(scenario, outcome);
    const key = JSON.stringify([scenario.identityPolicies, scenario.boundary, scenario.repositoryPolicy]);
    if (!shrunk.has(key)) shrunk.set(key, text);
  }
  const smallest = [...shrunk.values()].sort((a, b) => a.length - b.length).slice(0, 5);
  console.log(
    `${failures.length} disagreement(s) (scenarios ${failures.map((f) => f.scenario.index).join(', ')}); ` +
      `${shrunk.size} distinct after shrinking, smallest first:\n${smallest.join('\n---\n')}`,
  );
}

const total = newTally();

for (const seed of SEEDS) {
  test(`ECR pull verdicts agree with iam-simulate on ${SCENARIOS} scenarios of seed ${seed}`, async (t) => {
    const random = seededRandom(seed);
    const tally = newTally();
    const unexplainedUnknowns: { scenario: Scenario; outcome: Outcome }[] = [];
    const failures: { scenario: Scenario; outcome: Outcome }[] = [];
    for (let index = 0; index < SCENARIOS; index++) {
      const scenario = generateScenario(random, index, seed);
      const outcome = await decide(scenario);
      if (!count(tally, scenario, outcome)) unexplainedUnknowns.push({ scenario, outcome });
      if (disagrees(outcome)) failures.push({ scenario, outcome });
    }
    addTo(total, tally);
    t.diagnostic(summary(tally));

    if (failures.length > 0) await reportFailures(failures);
    assert.equal(
      failures.length,
      0,
      'pullcheck disagrees with iam-simulate (minimal scenarios printed above)',
    );

    // A comparison that never sees both verdicts, or never meets a feature, proves nothing.
    assert.ok(tally.allowed >= SCENARIOS * 0.15, `too few allowed scenarios: ${tally.allowed}`);
    assert.ok(tally.denied >= SCENARIOS * 0.15, `too few denied scenarios: ${tally.denied}`);
    for (const [feature, { scenarios }] of Object.entries(tally.features)) {
      assert.ok(scenarios >= SCENARIOS * 0.03, `too few scenarios with ${feature}: ${scenarios}`);
    }
    if (unexplainedUnknowns.length > 0) {
      const [first] = unexplainedUnknowns;
      console.log(
        `pullcheck answered unknown in scenarios ${unexplainedUnknowns.map((u) => u.scenario.index).join(', ')}` +
          ` naming no gap the generator put there; the first:\n${first ? describeFailure(first.scenario, first.outcome) : ''}`,
      );
    }
    assert.equal(
      unexplainedUnknowns.length,
      0,
      'pullcheck answered unknown where every condition is decidable and no documented gap applies',
    );
  });
}

if (SEEDS.length > 1) {
  test(`all ${SEEDS.length} seeds together`, (t) => {
    t.diagnostic(summary(total));
    assert.equal(total.falseAllowed, 0, 'no false allowed');
  });
}
