// Lint, plus the architecture's import boundaries (see ../STYLE in the README).
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const framework = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'pino', 'nestjs-pino', 'node:*', 'fs', 'crypto'];

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'infra/**', 'coverage/**', 'apps/admin-web/dist/**', '**/*.js', '**/*.mjs'],
  },
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // Prettier wraps code at 120; this catches the strings, templates and comments it cannot wrap.
      'max-len': ['error', { code: 120, ignoreUrls: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/apps/*', '../../apps/*'], message: 'Libs and apps never import an app.' }] },
      ],
    },
  },
  {
    // Cross-app e2e tests drive the apps themselves.
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The domain is pure: no framework, no I/O, nothing outside itself.
    files: ['libs/editorial-domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: framework, message: 'The domain imports no framework, database, broker or Node I/O.' },
            { group: ['@newsroom/*'], message: 'The domain imports nothing outside itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/read-models/src/projections/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: framework, message: 'Projections are pure evolve functions.' }] },
      ],
    },
  },
);
