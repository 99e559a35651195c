/**
 * The console's browser tests (`npm run test:browser`, run by .ci/run after the build): Playwright
 * (playwright-core) drives Debian's Chromium against a server on the embedded database that serves
 * the built console (dist/console).
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/console'],
  testRegex: '.*\\.browser-spec\\.ts$',
  testTimeout: 600_000,
};
