// The browser the drivers launch: the one jest.config.js found (TCCC_BROWSER), else found here.
import { createRequire } from 'node:module';

const { findBrowser } = createRequire(import.meta.url)('../../scripts/lib/browser.cjs');

export function browserPath() {
  const found = process.env.TCCC_BROWSER || findBrowser();
  if (!found) throw new Error('No Chromium or Chrome found: install one, or set CHROME_PATH=/path/to/chrome.');
  return found;
}
