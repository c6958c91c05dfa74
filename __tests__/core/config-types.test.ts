// The config's static types come from the provider list, like its JSON Schema: each listed provider's
// schema fragment gives `facts.<name>` and its target platforms, so a new provider's line in the list is
// all its rules need to read their own facts typed (new-provider.test.ts adds one, type-checks and runs
// it). The checks here are the type check's (`npm test` runs tsc beside the tests): a `Same<…>` that is
// false, or an @ts-expect-error with no error under it, fails it. At run time only the list's order is
// checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConfigInput, Platform } from '../../src/core/config/schema.ts';
import { providers } from '../../src/providers/index.ts';

type Listed = (typeof providers)[number];
type FragmentOf<P> = P extends { schema: infer S } ? Exclude<S, undefined> : never;
type ListedFragment = FragmentOf<Listed>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// `facts` has exactly the listed fragments' names (and `github`, the repository's own facts, which is no
// cloud); the platforms are exactly their targets' platforms.
const factsKeys: Same<keyof NonNullable<ConfigInput['facts']>, ListedFragment['name'] | 'github'> = true;
const platforms: Same<
  Platform,
  ListedFragment['targets'][number] extends { static: { platform: infer P } } ? P : never
> = true;

// @ts-expect-error: a key no listed provider declares is not part of the config's facts
const unknownFacts: NonNullable<ConfigInput['facts']> = { acme: {} };
// @ts-expect-error: nor is a platform no listed provider declares
const unknownPlatform: Platform = 'acme-cluster';

void [factsKeys, platforms, unknownFacts, unknownPlatform];

test('the listed fragments, in the published schema’s order', () => {
  const names = providers.flatMap((provider) => (provider.schema ? [provider.schema.name] : []));
  assert.deepEqual(names, ['aws', 'gcp', 'kubernetes']);
});
