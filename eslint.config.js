// @ts-check
// typescript-eslint's strict, type-checked rules on all our TypeScript (floating promises
// included). A rule turned off, here or on a line, says why.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', 'dist/', '.cache/', 'worker-configuration.d.ts', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.worker.json', './tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // tsconfig's noUncheckedIndexedAccess makes every indexed value possibly undefined; a `!`
      // right where the code has established presence (a regex group, a seeded entry) reads
      // better than a branch that cannot run. Type errors still catch real misuse.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in template literals are what every message and URL here is made of.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `() => el.remove()`-style callbacks are idiomatic; a void value returned from one is harmless.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `const { a: _a, ...rest } = x` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    rules: {
      // Fakes of fetch and other async APIs are async functions like what they stand in for,
      // whether or not their body awaits.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
