/**
 * One runner for unit tests (`*.spec.ts`, beside the code), the middle tier
 * (`test/medium/*.medium-spec.ts`: a context's Nest module on a real database, no HTTP) and
 * end-to-end tests (`test/*.e2e-spec.ts`); both of the latter run on the embedded PGlite, or on
 * PostgreSQL when DATABASE_URL is set. SWC transpiles without type-checking; `npm run build` and
 * `npm run lint` type-check.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  // `import()` stays native so that tests can load ESM-only packages (dependency-cruiser).
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: 'inline',
};

module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/scripts', '<rootDir>/migrations'],
  testRegex: '.*\\.(spec|medium-spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testEnvironment: 'node',
  testTimeout: 60_000,
  setupFiles: ['<rootDir>/test/support/env.ts'],
};
