// The config's static types come from the provider list, like its JSON Schema: each listed provider's
// schema fragment gives `facts.<name>` and its target platforms, so a new provider's line in the list is
// all its rules need to read their own facts typed (new-provider.test.ts adds one and runs it). These are
// checked by the type check (`npm test` runs tsc beside the tests); the test below only keeps them honest
// at run time too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfigInput, Platform } from '../../src/core/config/schema.ts';
import { providers } from '../../src/providers/index.ts';

type Listed = (typeof providers)[number];
type FragmentOf<P> = P extends { schema: infer S } ? Exclude<S, undefined> : never;
type ListedFragment = FragmentOf<Listed>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// `facts` has exactly the listed fragments' names; the platforms are exactly their targets' platforms.
const factsKeys: Same<keyof NonNullable<ConfigInput['facts']>, ListedFragment['name']> = true;
const platforms: Same<
  Platform,
  ListedFragment['targets'][number] extends { static: { platform: infer P } } ? P : never
> = true;

// @ts-expect-error: a key no listed provider declares is not part of the config's facts
const unknownFacts: NonNullable<ConfigInput['facts']> = { acme: {} };
// @ts-expect-error: nor is a platform no listed provider declares
const unknownPlatform: Platform = 'acme-cluster';

test('the config types follow the provider list: facts keys and platforms are the fragments’ own', () => {
  assert.equal(factsKeys && platforms, true);
  assert.deepEqual(unknownFacts, { acme: {} });
  assert.equal(unknownPlatform, 'acme-cluster');
  const names = providers.flatMap((provider) => (provider.schema ? [provider.schema.name] : []));
  assert.deepEqual(names, ['aws', 'gcp', 'kubernetes']);
});
