/**
 * `npm run test:reliability`: the slow fault tests under test/reliability/ (crashes, screens
 * through faults, disk faults, a soak), one file at a time so each owns the machine's two
 * cores. The main config leaves them out of `npm test`.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/reliability'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 180000,
};
