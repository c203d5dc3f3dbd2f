const { findBrowser } = require('./scripts/lib/browser.cjs');

// The browser tests (*.browser.test.ts) drive Chromium through test/support/*-driver.mjs, which read its path
// from TCCC_BROWSER. Without a browser they are left out (the pretest script said so), except in CI.
const browser = findBrowser();
if (browser) process.env.TCCC_BROWSER = browser;
const withoutBrowser = !browser && process.env.CI !== 'true';
// Read by test/support/browser.ts, so single browser tests inside other files follow the same rule.
if (!withoutBrowser) process.env.TCCC_BROWSER_TESTS = '1';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...(withoutBrowser ? ['\\.browser\\.test\\.ts$'] : [])],
  // The console prints nothing in tests: unexpected output fails the test, trtc-wx-sdk's narration is dropped.
  setupFilesAfterEnv: ['<rootDir>/test/support/console-guard.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testSequencer: '<rootDir>/test/support/sequencer.js',
  resolver: '<rootDir>/testing/wechat-resolver.js',
  testTimeout: 30000,
  // Two workers on CI's 2 cores: jest's default there (cores - 1) runs every file in one process, one after
  // another, while the long files mostly wait on npm, miniprogram-ci and child processes. Longest first
  // (test/support/sequencer.js) so both finish together.
  maxWorkers: 2,
  // .tmp/ holds what tests write: the packages test's clean copy of the tree, scaffolded apps (many named
  // my-app) and packs. Their package.json files are not modules of ours; left in, jest warns of Haste
  // naming collisions. Tests still load files there by absolute path.
  modulePathIgnorePatterns: ['<rootDir>/.tmp/', '<rootDir>/dist/'],
};
