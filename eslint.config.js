import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'lib/',
      '.bench-build/',
      'node_modules/',
      'coverage/',
      'src/core/config/generated/',
      'src/providers/*/generated/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  // Import boundaries (issue 14): the folders are the pipeline, so an import across a boundary fails lint.
  ...importBoundaries(),
  {
    // Small modules with one job: a file over 300 lines or a function over 60 (blank lines and comments not
    // counted) fails, unless an eslint-disable line under its opening comment names the domain reason.
    files: ['src/**/*.ts'],
    ignores: ['src/core/config/generated/**', 'src/providers/*/generated/**'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Entry points and scripts own the process streams; nothing else writes to the console.
    files: ['src/cli.ts', 'scripts/**', 'bench/**', '__tests__/**'],
    rules: { 'no-console': 'off' },
  },
);

/**
 * no-restricted-imports per folder. A later flat-config block replaces an earlier one's options for the
 * same rule, so each folder's block repeats the rule every source file has: `@actions/core` (the runner's
 * toolkit) is for the action's own folder and entry only.
 */
function importBoundaries() {
  const SDKS = ['@aws-sdk/*', '@smithy/*', 'google-auth-library', 'gaxios', '@octokit/*', '@kubernetes/*'];
  const ACTIONS = {
    group: ['@actions/core'],
    message: '@actions/core belongs to src/action/ and src/main.ts',
  };
  const folder = (name) => [`**/${name}/**`, `../${name}/**`, `../../${name}/**`, `../../../${name}/**`];
  const rule = (...patterns) => ['error', { patterns: [ACTIONS, ...patterns] }];
  // Every folder under src/providers/ is a cloud: a new one is inside the boundaries from its first file.
  const CLOUDS = readdirSync(new URL('src/providers', import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const otherClouds = (own) =>
    CLOUDS.filter((cloud) => cloud !== own).map((cloud) => ({
      group: [`**/providers/${cloud}/**`, ...folder(cloud)],
      message: 'one cloud never imports another: shared logic lives in src/core/',
    }));
  return [
    {
      files: ['src/**/*.ts'],
      ignores: ['src/action/**', 'src/main.ts'],
      rules: { 'no-restricted-imports': rule() },
    },
    {
      files: ['src/core/**/*.ts'],
      rules: {
        'no-restricted-imports': rule(
          {
            group: ['providers', 'github', 'report', 'action', 'check', 'login', 'cli', 'discover'].flatMap(
              folder,
            ),
            message: 'src/core/ is the pure middle: it imports no entry, cloud, sink or I/O folder',
          },
          { group: SDKS, message: 'src/core/ uses no cloud or GitHub SDK' },
        ),
      },
    },
    {
      // The config contract joins each provider's schema fragment, read from the provider list only.
      files: ['src/core/config/schema.ts'],
      rules: {
        'no-restricted-imports': rule(
          {
            regex:
              '^(?!(\\.\\./)+providers/index\\.ts$).*\\b(providers|github|report|action|check|login|cli|discover)/',
            message:
              "src/core/config/schema.ts joins the providers' schema fragments, from the provider list (providers/index.ts) only",
          },
          { group: SDKS, message: 'src/core/ uses no cloud or GitHub SDK' },
        ),
      },
    },
    ...CLOUDS.map((cloud) => ({
      files: [`src/providers/${cloud}/**/*.ts`],
      rules: { 'no-restricted-imports': rule(...otherClouds(cloud)) },
    })),
    {
      // A cloud's definition (its index.ts) is what the config contract reads: data only — its schema
      // fragment, registries, live-facts join — while its rules, live reads and login load through import().
      files: ['src/providers/**/index.ts'],
      rules: {
        'no-restricted-imports': rule({
          regex:
            '^(?!(\\.\\./)+core/(?!.*\\.\\.)|\\./(schema|registry|live-facts|platforms)\\.ts$|\\./openshift/registry\\.ts$)',
          message:
            "a provider's index.ts is data the config contract reads: it imports only core, its schema, registry, live-facts and platforms; its rules load through import()",
        }),
      },
    },
    {
      // The provider list imports each cloud's definition and core, nothing else.
      files: ['src/providers/index.ts'],
      rules: {
        'no-restricted-imports': rule({
          regex: '^(?!\\.\\./core/(?!.*\\.\\.)|\\./([a-z0-9-]+/)+index\\.ts$)',
          message: "the provider list imports each cloud's index.ts and core only",
        }),
      },
    },
    {
      // A schema fragment is data the core imports: TypeBox and the shared schema parts, nothing that runs.
      files: ['src/providers/*/schema.ts'],
      rules: {
        'no-restricted-imports': rule({
          regex: '^(?!@sinclair/typebox$|(\\.\\./)+core/config/schema-parts\\.ts$)',
          message: 'a schema fragment imports only @sinclair/typebox and src/core/config/schema-parts.ts',
        }),
      },
    },
    {
      files: ['src/report/**/*.ts'],
      rules: {
        'no-restricted-imports': rule({ group: SDKS, message: 'a report renders the model: no SDK' }),
      },
    },
  ];
}
