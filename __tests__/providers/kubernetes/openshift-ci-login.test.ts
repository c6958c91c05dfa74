// A workflow's OpenShift login (issue 18): redhat-actions/oc-login with a token or a password from a secret,
// pullcheck's own login with openshift-token or GitHub's ID token. The user is named only by
// facts.kubernetes.ciLogins; without it the login is unknown and names no principal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { login, namespace, push } from '../../helpers/openshift-ci.ts';

const TOKEN_LOGIN = {
  openshift_server_url: '${{ secrets.OPENSHIFT_SERVER }}',
  openshift_token: '${{ secrets.OPENSHIFT_TOKEN }}',
  namespace: 'app',
};
const PUSHER = { secret: 'OPENSHIFT_TOKEN', user: 'system:serviceaccount:app:github-pusher' };

test('oc-login with a token from a secret: whose token it is is unknown offline, and how to state it', () => {
  const verdict = login(TOKEN_LOGIN);
  assert.equal(verdict?.verdict, 'unknown');
  assert.equal(verdict.principal, undefined);
  assert.match(
    verdict.reasons.join('\n'),
    /the OpenShift login \(redhat-actions\/oc-login\) uses a token from secrets\.OPENSHIFT_TOKEN; whose it is cannot be known offline: run `oc whoami` with that token and state it: facts\.kubernetes\.ciLogins: \[\{secret: OPENSHIFT_TOKEN, user: <oc whoami>\}\]/,
  );
});

test('oc-login with a token whose owner the facts name: that service account is the principal pushes are checked for', () => {
  const verdict = login(TOKEN_LOGIN, { ciLogins: [PUSHER] });
  assert.equal(verdict?.verdict, 'allowed');
  assert.equal(verdict.principal, 'system:serviceaccount:app:github-pusher');
  assert.match(
    verdict.reasons.join('\n'),
    /secrets\.OPENSHIFT_TOKEN logs in as system:serviceaccount:app:github-pusher \(facts\.kubernetes\.ciLogins, pullcheck\.yml:\d+:\d+\); the credential itself \(valid, not expired\) cannot be checked offline/,
  );
  // The push is then checked for it: not in system:image-builders, so refused with the fix.
  const pushed = push('app/web:1.0', verdict.principal, { objects: [namespace('app')], ciLogins: [PUSHER] });
  assert.equal(pushed?.verdict, 'denied');
  assert.match(
    pushed.missing[0]?.fix.snippets['cli'] ?? '',
    /^oc policy add-role-to-user system:image-pusher system:serviceaccount:app:github-pusher --namespace=app/,
  );
});

test('a user token: the principal is openshift-user:NAME', () => {
  const verdict = login(TOKEN_LOGIN, { ciLogins: [{ secret: 'OPENSHIFT_TOKEN', user: 'ci-bot' }] });
  assert.equal(verdict?.principal, 'openshift-user:ci-bot');
});

test('oc-login with a user name and a password from a secret is keyed by the password secret', () => {
  const inputs = {
    openshift_server_url: 'https://api.ocp.example.com:6443',
    openshift_username: 'ci-bot',
    openshift_password: "${{ secrets['OC_PASSWORD'] }}",
  };
  const unstated = login(inputs);
  assert.equal(unstated?.verdict, 'unknown');
  assert.match(unstated.reasons.join('\n'), /the password of ci-bot from secrets\.OC_PASSWORD/);
  const stated = login(inputs, { ciLogins: [{ secret: 'OC_PASSWORD', user: 'ci-bot' }] });
  assert.equal(stated?.principal, 'openshift-user:ci-bot');
});

test('a token written in the workflow is never echoed, and names nobody', () => {
  const verdict = login({
    openshift_server_url: 'https://api.x:6443',
    openshift_token: 'sha256~s3cr3tvalue',
  });
  assert.equal(verdict?.verdict, 'unknown');
  assert.equal(verdict.principal, undefined);
  assert.doesNotMatch(verdict.reasons.join('\n'), /s3cr3t/);
  assert.match(verdict.reasons.join('\n'), /not read from a GitHub secret/);
});

test("pullcheck's own login with openshift-token is keyed by its secret too", () => {
  const verdict = login(
    { 'openshift-server': 'https://api.x:6443', 'openshift-token': '${{ secrets.OPENSHIFT_TOKEN }}' },
    { ciLogins: [PUSHER] },
  );
  assert.equal(verdict?.principal, 'system:serviceaccount:app:github-pusher');
});

test("GitHub's ID token presented to the cluster: unknown, naming the cluster configuration that decides", () => {
  const verdict = login({ 'openshift-server': 'https://api.x:6443', audience: 'openshift' });
  assert.equal(verdict?.verdict, 'unknown');
  assert.equal(verdict.principal, undefined);
  const reasons = verdict.reasons.join('\n');
  assert.match(
    reasons,
    /presents GitHub's ID token \(audience openshift\) \(its sub claim: repo:acme\/app:ref:refs\/heads\/main\)/,
  );
  assert.match(
    reasons,
    /direct OIDC authentication with GitHub's issuer https:\/\/token\.actions\.githubusercontent\.com/,
  );
  assert.match(reasons, /oc get authentication\.config\.openshift\.io cluster -o yaml/);
});

test('logins of other providers are not decided here', () => {
  assert.equal(login(TOKEN_LOGIN, {}, 'aws'), undefined);
});
