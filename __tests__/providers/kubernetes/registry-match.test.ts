// The kubelet strips a scheme and a /v1/ or /v2/ prefix from a pull secret's key (keyring.go Add), never from
// the image it looks up (Lookup → URLsMatchStr on the image as written): an image path that starts with v1/
// is matched whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseImageReference, OTHER_REGISTRY } from '../../../src/core/image-reference.ts';
import {
  matchImageCovers,
  registryKeyCovers,
} from '../../../src/providers/kubernetes/pull-secrets/registry-match.ts';

const image = (text: string) => parseImageReference(text, () => OTHER_REGISTRY);

test('a key quay.io/team does not cover quay.io/v1/team/app: only the key loses its /v1/', () => {
  assert.equal(registryKeyCovers('quay.io/team', image('quay.io/v1/team/app')), false);
  assert.equal(registryKeyCovers('https://quay.io/v1/team', image('quay.io/team/app')), true);
  assert.equal(registryKeyCovers('quay.io/v1/team', image('quay.io/v1/team/app')), false);
});

test('a matchImages entry keeps its /v1/ path and takes no scheme (plugin.go isImageAllowed)', () => {
  assert.equal(matchImageCovers('quay.io/v1/team', image('quay.io/v1/team/app')), true);
  assert.equal(matchImageCovers('quay.io/v1/team', image('quay.io/team/app')), false);
  assert.equal(matchImageCovers('https://quay.io', image('quay.io/team/app')), false);
});
