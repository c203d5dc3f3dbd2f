// Draws standalone HTML pages in headless Chromium (Debian's, via playwright-core) and reads pixels back.
// Runs as its own process because Playwright cannot load inside jest's jsdom environment.
// Usage: node screenshot-driver.mjs <shots.json>; prints one JSON line { [shot]: { [probe]: [r, g, b] } }.
//   shots.json: [{ name, html, png, colorScheme, fullPage, height, probes: [{ name, selector, x, y }] }]
//   x and y place a probe inside the element's box (0..1), e.g. off an icon in the middle of a button.
import { chromium } from 'playwright-core';
import { browserPath } from './browser-path.mjs';
import fs from 'node:fs';

const shots = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const browser = await chromium.launch({
  executablePath: browserPath(),
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  timeout: 30000,
});

async function pixelAt(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, fullPage: true });
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
  }, png.toString('base64'));
}

const report = {};
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 375, height: shot.height ?? 640 }, deviceScaleFactor: 2, colorScheme: shot.colorScheme ?? 'light' });
    await page.goto(`file://${shot.html}`);
    await page.evaluate(() => document.fonts.ready);
    const frame = page.locator('#frame');
    if (shot.png) {
      if (shot.fullPage) await page.screenshot({ path: shot.png });
      else await frame.screenshot({ path: shot.png });
    }
    report[shot.name] = {};
    for (const probe of shot.probes ?? []) {
      const box = await page.locator(probe.selector).first().boundingBox({ timeout: 5000 });
      if (!box) throw new Error(`${shot.name}: ${probe.selector} is not visible`);
      if (box.width < 2 || box.height < 2) throw new Error(`${shot.name}: ${probe.selector} has an empty box ${JSON.stringify(box)}`);
      report[shot.name][probe.name] = await pixelAt(page, Math.round(box.x + box.width * (probe.x ?? 0.5)), Math.round(box.y + box.height * (probe.y ?? 0.5)));
    }
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
