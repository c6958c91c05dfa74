// `pullcheck permissions` on a workflow written to break its output: a job key holding terminal escapes
// (OSC title, screen clear, bell), and a GitHub expression (`${{ vars.X }}`) in a login's service account. The comments of the Terraform and shell formats show it as text — no
// control character reaches the terminal or the file — and every HCL string uses only escapes HCL knows.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { hclString } from '../../src/permissions/render-terraform.ts';
import { runCliInProcess } from '../helpers/cli-formats.ts';

const ESCAPES = '\u001b]0;pwned\u0007\u001b[2J\b\f';

function hostileRepository(): string {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-permissions-hostile-'));
  mkdirSync(path.join(repo, '.github/workflows'), { recursive: true });
  writeFileSync(
    path.join(repo, '.github/workflows/deploy.yml'),
    [
      'on: push',
      'jobs:',
      `  ${JSON.stringify(`deploy${ESCAPES}`)}:`,
      '    runs-on: ubuntu-latest',
      '    permissions: { id-token: write }',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with: { role-to-assume: "arn:aws:iam::123456789012:role/deploy", aws-region: us-east-1 }',
      '      - uses: google-github-actions/auth@v2',
      '        with:',
      '          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/x',
      '          service_account: sa@${{ vars.PROJECT }}.iam.gserviceaccount.com',
      '      - run: docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:1.0',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(repo, 'pullcheck.yml'),
    "version: 1\ndiscover: { workflows: ['.github/workflows/deploy.yml'], variables: { github.repository: acme/shop } }\n",
  );
  return repo;
}

test('terraform and gcloud: a job key with terminal escapes is written as text in the comments', async () => {
  const repo = hostileRepository();
  for (const format of ['json', 'yaml', 'terraform', 'gcloud']) {
    const printed = await runCliInProcess([
      'permissions',
      '--config',
      path.join(repo, 'pullcheck.yml'),
      '--format',
      format,
    ]);
    assert.equal(printed.code, 0, printed.stderr);
    assert.match(printed.stdout, /deploy\.yml#deploy/, `${format}: the job is named`);
    // A GitHub expression left in a value is text in HCL, never a template interpolation.
    if (format === 'terraform') assert.doesNotMatch(printed.stdout, /(^|[^$])\$\{/m, printed.stdout);
    assert.doesNotMatch(
      printed.stdout,
      // eslint-disable-next-line no-control-regex -- control characters are what must not be printed
      /[\u0000-\u0008\u000b-\u001f\u007f]/,
      `${format}: a control character`,
    );
  }
});

test('hclString: only the escapes HCL knows (\\n \\r \\t \\" \\\\ \\uNNNN), template sequences doubled', () => {
  const written = hclString(`a${ESCAPES}\n\t"\\\${x}%{y}\u2028`);
  const escapes = [...written.slice(1, -1).matchAll(/\\(u[0-9a-fA-F]{4}|.)/g)].map((m) => m[1]!);
  for (const escape of escapes)
    assert.match(escape, /^(n|r|t|"|\\|u[0-9a-fA-F]{4})$/, `\\${escape} in ${written}`);
  assert.match(written, /\$\$\{x\}%%\{y\}/);
});
