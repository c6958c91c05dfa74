// @cloud-copilot/iam-simulate's own test cases that bear on an ECR pull, translated into pulls (our own
// translation; upstream's JSON is not copied). The translation, the same for every case:
// - the caller (upstream's test user, test role or its session) is the pulling role `role/test-role`, whose
//   pulls run under its session `assumed-role/test-role/session-name`; upstream's "other" principal is
//   another role of the account;
// - upstream's action on its bucket/object is the two pull actions (ecr:BatchGetImage,
//   ecr:GetDownloadUrlForLayer) on the repository `{repo}`; `s3:*` is `ecr:*`, `ec2:*` stays an unrelated
//   service; another bucket is another repository `{otherRepo}`;
// - ecr:GetAuthorizationToken (no resource policy grants it) is granted by one more identity statement, and
//   one in the boundary when there is one, so a case decides on the pull actions alone; the wildcard-only
//   cases (upstream's s3:ListAllMyBuckets) are about the token instead, and the pull actions get that extra
//   statement;
// - same-account cases use one account; cross-account ones put the repository in 987654321098.
// Cases on IAM users as such, discovery mode, other services' keys (s3:prefix) and SCP/RCP are not ported.
import type { Ported, PortedTables } from './ported.ts';

type Json = Record<string, unknown>;

export interface PullCase extends Ported {
  readonly account: 'same' | 'cross';
  /** What the case is about: the pull actions, or the token (upstream's wildcard-only actions). */
  readonly focus?: 'pull' | 'token';
  readonly identity: readonly Json[];
  readonly boundary?: readonly Json[];
  readonly repository?: readonly Json[];
  /** The request context upstream gives (the oracle sees it; pullcheck's facts never do). */
  readonly context?: Readonly<Record<string, string>>;
  /** Upstream's expectation: Allowed, or Implicitly/Explicitly Denied. */
  readonly upstream: 'allowed' | 'denied';
  /** pullcheck's answer where it `differs`. */
  readonly pullcheck?: 'allowed' | 'denied' | 'unknown';
}

export const ACCOUNT = '123456789012';
export const REPOSITORY_ACCOUNT = '987654321098';
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/test-role`;
export const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/test-role/session-name`;
const OTHER_ROLE = `arn:aws:iam::${ACCOUNT}:role/other-role`;
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];
const TOKEN = 'ecr:GetAuthorizationToken';
const REPO = '{repo}';
const OTHER_REPO = '{otherRepo}';

const statement = (Effect: string, Action: unknown, Resource: unknown = REPO, more: Json = {}): Json => ({
  Effect,
  Action,
  Resource,
  ...more,
});
const allow = (Action: unknown = PULL, Resource: unknown = REPO, more: Json = {}) =>
  statement('Allow', Action, Resource, more);
const deny = (Action: unknown = PULL, Resource: unknown = REPO, more: Json = {}) =>
  statement('Deny', Action, Resource, more);
/** A repository-policy statement naming `principal`. */
const naming = (principal: unknown, Effect = 'Allow'): Json => ({
  Effect,
  Principal: typeof principal === 'string' && principal !== '*' ? { AWS: principal } : principal,
  Action: PULL,
  Resource: REPO,
});

const REPOSITORY = 'cloud-copilot/iam-simulate';
const COMMIT = '46890effb1865d73c499d642b73121595c274435';
const ENGINE = 'src/core_engine/coreEngineTests';
const file = (path: string, cases: PullCase[]) => ({
  upstream: { repository: REPOSITORY, commit: COMMIT, path },
  cases,
});
const SESSION_UNKNOWN =
  'a repository policy naming one session decides only for that session; the session names a role pulls under (one per node or task) are not known offline, so pullcheck answers unknown';
const ALLOW_NOT_PRINCIPAL =
  'IAM User Guide, "NotPrincipal": Allow with NotPrincipal is not supported; pullcheck never decides from it (unknown), where iam-simulate grants everyone it does not list';

export const PORTED = [
  file(`${ENGINE}/basicResourcePolicies-SameAccount.json`, [
    { from: 'implicit deny when no policies', account: 'same', identity: [], upstream: 'denied' },
    {
      from: 'implicit deny when different principal is allowed by resource policy',
      account: 'same',
      identity: [],
      repository: [naming(OTHER_ROLE)],
      upstream: 'denied',
    },
    {
      from: 'Allowed when identity policy allows',
      account: 'same',
      identity: [allow()],
      upstream: 'allowed',
    },
    {
      from: 'Allowed when resource policy allows for principal',
      account: 'same',
      identity: [],
      repository: [naming(ROLE)],
      upstream: 'allowed',
    },
    {
      from: 'Denied when resource policy allows for account root arn but no identity policy',
      account: 'same',
      identity: [],
      repository: [naming(ROOT)],
      upstream: 'denied',
    },
    {
      from: 'Denied when resource policy allows for account number but no identity policy',
      account: 'same',
      identity: [],
      repository: [naming(ACCOUNT)],
      upstream: 'denied',
    },
    {
      from: 'Allowed when resource policy and identity policy both allow',
      account: 'same',
      identity: [allow()],
      repository: [naming(ROOT)],
      upstream: 'allowed',
    },
    {
      from: 'Denied when denied by identity policy',
      account: 'same',
      identity: [deny()],
      repository: [naming(ROOT)],
      upstream: 'denied',
    },
    {
      from: 'Denied when denied by resource policy',
      account: 'same',
      identity: [allow()],
      repository: [naming(ROOT, 'Deny')],
      upstream: 'denied',
    },
  ]),
  file(`${ENGINE}/basicResourcePolicies-DifferentAccount.json`, [
    { from: 'implicit deny when no policies', account: 'cross', identity: [], upstream: 'denied' },
    {
      from: 'Denied when only identity policy allows',
      account: 'cross',
      identity: [allow()],
      upstream: 'denied',
    },
    {
      from: 'Denied when only resource policy allows for principal',
      account: 'cross',
      identity: [],
      repository: [naming(ROLE)],
      upstream: 'denied',
    },
    {
      from: 'Denied when only resource policy allows for account root arn and not identity policy',
      account: 'cross',
      identity: [],
      repository: [naming(ROOT)],
      upstream: 'denied',
    },
    {
      from: 'Denied when resource policy allows for account number but not identity policy',
      account: 'cross',
      identity: [],
      repository: [naming(REPOSITORY_ACCOUNT)],
      upstream: 'denied',
    },
    {
      from: 'Allowed when resource policy and identity policy both allow',
      account: 'cross',
      identity: [allow()],
      repository: [naming(ROOT)],
      upstream: 'allowed',
    },
    {
      from: 'Denied when denied by identity policy and allowed by resource policy',
      account: 'cross',
      identity: [deny()],
      repository: [naming(ROOT)],
      upstream: 'denied',
    },
    {
      from: 'Denied when denied by resource policy and allowed by identity policy',
      account: 'cross',
      identity: [allow()],
      repository: [naming(ROOT, 'Deny')],
      upstream: 'denied',
    },
  ]),
  file(`${ENGINE}/notPrincipal.json`, [
    ...(
      [
        ['Allowed when NotPrincipal is a different principal', [OTHER_ROLE], 'allowed'],
        [
          'Allowed when NotPrincipal is multiple different principals',
          [OTHER_ROLE, `${OTHER_ROLE}-2`],
          'allowed',
        ],
        ['Denied when NotPrincipal is the same principal', [ROLE], 'denied'],
        ['Denied when NotPrincipal an array including the same principal', [ROLE, OTHER_ROLE], 'denied'],
      ] as const
    ).map(([from, listed, upstream]): PullCase => ({
      from,
      account: 'same',
      identity: [],
      repository: [{ Effect: 'Allow', NotPrincipal: { AWS: [...listed] }, Action: PULL, Resource: REPO }],
      upstream,
      pullcheck: 'unknown',
      differs: ALLOW_NOT_PRINCIPAL,
    })),
  ]),
  file(`${ENGINE}/boundaryNotPrincipalDenyResource.json`, [
    {
      from: 'Same Account: NotPrincipal/Deny in Resource Policy should allow',
      account: 'same',
      identity: [allow()],
      repository: [{ Effect: 'Deny', NotPrincipal: { AWS: ROLE }, Action: PULL, Resource: REPO }],
      upstream: 'allowed',
      pullcheck: 'denied',
      differs:
        'upstream calls as the role itself; a pull runs under the role session, and the IAM User Guide ("NotPrincipal") says a role ARN alone does not exempt its assumed-role sessions, so the Deny applies',
    },
    {
      from: 'Same Account: Not Principal/Deny in Resource Policy should always deny user with Permission Boundary',
      account: 'same',
      identity: [allow(PULL, '*')],
      boundary: [allow('*', '*')],
      repository: [{ Effect: 'Deny', NotPrincipal: { AWS: ROLE }, Action: PULL, Resource: REPO }],
      upstream: 'denied',
    },
  ]),
  file(`${ENGINE}/noPrincipalElement.json`, [
    {
      from: 'Statement without Principal never matches (Allow)',
      account: 'same',
      identity: [],
      repository: [allow()],
      upstream: 'denied',
    },
    {
      from: 'Statement without Principal does not deny when identity allows',
      account: 'same',
      identity: [allow()],
      repository: [deny()],
      upstream: 'allowed',
    },
    {
      from: 'Statement without Principal is skipped; sibling statement still applies',
      account: 'same',
      identity: [],
      repository: [allow(), naming('*')],
      upstream: 'allowed',
    },
  ]),
  file(`${ENGINE}/sessions.json`, [
    {
      from: 'Allowed role when resource policy allows for role',
      account: 'same',
      identity: [],
      repository: [naming(ROLE)],
      upstream: 'allowed',
    },
    {
      from: 'Allowed session when resource policy allows for role',
      account: 'same',
      identity: [],
      repository: [naming(ROLE)],
      upstream: 'allowed',
    },
    {
      from: 'Deny role when resource policy denies for role',
      account: 'same',
      identity: [allow()],
      repository: [naming(ROLE, 'Deny')],
      upstream: 'denied',
    },
    {
      from: 'Deny session when resource policy denies for role',
      account: 'same',
      identity: [allow()],
      repository: [naming(ROLE, 'Deny')],
      upstream: 'denied',
    },
  ]),
  file(`${ENGINE}/identityExplicitDeny.json`, [
    {
      from: 'Resource policy allows but identity explicitly denies - same account',
      account: 'same',
      identity: [deny(PULL, '*')],
      repository: [naming(ROLE)],
      upstream: 'denied',
    },
    {
      from: 'Resource policy allows role but identity explicitly denies - same account',
      account: 'same',
      identity: [deny(PULL, '{repoPrefix}*')],
      repository: [naming(ROLE)],
      upstream: 'denied',
    },
    {
      from: 'Resource policy allows assumed role session but identity explicitly denies - same account',
      account: 'same',
      identity: [deny('ecr:*', '*')],
      repository: [naming(SESSION)],
      upstream: 'denied',
    },
    {
      from: 'Identity allows and denies different actions, resource policy allows denied action - same account',
      account: 'same',
      identity: [allow('ecr:PutImage', '*'), deny(PULL, '*')],
      repository: [naming(ROLE)],
      upstream: 'denied',
    },
  ]),
  file(`${ENGINE}/permissionBoundaries-SameAccount.json`, boundaryCases('same')),
  file(`${ENGINE}/permissionBoundaries-CrossAccount.json`, boundaryCases('cross')),
  file(`${ENGINE}/identityOnly.json`, [
    { from: 'implicit deny when no policies', account: 'same', identity: [], upstream: 'denied' },
    {
      from: 'implicit deny when no applicable policies',
      account: 'same',
      identity: [allow('ecr:PutImage')],
      upstream: 'denied',
    },
    {
      from: 'allow with identity matching policy',
      account: 'same',
      identity: [allow()],
      upstream: 'allowed',
    },
    {
      from: 'allow with a wildcard resource',
      account: 'same',
      identity: [allow(PULL, '*')],
      upstream: 'allowed',
    },
    { from: 'Deny with explicit deny policy', account: 'same', identity: [deny()], upstream: 'denied' },
    {
      from: 'Deny with an allow and a deny policy',
      account: 'same',
      identity: [allow(), deny()],
      upstream: 'denied',
    },
    {
      from: 'Implicit deny when allowed for a different resource',
      account: 'same',
      identity: [allow(PULL, OTHER_REPO)],
      upstream: 'denied',
    },
    {
      from: 'Matches Not Action',
      account: 'same',
      identity: [{ Effect: 'Allow', NotAction: PULL, Resource: REPO }],
      upstream: 'denied',
    },
    {
      from: 'Multiple Not Actions Should deny actions in list',
      account: 'same',
      identity: [{ Effect: 'Allow', NotAction: [...PULL, 'ecr:PutImage'], Resource: REPO }],
      upstream: 'denied',
    },
    {
      from: 'should match a not resource',
      account: 'same',
      identity: [{ Effect: 'Allow', Action: PULL, NotResource: OTHER_REPO }],
      upstream: 'allowed',
    },
    {
      from: 'should match multiple not resources',
      account: 'same',
      identity: [{ Effect: 'Allow', Action: PULL, NotResource: [OTHER_REPO, `${OTHER_REPO}-2`] }],
      upstream: 'allowed',
    },
    {
      from: 'should not match a not resource',
      account: 'same',
      identity: [{ Effect: 'Allow', Action: PULL, NotResource: REPO }],
      upstream: 'denied',
    },
    {
      from: 'should not match multiple not resources',
      account: 'same',
      identity: [{ Effect: 'Allow', Action: PULL, NotResource: [REPO, OTHER_REPO] }],
      upstream: 'denied',
    },
    {
      from: 'cross account requests are implicitly denied',
      account: 'cross',
      identity: [allow()],
      upstream: 'denied',
    },
  ]),
  file(`${ENGINE}/wildcardOnlyActions/identityPolicies.json`, [
    token(
      'wildcard only action with a specific resource ARN does not grant access',
      [allow(TOKEN, REPO)],
      'denied',
    ),
    token(
      'wildcard only action with a wildcard resource ARN does grant access',
      [allow(TOKEN, '*')],
      'allowed',
    ),
  ]),
  file(`${ENGINE}/wildcardOnlyActions/denyStatements.json`, [
    token(
      'wildcard only action: Deny/Resource with * denies access',
      [allow(TOKEN, '*'), deny(TOKEN, '*')],
      'denied',
    ),
    token(
      'wildcard only action: Deny/Resource with specific ARN does not deny access',
      [allow(TOKEN, '*'), deny(TOKEN, REPO)],
      'allowed',
    ),
    token(
      'wildcard only action: Deny/NotResource with specific ARN denies access',
      [allow(TOKEN, '*'), { Effect: 'Deny', Action: TOKEN, NotResource: REPO }],
      'denied',
    ),
    token(
      'wildcard only action: Deny/NotResource with * does not deny access',
      [allow(TOKEN, '*'), { Effect: 'Deny', Action: TOKEN, NotResource: '*' }],
      'allowed',
    ),
  ]),
  file(`${ENGINE}/wildcardOnlyActions/notResource.json`, [
    token(
      'wildcard only action: Allow/NotResource with specific ARN grants access',
      [{ Effect: 'Allow', Action: TOKEN, NotResource: REPO }],
      'allowed',
    ),
    token(
      'wildcard only action: Allow/NotResource with * does not grant access',
      [{ Effect: 'Allow', Action: TOKEN, NotResource: '*' }],
      'denied',
    ),
    token(
      'wildcard only action: multiple resources with only specific ARNs does not grant access',
      [allow(TOKEN, [REPO, OTHER_REPO, `${OTHER_REPO}/*`])],
      'denied',
    ),
    token(
      'wildcard only action: multiple resources with one * grants access',
      [allow(TOKEN, [REPO, '*'])],
      'allowed',
    ),
  ]),
  file(`${ENGINE}/wildcardOnlyActions/permissionBoundaries.json`, [
    token('wildcard only action: permission boundary with * allows access', [allow(TOKEN, '*')], 'allowed', [
      allow('ecr:*', '*'),
    ]),
    token(
      'wildcard only action: permission boundary with specific ARN denies access',
      [allow(TOKEN, '*')],
      'denied',
      [allow('ecr:*', REPO)],
    ),
  ]),
  file(`${ENGINE}/conditions/globalKeys.json`, [
    {
      from: 'Principal Tag',
      account: 'same',
      identity: [
        allow('*', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/Foo': ['bar', 'baz'] } } }),
      ],
      context: { 'aws:PrincipalTag/Foo': 'bar' },
      upstream: 'allowed',
      pullcheck: 'unknown',
      differs: "the role's tags are not in pullcheck's facts: a condition on aws:PrincipalTag/Foo is unknown",
    },
  ]),
  file('src/condition/condition.test.ts', conditionCases()),
] satisfies PortedTables;

function token(from: string, identity: Json[], upstream: 'allowed' | 'denied', boundary?: Json[]): PullCase {
  return { from, account: 'same', focus: 'token', identity, ...(boundary ? { boundary } : {}), upstream };
}

/**
 * permissionBoundaries-{Same,Cross}Account.json: the rows whose caller is the role or its session (the ones
 * calling as an IAM user, and the discovery-mode repeats, are not ported). Same titles in both files, the
 * cross-account ones prefixed "Cross Account: ".
 */
function boundaryCases(account: 'same' | 'cross'): PullCase[] {
  const prefix = account === 'cross' ? 'Cross Account: ' : '';
  const same = account === 'same';
  const ALL = [allow('ecr:*', '*')];
  const DENY_ALL = [deny('ecr:*', '*')];
  const EC2 = [allow('ec2:*', '*')];
  const rows: [
    string,
    Json[],
    Json[] | undefined,
    Json[] | undefined,
    'allowed' | 'denied',
    (string | undefined)?,
  ][] = [
    ['Permission boundary and identity allow', [allow()], ALL, undefined, same ? 'allowed' : 'denied'],
    ['Permission boundary implicit deny and identity allow', [allow()], EC2, undefined, 'denied'],
    ['Permission boundary allow and identity deny', [deny()], ALL, undefined, 'denied'],
    ['Permission boundary explicitly deny and identity deny', [deny()], DENY_ALL, undefined, 'denied'],
    [
      'Permission boundary implicitly deny and identity explicit deny',
      [deny()],
      DENY_ALL,
      undefined,
      'denied',
    ],
    ['Permission boundary allow and identity implicit deny', [], ALL, undefined, 'denied'],
    [
      'Permission boundary deny resource policy allows role, from role',
      [],
      DENY_ALL,
      [naming(ROLE)],
      'denied',
    ],
    [
      'Permission boundary deny resource policy allows role, from session',
      [],
      DENY_ALL,
      [naming(ROLE)],
      'denied',
    ],
    [
      same
        ? 'Permission boundary explicit deny, resource policy allows session, from session'
        : 'Permission boundary deny resource policy allows session, from session',
      [],
      DENY_ALL,
      [naming(SESSION)],
      'denied',
    ],
    [
      'Permission boundary implicit deny resource policy allows role, from role',
      [],
      EC2,
      [naming(ROLE)],
      'denied',
    ],
    [
      same
        ? 'Permission boundary implicit deny, resource policy allows role, from session'
        : 'Permission boundary implicit deny resource policy allows role, from session',
      [],
      EC2,
      [naming(ROLE)],
      'denied',
    ],
    [
      'Permission boundary implicit deny resource policy allows session, from session',
      [],
      EC2,
      [naming(SESSION)],
      same ? 'allowed' : 'denied',
      same ? SESSION_UNKNOWN : undefined,
    ],
  ];
  if (same) {
    rows.push(
      ['Permission boundary implicit deny resource policy allows *', [], EC2, [naming('*')], 'allowed'],
      [
        'Permission boundary implicit deny, resource policy allows *, from role',
        [],
        EC2,
        [naming('*')],
        'allowed',
      ],
      ['Should ignore empty permission boundary array', [allow()], undefined, undefined, 'allowed'],
    );
  } else {
    rows.push([
      'Permission boundary implicit deny, identity allow, resource policy allows session, from session',
      [allow(PULL, '*')],
      EC2,
      [naming(SESSION)],
      'denied',
    ]);
  }
  return rows.map(([title, identity, boundary, repository, upstream, differs]) => ({
    from: `${prefix}${title}`,
    account,
    identity,
    ...(boundary ? { boundary } : {}),
    ...(repository ? { repository } : {}),
    upstream,
    ...(differs ? { pullcheck: 'unknown' as const, differs } : {}),
  }));
}

/**
 * condition.test.ts, singleConditionMatchesRequest: one condition in the pull's Allow, on a key the pull
 * carries (aws:PrincipalAccount, the role's account) or does not (aws:username: "included in the request
 * context for IAM users" only, IAM User Guide "AWS global condition context keys").
 */
function conditionCases(): PullCase[] {
  const rows: [string, string, string, string[], 'allowed' | 'denied'][] = [
    [
      'singleConditionMatchesRequest > should return Match if the base operation is negative and the key does not exist, single value',
      'StringNotEquals',
      'aws:username',
      ['alice'],
      'allowed',
    ],
    [
      'singleConditionMatchesRequest > should return Match if the base operation is negative and the key does not exist, array',
      'StringNotEquals',
      'aws:username',
      ['alice', 'bob'],
      'allowed',
    ],
    [
      'singleConditionMatchesRequest > should return NoMatch if the operation is a single value, the operator is positive, and the value is missing',
      'StringEquals',
      'aws:username',
      ['alice'],
      'denied',
    ],
    [
      'singleConditionMatchesRequest > should return NoMatch if the operation is a single value, the operator is positive, and the value is missing - array',
      'StringEquals',
      'aws:username',
      ['alice', 'bob'],
      'denied',
    ],
    [
      'singleConditionMatchesRequest > should return Match if the operation is a single value, the key is a single value, and they match',
      'StringEquals',
      'aws:PrincipalAccount',
      [ACCOUNT],
      'allowed',
    ],
    [
      'singleConditionMatchesRequest > should return NoMatch if the operation is a single value, the key is a single value, and they do not match',
      'StringEquals',
      'aws:PrincipalAccount',
      [REPOSITORY_ACCOUNT],
      'denied',
    ],
    [
      'singleConditionMatchesRequest > ForAnyValue > should return NoMatch if the value does not exist',
      'ForAnyValue:StringEquals',
      'aws:username',
      ['alice'],
      'denied',
    ],
    [
      'forAnyValueMatch > positive operators > single value context key: match',
      'ForAnyValue:StringEquals',
      'aws:PrincipalAccount',
      [ACCOUNT, REPOSITORY_ACCOUNT],
      'allowed',
    ],
    [
      'forAnyValueMatch > positive operators > single value context key: no match',
      'ForAnyValue:StringEquals',
      'aws:PrincipalAccount',
      [REPOSITORY_ACCOUNT],
      'denied',
    ],
    [
      'singleConditionMatchesRequest > ForAllValues > should return Match if the key does not exist',
      'ForAllValues:StringEquals',
      'aws:username',
      ['alice'],
      'allowed',
    ],
    [
      'singleConditionMatchesRequest > ForAllValues > should implicitly convert single values to arrays if present: match',
      'ForAllValues:StringEquals',
      'aws:PrincipalAccount',
      [ACCOUNT],
      'allowed',
    ],
    [
      'singleConditionMatchesRequest > ForAllValues > should implicitly convert single values to arrays if present: no match',
      'ForAllValues:StringEquals',
      'aws:PrincipalAccount',
      [REPOSITORY_ACCOUNT],
      'denied',
    ],
    [
      'singleConditionMatchesRequest > Null checks > should return Match if the key does not exist and the policy has true',
      'Null',
      'aws:username',
      ['true'],
      'allowed',
    ],
    [
      'singleConditionMatchesRequest > Null checks > should return NoMatch if the key exists and the policy has true',
      'Null',
      'aws:PrincipalAccount',
      ['true'],
      'denied',
    ],
    [
      'singleConditionMatchesRequest > Null checks > should return NoMatch if the key does not exist and the policy has false',
      'Null',
      'aws:username',
      ['false'],
      'denied',
    ],
    [
      'singleConditionMatchesRequest > Null checks > should return Match if the key exists and the policy has false',
      'Null',
      'aws:PrincipalAccount',
      ['false'],
      'allowed',
    ],
    [
      'singleConditionMatchesRequest > Null checks > should treat treat ForAllValues:Null the same as Null',
      'ForAllValues:Null',
      'aws:username',
      ['true'],
      'allowed',
    ],
    [
      'singleConditionMatchesRequest > Null checks > should treat ForAnyValue:Null the same as Null',
      'ForAnyValue:Null',
      'aws:username',
      ['true'],
      'allowed',
    ],
  ];
  return rows.map(([from, operator, key, values, upstream]) => ({
    from,
    account: 'same',
    identity: [allow(PULL, '*', { Condition: { [operator]: { [key]: values } } })],
    upstream,
  }));
}
