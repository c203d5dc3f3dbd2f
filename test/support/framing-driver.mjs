// A cross-origin page that frames the agent console (the clickjacking the console's headers must stop),
// in headless Chromium. Usage: node framing-driver.mjs <page that frames the console>
// Prints { live, clicked }: whether the console came alive inside the frame, and whether a click reached it.
import { chromium } from 'playwright-core';
import { browserPath } from './browser-path.mjs';

const [pageUrl] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: browserPath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 30000,
});
try {
  const page = await browser.newPage();
  await page.goto(pageUrl);
  const frame = await (await page.waitForSelector('iframe', { timeout: 10000 })).contentFrame();
  let live = false;
  let clicked = false;
  try {
    await frame.waitForSelector('#connection[data-state="live"]', { timeout: 5000 });
    live = true;
    await frame.click('#seats-online', { timeout: 5000 });
    clicked = true;
  } catch {
    // Blocked: the frame holds the browser's error page, with nothing to click.
  }
  console.log(JSON.stringify({ live, clicked }));
} finally {
  await browser.close();
}
