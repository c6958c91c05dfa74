// The command line in process (runCli with captured output): help for every command, the version, and
// the outgoing-text rules — a check with nothing to check says so, no credential in a URL and no data
// line that reads as a workflow command reaches stdout or stderr.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCliInProcess } from '../helpers/cli-formats.ts';

const cli = (...argv: string[]) => runCliInProcess(argv);

function configFile(text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pullcheck-cmd-')), 'pullcheck.yml');
  writeFileSync(file, text);
  return file;
}

test('--help for every command, help COMMAND, --version; an unknown command is exit 2 with the usage', async () => {
  for (const argv of [
    ['check', '--help'],
    ['help', 'check'],
    ['check', '--offline', '-h'],
  ]) {
    const run = await cli(...argv);
    assert.equal(run.code, 0, argv.join(' '));
    assert.match(run.stdout, /^usage: pullcheck check \[--config FILE\]/);
    assert.match(run.stdout, /--workflow FILE/);
  }
  const schema = await cli('schema', '--help');
  assert.equal(schema.code, 0);
  assert.match(schema.stdout, /^usage: pullcheck schema\n/);
  for (const argv of [['--help'], ['help'], ['-h']]) {
    const run = await cli(...argv);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^usage: pullcheck <command>[\s\S]*check[\s\S]*schema[\s\S]*--version/);
  }
  const version = await cli('--version');
  assert.equal(version.code, 0);
  const { version: packageVersion } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  assert.equal(version.stdout, `pullcheck ${packageVersion}\n`);
  const unknown = await cli('chek');
  assert.equal(unknown.code, 2);
  assert.match(
    unknown.stderr,
    /^pullcheck: unknown command `chek` \(did you mean `check`\?\)\nusage: pullcheck <command>/,
  );
  const none = await cli();
  assert.equal(none.code, 2);
  assert.match(none.stderr, /^usage: pullcheck <command>/);
});

test('nothing to check is a finding that names what was read and the CLI way to add images and targets', async () => {
  const config = configFile('version: 1\n');
  const run = await cli('check', '--offline', '--config', config);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^pullcheck: no pulls to check\n/);
  assert.match(
    run.stdout,
    /FINDING medium nothing-to-check .*pullcheck\.yml: nothing to check, so nothing is proven: no images: the config .* lists none and no workflow was read; list them in the config's `images`, pass `--workflow FILE`/,
  );
  assert.doesNotMatch(run.stdout, /input/, 'the CLI never points at an action input');
  const onlyImages = configFile(
    'version: 1\nimages: [123456789012.dkr.ecr.us-east-1.amazonaws.com/app]\ntargets:\n  - { name: a, platform: aws-role, roles: [arn:aws:iam::123456789012:role/a], images: [] }\n',
  );
  const json = await cli('check', '--offline', '--config', onlyImages, '--format', 'json');
  const report = JSON.parse(json.stdout) as { findings: { kind: string; message: string }[] };
  const finding = report.findings.find((f) => f.kind === 'nothing-to-check');
  assert.match(
    finding?.message ?? json.stdout + json.stderr,
    /no target's `images` selects any of the 1 image/,
  );
});

test('credentials in URLs and data lines that look like workflow commands never reach the terminal', async () => {
  const config = configFile(
    [
      'version: 1',
      'images: [123456789012.dkr.ecr.us-east-1.amazonaws.com/app]',
      'targets:',
      '  - name: prod',
      '    platform: aws-role',
      '    roles: [arn:aws:iam::123456789012:role/nodes]',
      'facts:',
      '  aws:',
      '    roles:',
      '      - arn: arn:aws:iam::123456789012:role/nodes',
      '        unreadable: "see https://ops:hunter2-url-secret@wiki.example.com/x\\n::error::forged\\n  ::add-mask::x"',
      'endpoints:',
      '  registries:',
      '    123456789012.dkr.ecr.us-east-1.amazonaws.com: https://ops:hunter2-url-secret@127.0.0.1:9',
      '',
    ].join('\n'),
  );
  for (const format of ['text', 'markdown', 'json', 'sarif']) {
    const run = await cli('check', '--offline', '--config', config, '--format', format);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const all = run.stdout + run.stderr;
    assert.ok(!all.includes('hunter2-url-secret'), `${format}: a URL credential leaked`);
    for (const line of all.split('\n'))
      assert.ok(!line.trimStart().startsWith('::'), `${format}: a line reads as a command: ${line}`);
    if (format === 'text') assert.match(all, /https:\/\/REDACTED@wiki\.example\.com/);
  }
});

test('without cloud credentials the CLI says how to supply them in CLI terms, never an action input', async () => {
  const saved = { ...process.env };
  Object.assign(process.env, {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/aws-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  });
  for (const name of [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_PROFILE',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
  ])
    delete process.env[name];
  try {
    const config = configFile(
      'version: 1\nimages: [123456789012.dkr.ecr.us-east-1.amazonaws.com/app]\ntargets:\n  - { name: ci, platform: aws-role, roles: [arn:aws:iam::123456789012:role/ci] }\n',
    );
    const run = await cli('check', '--config', config);
    assert.match(
      run.stderr,
      /no AWS credentials: AWS facts come from the config only \(configure AWS credentials/,
    );
    assert.doesNotMatch(run.stderr + run.stdout, /aws-role-arn|\binput\b/);
  } finally {
    process.env = saved;
  }
});
