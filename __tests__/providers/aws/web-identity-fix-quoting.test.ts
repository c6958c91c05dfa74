// The CLI fixes of a refused CI login are pasted into a shell: a value from the workflow (an environment
// name, an audience) must stay one argument, whatever quotes or metacharacters it holds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import type { LoginVerdict, PredictedToken } from '../../../src/core/ci-path.ts';
import { loadConfigText } from '../../../src/core/config/load.ts';
import { buildRules } from '../../../src/providers/aws/rules.ts';

const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/github-deploy`;
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const KEY = 'token.actions.githubusercontent.com';
const REPO = 'octo-org/octo-repo';
const HOSTILE = "it's'; touch /tmp/pwned; echo '";

/** The words /bin/sh makes of a line of single-quoted words and plain words (all the fixes write). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const word = /(?:'[^']*'|\\.|[^\s'\\])+/g;
  for (const [text] of line.matchAll(word))
    words.push(
      text.replace(/'([^']*)'|\\(.)|([^'\\]+)/g, (_m, quoted, escaped, plain) => quoted ?? escaped ?? plain),
    );
  return words;
}

const after = (words: string[], flag: string) => words[words.indexOf(flag) + 1];

function decide(
  trustPolicy: unknown,
  clientIds: string[],
  token: PredictedToken,
  audience?: string,
): LoginVerdict {
  const aws = { roles: [{ arn: ROLE, trustPolicy }], oidcProviders: [{ arn: PROVIDER, clientIds }] };
  const config = loadConfigText(stringify({ version: 1, facts: { aws } }), 'pullcheck.yml');
  const origin = { file: '.github/workflows/deploy.yml', line: 12 };
  const login = { provider: 'aws', identity: ROLE, with: audience ? { audience } : {}, origin } as never;
  const verdict = buildRules(config).decideLogin?.({ login, token });
  assert.ok(verdict);
  return verdict;
}

test('trust fix: an environment name with a quote stays inside --policy-document', () => {
  const sub = `repo:${REPO}:environment:${HOSTILE}`;
  const token: PredictedToken = {
    event: 'push',
    trigger: 'push to main',
    claims: { sub: { value: sub }, aud: { value: 'sts.amazonaws.com' } },
  };
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${KEY}:sub`]: `repo:${REPO}:ref:refs/heads/main` } },
      },
    ],
  };
  const verdict = decide(policy, ['sts.amazonaws.com'], token);
  assert.equal(verdict.verdict, 'denied');
  const words = shellWords(verdict.missing[0]!.fix.snippets['cli']!);
  assert.equal(words.at(-2), '--policy-document', words.join(' | '));
  const document = JSON.parse(words.at(-1)!) as {
    Statement: { Condition: Record<string, Record<string, string[]>> }[];
  };
  assert.ok(document.Statement[0]!.Condition['StringEquals']![`${KEY}:sub`]!.includes(sub));
});

test('provider fix: an audience from the workflow is one --client-id argument', () => {
  const token: PredictedToken = {
    event: 'push',
    trigger: 'push to main',
    claims: { sub: { value: `repo:${REPO}:ref:refs/heads/main` }, aud: { value: HOSTILE } },
  };
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: { [`${KEY}:sub`]: `repo:${REPO}:*` } },
      },
    ],
  };
  const verdict = decide(policy, ['sts.amazonaws.com'], token, HOSTILE);
  const fix = verdict.missing.find((grant) =>
    grant.permissions.includes('iam:AddClientIDToOpenIDConnectProvider'),
  );
  assert.ok(fix, JSON.stringify(verdict, null, 2));
  const words = shellWords(fix.fix.snippets['cli']!);
  assert.equal(after(words, '--client-id'), HOSTILE, words.join(' | '));
  assert.equal(words.length, 7);
});
