// `publicImages` globs decide "anyone may pull", so a glob that matches more than it says is a false
// `allowed`: `*` and `?` stay inside one path segment, only `**` crosses `/`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../src/core/config/load.ts';
import { ConfigError, formatLocation } from '../../src/core/errors.ts';
import { parseImageReference } from '../../src/core/image-reference.ts';
import { publicImages } from '../../src/core/public-images.ts';
import { registryLocator } from '../../src/core/registries.ts';
import { registries } from '../../src/providers/index.ts';

function isPublic(glob: string, reference: string): boolean {
  const config = loadConfigText(`version: 1\npublicImages: [${JSON.stringify(glob)}]\n`, 'pullcheck.yml');
  const image = parseImageReference(reference, registryLocator(registries));
  return publicImages(config)(image)?.verdict === 'allowed';
}

const cases: { glob: string; image: string; public: boolean; why: string }[] = [
  {
    glob: 'quay.io/acme/public-*',
    image: 'quay.io/acme/public-x/internal/secret',
    public: false,
    why: '`*` does not cross `/`',
  },
  { glob: 'quay.io/acme/public-*', image: 'quay.io/acme/public-web', public: true, why: '`*` in a segment' },
  {
    glob: 'quay.io/acme/public-*',
    image: 'quay.io/acme/public-web:1.2',
    public: true,
    why: 'the written reference, tag included, is matched too',
  },
  {
    glob: 'quay.io/acme/public-*',
    image: `quay.io/acme/public-web@sha256:${'a'.repeat(64)}`,
    public: true,
    why: 'a digest stays in the last segment',
  },
  { glob: 'quay.io/acme/**', image: 'quay.io/acme/team/a/b', public: true, why: '`**` crosses `/`' },
  { glob: 'quay.io/acme/**', image: 'quay.io/other/app', public: false, why: '`**` stays under its prefix' },
  { glob: 'quay.io/acme/app?', image: 'quay.io/acme/app1', public: true, why: '`?` is one character' },
  { glob: 'quay.io/acme/app?x', image: 'quay.io/acme/app/x', public: false, why: '`?` is never `/`' },
  { glob: 'quay.io/acme/a.b', image: 'quay.io/acme/axb', public: false, why: '`.` is a literal dot' },
  {
    glob: '[::1]:5000/*',
    image: '[::1]:5000/app:1',
    public: true,
    why: 'brackets are literal: an IPv6 host, not a character class',
  },
  {
    glob: 'docker.io/library/*',
    image: 'nginx',
    public: true,
    why: 'the normalised name of a Docker Hub image is matched',
  },
  { glob: 'quay.io/acme/app', image: 'quay.io/acme/app-private', public: false, why: 'the whole name' },
];

for (const { glob, image, public: expected, why } of cases) {
  test(`publicImages ${glob} ${expected ? 'allows' : 'does not allow'} ${image}: ${why}`, () => {
    assert.equal(isPublic(glob, image), expected);
  });
}

// Characters no image reference holds would make picomatch read a negation (`!`), braces, extglobs or
// quotes; such a glob is a mistake, reported where it was written.
for (const glob of [
  '!quay.io/acme/secret',
  'quay.io/acme/{a,secret}',
  'quay.io/acme/+(a|b)',
  'quay.io/ acme',
  '',
]) {
  test(`publicImages ${JSON.stringify(glob)} is a config error at its line`, () => {
    assert.throws(
      () => loadConfigText(`version: 1\npublicImages:\n  - ${JSON.stringify(glob)}\n`, 'pullcheck.yml'),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(formatLocation(error.problems[0]!.where), 'pullcheck.yml:3:5');
        assert.match(error.problems[0]!.message, /`publicImages\[0\]`: expected an image glob/);
        return true;
      },
    );
  });
}

// picomatch's regular expression backtracks through every split of a name: five star runs against a
// 255-character name took 4 s per image, twelve would run for hours. Three runs are allowed, and answer
// at once on long names.
test('publicImages with more than three star runs is a config error at its line', () => {
  assert.throws(
    () => loadConfigText(`version: 1\npublicImages:\n  - quay.io/${'*a'.repeat(12)}*b\n`, 'pullcheck.yml'),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(formatLocation(error.problems[0]!.where), 'pullcheck.yml:3:5');
      assert.match(error.problems[0]!.message, /at most three star runs/);
      return true;
    },
  );
});

test('three star runs against the longest image reference answer at once', { timeout: 10_000 }, () => {
  const started = performance.now();
  // A name is at most 255 characters and a tag 128; the reference as written is matched too.
  assert.equal(isPublic('quay.io/**/*a*b', `quay.io/${'a'.repeat(240)}:${'a'.repeat(128)}`), false);
  assert.equal(isPublic('quay.io/**/*a*b', `quay.io/x/${'a'.repeat(100)}b`), true);
  assert.ok(performance.now() - started < 2_000);
});
