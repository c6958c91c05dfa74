// @cloud-copilot/iam-simulate's own cases (iam-simulate.cases.ts), translated into ECR pulls, run through
// pullcheck's real path (config text → loadConfigText → runCheck). Each case is also run through
// iam-simulate itself (AGPL: tests only): it must still give upstream's answer, so the translation kept the
// case's meaning. pullcheck must give upstream's answer too, or the case states why it `differs`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSinglePull } from '../helpers/check.ts';
import { oraclePull } from '../helpers/iam-oracle.ts';
import { ACCOUNT, PORTED, REPOSITORY_ACCOUNT, ROLE, SESSION, type PullCase } from './iam-simulate.cases.ts';

const REGION = 'us-east-1';
const PULL_GRANT = {
  Effect: 'Allow',
  Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
  Resource: '{repo}',
};
const TOKEN_GRANT = { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' };

interface Pull {
  readonly repositoryAccount: string;
  readonly repositoryArn: string;
  readonly identityPolicies: unknown[];
  readonly boundary: unknown;
  readonly repositoryPolicy: unknown;
}

/** The case's policies with its placeholders filled in, and the statement for the other action(s) added. */
function pullOf(c: PullCase): Pull {
  const repositoryAccount = c.account === 'same' ? ACCOUNT : REPOSITORY_ACCOUNT;
  const prefix = `arn:aws:ecr:${REGION}:${repositoryAccount}:repository/`;
  const fill = (statements: readonly unknown[]): unknown =>
    JSON.parse(
      JSON.stringify({ Version: '2012-10-17', Statement: statements })
        .replaceAll('{repoPrefix}', prefix)
        .replaceAll('{repo}', `${prefix}team/web`)
        .replaceAll('{otherRepo}', `${prefix}team/api`),
    );
  const other = c.focus === 'token' ? PULL_GRANT : TOKEN_GRANT;
  return {
    repositoryAccount,
    repositoryArn: `${prefix}team/web`,
    identityPolicies: [fill(c.identity), fill([other])],
    boundary: c.boundary ? fill([...c.boundary, other]) : null,
    repositoryPolicy: c.repository ? fill(c.repository) : null,
  };
}

function configText(pull: Pull): string {
  return JSON.stringify({
    version: 1,
    images: [`${pull.repositoryAccount}.dkr.ecr.${REGION}.amazonaws.com/team/web:1.0.0`],
    targets: [{ name: 'puller', platform: 'aws-role', roles: [ROLE] }],
    facts: {
      aws: {
        roles: [{ arn: ROLE, policies: pull.identityPolicies, permissionsBoundary: pull.boundary }],
        repositories: [{ arn: pull.repositoryArn, policy: pull.repositoryPolicy }],
      },
    },
  });
}

for (const { upstream, cases } of PORTED) {
  const file = upstream.path.split('/').slice(-2).join('/');
  for (const c of cases) {
    test(`iam-simulate ${file}: ${c.from}`, async () => {
      assert.equal(c.pullcheck === undefined, c.differs === undefined, 'pullcheck and differs go together');
      const pull = pullOf(c);
      const oracle = await oraclePull({
        sessionArn: SESSION,
        roleAccount: ACCOUNT,
        ...pull,
        context: { 'aws:PrincipalAccount': ACCOUNT, 'aws:PrincipalArn': ROLE, ...c.context },
      });
      assert.equal(
        oracle.verdict,
        c.upstream,
        `the translation changed the case: ${JSON.stringify(oracle.byAction)}`,
      );
      const result = checkSinglePull(configText(pull));
      assert.equal(result.verdict, c.pullcheck ?? c.upstream, `reasons:\n  ${result.reasons.join('\n  ')}`);
    });
  }
}
