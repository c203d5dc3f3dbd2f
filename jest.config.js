/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/support/quiet-trtc.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  resolver: '<rootDir>/test/support/wechat-resolver.js',
  testTimeout: 30000,
  // The packages test copies the tree there to pack it clean; its package.json files are not modules.
  modulePathIgnorePatterns: ['<rootDir>/.tmp/clean-clone/'],
};
