// Plays the agent in the console page with headless Chromium (Debian's, via playwright-core).
// Runs as its own process because Playwright cannot load inside jest's jsdom environment.
// Usage: node console-driver.mjs <consoleUrl> <sessionId> <expectedDigits> <screenshotPath> [agentToken]
// With an agent token, the console's prompt for it is answered with it; the page is then reloaded to
// show the token is remembered (asked once).
import { chromium } from 'playwright-core';
import { browserPath } from './browser-path.mjs';

const [url, sessionId, digits, screenshot, token] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: browserPath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 30000,
});
const step = (name) => console.log(JSON.stringify({ step: name }));
try {
  const page = await browser.newPage({ viewport: { width: 1180, height: 640 } });
  let prompts = 0;
  page.on('dialog', (dialog) => {
    prompts += 1;
    if (dialog.type() === 'prompt' && token) dialog.accept(token);
    else dialog.dismiss();
  });
  await page.goto(url);
  await page.waitForSelector('#connection[data-state="live"]', { timeout: 10000 });
  if (token) step(`asked:${prompts}`);
  const row = page.locator(`tr[data-session="${sessionId}"]`);
  await row.locator('.digits', { hasText: digits }).waitFor({ timeout: 10000 });
  step(`listed:${await row.getAttribute('data-phase')}`);
  await row.locator('button[data-action="accept"]').click();
  await page.locator(`tr[data-session="${sessionId}"][data-phase="active"]`).waitFor({ timeout: 10000 });
  step('active');
  if (token) {
    await page.reload();
    await page.waitForSelector('#connection[data-state="live"]', { timeout: 10000 });
    step(`reloaded:asked:${prompts}`);
  }
  await page.waitForTimeout(1100); // the duration cell ticks once
  await page.screenshot({ path: screenshot });
  step('screenshot');
} finally {
  await browser.close();
}
