// A pull secret the kubelet cannot decode fails every pull of the pod (kubernetes pkg/credentialprovider/
// secrets/secrets.go MakeDockerKeyring returns the decoding error before any lookup): denied even when another
// of the pod's secrets covers the image, and kept through live reads, which reduce Secrets to their host keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { reducedSecret } from '../../../src/providers/kubernetes/live/reduce.ts';
import { registryKeysOf } from '../../../src/providers/kubernetes/manifests/pull-secret-keys.ts';
import { checkSinglePull } from '../../helpers/check.ts';

const BAD = 'FAKEnotbase64!';
const secret = (name: string, auth: string, host = 'registry.example.com') => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: 'apps' },
  type: 'kubernetes.io/dockerconfigjson',
  stringData: { '.dockerconfigjson': JSON.stringify({ auths: { [host]: { auth } } }) },
});

test('a pod whose second pull secret is undecodable is denied, though its first covers the image', () => {
  const result = checkSinglePull(
    stringify({
      version: 1,
      images: ['registry.example.com/team/app:1'],
      targets: [{ name: 'c', platform: 'kubernetes', namespace: 'apps', imagePullSecrets: ['good', 'bad'] }],
      facts: {
        kubernetes: {
          objects: [
            { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } },
            secret('good', 'Zm9vOmJhcg=='),
            secret('bad', BAD, 'other.example.com'),
          ],
        },
      },
    }),
  );
  assert.equal(result.verdict, 'denied');
  assert.match(
    result.reasons.join('\n'),
    /cannot decode: the entry for "other\.example\.com" has an "auth" that is not base64/,
  );
  assert.equal(result.missing[0]?.side, 'pull-secret');
  assert.doesNotMatch(JSON.stringify(result), /FAKEnotbase64/);
});

test('live reads keep why the kubelet cannot decode a Secret, and none of its values', () => {
  const reduced = reducedSecret(
    {
      type: 'kubernetes.io/dockerconfigjson',
      data: {
        '.dockerconfigjson': Buffer.from(
          JSON.stringify({ auths: { 'r.example.com': { auth: BAD } } }),
        ).toString('base64'),
      },
    },
    'apps',
    'bad',
  );
  assert.doesNotMatch(JSON.stringify(reduced), /FAKEnotbase64/);
  assert.match(registryKeysOf(reduced).undecodable ?? '', /"auth" that is not base64/);
});
