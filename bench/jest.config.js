/** jest as the runner of the benchmark parts that need jsdom and miniprogram-simulate; they measure, not assert. */
const base = require('../jest.config.js');

module.exports = {
  ...base,
  rootDir: '..',
  testMatch: ['<rootDir>/bench/**/*.measure.ts'],
  globalSetup: '<rootDir>/bench/global-setup.ts',
  testTimeout: 300000,
};
