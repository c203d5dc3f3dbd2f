// Finds a Chromium or Chrome for the browser tests (the agent console, the UI kit's screenshots).
// CommonJS so that jest.config.js, the pretest script and the ESM drivers can all load it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Where each platform's package managers and installers put a Chromium-family browser. */
const BROWSER_PATHS = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};

/**
 * CHROME_PATH when it names a file, else the first usual install path that exists, else undefined.
 * @param {{ env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, exists?: (file: string) => boolean }} [options]
 * @returns {string | undefined}
 */
function findBrowser({ env = process.env, platform = process.platform, exists = fs.existsSync } = {}) {
  if (env.CHROME_PATH) return exists(env.CHROME_PATH) ? path.resolve(env.CHROME_PATH) : undefined;
  return (BROWSER_PATHS[platform] || []).find((candidate) => exists(candidate));
}

module.exports = { BROWSER_PATHS, findBrowser };
