// Differential test of the ECR pull rule (SPEC §4 "ECR (private)") against an independent IAM simulator.
// A seeded generator builds random pull scenarios; pullcheck decides each one through the real path
// (config text → loadConfigText → runCheck) and @cloud-copilot/iam-simulate (AGPL: tests only, never src/)
// decides the same pull. Wherever pullcheck commits to `allowed` or `denied`, the two must agree.
//
// The oracle's pull is allowed iff it allows ecr:BatchGetImage and ecr:GetDownloadUrlForLayer on the
// repository ARN and ecr:GetAuthorizationToken on `*`. The request is made by the role's assumed-role
// session (that is who pulls: a node, a task), with the global keys the session carries:
// aws:PrincipalAccount and aws:PrincipalArn (the role ARN, path included, for a session — IAM User Guide,
// "AWS global condition context keys").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { checkConfig } from '../../helpers/check.ts';

// Fixed, so every run checks the same scenarios; override both to explore (a failure prints its scenario).
const SEED = Number(process.env['PULLCHECK_DIFF_SEED'] ?? 0x5eed_ec7);
const SCENARIOS = Number(process.env['PULLCHECK_DIFF_SCENARIOS'] ?? 600);

const ROLE_ACCOUNT = '111122223333';
const REPOSITORY_ACCOUNT = '444455556666'; // the repository's account in cross-account scenarios
const OTHER_ACCOUNT = '777788889999'; // neither side
const REGION = 'us-east-1';
const SESSION_NAME = 'i-0123456789abcdef0';
// A condition key neither side can know before the request: pullcheck must answer `unknown` unless the
// statement does not matter; the oracle sees the key absent, which is one of the worlds pullcheck covers.
const UNKNOWABLE_KEY = 'aws:SourceVpce';

type Effect = 'Allow' | 'Deny';
type ConditionBlock = Record<string, Record<string, string[]>>;

interface IamStatement {
  Effect: Effect;
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  Principal?: '*' | { AWS: string[] };
  NotPrincipal?: { AWS: string[] };
  Condition?: ConditionBlock;
}

interface PolicyDocument {
  Version: '2012-10-17';
  Statement: IamStatement[];
}

interface Scenario {
  readonly index: number;
  readonly roleArn: string;
  readonly sessionArn: string;
  readonly repositoryArn: string;
  readonly repositoryAccount: string;
  readonly identityPolicies: PolicyDocument[];
  readonly boundary: PolicyDocument | null;
  readonly repositoryPolicy: PolicyDocument | null;
}

type PullcheckVerdict = 'allowed' | 'denied' | 'unknown';

interface Outcome {
  readonly pullcheck: PullcheckVerdict;
  readonly reasons: readonly string[];
  readonly oracle: 'allowed' | 'denied';
  readonly oracleByAction: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32): the same seed gives the same scenarios on every machine.

interface Random {
  chance(probability: number): boolean;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  some<T>(items: readonly T[], min: number, max: number): T[];
}

function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return {
    chance: (probability) => next() < probability,
    int,
    pick,
    some: (items, min, max) => [...new Set(Array.from({ length: int(min, max) }, () => pick(items)))],
  };
}

// ---------------------------------------------------------------------------------------------------
// The generator.

const document = (statements: IamStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement: statements,
});

// Pull-related action patterns, some in mixed case (action names are case-insensitive).
const IDENTITY_ACTIONS = [
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'ecr:GetAuthorizationToken',
  'ecr:Get*',
  'ecr:*',
  'ecr:*',
  '*',
  's3:*',
  'ecr:Batch*',
  'ECR:batchgetimage',
  'ecr:getDownloadURLForLayer',
  'Ecr:GetAuthorizationTOKEN',
];
const REPOSITORY_ACTIONS = [
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'ecr:BatchGetImage',
  'ecr:GetDownloadUrlForLayer',
  'ecr:Get*',
  'ecr:*',
  '*',
  'ecr:PutImage',
  'ECR:BatchGetImage',
  'ecr:GetAuthorizationToken',
];

const IDENTITY_GRANTS = [
  ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:GetAuthorizationToken'],
  ['ecr:*'],
  ['*'],
  ['ecr:Get*', 'ecr:BatchGetImage'],
  ['ECR:BatchGetImage', 'ecr:getdownloadurlforlayer', 'ecr:GetAuthorizationToken'],
];
const REPOSITORY_GRANTS = [
  ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
  ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
  ['ecr:*'],
  ['ecr:Get*', 'Ecr:BatchGetImage'],
];

function generateScenario(random: Random, index: number): Scenario {
  const path = random.pick(['/', '/eks/', '/teams/ci/']);
  const roleName = random.pick(['node-role', 'EcrPuller']);
  const roleArn = `arn:aws:iam::${ROLE_ACCOUNT}:role${path}${roleName}`;
  const sessionArn = `arn:aws:sts::${ROLE_ACCOUNT}:assumed-role/${roleName}/${SESSION_NAME}`;
  const repositoryAccount = random.chance(0.5) ? ROLE_ACCOUNT : REPOSITORY_ACCOUNT;
  const repositoryArn = `arn:aws:ecr:${REGION}:${repositoryAccount}:repository/team/web`;
  const names = { roleArn, roleName, sessionArn, repositoryAccount, repositoryArn };

  const resources = [
    repositoryArn,
    `arn:aws:ecr:${REGION}:${repositoryAccount}:repository/team/*`,
    '*',
    '*',
    `arn:aws:ecr:${REGION}:${repositoryAccount}:repository/other/app`,
  ];
  const conditionFor = (): ConditionBlock | undefined => {
    if (random.chance(0.025)) return { StringEquals: { [UNKNOWABLE_KEY]: ['vpce-0a1b2c3d4e5f'] } };
    if (!random.chance(0.22)) return undefined;
    return decidableCondition(random, names);
  };
  const identityStatement = (allowShare: number): IamStatement => {
    const statement: IamStatement = { Effect: random.chance(allowShare) ? 'Allow' : 'Deny' };
    const actions = random.some(IDENTITY_ACTIONS, 1, 3);
    if (random.chance(0.15)) statement.NotAction = actions;
    else statement.Action = actions;
    const patterns = random.some(resources, 1, 2);
    if (random.chance(0.15)) statement.NotResource = patterns;
    else statement.Resource = patterns;
    const condition = conditionFor();
    if (condition) statement.Condition = condition;
    return statement;
  };
  const repositoryStatement = (): IamStatement => {
    const statement: IamStatement = { Effect: random.chance(0.75) ? 'Allow' : 'Deny' };
    if (statement.Effect === 'Deny' && random.chance(0.5)) {
      statement.NotPrincipal = { AWS: random.pick(notPrincipalLists(names)) };
    } else if (random.chance(0.15)) {
      statement.Principal = '*';
    } else {
      statement.Principal = { AWS: random.some(principals(names), 1, 2) };
    }
    const actions = random.some(REPOSITORY_ACTIONS, 1, 2);
    if (random.chance(0.1)) statement.NotAction = actions;
    else statement.Action = actions;
    // Repository policies apply to their repository: no Resource element (ECR User Guide,
    // "Private repository policy examples").
    const condition = conditionFor();
    if (condition) statement.Condition = condition;
    return statement;
  };

  // Random statements alone rarely add up to a pull; each policy starts, often, with the shape real pull
  // grants take (then random statements, Deny ones included, may narrow or break it).
  const identityGrant = (): IamStatement => {
    const statement: IamStatement = { Effect: 'Allow', Action: random.pick(IDENTITY_GRANTS) };
    if (random.chance(0.2)) statement.NotResource = [resources[4] ?? '*'];
    else statement.Resource = random.chance(0.8) ? ['*'] : [repositoryArn, '*'];
    const condition = conditionFor();
    if (condition) statement.Condition = condition;
    return statement;
  };
  const repositoryGrant = (): IamStatement => {
    const statement: IamStatement = {
      Effect: 'Allow',
      Principal: random.chance(0.1) ? '*' : { AWS: random.some(principals(names), 1, 2) },
      Action: random.pick(REPOSITORY_GRANTS),
    };
    const condition = conditionFor();
    if (condition) statement.Condition = condition;
    return statement;
  };
  const policy = (grant: (() => IamStatement) | undefined, statement: () => IamStatement, max: number) =>
    document([
      ...(grant ? [grant()] : []),
      ...Array.from({ length: random.int(grant ? 0 : 1, max) }, statement),
    ]);

  const policyCount = random.pick([0, 1, 1, 1, 1, 1, 2, 2, 2]);
  const crossAccount = repositoryAccount !== ROLE_ACCOUNT;
  return {
    index,
    roleArn,
    sessionArn,
    repositoryArn,
    repositoryAccount,
    identityPolicies: Array.from({ length: policyCount }, (_, i) =>
      policy(i === 0 && random.chance(0.7) ? identityGrant : undefined, () => identityStatement(0.8), 2),
    ),
    boundary: random.chance(0.45)
      ? policy(random.chance(0.6) ? identityGrant : undefined, () => identityStatement(0.85), 1)
      : null,
    repositoryPolicy: random.chance(crossAccount ? 0.85 : 0.6)
      ? policy(random.chance(0.6) ? repositoryGrant : undefined, repositoryStatement, 2)
      : null,
  };
}

interface Names {
  readonly roleArn: string;
  readonly roleName: string;
  readonly sessionArn: string;
  readonly repositoryAccount: string;
}

/**
 * Ways a repository policy may name (or not name) the caller. Session ARNs name one session: the one the
 * oracle simulates, or another session of the same role (IAM User Guide, "AWS JSON policy elements:
 * Principal": role session principals "must always name a specific session").
 * Not generated, on purpose: a role ARN without the role's path. It names no existing role (role names are
 * unique per account, "IAM identifiers"), so AWS rejects the policy, yet the oracle matches it by name.
 */
function principals(names: Names): string[] {
  return [
    names.roleArn,
    names.sessionArn,
    `arn:aws:sts::${ROLE_ACCOUNT}:assumed-role/${names.roleName}/i-0fedcba9876543210`,
    `arn:aws:iam::${ROLE_ACCOUNT}:root`,
    ROLE_ACCOUNT,
    `arn:aws:iam::${names.repositoryAccount}:root`,
    `arn:aws:iam::${OTHER_ACCOUNT}:root`,
    `arn:aws:iam::${ROLE_ACCOUNT}:role/other-role`,
    '*',
  ];
}

/**
 * NotPrincipal (Deny only: "NotPrincipal must be used with Effect: Deny", IAM User Guide "AWS JSON policy
 * elements: NotPrincipal"). Only lists whose meaning the guide states are generated: the session, its
 * role and its account together exempt the session (the guide's "IAM role in the same or different
 * account" example), and a list that names none of them exempts nothing. Partial lists (only the account,
 * only the role, session + account) "might" deny per the same page: the oracle exempts on any one entry,
 * pullcheck lets the Deny apply, and the guide settles neither, so they are left out.
 */
function notPrincipalLists(names: Names): string[][] {
  return [
    [names.sessionArn, names.roleArn, `arn:aws:iam::${ROLE_ACCOUNT}:root`],
    [names.sessionArn, names.roleArn, `arn:aws:iam::${ROLE_ACCOUNT}:root`],
    [`arn:aws:iam::${OTHER_ACCOUNT}:root`],
    [`arn:aws:iam::${ROLE_ACCOUNT}:role/other-role`, `arn:aws:iam::${OTHER_ACCOUNT}:root`],
  ];
}

/** Conditions only on keys both sides know for a role's pull: aws:PrincipalAccount and aws:PrincipalArn. */
function decidableCondition(random: Random, names: Names): ConditionBlock {
  const arnPatterns = [
    names.roleArn,
    `arn:aws:iam::${ROLE_ACCOUNT}:role/*`,
    `arn:aws:iam::${ROLE_ACCOUNT}:role/${names.roleName}`, // the role's ARN without its path
    `arn:aws:iam::${OTHER_ACCOUNT}:role/*`,
    `arn:aws:iam::*:role/eks/*`,
  ];
  const roleArns = [names.roleArn, `arn:aws:iam::${ROLE_ACCOUNT}:role/other-role`];
  return random.pick([
    () => ({ StringEquals: { 'aws:PrincipalAccount': [random.pick([ROLE_ACCOUNT, REPOSITORY_ACCOUNT])] } }),
    () => ({ StringNotEquals: { 'aws:PrincipalAccount': [random.pick([ROLE_ACCOUNT, OTHER_ACCOUNT])] } }),
    () => ({ ArnLike: { 'aws:PrincipalArn': random.some(arnPatterns, 1, 2) } }),
    () => ({ StringEquals: { 'aws:PrincipalArn': [random.pick(roleArns)] } }),
    () => ({ StringNotEquals: { 'aws:PrincipalArn': [random.pick(roleArns)] } }),
  ])();
}

// ---------------------------------------------------------------------------------------------------
// The two deciders.

function pullcheckVerdict(scenario: Scenario): { verdict: PullcheckVerdict; reasons: readonly string[] } {
  const config = {
    version: 1,
    images: [`${scenario.repositoryAccount}.dkr.ecr.${REGION}.amazonaws.com/team/web:1.0.0`],
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

async function simulate(
  scenario: Scenario,
  action: string,
  resource: string,
  resourceAccount: string,
  resourcePolicy: PolicyDocument | null,
): Promise<string> {
  const simulation: Simulation = {
    request: {
      principal: scenario.sessionArn,
      action,
      resource: { resource, accountId: resourceAccount },
      contextVariables: { 'aws:PrincipalAccount': ROLE_ACCOUNT, 'aws:PrincipalArn': scenario.roleArn },
    },
    identityPolicies: scenario.identityPolicies.map((policy, i) => ({ name: `identity-${i + 1}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    ...(resourcePolicy ? { resourcePolicy } : {}),
    ...(scenario.boundary
      ? { permissionBoundaryPolicies: [{ name: 'boundary', policy: scenario.boundary }] }
      : {}),
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === 'error') {
    throw new Error(`iam-simulate rejected scenario ${scenario.index}: ${JSON.stringify(result.errors)}`);
  }
  return result.overallResult;
}

async function decide(scenario: Scenario): Promise<Outcome> {
  const { verdict, reasons } = pullcheckVerdict(scenario);
  const oracleByAction: Record<string, string> = {
    'ecr:BatchGetImage': await simulate(
      scenario,
      'ecr:BatchGetImage',
      scenario.repositoryArn,
      scenario.repositoryAccount,
      scenario.repositoryPolicy,
    ),
    'ecr:GetDownloadUrlForLayer': await simulate(
      scenario,
      'ecr:GetDownloadUrlForLayer',
      scenario.repositoryArn,
      scenario.repositoryAccount,
      scenario.repositoryPolicy,
    ),
    // No resource policy can grant the token: it is evaluated in the caller's account on `*`.
    'ecr:GetAuthorizationToken': await simulate(
      scenario,
      'ecr:GetAuthorizationToken',
      '*',
      ROLE_ACCOUNT,
      null,
    ),
  };
  const oracle = Object.values(oracleByAction).every((result) => result === 'Allowed') ? 'allowed' : 'denied';
  return { pullcheck: verdict, reasons, oracle, oracleByAction };
}

const disagrees = (outcome: Outcome) =>
  outcome.pullcheck !== 'unknown' && outcome.pullcheck !== outcome.oracle;

// ---------------------------------------------------------------------------------------------------
// Classifying unknowns, and shrinking a failure to what a human needs to read.

const statementsOf = (scenario: Scenario): IamStatement[] =>
  [...scenario.identityPolicies, scenario.boundary, scenario.repositoryPolicy].flatMap(
    (policy) => policy?.Statement ?? [],
  );

const hasUnknowableCondition = (scenario: Scenario): boolean =>
  statementsOf(scenario).some((statement) =>
    Object.values(statement.Condition ?? {}).some((block) => UNKNOWABLE_KEY in block),
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
      scenario: scenario.index,
      role: scenario.roleArn,
      session: scenario.sessionArn,
      repository: scenario.repositoryArn,
      crossAccount: scenario.repositoryAccount !== ROLE_ACCOUNT,
      identityPolicies: scenario.identityPolicies,
      permissionsBoundary: scenario.boundary,
      repositoryPolicy: scenario.repositoryPolicy,
      pullcheck: outcome.pullcheck,
      pullcheckReasons: outcome.reasons,
      oracle: outcome.oracle,
      oracleByAction: outcome.oracleByAction,
    },
    null,
    2,
  );
}

// ---------------------------------------------------------------------------------------------------

test(`ECR pull verdicts agree with iam-simulate on ${SCENARIOS} seeded scenarios`, async (t) => {
  const random = seededRandom(SEED);
  const counts = { allowed: 0, denied: 0, unknown: 0, unknowableGenerated: 0, sessionNamed: 0 };
  const unexplainedUnknowns: { scenario: Scenario; outcome: Outcome }[] = [];
  const failures: { scenario: Scenario; outcome: Outcome }[] = [];
  for (let index = 0; index < SCENARIOS; index++) {
    const scenario = generateScenario(random, index);
    const outcome = await decide(scenario);
    counts[outcome.pullcheck]++;
    if (hasUnknowableCondition(scenario)) counts.unknowableGenerated++;
    if (outcome.pullcheck === 'unknown') {
      if (hangsOnSession(scenario, outcome)) counts.sessionNamed++;
      else if (!hasUnknowableCondition(scenario)) unexplainedUnknowns.push({ scenario, outcome });
    }
    if (disagrees(outcome)) failures.push({ scenario, outcome });
  }
  const decided = counts.allowed + counts.denied;
  t.diagnostic(
    `${SCENARIOS} scenarios: ${counts.allowed} allowed, ${counts.denied} denied, ${counts.unknown} unknown ` +
      `(${counts.sessionNamed} hang on a session ARN; ${counts.unknowableGenerated} scenarios ` +
      `carry a condition on ${UNKNOWABLE_KEY}); ${decided} compared (${((100 * decided) / SCENARIOS).toFixed(1)}%)` +
      `; ${failures.length} disagreements`,
  );

  if (failures.length > 0) {
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
  assert.equal(failures.length, 0, 'pullcheck disagrees with iam-simulate (minimal scenarios printed above)');

  // A comparison that never sees both verdicts proves nothing.
  assert.ok(counts.allowed >= SCENARIOS * 0.15, `too few allowed scenarios: ${counts.allowed}`);
  assert.ok(counts.denied >= SCENARIOS * 0.15, `too few denied scenarios: ${counts.denied}`);
  if (unexplainedUnknowns.length > 0) {
    const [first] = unexplainedUnknowns;
    console.log(
      `pullcheck answered unknown in scenarios ${unexplainedUnknowns.map((u) => u.scenario.index).join(', ')}` +
        ` where every condition is decidable; the first:\n${first ? describeFailure(first.scenario, first.outcome) : ''}`,
    );
  }
  assert.equal(
    unexplainedUnknowns.length,
    0,
    'pullcheck answered unknown where every condition is decidable and no documented gap applies',
  );
});
