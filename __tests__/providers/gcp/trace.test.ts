// Explain's Google trace (issue 19): the GKE node pool's scopes, every allow binding on the repository and its
// project with the line it is written on (a policy file the config names, or the config itself), each deny
// rule, and the layers taken as absent — in the order the rule evaluates them. In-process: the Google rules
// built from a config decide one pull inside withTrace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadConfigFile, loadConfigText } from '../../../src/core/config/load.ts';
import { buildRules } from '../../../src/providers/gcp/rules.ts';
import { stepLines, tracedDecide } from '../traced-decide.ts';

const DEMO_IMAGE = 'europe-west2-docker.pkg.dev/acme-prod/apps/api:1.4.2';
const REPOSITORY = 'projects/acme-prod/locations/europe-west2/repositories/apps';
const NODES = 'gke-nodes@acme-prod.iam.gserviceaccount.com';

test('the demo GKE pull: scopes, then each binding of the repository and project policy files at its line, then the absent layers', () => {
  const config = loadConfigFile('examples/pullcheck.yml');
  const { verdict, steps } = tracedDecide(config, buildRules(config), DEMO_IMAGE, 'prod-gke');
  assert.equal(verdict?.verdict, 'allowed');
  assert.deepEqual(stepLines(steps), [
    `node pool access scopes | access scopes of ${NODES} | matched | examples/pullcheck.yml:56`,
    `IAM allow policy | binding #1 roles/artifactregistry.reader on ${REPOSITORY} | matched | examples/gcp/apps-repository-policy.json:3`,
    `IAM allow policy | binding #2 roles/artifactregistry.writer on ${REPOSITORY} | not matched | examples/gcp/apps-repository-policy.json:10`,
    'IAM allow policy | binding #1 roles/container.nodeServiceAccount on projects/acme-prod | not matched | examples/gcp/acme-prod-policy.json:3',
    'IAM allow policy | binding #2 roles/owner on projects/acme-prod | undecided | examples/gcp/acme-prod-policy.json:7',
    'IAM allow policy | the folders and organization above project acme-prod | skipped | -:-',
    'IAM deny policy | deny policies | skipped | -:-',
    'principal access boundary policy | principal access boundaries | skipped | -:-',
    'VPC Service Controls | service perimeters around project acme-prod | skipped | -:-',
  ]);
  assert.match(
    steps[1]!.detail,
    /holds artifactregistry\.repositories\.downloadArtifacts and member serviceAccount:gke-nodes@/,
  );
  assert.match(
    steps[3]!.detail,
    /roles\/container\.nodeServiceAccount does not hold artifactregistry\.repositories\.downloadArtifacts/,
  );
  assert.match(steps[4]!.detail, /members of group:platform-admins@acme\.example are not known/);
});

const SA = 'batch@my-project.iam.gserviceaccount.com';
const IMAGE = 'us-west1-docker.pkg.dev/my-project/my-repo/app:1';
const REPO = 'projects/my-project/locations/us-west1/repositories/my-repo';

function inlineConfig(gcp: Record<string, unknown>) {
  const text = stringify({
    version: 1,
    images: [IMAGE],
    targets: [{ name: 'batch', platform: 'gcp-service-account', serviceAccounts: [{ email: SA }] }],
    facts: { gcp: { projects: [{ id: 'my-project', number: '123456789012', ancestors: [] }], ...gcp } },
  });
  const config = loadConfigText(text, 'pullcheck.yml');
  return { config, lines: text.split('\n') };
}

/** The 1-based line of the first line of `text` that contains `needle` after line `after`. */
function lineOf(lines: readonly string[], needle: string, after = 0): number {
  const index = lines.findIndex((line, i) => i >= after && line.includes(needle));
  assert.notEqual(index, -1, `no line contains ${needle}`);
  return index + 1;
}

test('a pull denied for want of a binding: every binding is not matched, each saying why, at its line of the config', () => {
  const { config, lines } = inlineConfig({
    iamPolicies: [
      {
        resource: REPO,
        policy: {
          bindings: [
            {
              role: 'roles/artifactregistry.reader',
              members: ['serviceAccount:other@my-project.iam.gserviceaccount.com'],
            },
            { role: 'roles/logging.viewer', members: [`serviceAccount:${SA}`] },
          ],
        },
      },
      { resource: 'projects/my-project', policy: { bindings: [] } },
    ],
  });
  const { verdict, steps } = tracedDecide(config, buildRules(config), IMAGE, 'batch', `serviceAccount:${SA}`);
  assert.equal(verdict?.verdict, 'denied');
  const allow = steps.filter((step) => step.layer === 'IAM allow policy');
  assert.deepEqual(
    allow.map((step) => [step.subject, step.outcome, step.source.file, step.source.line]),
    [
      [
        `binding #1 roles/artifactregistry.reader on ${REPO}`,
        'not matched',
        'pullcheck.yml',
        lineOf(lines, 'roles/artifactregistry.reader'),
      ],
      [
        `binding #2 roles/logging.viewer on ${REPO}`,
        'not matched',
        'pullcheck.yml',
        lineOf(lines, 'roles/logging.viewer'),
      ],
    ],
  );
  assert.match(
    allow[0]!.detail,
    /holds artifactregistry\.repositories\.downloadArtifacts, but no member includes serviceAccount:batch@.* \(members: serviceAccount:other@/,
  );
  assert.match(
    allow[1]!.detail,
    /roles\/logging\.viewer does not hold artifactregistry\.repositories\.downloadArtifacts/,
  );
  // Ancestors given as none: no folder or organization step; the absent deny and PAB layers are skipped.
  assert.deepEqual(
    steps.slice(allow.length).map((step) => `${step.layer}: ${step.outcome}`),
    [
      'IAM deny policy: skipped',
      'principal access boundary policy: skipped',
      'VPC Service Controls: skipped',
    ],
  );
});

test('a deny rule that denies the pull is matched at its line; one for another permission is not matched, saying why', () => {
  const denyRule = (permission: string, description: string) => ({
    description,
    denyRule: {
      deniedPrincipals: ['principalSet://goog/public:all'],
      deniedPermissions: [permission],
    },
  });
  const { config, lines } = inlineConfig({
    iamPolicies: [
      {
        resource: REPO,
        policy: { bindings: [{ role: 'roles/artifactregistry.reader', members: [`serviceAccount:${SA}`] }] },
      },
      { resource: 'projects/my-project', policy: { bindings: [] } },
    ],
    denyPolicies: [
      {
        attachmentPoint: 'projects/my-project',
        policies: [
          {
            name: 'policies/cloudresourcemanager.googleapis.com%2Fprojects%2Fmy-project/denypolicies/no-pulls',
            rules: [
              denyRule('artifactregistry.googleapis.com/repositories.uploadArtifacts', 'no pushes'),
              denyRule('artifactregistry.googleapis.com/repositories.downloadArtifacts', 'no pulls'),
            ],
          },
        ],
      },
    ],
  });
  const { verdict, steps } = tracedDecide(config, buildRules(config), IMAGE, 'batch', `serviceAccount:${SA}`);
  assert.equal(verdict?.verdict, 'denied');
  const deny = steps.filter((step) => step.layer === 'IAM deny policy');
  assert.deepEqual(
    deny.map((step) => [step.subject, step.outcome, step.source.file, step.source.line]),
    [
      [
        'rule "no pushes" of deny policy no-pulls on projects/my-project',
        'not matched',
        'pullcheck.yml',
        lineOf(lines, 'description: no pushes'),
      ],
      [
        'rule "no pulls" of deny policy no-pulls on projects/my-project',
        'matched',
        'pullcheck.yml',
        lineOf(lines, 'description: no pulls'),
      ],
    ],
  );
  assert.equal(deny[0]!.detail, 'the permission is not among its deniedPermissions');
  assert.match(
    deny[1]!.detail,
    /denies artifactregistry\.googleapis\.com\/repositories\.downloadArtifacts to batch@.*checked before allow policies/,
  );
  // The allow binding still matched: the trace shows both, the verdict is the deny's.
  assert.equal(steps.find((step) => step.layer === 'IAM allow policy')?.outcome, 'matched');
});

test('a policy read live names the API method, not a line', () => {
  const { config } = inlineConfig({
    iamPolicies: [
      { resource: REPO, unreadable: 'artifactregistry.repositories.getIamPolicy denied (403)' },
      { resource: 'projects/my-project', policy: { bindings: [] } },
    ],
  });
  const { verdict, steps } = tracedDecide(config, buildRules(config), IMAGE, 'batch', `serviceAccount:${SA}`);
  assert.equal(verdict?.verdict, 'unknown');
  const first = steps[0]!;
  assert.deepEqual(
    [first.subject, first.outcome, first.source.live],
    [REPO, 'undecided', 'artifactregistry.repositories.getIamPolicy'],
  );
  assert.match(first.detail, /could not be read: artifactregistry\.repositories\.getIamPolicy denied/);
});
