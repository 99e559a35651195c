/**
 * `npm run test:reliability`: process-level tests on real PostgreSQL (two servers on one database,
 * SIGKILL, a PostgreSQL restart). Not part of `npm test`: its files end in `.reliability.ts`, which
 * the main configuration does not match. They skip, saying why, when DATABASE_URL is unset.
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/reliability'],
  testRegex: '.*\\.reliability\\.ts$',
  testTimeout: 240_000,
};
