// The Lambda container-image rule, driven through the real path (YAML config → loadConfigText → runCheck with
// every provider). Each row cites the AWS document it comes from; LAMBDA is the Lambda Developer Guide page
// "Create a Lambda function using a container image".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import type { PullResult } from '../../../src/core/verdict.ts';
import { checkSinglePull } from '../../helpers/check.ts';

const LAMBDA = 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html';
const REGISTRY = '111122223333';
const FUNCTION_ACCOUNT = '444455556666';
const REGION = 'us-east-1';
const IMAGE = `${REGISTRY}.dkr.ecr.${REGION}.amazonaws.com/hello-world:1.0`;
const REPO_ARN = `arn:aws:ecr:${REGION}:${REGISTRY}:repository/hello-world`;
const PULL = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

type Json = Record<string, unknown>;
const policy = (...Statement: Json[]): Json => ({ Version: '2012-10-17', Statement });
const lambdaService = (more: Json = {}): Json => ({
  Sid: 'LambdaImagePull',
  Effect: 'Allow',
  Principal: { Service: 'lambda.amazonaws.com' },
  Action: PULL,
  ...more,
});
const sourceArn = (pattern: string): Json => ({ Condition: { StringLike: { 'aws:sourceARN': pattern } } });
const FUNCTIONS_OF_SECONDARY = `arn:aws:lambda:${REGION}:${FUNCTION_ACCOUNT}:function:*`;
const accountGrant = (principal: string, more: Json = {}): Json => ({
  Sid: 'CrossAccountPermission',
  Effect: 'Allow',
  Principal: { AWS: principal },
  Action: PULL,
  ...more,
});

interface LambdaCase {
  readonly name: string;
  readonly image?: string;
  readonly target?: Json;
  /** The repository policy (null: none); undefined leaves the repository out of the facts. */
  readonly repositoryPolicy?: Json | null;
  /** The registry's facts (its policy and scope), when given. */
  readonly registry?: Json;
  /** facts.aws.accounts (their organizations), when given. */
  readonly accounts?: Json[];
  readonly expect: 'allowed' | 'denied' | 'unknown';
  /** Texts some reason must contain. */
  readonly because?: readonly string[];
  /** For denied: the statements the fix adds (by their principal), or a region move. */
  readonly fixAdds?: readonly string[];
}

function configText(c: LambdaCase): string {
  const target = { name: 'api', platform: 'lambda', account: REGISTRY, region: REGION, ...(c.target ?? {}) };
  const aws: Json = {};
  if (c.repositoryPolicy !== undefined) aws['repositories'] = [{ arn: REPO_ARN, policy: c.repositoryPolicy }];
  if (c.registry) aws['registries'] = [{ account: REGISTRY, region: REGION, ...c.registry }];
  if (c.accounts) aws['accounts'] = c.accounts;
  return stringify({ version: 1, images: [c.image ?? IMAGE], targets: [target], facts: { aws } });
}

const CROSS = { account: FUNCTION_ACCOUNT };
const NOT_PRINCIPAL =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html';
const ROOT_OF_SECONDARY = `arn:aws:iam::${FUNCTION_ACCOUNT}:root`;

/** Cross-account, the deploying account must be allowed: a Deny that reaches it blocks the pull. */
function accountDenyCases(): LambdaCase[] {
  const documented = [accountGrant(ROOT_OF_SECONDARY), lambdaService(sourceArn(FUNCTIONS_OF_SECONDARY))];
  const deny = (principal: Json, Action: string | string[] = 'ecr:*'): Json =>
    policy(...documented, { Sid: 'NoSecondary', Effect: 'Deny', ...principal, Action });
  const rule = `${LAMBDA} "Cross-account permissions" + IAM User Guide, "Policy evaluation logic"`;
  const outsideOrganization = { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } };
  return [
    {
      name: `${rule}: a Deny of ecr:* to the deploying account's root overrides its Allow (denied, naming the statement)`,
      target: CROSS,
      repositoryPolicy: deny({ Principal: { AWS: ROOT_OF_SECONDARY } }),
      expect: 'denied',
      because: ['statement "NoSecondary"', `account ${FUNCTION_ACCOUNT}`],
    },
    {
      name: `${rule}: in the same account a Deny to the account's root leaves the pull unknown, never allowed (the docs do not say whether Lambda checks the deployer there)`,
      repositoryPolicy: policy(lambdaService(), {
        Sid: 'NoOwnAccount',
        Effect: 'Deny',
        Principal: { AWS: `arn:aws:iam::${REGISTRY}:root` },
        Action: 'ecr:*',
      }),
      expect: 'unknown',
      because: [`denies account ${REGISTRY}`],
    },
    {
      name: `${rule}: a Deny of ecr:GetDownloadUrlForLayer alone to the deploying account blocks the pull`,
      target: CROSS,
      repositoryPolicy: deny({ Principal: { AWS: FUNCTION_ACCOUNT } }, 'ecr:GetDownloadUrlForLayer'),
      expect: 'denied',
      because: ['statement "NoSecondary"', 'deployed, ecr:GetDownloadUrlForLayer:'],
    },
    {
      name: `${rule}: a Deny to Principal "*" reaches the deploying account`,
      target: CROSS,
      repositoryPolicy: deny({ Principal: '*' }),
      expect: 'denied',
    },
    {
      name: `${NOT_PRINCIPAL}: a Deny with NotPrincipal naming another account reaches the deploying account`,
      target: CROSS,
      repositoryPolicy: deny({ NotPrincipal: { AWS: 'arn:aws:iam::999999999999:root' } }),
      expect: 'denied',
    },
    {
      name: `${rule}: a Deny to one role of the deploying account leaves the deployer unknown`,
      target: CROSS,
      repositoryPolicy: deny({ Principal: { AWS: `arn:aws:iam::${FUNCTION_ACCOUNT}:role/ci` } }),
      expect: 'unknown',
      because: ['statement "NoSecondary"', `role/ci`],
    },
    {
      name: `${rule}: a Deny to the account outside an organization, with the deploying account's organization given, does not reach it`,
      target: CROSS,
      repositoryPolicy: deny({ Principal: { AWS: ROOT_OF_SECONDARY }, Condition: outsideOrganization }),
      accounts: [{ id: FUNCTION_ACCOUNT, organizationId: 'o-abcdefghij' }],
      expect: 'allowed',
    },
    {
      name: `${rule}: a Deny to the account outside an organization, without the deploying account's organization, is unknown naming facts.aws.accounts`,
      target: CROSS,
      repositoryPolicy: deny({ Principal: { AWS: ROOT_OF_SECONDARY }, Condition: outsideOrganization }),
      expect: 'unknown',
      because: ['aws:PrincipalOrgID', 'facts.aws.accounts'],
    },
    {
      name: `${rule}: a Deny to another account does not reach the deploying account`,
      target: CROSS,
      repositoryPolicy: deny({ Principal: { AWS: 'arn:aws:iam::999999999999:root' } }),
      expect: 'allowed',
    },
  ];
}

const cases: LambdaCase[] = [
  {
    name: 'IAM User Guide, "IAM policy elements: Variables and tags": a Deny to the Lambda service whose Resource holds a policy variable may cover the repository (unknown, not allowed)',
    repositoryPolicy: policy(lambdaService(), {
      Sid: 'NoTeamRepos',
      Effect: 'Deny',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'ecr:*',
      Resource: `arn:aws:ecr:${REGION}:${REGISTRY}:repository/\${aws:PrincipalTag/team}`,
    }),
    expect: 'unknown',
    because: ['${aws:PrincipalTag/team}'],
  },
  {
    name: `${LAMBDA} "Amazon ECR permissions": a same-account repository policy allowing lambda.amazonaws.com lets Lambda pull`,
    repositoryPolicy: policy(lambdaService()),
    expect: 'allowed',
  },
  {
    name: `${LAMBDA} "Amazon ECR permissions": same account without the statement, Lambda adds it only if the deployer may get and set the repository policy (unknown)`,
    repositoryPolicy: null,
    expect: 'unknown',
    because: ['ecr:GetRepositoryPolicy and ecr:SetRepositoryPolicy', 'lambda.amazonaws.com'],
  },
  {
    name: `${LAMBDA} "Amazon ECR permissions": a repository policy that is not known is unknown, naming facts.aws.repositories`,
    expect: 'unknown',
    because: [`repository ${REPO_ARN} is not in facts.aws.repositories`, 'ecr:GetRepositoryPolicy'],
  },
  {
    name: `${LAMBDA} "Cross-account permissions": the account principal and the service with aws:sourceARN let Lambda pull`,
    target: CROSS,
    repositoryPolicy: policy(
      accountGrant(`arn:aws:iam::${FUNCTION_ACCOUNT}:root`),
      lambdaService(sourceArn(FUNCTIONS_OF_SECONDARY)),
    ),
    expect: 'allowed',
  },
  {
    name: `${LAMBDA} "Cross-account permissions": the account principal alone is not enough (the service statement is missing)`,
    target: CROSS,
    repositoryPolicy: policy(accountGrant(`arn:aws:iam::${FUNCTION_ACCOUNT}:root`)),
    expect: 'denied',
    fixAdds: ['lambda.amazonaws.com'],
  },
  {
    name: `${LAMBDA} "Cross-account permissions": the service statement alone is not enough (the account principal is missing)`,
    target: CROSS,
    repositoryPolicy: policy(lambdaService(sourceArn(FUNCTIONS_OF_SECONDARY))),
    expect: 'denied',
    fixAdds: [`arn:aws:iam::${FUNCTION_ACCOUNT}:root`],
  },
  {
    name: `${LAMBDA} "Cross-account permissions": aws:sourceARN scoped to another account's functions does not admit this function`,
    target: CROSS,
    repositoryPolicy: policy(
      accountGrant(FUNCTION_ACCOUNT),
      lambdaService(sourceArn(`arn:aws:lambda:${REGION}:999988887777:function:*`)),
    ),
    expect: 'denied',
    fixAdds: ['lambda.amazonaws.com'],
  },
  {
    name: `${LAMBDA} "Cross-account permissions": aws:sourceARN naming one function depends on the function's name (unknown without \`function\`)`,
    target: CROSS,
    repositoryPolicy: policy(
      accountGrant(FUNCTION_ACCOUNT),
      lambdaService(sourceArn(`arn:aws:lambda:${REGION}:${FUNCTION_ACCOUNT}:function:api-*`)),
    ),
    expect: 'unknown',
    because: ['set `function`'],
  },
  {
    name: 'IAM User Guide, "Set operators for multivalued context keys": ForAllValues:StringLike over aws:sourceARN (one value, always sent) covering every function of the account admits the function without its name',
    target: CROSS,
    repositoryPolicy: policy(
      accountGrant(FUNCTION_ACCOUNT),
      lambdaService({
        Condition: { 'ForAllValues:StringLike': { 'aws:sourceARN': FUNCTIONS_OF_SECONDARY } },
      }),
    ),
    expect: 'allowed',
  },
  {
    name: `${LAMBDA} "Cross-account permissions": with \`function\` given, the aws:sourceARN naming it decides`,
    target: { ...CROSS, function: 'api-prod' },
    repositoryPolicy: policy(
      accountGrant(FUNCTION_ACCOUNT),
      lambdaService(sourceArn(`arn:aws:lambda:${REGION}:${FUNCTION_ACCOUNT}:function:api-*`)),
    ),
    expect: 'allowed',
  },
  {
    name: `${LAMBDA} "Cross-account permissions": a grant to one role of the function's account leaves the deployer unknown`,
    target: CROSS,
    repositoryPolicy: policy(
      accountGrant(`arn:aws:iam::${FUNCTION_ACCOUNT}:role/deployer`),
      lambdaService(sourceArn(FUNCTIONS_OF_SECONDARY)),
    ),
    expect: 'unknown',
    because: ['whether the principal that deploys the function is one of them is not known'],
  },
  ...accountDenyCases(),
  {
    name: `${NOT_PRINCIPAL} "Using it with Effect Allow is not supported": an Allow with NotPrincipal grants lambda.amazonaws.com nothing (unknown, like "*")`,
    repositoryPolicy: policy({
      Effect: 'Allow',
      NotPrincipal: { AWS: 'arn:aws:iam::999999999999:root' },
      Action: PULL,
    }),
    expect: 'unknown',
    because: ['NotPrincipal with "Effect": "Allow" is not supported'],
  },
  {
    name: `${LAMBDA} "Requirements": the image must be in ECR in the function's Region (another Region is denied)`,
    target: { region: 'eu-west-1' },
    repositoryPolicy: policy(lambdaService()),
    expect: 'denied',
    because: ["in the function's Region"],
  },
  {
    name: `${LAMBDA} "Requirements": without the function's Region the rule cannot tell (unknown, naming \`region\`)`,
    target: { region: undefined },
    repositoryPolicy: policy(lambdaService()),
    expect: 'unknown',
    because: ['set `region`'],
  },
  {
    name: `${LAMBDA} "Cross-account permissions": without the function's account the rule cannot tell (unknown, naming \`account\`)`,
    target: { account: undefined },
    repositoryPolicy: policy(lambdaService()),
    expect: 'unknown',
    because: ['set `account`'],
  },
  {
    name: 'Lambda API Reference, FunctionCode.ImageUri ("a container image in the Amazon ECR registry"): a Docker Hub image is denied',
    image: 'docker.io/library/nginx:1.27',
    expect: 'denied',
    because: ['private Amazon ECR repository'],
  },
  {
    name: 'Amazon ECR User Guide, "Private registry permissions": a V2-scope registry policy allowing lambda.amazonaws.com grants the pull',
    repositoryPolicy: null,
    registry: { scope: 'V2', policy: policy(lambdaService()) },
    expect: 'allowed',
  },
  {
    name: 'Amazon ECR User Guide, "Private registry permissions": a V1-scope registry policy does not speak to BatchGetImage',
    repositoryPolicy: null,
    registry: { scope: 'V1', policy: policy(lambdaService()) },
    expect: 'unknown',
    because: ['Lambda adds that statement itself'],
  },
  {
    name: 'Amazon ECR User Guide, "Private registry permissions": a registry policy whose scope is not given decides nothing (unknown, naming REGISTRY_POLICY_SCOPE)',
    repositoryPolicy: null,
    registry: { policy: policy(lambdaService()) },
    expect: 'unknown',
    because: ['REGISTRY_POLICY_SCOPE'],
  },
  {
    name: 'IAM User Guide, "Policy evaluation logic": an explicit Deny to lambda.amazonaws.com overrides the Allow',
    repositoryPolicy: policy(lambdaService(), { ...lambdaService(), Sid: 'NoLambda', Effect: 'Deny' }),
    expect: 'denied',
    because: ['explicitly denies lambda.amazonaws.com'],
  },
  {
    name: 'IAM User Guide, "AWS JSON policy elements: Principal": a role principal does not name the Lambda service',
    repositoryPolicy: policy(accountGrant(`arn:aws:iam::${REGISTRY}:role/ci`)),
    expect: 'unknown',
    because: ['Lambda adds that statement itself'],
  },
];

function assertCase(result: PullResult, c: LambdaCase): void {
  const why = `reasons:\n  ${result.reasons.join('\n  ')}`;
  assert.equal(result.principal, 'lambda.amazonaws.com');
  assert.equal(result.verdict, c.expect, why);
  for (const text of c.because ?? []) {
    assert.ok(
      result.reasons.some((reason) => reason.includes(text)),
      `no reason names ${text}\n${why}`,
    );
  }
  if (c.expect !== 'denied') return assert.deepEqual(result.missing, [], why);
  assert.ok(result.missing.length > 0, why);
  for (const principal of c.fixAdds ?? []) {
    const fix = result.missing[0]!.fix;
    const added = JSON.parse(fix.snippets['json'] ?? '{}') as { Statement: Json[] };
    const last = added.Statement.filter((s) => String(s['Sid']).startsWith('Pullcheck'));
    assert.ok(
      JSON.stringify(last).includes(principal),
      `the fix does not add ${principal}: ${fix.snippets['json']}`,
    );
    assert.match(
      fix.snippets['cli'] ?? '',
      /^aws ecr set-repository-policy --registry-id 111122223333 --region us-east-1 --repository-name hello-world /,
    );
  }
}

for (const c of cases) {
  test(c.name, () => assertCase(checkSinglePull(configText(c)), c));
}

test(`${LAMBDA} "Cross-account permissions": the fix keeps the current policy and adds the scoped service statement`, () => {
  const result = checkSinglePull(
    configText({
      name: '',
      target: CROSS,
      repositoryPolicy: policy(accountGrant(`arn:aws:iam::${FUNCTION_ACCOUNT}:root`)),
      expect: 'denied',
    }),
  );
  const document = JSON.parse(result.missing[0]!.fix.snippets['json']!) as { Statement: Json[] };
  assert.deepEqual(document.Statement, [
    accountGrant(`arn:aws:iam::${FUNCTION_ACCOUNT}:root`),
    {
      Sid: 'PullcheckLambdaImageRetrieval',
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: PULL,
      Condition: { StringLike: { 'aws:sourceARN': FUNCTIONS_OF_SECONDARY } },
    },
  ]);
  assert.match(
    result.missing[0]!.fix.snippets['terraform']!,
    /resource "aws_ecr_repository_policy" "hello_world"/,
  );
});
