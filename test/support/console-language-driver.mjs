// Reads the agent console in each language with headless Chromium (Debian's, via playwright-core): what a
// browser preferring Chinese, then English, is shown; the language switch; that the pick is remembered; and
// the agent-token prompt. Runs as its own process because Playwright cannot load inside jest.
// Usage: node console-language-driver.mjs <consoleUrl> <guardedConsoleUrl> <zhScreenshotPath> <enScreenshotPath>
// Prints one JSON line: { [view]: { lang, title, text, labels, pressed, overflowing, ended, calls }, prompt, denied, refused: { [locale]: message },
// refusedSetting: { [locale]: { message, autoAnswerShownOn } } }.
import { chromium } from 'playwright-core';
import { browserPath } from './browser-path.mjs';

const [url, guardedUrl, screenshot, englishScreenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: browserPath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  timeout: 30000,
});

/** Everything a person or a screen reader gets from the page: visible text, title, names and tooltips. */
async function view(page) {
  await page.waitForSelector('#connection[data-state="live"]', { timeout: 10000 });
  await page.waitForSelector('tr[data-session] button[data-action="accept"]', { timeout: 10000 });
  await page.waitForSelector('#recent tr[data-session]', { timeout: 10000 });
  const shown = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    text: document.body.innerText,
    labels: Array.from(document.querySelectorAll('[aria-label], [title]')).flatMap((node) =>
      ['aria-label', 'title'].map((name) => node.getAttribute(name)).filter((value) => value !== null),
    ),
    pressed: Array.from(document.querySelectorAll('#languages button[aria-pressed="true"]')).map((button) => button.textContent),
    // Panels whose table is wider than they are (cut off, or to be scrolled) at the console's width.
    overflowing: Array.from(document.querySelectorAll('.panel')).filter((panel) => panel.scrollWidth > panel.clientWidth).map((panel) => panel.id || panel.className),
    ended: Array.from(document.querySelectorAll('#recent tr[data-session]')).map((row) => ({
      channel: row.cells[1].textContent,
      endedAt: row.cells[row.cells.length - 1].textContent,
    })),
  }));
  return { ...shown, calls: await callButtons(page) };
}

/**
 * The buttons' names in an aria snapshot (YAML): `- button "name"`, or `- 'button "name"'` when the name
 * holds `: ` (a quote in it is then doubled).
 */
function buttonNames(tree) {
  return [...tree.matchAll(/^\s*- (')?button "((?:[^"\\]|\\.)*)"/gm)].map(([, quoted, name]) => JSON.parse(`"${quoted ? name.replaceAll("''", "'") : name}"`));
}

/** Each live call's buttons: what they show, and the name a screen reader gives them (the browser's own accessibility tree). */
async function callButtons(page) {
  const calls = [];
  for (const row of await page.locator('#live tr[data-session]').all()) {
    const tree = await row.ariaSnapshot();
    calls.push({
      caller: await row.locator('td.caller').textContent(),
      shown: await row.locator('button').allTextContents(),
      names: buttonNames(tree),
    });
  }
  return calls;
}

/** Clicks Accept on the queued call while every seat is taken; returns the alert the console shows. */
async function refusedAccept(page) {
  const alerted = new Promise((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); dialog.dismiss(); }));
  await page.locator('tr[data-phase="queued"] button[data-action="accept"]').click();
  return Promise.race([alerted, new Promise((resolve) => setTimeout(() => resolve(null), 10000))]);
}

/** Asks for auto-answer after 700 s (the server takes 0–600): returns the alert and whether the switch still shows it on. */
async function refusedSetting(page) {
  const alerted = new Promise((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); dialog.dismiss(); }));
  await page.fill('#auto-answer-seconds', '700');
  // A click, not check(): the switch goes back off as soon as the refusal is in, which check() would take for a failed click.
  await page.locator('#auto-answer').click();
  const message = await Promise.race([alerted, new Promise((resolve) => setTimeout(() => resolve(null), 10000))]);
  return { message, autoAnswerShownOn: await page.locator('#auto-answer').isChecked() };
}

const report = { prompt: {}, denied: {}, refused: {}, refusedSetting: {} };
try {
  const zh = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1180, height: 720 } });
  const zhPage = await zh.newPage();
  await zhPage.goto(url);
  report.chinese = await view(zhPage);
  await zhPage.waitForTimeout(1100); // the duration cells tick once
  await zhPage.screenshot({ path: screenshot });
  report.refused['zh-CN'] = await refusedAccept(zhPage);
  report.refusedSetting['zh-CN'] = await refusedSetting(zhPage);
  await zhPage.locator('#languages button[data-language="en-US"]').click();
  report.switchedToEnglish = await view(zhPage);
  await zhPage.reload();
  report.reloadedAfterSwitch = await view(zhPage);
  await zh.close();

  const en = await browser.newContext({ locale: 'en-US', viewport: { width: 1180, height: 720 } });
  const enPage = await en.newPage();
  await enPage.goto(url);
  report.english = await view(enPage);
  await enPage.waitForTimeout(1100);
  await enPage.screenshot({ path: englishScreenshot });
  report.refused['en-US'] = await refusedAccept(enPage);
  report.refusedSetting['en-US'] = await refusedSetting(enPage);
  await enPage.locator('#languages button[data-language="zh-CN"]').click();
  report.switchedToChinese = await view(enPage);
  await en.close();

  for (const locale of ['zh-CN', 'en-US']) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const asked = new Promise((resolve) => page.once('dialog', (dialog) => { resolve(dialog.message()); dialog.dismiss(); }));
    await page.goto(guardedUrl);
    report.prompt[locale] = await Promise.race([asked, new Promise((resolve) => setTimeout(() => resolve(null), 10000))]);
    // Refused the token: the console says so in its language.
    report.denied[locale] = await page.locator('#connection[data-state="lost"]').textContent({ timeout: 10000 });
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
