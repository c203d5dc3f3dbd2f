/**
 * A test that drives Chromium: it runs where jest.config.js found a browser (TCCC_BROWSER) and always under
 * CI=true (where a missing browser must fail); elsewhere it is skipped, as the pretest script announced.
 * Whole files of browser tests are named *.browser.test.ts and left out by jest.config.js instead.
 */
export const browserTest: jest.It = process.env.TCCC_BROWSER || process.env.CI === 'true' ? test : test.skip;
