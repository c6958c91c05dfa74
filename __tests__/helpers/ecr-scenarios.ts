// The seeded generator of random ECR pull scenarios for the differential test against iam-simulate
// (__tests__/providers/aws/ecr-differential.test.ts). Each scenario is one role pulling one repository:
// the role's identity policies and permissions boundary, the repository's policy, the partitions both live
// in, and what the oracle's request context holds that pullcheck is never told (a principal tag).

export const ROLE_ACCOUNT = '111122223333';
export const REPOSITORY_ACCOUNT = '444455556666'; // the repository's account in cross-account scenarios
export const OTHER_ACCOUNT = '777788889999'; // neither side
export const SESSION_NAME = 'i-0123456789abcdef0';
// A condition key neither side can know before the request: pullcheck must answer `unknown` unless the
// statement does not matter; the oracle sees the key absent, which is one of the worlds pullcheck covers.
export const UNKNOWABLE_KEY = 'aws:SourceVpce';
/** The principal tag the generated policy variables read; pullcheck's facts never carry tags. */
export const TAG_KEY = 'aws:PrincipalTag/team';

/** A region of each partition, and the ECR host suffix there (ECR endpoints: amazonaws.com.cn in China). */
export const PARTITIONS = {
  aws: { region: 'us-east-1', suffix: 'amazonaws.com' },
  'aws-cn': { region: 'cn-north-1', suffix: 'amazonaws.com.cn' },
  'aws-us-gov': { region: 'us-gov-west-1', suffix: 'amazonaws.com' },
} as const;
export type Partition = keyof typeof PARTITIONS;
const PARTITION_NAMES = Object.keys(PARTITIONS) as Partition[];

type Effect = 'Allow' | 'Deny';
export type ConditionBlock = Record<string, Record<string, string[]>>;

export interface IamStatement {
  Effect: Effect;
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  Principal?: '*' | { AWS: string[] };
  NotPrincipal?: { AWS: string[] };
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: IamStatement[];
}

export interface Scenario {
  readonly index: number;
  readonly seed: number;
  readonly partition: Partition; // the role's
  readonly roleArn: string;
  readonly sessionArn: string;
  readonly repositoryPartition: Partition;
  readonly repositoryRegion: string;
  readonly repositoryArn: string;
  readonly repositoryAccount: string;
  readonly image: string;
  /** The value of aws:PrincipalTag/team in the oracle's request context (absent when undefined). */
  readonly principalTag: string | undefined;
  readonly identityPolicies: PolicyDocument[];
  readonly boundary: PolicyDocument | null;
  readonly repositoryPolicy: PolicyDocument | null;
}

// ---------------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32): the same seed gives the same scenarios on every machine.

export interface Random {
  chance(probability: number): boolean;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  some<T>(items: readonly T[], min: number, max: number): T[];
}

export function seededRandom(seed: number): Random {
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

export const document = (statements: IamStatement[]): PolicyDocument => ({
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

/** What the policies of one scenario refer to. */
export interface Names {
  readonly partition: Partition;
  readonly otherPartition: Partition;
  readonly roleArn: string;
  readonly roleName: string;
  readonly sessionArn: string;
  readonly repositoryAccount: string;
  readonly repositoryArn: string;
  /** `arn:<partition>:ecr:<region>:<account>:repository/` of the repository. */
  readonly repositoryPrefix: string;
}

/** The partitions and names of one scenario: mostly one partition, sometimes the two sides apart. */
function drawNames(random: Random): Names {
  const partition = random.pick<Partition>(['aws', 'aws', 'aws', 'aws', 'aws-cn', 'aws-us-gov']);
  const others = PARTITION_NAMES.filter((name) => name !== partition);
  const repositoryPartition = random.chance(0.12) ? random.pick(others) : partition;
  const otherPartition = repositoryPartition !== partition ? repositoryPartition : random.pick(others);
  const path = random.pick(['/', '/eks/', '/teams/ci/']);
  const roleName = random.pick(['node-role', 'EcrPuller']);
  const repositoryAccount = random.chance(0.5) ? ROLE_ACCOUNT : REPOSITORY_ACCOUNT;
  const { region } = PARTITIONS[repositoryPartition];
  const repositoryPrefix = `arn:${repositoryPartition}:ecr:${region}:${repositoryAccount}:repository/`;
  return {
    partition,
    otherPartition,
    roleArn: `arn:${partition}:iam::${ROLE_ACCOUNT}:role${path}${roleName}`,
    roleName,
    sessionArn: `arn:${partition}:sts::${ROLE_ACCOUNT}:assumed-role/${roleName}/${SESSION_NAME}`,
    repositoryAccount,
    repositoryArn: `${repositoryPrefix}team/web`,
    repositoryPrefix,
  };
}

export function generateScenario(random: Random, index: number, seed: number): Scenario {
  const names = drawNames(random);
  const statements = statementMakers(random, names);
  const policy = (grant: (() => IamStatement) | undefined, statement: () => IamStatement, max: number) =>
    document([
      ...(grant ? [grant()] : []),
      ...Array.from({ length: random.int(grant ? 0 : 1, max) }, statement),
    ]);
  const policyCount = random.pick([0, 1, 1, 1, 1, 1, 2, 2, 2]);
  const crossAccount = names.repositoryAccount !== ROLE_ACCOUNT;
  const repositoryPartition = names.repositoryArn.split(':')[1] as Partition;
  const { region, suffix } = PARTITIONS[repositoryPartition];
  return {
    index,
    seed,
    partition: names.partition,
    roleArn: names.roleArn,
    sessionArn: names.sessionArn,
    repositoryPartition,
    repositoryRegion: region,
    repositoryArn: names.repositoryArn,
    repositoryAccount: names.repositoryAccount,
    image: `${names.repositoryAccount}.dkr.ecr.${region}.${suffix}/team/web:1.0.0`,
    principalTag: random.chance(0.25) ? undefined : random.pick(['team', 'team', 'other']),
    identityPolicies: Array.from({ length: policyCount }, (_, i) =>
      policy(
        i === 0 && random.chance(0.7) ? statements.identityGrant : undefined,
        () => statements.identityStatement(0.8),
        2,
      ),
    ),
    boundary: random.chance(0.45)
      ? policy(
          random.chance(0.6) ? statements.identityGrant : undefined,
          () => statements.identityStatement(0.85),
          1,
        )
      : null,
    repositoryPolicy: random.chance(crossAccount ? 0.85 : 0.6)
      ? policy(random.chance(0.6) ? statements.repositoryGrant : undefined, statements.repositoryStatement, 2)
      : null,
  };
}

/**
 * Resource patterns with policy variables (IAM User Guide, "IAM policy elements: Variables and tags"). Their
 * values come from the request: pullcheck answers `unknown` wherever one decides the pull, and the oracle
 * substitutes its request context (the principal tag drawn per scenario; aws:username absent, as for every
 * role session; aws:PrincipalAccount the role's account). The variable in the account segment is one the
 * oracle does not substitute (it matches that segment literally); AWS documents variables for the resource
 * part of the ARN, so pullcheck's `unknown` covers both readings.
 */
function variablePatterns(names: Names): string[] {
  const prefix = names.repositoryPrefix;
  const accountSegment = prefix.replace(`:${names.repositoryAccount}:`, ':${aws:PrincipalAccount}:');
  return [
    `${prefix}\${${TAG_KEY}}/*`,
    `${prefix}\${${TAG_KEY}, 'team'}/web`,
    `${prefix}\${aws:username}/*`,
    `${prefix}team/\${aws:PrincipalAccount}`,
    `${accountSegment}team/*`,
  ];
}

function statementMakers(random: Random, names: Names) {
  const { repositoryArn, repositoryPrefix } = names;
  const foreign = repositoryPrefix.replace(
    `arn:${names.repositoryArn.split(':')[1]}:`,
    `arn:${names.otherPartition}:`,
  );
  const resources = [
    repositoryArn,
    `${repositoryPrefix}team/*`,
    '*',
    '*',
    `${repositoryPrefix}other/app`,
    `${foreign}team/*`, // the same repository path in another partition: never this repository
  ];
  const variables = variablePatterns(names);
  const conditionFor = (): ConditionBlock | undefined => {
    if (random.chance(0.025)) return { StringEquals: { [UNKNOWABLE_KEY]: ['vpce-0a1b2c3d4e5f'] } };
    if (!random.chance(0.22)) return undefined;
    return decidableCondition(random, names);
  };
  const withCondition = (statement: IamStatement): IamStatement => {
    const condition = conditionFor();
    if (condition) statement.Condition = condition;
    return statement;
  };
  const resourcePatterns = (): string[] =>
    random.chance(0.12)
      ? [random.pick(variables), ...(random.chance(0.3) ? [random.pick(resources)] : [])]
      : random.some(resources, 1, 2);
  const identityStatement = (allowShare: number): IamStatement => {
    const statement: IamStatement = { Effect: random.chance(allowShare) ? 'Allow' : 'Deny' };
    const actions = random.some(IDENTITY_ACTIONS, 1, 3);
    if (random.chance(0.15)) statement.NotAction = actions;
    else statement.Action = actions;
    if (random.chance(0.15)) statement.NotResource = resourcePatterns();
    else statement.Resource = resourcePatterns();
    return withCondition(statement);
  };
  const repositoryStatement = (): IamStatement => {
    const statement: IamStatement = { Effect: random.chance(0.75) ? 'Allow' : 'Deny' };
    if (random.chance(statement.Effect === 'Deny' ? 0.5 : 0.12)) {
      // Allow + NotPrincipal is "not supported" (IAM User Guide, NotPrincipal): pullcheck never counts it as
      // a grant; the oracle grants everyone it does not list, so its `allowed` there is not AWS's.
      statement.NotPrincipal = { AWS: random.pick(notPrincipalLists(names)) };
    } else if (random.chance(0.15)) {
      statement.Principal = '*';
    } else {
      statement.Principal = { AWS: random.some(principals(names), 1, 2) };
    }
    const actions = random.some(REPOSITORY_ACTIONS, 1, 2);
    if (random.chance(0.1)) statement.NotAction = actions;
    else statement.Action = actions;
    // Repository policies apply to their repository and are mostly written without Resource (ECR User
    // Guide, "Private repository policy examples"); some name it, a pattern, or a variable.
    if (random.chance(0.2)) {
      if (random.chance(0.25)) statement.NotResource = resourcePatterns();
      else statement.Resource = resourcePatterns();
    }
    return withCondition(statement);
  };
  // Random statements alone rarely add up to a pull; each policy starts, often, with the shape real pull
  // grants take (then random statements, Deny ones included, may narrow or break it).
  const identityGrant = (): IamStatement => {
    const statement: IamStatement = { Effect: 'Allow', Action: random.pick(IDENTITY_GRANTS) };
    if (random.chance(0.2)) statement.NotResource = [resources[4] ?? '*'];
    else if (random.chance(0.1))
      statement.Resource = [random.pick(variables), '*'].slice(0, random.int(1, 2));
    else statement.Resource = random.chance(0.8) ? ['*'] : [repositoryArn, '*'];
    return withCondition(statement);
  };
  const repositoryGrant = (): IamStatement => {
    const statement: IamStatement = { Effect: 'Allow', Action: random.pick(REPOSITORY_GRANTS) };
    // Sometimes the grant is written with NotPrincipal, so that the unsupported form is what decides.
    if (random.chance(0.1)) statement.NotPrincipal = { AWS: random.pick(notPrincipalLists(names)) };
    else statement.Principal = random.chance(0.1) ? '*' : { AWS: random.some(principals(names), 1, 2) };
    return withCondition(statement);
  };
  return { identityStatement, repositoryStatement, identityGrant, repositoryGrant };
}

/**
 * Ways a repository policy may name (or not name) the caller. Session ARNs name one session: the one the
 * oracle simulates, or another session of the same role (IAM User Guide, "AWS JSON policy elements:
 * Principal": role session principals "must always name a specific session").
 * Not generated, on purpose:
 * - a role ARN without the role's path. It names no existing role (role names are unique per account, "IAM
 *   identifiers"), so AWS rejects the policy, yet the oracle matches it by name;
 * - the role's account or role in another partition (`arn:aws-cn:iam::<the same number>:root`). An account
 *   of one partition is not the account of another (AWS Fault Isolation Boundaries, "Partitions": separate
 *   identities per partition), so it never names the caller; the oracle compares the account number only
 *   and grants (pullcheck's own rows in ecr-pull.test.ts cover it).
 */
function principals(names: Names): string[] {
  const { partition } = names;
  return [
    names.roleArn,
    names.sessionArn,
    `arn:${partition}:sts::${ROLE_ACCOUNT}:assumed-role/${names.roleName}/i-0fedcba9876543210`,
    `arn:${partition}:iam::${ROLE_ACCOUNT}:root`,
    ROLE_ACCOUNT,
    `arn:${partition}:iam::${names.repositoryAccount}:root`,
    `arn:${partition}:iam::${OTHER_ACCOUNT}:root`,
    `arn:${partition}:iam::${ROLE_ACCOUNT}:role/other-role`,
    '*',
  ];
}

/**
 * NotPrincipal lists. The guide states the meaning of two: the session, its role and its account together
 * exempt the session (its "IAM role in the same or different account" example), and a list that names none
 * of them exempts nothing. The role and its account without the session: AWS "might validate the account
 * first, then the role, and then the assumed-role user", which settles nothing, so pullcheck answers
 * `unknown` (the oracle exempts on any one entry). Other partial lists (only the account, only the role,
 * session + account) are left out: pullcheck lets the Deny apply there, the oracle exempts, and the guide
 * settles neither.
 */
function notPrincipalLists(names: Names): string[][] {
  const root = `arn:${names.partition}:iam::${ROLE_ACCOUNT}:root`;
  return [
    [names.sessionArn, names.roleArn, root],
    [names.sessionArn, names.roleArn, root],
    [`arn:${names.partition}:iam::${OTHER_ACCOUNT}:root`],
    [
      `arn:${names.partition}:iam::${ROLE_ACCOUNT}:role/other-role`,
      `arn:${names.partition}:iam::${OTHER_ACCOUNT}:root`,
    ],
    [names.roleArn, root],
    [names.roleArn, ROLE_ACCOUNT],
  ];
}

/** Operators whose answer on an absent key the IAM User Guide states ("Condition operators", "Set operators"). */
const ABSENT_KEY_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIfExists',
  'StringNotLikeIfExists',
  'ForAllValues:StringEquals',
  'ForAnyValue:StringLike',
  'ForAllValues:StringNotEquals',
];

/** Conditions only on keys both sides know for a role's pull: aws:PrincipalAccount, aws:PrincipalArn, aws:username. */
function decidableCondition(random: Random, names: Names): ConditionBlock {
  const { partition } = names;
  const arnPatterns = [
    names.roleArn,
    `arn:${partition}:iam::${ROLE_ACCOUNT}:role/*`,
    `arn:${partition}:iam::${ROLE_ACCOUNT}:role/${names.roleName}`, // the role's ARN without its path
    `arn:${partition}:iam::${OTHER_ACCOUNT}:role/*`,
    `arn:aws:iam::*:role/eks/*`, // the aws partition only
    `arn:*:iam::${ROLE_ACCOUNT}:role/*`,
  ];
  const roleArns = [names.roleArn, `arn:${partition}:iam::${ROLE_ACCOUNT}:role/other-role`];
  return random.pick([
    () => ({ StringEquals: { 'aws:PrincipalAccount': [random.pick([ROLE_ACCOUNT, REPOSITORY_ACCOUNT])] } }),
    () => ({ StringNotEquals: { 'aws:PrincipalAccount': [random.pick([ROLE_ACCOUNT, OTHER_ACCOUNT])] } }),
    () => ({ ArnLike: { 'aws:PrincipalArn': random.some(arnPatterns, 1, 2) } }),
    () => ({ StringEquals: { 'aws:PrincipalArn': [random.pick(roleArns)] } }),
    () => ({ StringNotEquals: { 'aws:PrincipalArn': [random.pick(roleArns)] } }),
    // aws:username: absent for a role session (IAM users only), on both sides.
    () => ({ Null: { 'aws:username': [random.pick(['true', 'false'])] } }),
    () => ({ [random.pick(ABSENT_KEY_OPERATORS)]: { 'aws:username': ['node-role'] } }),
    () => ({ [random.pick(ABSENT_KEY_OPERATORS)]: { 'aws:PrincipalAccount': [ROLE_ACCOUNT] } }),
  ])();
}
