// Plays the agent in the console page with headless Chromium (Debian's, via playwright-core).
// Runs as its own process because Playwright cannot load inside jest's jsdom environment.
// Usage: node console-driver.mjs <consoleUrl> <sessionId> <expectedDigits> <screenshotPath>
import { chromium } from 'playwright-core';
import { browserPath } from './browser-path.mjs';

const [url, sessionId, digits, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: browserPath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 30000,
});
const step = (name) => console.log(JSON.stringify({ step: name }));
try {
  const page = await browser.newPage({ viewport: { width: 1180, height: 640 } });
  await page.goto(url);
  await page.waitForSelector('#connection[data-state="live"]', { timeout: 10000 });
  const row = page.locator(`tr[data-session="${sessionId}"]`);
  await row.locator('.digits', { hasText: digits }).waitFor({ timeout: 10000 });
  step(`listed:${await row.getAttribute('data-phase')}`);
  await row.locator('button[data-action="accept"]').click();
  await page.locator(`tr[data-session="${sessionId}"][data-phase="active"]`).waitFor({ timeout: 10000 });
  step('active');
  await page.waitForTimeout(1100); // the duration cell ticks once
  await page.screenshot({ path: screenshot });
  step('screenshot');
} finally {
  await browser.close();
}
