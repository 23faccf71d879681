// One config for unit, integration and e2e so the @newsroom/* aliases resolve everywhere.
// @swc/jest (not ts-jest) because the ESM-only @nestjs/* 12 packages use import.meta.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@newsroom/([a-z-]+)$': '<rootDir>/libs/$1/src',
};
const base = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'],
      // The web app tests itself in the browser, but for its framework-free modules (live updates, the workspace's
      // rules, history, audit, contributions, the shared formats).
      testPathIgnorePatterns: [
        '/node_modules/',
        '/apps/admin-web/(?!src/(live|article|history|audit|contributions|components|redaction)/)',
      ],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/integration.setup.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/e2e.setup.ts'],
    },
  ],
};
