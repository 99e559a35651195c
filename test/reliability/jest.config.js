/**
 * `npm run test:reliability`: process-level tests that spawn real servers and kill them — two servers
 * on one PostgreSQL with SIGKILL and a PostgreSQL restart (skipped, saying why, when DATABASE_URL
 * is unset), the embedded default under signals and SIGKILL, and backup + restore of 1 GiB of
 * documents in constant memory (needs DATABASE_URL too). Not part of `npm test`: its files
 * end in `.reliability.ts`, which the main configuration does not match, and they run one at a time
 * so that their timing does not compete with other test files.
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/reliability'],
  testRegex: '.*\\.reliability\\.ts$',
  testTimeout: 240_000,
};
