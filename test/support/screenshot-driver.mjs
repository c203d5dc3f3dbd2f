// Draws standalone HTML pages in headless Chromium (Debian's, via playwright-core), reads pixels back and
// audits the layout. Runs as its own process because Playwright cannot load inside jest's jsdom environment.
// Usage: node screenshot-driver.mjs <shots.json>; prints one JSON line { [shot]: { probes, audit } }.
//   shots.json: [{ name, html, png, colorScheme, width, height, fullPage, probes: [{ name, selector, x, y }], audit, textZoom, reducedMotion }]
//   x and y place a probe inside the element's box (0..1), e.g. off an icon in the middle of a button.
//   audit: true runs the checks of audit-page.mjs on the page as drawn (see there).
//   textZoom: 1.3 draws every text 30 % larger, as WeChat's and Android's font size setting does (line
//   heights set in px stay); reducedMotion: true draws with the system asking for less motion.
import { chromium } from 'playwright-core';
import { browserPath } from './browser-path.mjs';
import fs from 'node:fs';
import { auditPage } from './audit-page.mjs';

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

/** WeChat places a movable-view at x/y inside its movable-area, clamped to stay inside; so does this. */
function placeMovableViews() {
  for (const view of document.querySelectorAll('wx-movable-view[data-x]')) {
    const area = view.parentElement.getBoundingClientRect();
    const own = view.getBoundingClientRect();
    const clamp = (value, max) => Math.max(0, Math.min(Number(value) || 0, max));
    view.style.left = `${clamp(view.dataset.x, area.width - own.width)}px`;
    view.style.top = `${clamp(view.dataset.y, area.height - own.height)}px`;
  }
}

/** Every font size times `zoom`, measured before any is changed (sizes inherit). */
function zoomText(zoom) {
  const elements = [...document.querySelectorAll('#frame, #frame *')];
  const sizes = elements.map((element) => parseFloat(getComputedStyle(element).fontSize));
  elements.forEach((element, index) => element.style.setProperty('font-size', `${sizes[index] * zoom}px`, 'important'));
}

/**
 * The same frame of every animation in every drawing: entrances finished, loops held 0.7 s in. So the audit's
 * second drawing (text hidden) has the same pixels behind the text as the first.
 */
function settleAnimations() {
  for (const animation of document.getAnimations()) {
    if (animation.effect.getComputedTiming().iterations === Infinity) {
      animation.currentTime = 700;
      animation.pause();
    } else {
      animation.finish();
    }
  }
}

const report = {};
/** One page per colour scheme and scale, reused: a new page per drawing costs more than the drawing. */
const contexts = {};
try {
  for (const shot of shots) {
    const scheme = shot.colorScheme ?? 'light';
    // Kept images and audits at the phones' 2x (a 1 px ring is then two device pixels, as on a phone); a
    // drawing that is only probed at 1x, which is faster.
    const scale = shot.png || shot.audit ? 2 : 1;
    const reducedMotion = shot.reducedMotion ? 'reduce' : 'no-preference';
    const key = `${scheme}@${scale}/${reducedMotion}`;
    if (!contexts[key]) {
      const context = await browser.newContext({ deviceScaleFactor: scale, colorScheme: scheme, reducedMotion });
      contexts[key] = await context.newPage();
    }
    const page = contexts[key];
    await page.setViewportSize({ width: shot.width ?? 375, height: shot.height ?? 640 });
    await page.goto(`file://${shot.html}`);
    await page.evaluate(() => document.fonts.ready);
    if (shot.textZoom) await page.evaluate(zoomText, shot.textZoom);
    await page.evaluate(placeMovableViews);
    const animations = await page.evaluate(() => document.getAnimations().filter((a) => a.effect.getComputedTiming().iterations === Infinity).length);
    await page.evaluate(settleAnimations);
    if (shot.png) {
      if (shot.fullPage || shot.width) await page.screenshot({ path: shot.png });
      else await page.locator('#frame').screenshot({ path: shot.png });
    }
    report[shot.name] = { probes: {}, animations };
    for (const probe of shot.probes ?? []) {
      const box = await page.locator(probe.selector).first().boundingBox({ timeout: 5000 });
      if (!box) throw new Error(`${shot.name}: ${probe.selector} is not visible`);
      if (box.width < 2 || box.height < 2) throw new Error(`${shot.name}: ${probe.selector} has an empty box ${JSON.stringify(box)}`);
      report[shot.name].probes[probe.name] = await pixelAt(page, Math.round(box.x + box.width * (probe.x ?? 0.5)), Math.round(box.y + box.height * (probe.y ?? 0.5)));
    }
    if (shot.audit) report[shot.name].audit = await auditPage(page);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report));
