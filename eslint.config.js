import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'lib/', '.bench-build/', 'node_modules/', 'coverage/', 'src/core/config/generated/'] },
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
  {
    // Entry points and scripts own the process streams; nothing else writes to the console.
    files: ['src/cli.ts', 'scripts/**', 'bench/**', '__tests__/**'],
    rules: { 'no-console': 'off' },
  },
);
