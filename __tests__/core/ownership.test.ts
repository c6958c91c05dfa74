// Every question goes to exactly one provider, from what the providers declare — never from their order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../src/core/config/load.ts';
import type { TargetInput } from '../../src/core/config/schema.ts';
import { parseImageReference } from '../../src/core/image-reference.ts';
import { checkDeclarations, ownership } from '../../src/core/ownership.ts';
import { loadProviders, prepareProviders, type ProviderDefinition } from '../../src/core/provider.ts';
import { registryLocator } from '../../src/core/registries.ts';
import { providers, registries } from '../../src/providers/index.ts';

const config = loadConfigText('version: 1\n', 'pullcheck.yml');
const loaded = await loadProviders(providers);
const owners = (list: readonly ProviderDefinition[]) =>
  ownership(
    prepareProviders(
      list.map((definition) => loaded.find((entry) => entry.definition === definition)!),
      config,
    ),
  );

const targets: Record<string, TargetInput> = {
  eks: { name: 'eks', platform: 'eks', roles: ['arn:aws:iam::111122223333:role/node'] },
  gke: { name: 'gke', platform: 'gke' },
  k3s: { name: 'k3s', platform: 'k3s', registriesFile: 'registries.yaml' },
  openshift: { name: 'os', platform: 'openshift', namespace: 'web' },
  kubernetes: { name: 'k8s', platform: 'kubernetes', namespace: 'web' },
};
const images = {
  ecr: '111122223333.dkr.ecr.us-east-1.amazonaws.com/web:1',
  gar: 'us-docker.pkg.dev/acme/images/web:1',
  openshift: 'image-registry.openshift-image-registry.svc:5000/web/api:1',
  docker: 'docker.io/library/nginx:1',
};
const principals = {
  role: 'arn:aws:iam::111122223333:role/node',
  googleAccount: 'serviceAccount:nodes@acme.iam.gserviceaccount.com',
  node: 'k3s:k3s',
  pod: 'system:serviceaccount:web:default',
};

// [image, target, principal, the provider that decides]
const routes: [keyof typeof images, string, keyof typeof principals, string | undefined][] = [
  ['ecr', 'eks', 'role', 'aws'],
  ['gar', 'eks', 'role', 'aws'], // the target's owner: it has no rule for gcr.io, and says so
  ['gar', 'gke', 'googleAccount', 'gcp'],
  ['ecr', 'gke', 'googleAccount', 'gcp'],
  // A k3s node holding a Google service-account key pulls from Artifact Registry as that account.
  ['gar', 'k3s', 'googleAccount', 'gcp'],
  ['gar', 'k3s', 'node', 'k3s'],
  ['ecr', 'k3s', 'node', 'k3s'],
  ['openshift', 'k3s', 'node', 'k3s'],
  ['openshift', 'openshift', 'pod', 'kubernetes'],
  ['ecr', 'kubernetes', 'pod', 'kubernetes'],
  ['docker', 'openshift', 'pod', 'kubernetes'],
];

for (const [image, target, principal, decider] of routes) {
  test(`a pull of ${image} by ${target}'s ${principal} is decided by ${decider}`, () => {
    // Reversing the list changes nothing: ownership, not order, routes the question.
    for (const list of [providers, [...providers].reverse()]) {
      const chosen = owners(list).decider(
        parseImageReference(images[image], registryLocator(registries)),
        targets[target]!,
        principals[principal],
      );
      assert.equal(chosen?.definition.name, decider);
    }
  });
}

test('every platform of the config schema has exactly one owner', () => {
  const routing = owners(providers);
  for (const target of Object.values(targets)) assert.ok(routing.targetOwner(target), target.platform);
  for (const platform of ['ecs', 'aws-role', 'gcp-service-account'] as const) {
    assert.ok(routing.targetOwner({ platform } as TargetInput), platform);
  }
});

test('two providers claiming one platform or registry kind fail at once, naming both', () => {
  const gar = { kind: 'gar', locate: () => undefined };
  const base = {
    ownsPrincipal: () => false,
    rules: async () => ({ buildRules: () => ({ principals: () => [], decide: () => undefined }) }),
  };
  assert.throws(
    () =>
      checkDeclarations([
        { ...base, name: 'one', schema: undefined, platforms: ['eks'], registries: [] },
        { ...base, name: 'two', schema: undefined, platforms: ['eks'], registries: [] },
      ]),
    /providers one and two both claim platform eks/,
  );
  assert.throws(
    () =>
      checkDeclarations([
        { ...base, name: 'one', schema: undefined, platforms: [], registries: [gar] },
        { ...base, name: 'two', schema: undefined, platforms: [], registries: [gar] },
      ]),
    /both claim registry kind gar/,
  );
  assert.doesNotThrow(() => checkDeclarations(providers));
});
