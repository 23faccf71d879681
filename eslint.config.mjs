// Lint, plus the architecture's import boundaries (see ../STYLE in the README).
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const framework = ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'pino', 'nestjs-pino', 'node:*', 'fs', 'crypto'];

// A later config object replaces no-restricted-imports for its files, so each one lists every pattern it keeps.
const noApps = {
  group: ['**/apps/*', '../../apps/*', '../**/src', '../**/src/**'],
  message: 'Libs and apps never import an app, nor climb into the src of another lib or app.',
};
const noDeepImports = [
  {
    group: ['@newsroom/*/**'],
    message: 'Import a library by its entry point (@newsroom/<lib>); its internals are not its API.',
  },
  {
    group: ['**/libs/*/src/**', '**/libs/*/src'],
    message: 'Import a library by its entry point (@newsroom/<lib>), not by a path into its src.',
  },
];
const restrict = (...patterns) => ['error', { patterns: [...patterns, ...noDeepImports] }];

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
      'no-restricted-imports': restrict(noApps),
    },
  },
  {
    // Cross-app e2e tests drive the apps themselves, but use libraries by their entry points.
    files: ['test/**/*.ts'],
    rules: { 'no-restricted-imports': restrict() },
  },
  {
    // Unit specs do no I/O: their kit is the pure @newsroom/testing.
    files: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrict(noApps, {
        group: ['@newsroom/testing-system'],
        message: 'Unit specs do no I/O: use @newsroom/testing, or make this an *.int-spec.ts.',
      }),
    },
  },
  {
    files: ['libs/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        noApps,
        { group: framework, message: 'The pure test kit does no I/O; databases, topics and HTTP are testing-system.' },
        { group: ['@newsroom/testing-system'], message: 'The pure test kit does no I/O.' },
      ),
    },
  },
  {
    files: ['libs/testing-system/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(noApps, {
        group: ['@newsroom/read-models'],
        message: 'The read models test themselves with this kit: take what you need (migrations) as a parameter.',
      }),
    },
  },
  {
    // The domain is pure: no framework, no I/O, nothing outside itself.
    files: ['libs/editorial-domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrict(
        noApps,
        { group: framework, message: 'The domain imports no framework, database, broker or Node I/O.' },
        { group: ['@newsroom/*'], message: 'The domain imports nothing outside itself.' },
      ),
    },
  },
  {
    // Wire types a browser imports: no framework, no I/O, and of the other libraries only the pure domain.
    files: ['libs/contracts/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrict(
        noApps,
        { group: framework, message: 'Contracts are plain wire types a browser can import.' },
        {
          group: ['@newsroom/*', '!@newsroom/editorial-domain'],
          message: 'Contracts import no library but the pure domain.',
        },
      ),
    },
  },
  {
    files: ['libs/read-models/src/projections/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': restrict(noApps, {
        group: framework,
        message: 'Projections are pure evolve functions.',
      }),
    },
  },
);
