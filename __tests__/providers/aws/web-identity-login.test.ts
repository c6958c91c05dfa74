// CI logins to AWS with GitHub's OIDC token (issue 18): the AWS rules' decideLogin over facts.aws, table-driven.
// Trust policies come from the IAM and GitHub docs' examples and from broken ones reported in public issues of
// aws-actions/configure-aws-credentials (each case cites its source).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import type { Claim, LoginVerdict, PredictedToken } from '../../../src/core/ci-path.ts';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { buildRules } from '../../../src/providers/aws/rules.ts';

const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/github-deploy`;
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const KEY = 'token.actions.githubusercontent.com';
const REPO = 'octo-org/octo-repo';

type Json = Record<string, unknown>;
const trust = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement });
const github = (Condition?: Json, more: Json = {}): Json => ({
  Effect: 'Allow',
  Principal: { Federated: PROVIDER },
  Action: 'sts:AssumeRoleWithWebIdentity',
  ...(Condition ? { Condition } : {}),
  ...more,
});
const AUD = { [`${KEY}:aud`]: 'sts.amazonaws.com' };

const value = (v: string): Claim => ({ value: v });
function token(trigger: string, sub: Claim | undefined, extra: Record<string, Claim> = {}): PredictedToken {
  return {
    event: trigger.split(' ')[0]!,
    trigger,
    claims: {
      ...(sub ? { sub } : {}),
      aud: value('sts.amazonaws.com'),
      repository: value(REPO),
      ...extra,
    },
  };
}
const PUSH_MAIN = token('push to main', value(`repo:${REPO}:ref:refs/heads/main`));
const ENVIRONMENT = token('push to main', value(`repo:${REPO}:environment:prod`), {
  environment: value('prod'),
});
const PULL_REQUEST = token('pull_request', value(`repo:${REPO}:pull_request`));
const RELEASE_BRANCHES = token('push to release/**', {
  pattern: `repo:${REPO}:ref:refs/heads/release/*`,
  because: 'on.push.branches: release/**',
});

interface Setup {
  readonly trustPolicy?: Json | 'absent';
  readonly role?: 'absent';
  readonly provider?: Json | 'absent';
  readonly with?: Record<string, string>;
}

function decide(setup: Setup, presented: PredictedToken, identity = ROLE): LoginVerdict {
  const roles =
    setup.role === 'absent'
      ? []
      : [
          {
            arn: ROLE,
            ...(setup.trustPolicy === 'absent'
              ? {}
              : { trustPolicy: setup.trustPolicy ?? trust(github({ StringEquals: SUB_MAIN })) }),
          },
        ];
  const provider = setup.provider ?? { arn: PROVIDER, clientIds: ['sts.amazonaws.com'] };
  const aws = { roles, ...(provider === 'absent' ? {} : { oidcProviders: [provider] }) };
  const config = loadConfigText(stringify({ version: 1, facts: { aws } }), 'pullcheck.yml');
  const rules = buildRules(config);
  const origin = { file: '.github/workflows/deploy.yml', line: 12 };
  const login = { provider: 'aws', identity, with: setup.with ?? {}, origin } as never;
  const verdict = rules.decideLogin?.({ login, token: presented });
  assert.ok(verdict, 'the AWS rules decide AWS logins');
  return verdict;
}

const text = (verdict: LoginVerdict) => [...verdict.reasons, ...(verdict.warnings ?? [])].join('\n');

interface Case {
  readonly name: string;
  readonly setup: Setup;
  readonly token: PredictedToken;
  readonly verdict: 'allowed' | 'denied' | 'unknown';
  /** Texts the reasons and warnings must hold. */
  readonly says?: readonly string[];
  /** Texts the first fix's snippets must hold. */
  readonly fixes?: readonly string[];
  readonly warns?: boolean;
  readonly explicitDeny?: true;
}

const SUB_MAIN = { ...AUD, [`${KEY}:sub`]: `repo:${REPO}:ref:refs/heads/main` };

const cases: Case[] = [
  {
    name: 'GitHub Docs "Configuring OpenID Connect in AWS": StringEquals aud and one branch sub, push to that branch',
    setup: { trustPolicy: trust(github({ StringEquals: SUB_MAIN })) },
    token: PUSH_MAIN,
    verdict: 'allowed',
    warns: false,
  },
  {
    name: 'configure-aws-credentials#1024, github/docs#28292: a job with environment: presents the environment in sub',
    setup: { trustPolicy: trust(github({ StringEquals: SUB_MAIN })) },
    token: ENVIRONMENT,
    verdict: 'denied',
    says: ['push to main', `sub repo:${REPO}:environment:prod`, 'environment:` presents the environment'],
    fixes: [`repo:${REPO}:environment:prod`, 'aws iam update-assume-role-policy --role-name github-deploy'],
  },
  {
    name: 'configure-aws-credentials#331: a branch-only sub refuses pull_request runs',
    setup: { trustPolicy: trust(github({ StringEquals: SUB_MAIN })) },
    token: PULL_REQUEST,
    verdict: 'denied',
    says: ['pull_request', `sub repo:${REPO}:pull_request`],
    fixes: [`"repo:${REPO}:ref:refs/heads/main",\n        "repo:${REPO}:pull_request"`],
  },
  {
    name: 'GitHub Docs: StringLike repo:ORG/REPO:* admits every branch, pull request and environment of the repository',
    setup: {
      trustPolicy: trust(github({ StringEquals: AUD, StringLike: { [`${KEY}:sub`]: `repo:${REPO}:*` } })),
    },
    token: ENVIRONMENT,
    verdict: 'allowed',
    warns: false,
  },
  {
    name: 'configure-aws-credentials#318 (BradyRyun): the owner is compared case-sensitively',
    setup: {
      trustPolicy: trust(github({ StringEquals: AUD, StringLike: { [`${KEY}:sub`]: 'repo:my-org/*' } })),
    },
    token: token('push to main', value('repo:My-ORG/service:ref:refs/heads/main'), {
      repository: value('My-ORG/service'),
    }),
    verdict: 'denied',
    says: ['differ only in letter case'],
    fixes: ['repo:My-ORG/service:ref:refs/heads/main'],
  },
  {
    name: 'configure-aws-credentials#318 (shinebayar-g): aud https://github.com/ORG, but the action asks for sts.amazonaws.com',
    setup: {
      trustPolicy: trust(
        github({
          StringEquals: {
            [`${KEY}:aud`]: 'https://github.com/octo-org',
            [`${KEY}:sub`]: `repo:${REPO}:ref:refs/heads/main`,
          },
        }),
      ),
    },
    token: PUSH_MAIN,
    verdict: 'denied',
    says: ['aud sts.amazonaws.com', 'audience sts.amazonaws.com unless'],
    fixes: ['"https://github.com/octo-org",\n        "sts.amazonaws.com"'],
  },
  {
    name: 'gist magusd (an aud-only trust policy): allowed, with a warning that any repository may log in',
    setup: { trustPolicy: trust(github({ StringEquals: AUD })) },
    token: PUSH_MAIN,
    verdict: 'allowed',
    warns: true,
    says: ['no condition on token.actions.githubusercontent.com:sub', 'MalformedPolicyDocument'],
  },
  {
    name: 'configure-aws-credentials#318 (cepefernando): ForAllValues:StringLike repo:ORG/* admits other repositories',
    setup: {
      trustPolicy: trust(github({ 'ForAllValues:StringLike': { [`${KEY}:sub`]: 'repo:octo-org/*' } })),
    },
    token: PUSH_MAIN,
    verdict: 'allowed',
    warns: true,
    says: ['admits workflows of other repositories'],
  },
  {
    name: 'configure-aws-credentials#306: a condition on the actor claim is not one IAM documents: unknown, never allowed',
    setup: { trustPolicy: trust(github({ StringEquals: { ...AUD, [`${KEY}:actor`]: 'tve' } })) },
    token: token('push to main', value(`repo:${REPO}:ref:refs/heads/main`), { actor: value('tve') }),
    verdict: 'unknown',
    says: ["whether it carries GitHub's actor claim", '#306'],
  },
  {
    name: 'release/** branches against a main-only sub: no release branch can log in',
    setup: { trustPolicy: trust(github({ StringEquals: SUB_MAIN })) },
    token: RELEASE_BRANCHES,
    verdict: 'denied',
    fixes: ['"StringLike"', `repo:${REPO}:ref:refs/heads/release/*`],
  },
  {
    name: 'release/** branches against release/v*: some branches would be refused',
    setup: {
      trustPolicy: trust(
        github({
          StringEquals: AUD,
          StringLike: { [`${KEY}:sub`]: `repo:${REPO}:ref:refs/heads/release/v*` },
        }),
      ),
    },
    token: RELEASE_BRANCHES,
    verdict: 'unknown',
    says: ['some runs would be refused'],
  },
  {
    name: 'release/** branches against repo:ORG/REPO:ref:refs/heads/*: every one admitted',
    setup: {
      trustPolicy: trust(
        github({ StringEquals: AUD, StringLike: { [`${KEY}:sub`]: `repo:${REPO}:ref:refs/heads/*` } }),
      ),
    },
    token: RELEASE_BRANCHES,
    verdict: 'allowed',
  },
  {
    name: 'configure-aws-credentials#331: a reusable workflow presents the caller repository in sub, not its own',
    setup: {
      trustPolicy: trust(
        github({ StringEquals: AUD, StringLike: { [`${KEY}:sub`]: 'repo:octo-org/shared-workflows:*' } }),
      ),
    },
    token: token('push to main', value('repo:octo-org/app:ref:refs/heads/main'), {
      repository: value('octo-org/app'),
      job_workflow_ref: value('octo-org/shared-workflows/.github/workflows/deploy.yml@refs/heads/main'),
    }),
    verdict: 'denied',
    fixes: ['repo:octo-org/app:ref:refs/heads/main'],
  },
  {
    name: 'aws-cdk#31128: a trust policy for sts:AssumeRole only does not admit web identities',
    setup: { trustPolicy: trust(github({ StringEquals: SUB_MAIN }, { Action: 'sts:AssumeRole' })) },
    token: PUSH_MAIN,
    verdict: 'denied',
    says: ['not sts:AssumeRoleWithWebIdentity'],
    fixes: [PROVIDER, `repo:${REPO}:ref:refs/heads/main`],
  },
  {
    name: "a provider of another account does not admit this account's tokens",
    setup: {
      trustPolicy: trust(
        github(
          { StringEquals: SUB_MAIN },
          {
            Principal: {
              Federated: 'arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com',
            },
          },
        ),
      ),
    },
    token: PUSH_MAIN,
    verdict: 'denied',
    says: ['not the OIDC provider'],
  },
  {
    name: 'IAM User Guide "Create an OIDC identity provider": no provider in the account',
    setup: { provider: { arn: PROVIDER, exists: false } },
    token: PUSH_MAIN,
    verdict: 'denied',
    fixes: ['aws iam create-open-id-connect-provider --url https://token.actions.githubusercontent.com'],
  },
  {
    name: "the provider's client IDs do not list the token's audience",
    setup: { provider: { arn: PROVIDER, clientIds: ['https://github.com/octo-org'] } },
    token: PUSH_MAIN,
    verdict: 'denied',
    says: ['Incorrect token audience'],
    fixes: ['add-client-id-to-open-id-connect-provider'],
  },
  {
    name: 'the provider is not in the facts: unknown, naming it',
    setup: { provider: 'absent' },
    token: PUSH_MAIN,
    verdict: 'unknown',
    says: ['facts.aws.oidcProviders', 'iam:ListOpenIDConnectProviders'],
  },
  {
    name: 'the trust policy is not in the facts: unknown, naming it',
    setup: { trustPolicy: 'absent' },
    token: PUSH_MAIN,
    verdict: 'unknown',
    says: ['facts.aws.roles[].trustPolicy', 'aws iam get-role --role-name github-deploy'],
  },
  {
    name: 'the role is not in the facts: unknown',
    setup: { role: 'absent' },
    token: PUSH_MAIN,
    verdict: 'unknown',
    says: ['not in facts.aws.roles'],
  },
  {
    name: 'a sub not knowable offline: unknown, never allowed',
    setup: { trustPolicy: trust(github({ StringEquals: SUB_MAIN })) },
    token: token('workflow_dispatch', { unknown: 'the ref is chosen when the run is dispatched' }),
    verdict: 'unknown',
    says: ['chosen when the run is dispatched'],
  },
  {
    name: 'an explicit Deny of pull requests wins over a repository-wide Allow',
    setup: {
      trustPolicy: trust(github({ StringEquals: AUD, StringLike: { [`${KEY}:sub`]: `repo:${REPO}:*` } }), {
        Effect: 'Deny',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { [`${KEY}:sub`]: 'repo:*:pull_request' } },
      }),
    },
    token: PULL_REQUEST,
    verdict: 'denied',
    explicitDeny: true,
  },
  {
    name: 'Principal "*" does not name the provider: unknown',
    setup: { trustPolicy: trust(github({ StringEquals: SUB_MAIN }, { Principal: '*' })) },
    token: PUSH_MAIN,
    verdict: 'unknown',
  },
  {
    name: 'sts:RoleSessionName is the action default GitHubActions unless role-session-name is given',
    setup: {
      trustPolicy: trust(github({ StringEquals: { ...SUB_MAIN, 'sts:RoleSessionName': 'deploy' } })),
      with: { 'role-session-name': 'deploy' },
    },
    token: PUSH_MAIN,
    verdict: 'allowed',
  },
  {
    name: 'ForAnyValue over a claim the token lacks fails (IAM "Set operators for multivalued context keys")',
    setup: {
      trustPolicy: trust(
        github({ StringEquals: SUB_MAIN, 'ForAnyValue:StringEquals': { [`${KEY}:environment`]: 'prod' } }),
      ),
    },
    token: PUSH_MAIN,
    verdict: 'denied',
  },
];

for (const c of cases) {
  test(`login: ${c.name}`, () => {
    const verdict = decide(c.setup, c.token);
    assert.equal(verdict.verdict, c.verdict, text(verdict));
    for (const fragment of c.says ?? [])
      assert.ok(text(verdict).includes(fragment), `${fragment}\n${text(verdict)}`);
    // The job pushes as the role whatever the login's verdict: its pushes are checked for it all the same.
    assert.equal(verdict.principal, ROLE);
    if (c.warns !== undefined) assert.equal((verdict.warnings ?? []).length > 0, c.warns, text(verdict));
    if (c.verdict === 'denied') {
      assert.ok(verdict.missing.length > 0);
      assert.ok(verdict.missing.every((grant) => grant.side === 'trust'));
      if (c.explicitDeny) assert.equal(verdict.missing[0]!.explicitDeny, true);
    }
    const snippets = Object.values(verdict.missing[0]?.fix.snippets ?? {}).join('\n');
    for (const fragment of c.fixes ?? []) assert.ok(snippets.includes(fragment), `${fragment}\n${snippets}`);
  });
}

test('login: a fix, applied, lets the token in (the environment case)', () => {
  const setup = { trustPolicy: trust(github({ StringEquals: SUB_MAIN })) };
  const refused = decide(setup, ENVIRONMENT);
  const cli = refused.missing[0]!.fix.snippets['cli']!;
  const fixed = JSON.parse(/--policy-document '(.*)'$/s.exec(cli)![1]!) as Json;
  assert.equal(decide({ trustPolicy: fixed }, ENVIRONMENT).verdict, 'allowed');
  assert.equal(decide({ trustPolicy: fixed }, PUSH_MAIN).verdict, 'allowed', 'the old sub still logs in');
});

test('login: fixing an aud-only statement adds a sub condition too (IAM refuses the update without one)', () => {
  const wrongAud = trust(github({ StringEquals: { [`${KEY}:aud`]: 'https://github.com/octo-org' } }));
  const refused = decide({ trustPolicy: wrongAud }, PUSH_MAIN);
  assert.equal(refused.verdict, 'denied');
  const cli = refused.missing[0]!.fix.snippets['cli']!;
  const fixed = JSON.parse(/--policy-document '(.*)'$/s.exec(cli)![1]!) as { Statement: Json[] };
  const condition = fixed.Statement[0]!['Condition'] as Record<string, Json>;
  assert.deepEqual(condition['StringEquals'], {
    [`${KEY}:aud`]: ['https://github.com/octo-org', 'sts.amazonaws.com'],
    [`${KEY}:sub`]: `repo:${REPO}:ref:refs/heads/main`,
  });
  const admitted = decide({ trustPolicy: fixed }, PUSH_MAIN);
  assert.equal(admitted.verdict, 'allowed');
  assert.equal(admitted.warnings, undefined);
});

test('login: another provider is not asked', () => {
  const config = loadConfigText(stringify({ version: 1 }), 'pullcheck.yml');
  const login = { provider: 'gcp', identity: 'x', with: {}, origin: { file: 'a', line: 1 } } as never;
  assert.equal(buildRules(config).decideLogin?.({ login, token: PUSH_MAIN }), undefined);
});

test('login: condition key names are case-insensitive (IAM "Condition": "Context key names are not case-sensitive"), so `:SUB` is the sub', () => {
  // A statement that excludes the dev branch with an upper-case key still excludes it: IAM reads :SUB as :sub.
  const DEV = token('push to dev', value(`repo:${REPO}:ref:refs/heads/dev`));
  const policy = trust(
    github({
      StringEquals: AUD,
      StringLike: { [`${KEY}:sub`]: `repo:${REPO}:*` },
      StringNotEquals: { [`${KEY}:SUB`]: `repo:${REPO}:ref:refs/heads/dev` },
    }),
  );
  const verdict = decide({ trustPolicy: policy }, DEV);
  assert.equal(verdict.verdict, 'denied', text(verdict));
  assert.equal(decide({ trustPolicy: policy }, PUSH_MAIN).verdict, 'allowed');
});

test('login: role-duration-seconds past the role MaxSessionDuration fails (STS: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role")', () => {
  // AssumeRoleWithWebIdentity DurationSeconds: 900 up to the role's MaxSessionDuration (1 to 12 hours, 1 hour
  // by default); configure-aws-credentials asks 1 hour for an OIDC login unless role-duration-seconds says more.
  const asked = (seconds: string) => decide({ with: { 'role-duration-seconds': seconds } }, PUSH_MAIN);
  assert.equal(asked('3600').verdict, 'allowed');
  const longer = asked('7200');
  assert.equal(longer.verdict, 'unknown', text(longer));
  assert.match(text(longer), /MaxSessionDuration/);
  assert.equal(asked('86400').verdict, 'denied');
  assert.equal(asked('600').verdict, 'denied');
  assert.equal(asked('${{ vars.DURATION }}').verdict, 'unknown');
});
