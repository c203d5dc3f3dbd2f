/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/support/quiet-trtc.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  resolver: '<rootDir>/test/support/wechat-resolver.js',
  testTimeout: 30000,
  // .tmp/ holds what tests write: the packages test's clean copy of the tree, scaffolded apps (many named
  // my-app) and packs. Their package.json files are not modules of ours; left in, jest warns of Haste
  // naming collisions. Tests still load files there by absolute path.
  modulePathIgnorePatterns: ['<rootDir>/.tmp/'],
};
