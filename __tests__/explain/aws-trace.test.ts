// `pullcheck explain`'s AWS trace, in process: the demo's denied pull with the repository policy's statements
// at their real lines, an identity-policy Deny written inline in the config, an SCP Deny, an undecided
// condition; the trace never changes a verdict, and no trace is active outside explain.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { prepareCheck } from '../../src/check/pipeline.ts';
import { discoveredConfig } from '../../src/cli/discovered-config.ts';
import { activeTrace, recordingSink, withTrace, type TraceStep } from '../../src/core/trace.ts';
import { explainPulls, type PullExplanation } from '../../src/explain/explain-pulls.ts';
import { statementLines } from '../../src/explain/statement-lines.ts';
import { checkConfig } from '../helpers/check.ts';
import { runCheck } from '../../src/core/engine.ts';

const DEMO = 'examples/pullcheck.yml';
const API = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api';
const PROD_NODES = 'arn:aws:iam::210987654321:role/eks/prod-nodes';

async function explain(configFile: string, image: string, target: string): Promise<PullExplanation[]> {
  const discovered = discoveredConfig(configFile, undefined);
  const prepared = await prepareCheck({ config: discovered.config, live: undefined, snapshot: undefined });
  const root = path.dirname(path.resolve(configFile));
  return explainPulls(prepared.config, prepared.providers, { image, target }, statementLines(root));
}

function only(explanations: readonly PullExplanation[], principal: string): PullExplanation {
  const found = explanations.find((e) => e.principal === principal);
  assert.ok(found, `no explanation for ${principal}: ${explanations.map((e) => e.principal).join(', ')}`);
  return found;
}

const steps = (e: PullExplanation, layer: string): TraceStep[] => e.trace.filter((s) => s.layer === layer);

test('the demo: prod-nodes pulling team/api is denied, and the trace shows the repository policy statement at its line, failing on Principal', async () => {
  const explanations = await explain(DEMO, API, 'prod-eks');
  const denied = only(explanations, PROD_NODES);
  assert.equal(denied.verdict, 'denied');
  assert.deepEqual(
    denied.missing.map((grant) => grant.side),
    ['resource'],
  );
  const repository = steps(denied, 'repository policy');
  assert.equal(repository.length, 2, 'one step per pull action (BatchGetImage, GetDownloadUrlForLayer)');
  for (const step of repository) {
    assert.equal(step.outcome, 'not matched');
    assert.equal(step.subject, 'Statement 1 (Sid ClusterPull), Allow');
    assert.deepEqual(
      { file: step.source.file, line: step.source.line },
      { file: path.join('examples', 'iam', 'api-repository-policy.json'), line: 4 },
    );
    assert.match(
      step.detail,
      /^Principal .*staging-nodes.* does not name arn:aws:iam::210987654321:role\/eks\/prod-nodes \(counted here: statements naming the caller\)$/,
    );
  }
  // The identity side grants: the AWS-managed policy's statement, from the built-in copy. The other
  // attached policy has no statement bearing on ECR: said too, never passed over in silence.
  const identity = steps(denied, 'identity policy');
  const silent = identity.filter((step) => /AmazonEKSWorkerNodePolicy/.test(step.source.label));
  assert.equal(silent.length, 3, 'one step per action for the policy with no ECR statement');
  assert.ok(silent.every((step) => step.outcome === 'not matched' && step.subject === 'no Allow statement'));
  const granting = identity.filter((step) => !silent.includes(step));
  assert.ok(granting.length >= 3);
  assert.ok(granting.every((step) => step.outcome === 'matched'));
  assert.match(granting[0]!.source.label, /AmazonEC2ContainerRegistryReadOnly \(AWS-managed/);
  // The Fargate role, which the statement names, is allowed by the same statement.
  const fargate = only(explanations, 'arn:aws:iam::210987654321:role/prod-fargate-pods');
  assert.equal(fargate.verdict, 'allowed');
  // Non-empty first: every() over no steps would hold for a trace that recorded nothing.
  const granted = steps(fargate, 'repository policy');
  assert.equal(granted.length, 2, 'one step per pull action (BatchGetImage, GetDownloadUrlForLayer)');
  assert.ok(granted.every((step) => step.outcome === 'matched' && /Sid ClusterPull/.test(step.subject)));
});

test('explain after a check over the same rules (their answers remembered) traces every statement all the same, and agrees with the check', async () => {
  const discovered = discoveredConfig(DEMO, undefined);
  const prepared = await prepareCheck({ config: discovered.config, live: undefined, snapshot: undefined });
  const report = runCheck(prepared.config, prepared.providers, { failOn: 'denied' });
  const lines = statementLines(path.resolve('examples'));
  for (const round of [1, 2]) {
    const explanations = explainPulls(
      prepared.config,
      prepared.providers,
      { image: API, target: 'prod-eks' },
      lines,
    );
    for (const e of explanations) {
      const row = report.results.find(
        (r) => r.image === e.image && r.target === e.target && r.principal === e.principal,
      );
      assert.ok(row);
      assert.deepEqual([e.verdict, e.reasons, e.missing], [row.verdict, row.reasons, row.missing]);
      assert.equal(steps(e, 'repository policy').length, 2, `${e.principal}, round ${round}`);
      const statements = steps(e, 'identity policy').filter((step) => step.subject !== 'no Allow statement');
      assert.equal(statements.length, 3, `${e.principal}, round ${round}`);
    }
  }
});

function tempConfig(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-explain-'));
  const file = path.join(dir, 'pullcheck.yml');
  writeFileSync(file, text);
  return file;
}

const SAME_ACCOUNT_IMAGE = '111122223333.dkr.ecr.us-east-1.amazonaws.com/team/web:1';
const NODE_ROLE = 'arn:aws:iam::111122223333:role/nodes';

test('an identity-policy Deny written inline in the config: matched, at its line in the config', async () => {
  const file = tempConfig(`version: 1
images: [${SAME_ACCOUNT_IMAGE}]
targets:
  - { name: prod, platform: eks, roles: [${NODE_ROLE}] }
facts:
  aws:
    roles:
      - arn: ${NODE_ROLE}
        managedPolicies: [arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly]
        policies:
          - Version: '2012-10-17'
            Statement:
              - Sid: NoTeamWeb
                Effect: Deny
                Action: ecr:BatchGetImage
                Resource: arn:aws:ecr:us-east-1:111122223333:repository/team/*
    repositories:
      - { arn: 'arn:aws:ecr:us-east-1:111122223333:repository/team/web', policy: null }
`);
  const [e] = await explain(file, SAME_ACCOUNT_IMAGE, 'prod');
  assert.equal(e!.verdict, 'denied');
  const deny = e!.trace.find((step) => step.subject.startsWith('Statement 1 (Sid NoTeamWeb)'));
  assert.ok(deny, 'the Deny statement is traced');
  assert.equal(deny.outcome, 'matched');
  assert.equal(deny.layer, 'identity policy');
  assert.match(deny.detail, /this Deny blocks it/);
  assert.deepEqual({ file: deny.source.file, line: deny.source.line }, { file, line: 13 });
  // The same Deny asked about GetDownloadUrlForLayer fails on its Action, and says so.
  const other = e!.trace.find(
    (step) => step.subject.startsWith('Statement 1 (Sid NoTeamWeb)') && step.outcome === 'not matched',
  );
  assert.match(other!.detail, /^Action ecr:batchgetimage does not cover ecr:GetDownloadUrlForLayer$/);
  // A repository without a policy is a skipped layer, not silence.
  assert.ok(e!.trace.some((step) => step.layer === 'repository policy' && step.outcome === 'skipped'));
});

test('an SCP Deny on the OU above the role’s account: the SCP statement is traced as matched, per level', async () => {
  const file = tempConfig(`version: 1
images: [${SAME_ACCOUNT_IMAGE}]
targets:
  - { name: prod, platform: eks, roles: [${NODE_ROLE}] }
facts:
  aws:
    roles:
      - { arn: ${NODE_ROLE}, managedPolicies: [arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly] }
    repositories:
      - { arn: 'arn:aws:ecr:us-east-1:111122223333:repository/team/web', policy: null }
    accounts:
      - { id: '111122223333', organizationId: o-exampleorgid, parent: ou-ab12-11111111, serviceControlPolicies: [arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess] }
    organizations:
      - id: o-exampleorgid
        units:
          - { id: r-ab12, serviceControlPolicies: [arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess] }
          - id: ou-ab12-11111111
            parent: r-ab12
            serviceControlPolicies:
              - arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess
              - { Version: '2012-10-17', Statement: { Sid: NoEcr, Effect: Deny, Action: 'ecr:*', Resource: '*' } }
`);
  const [e] = await explain(file, SAME_ACCOUNT_IMAGE, 'prod');
  assert.equal(e!.verdict, 'denied');
  const scp = e!.trace.filter((step) => step.layer === 'SCP');
  const deny = scp.find((step) => step.subject === 'Statement 1 (Sid NoEcr), Deny');
  assert.ok(deny, `SCP steps: ${scp.map((s) => s.subject).join('; ')}`);
  assert.equal(deny.outcome, 'matched');
  assert.match(deny.source.label, /^SCP #2 attached to OU ou-ab12-11111111$/);
  // A single-object Statement: its line is the Statement's.
  assert.deepEqual({ file: deny.source.file, line: deny.source.line }, { file, line: 21 });
  // The FullAWSAccess Allow of every level is traced too (from the built-in copy).
  assert.ok(scp.some((step) => step.outcome === 'matched' && /p-FullAWSAccess/.test(step.source.label)));
});

test('an undecided condition: the statement is undecided and the detail names the key it cannot know', async () => {
  const file = tempConfig(`version: 1
images: [${SAME_ACCOUNT_IMAGE}]
targets:
  - { name: prod, platform: eks, roles: ['arn:aws:iam::444455556666:role/nodes'] }
facts:
  aws:
    roles:
      - { arn: 'arn:aws:iam::444455556666:role/nodes', managedPolicies: [arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly] }
    repositories:
      - arn: 'arn:aws:ecr:us-east-1:111122223333:repository/team/web'
        policy:
          Version: '2012-10-17'
          Statement:
            - Sid: FromVpce
              Effect: Allow
              Principal: { AWS: 'arn:aws:iam::444455556666:role/nodes' }
              Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
              Condition: { StringEquals: { 'aws:SourceVpce': vpce-1a2b3c4d } }
`);
  const [e] = await explain(file, SAME_ACCOUNT_IMAGE, 'prod');
  assert.equal(e!.verdict, 'unknown');
  const step = e!.trace.find((s) => s.layer === 'repository policy' && s.subject.includes('FromVpce'));
  assert.ok(step);
  assert.equal(step.outcome, 'undecided');
  assert.match(step.detail, /condition StringEquals on aws:SourceVpce/);
  assert.equal(step.source.line, 14);
});

test('no trace is active outside explain: before, after, and after a traced promise settles', async () => {
  assert.equal(activeTrace(), undefined);
  const sink = recordingSink();
  withTrace(sink, () => assert.equal(activeTrace(), sink));
  assert.equal(activeTrace(), undefined);
  await withTrace(sink, async () => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    assert.equal(activeTrace(), sink);
  });
  assert.equal(activeTrace(), undefined);
  assert.throws(
    () =>
      withTrace(sink, () => {
        throw new Error('boom');
      }),
    /boom/,
  );
  assert.equal(activeTrace(), undefined);
  // A check records nothing, even with a sink made: it never enters withTrace.
  checkConfig(discoveredConfig(DEMO, undefined).config);
  assert.equal(sink.steps.length, 0);
});

test('Lambda pulling its image: the repository policy statements asked for the service principal are traced', async () => {
  const file = tempConfig(`version: 1
images: ['111122223333.dkr.ecr.us-east-1.amazonaws.com/team/fn:1']
targets:
  - { name: api, platform: lambda, account: '111122223333', region: us-east-1 }
facts:
  aws:
    repositories:
      - arn: 'arn:aws:ecr:us-east-1:111122223333:repository/team/fn'
        policy:
          Version: '2012-10-17'
          Statement:
            - Sid: OnlyS3
              Effect: Allow
              Principal: { Service: s3.amazonaws.com }
              Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]
`);
  const [e] = await explain(file, '111122223333.dkr.ecr.us-east-1.amazonaws.com/team/fn:1', 'api');
  const step = e!.trace.find((s) => s.subject === 'Statement 1 (Sid OnlyS3), Allow');
  assert.ok(step, `steps: ${e!.trace.map((s) => `${s.layer} ${s.subject}`).join('; ')}`);
  assert.equal(step.outcome, 'not matched');
  assert.match(step.detail, /^Principal does not name lambda\.amazonaws\.com$/);
  assert.equal(step.source.line, 12);
});
