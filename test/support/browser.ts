/**
 * A test that drives Chromium: it runs when jest.config.js runs the browser tests (a browser was found, or
 * CI=true, where a missing one must fail); elsewhere it is skipped, as the pretest script announced.
 * Whole files of browser tests are named *.browser.test.ts and left out by jest.config.js instead.
 */
export const browserTest: jest.It = process.env.TCCC_BROWSER_TESTS ? test : test.skip;
