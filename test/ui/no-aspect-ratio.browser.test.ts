/**
 * iOS before 15 has no CSS `aspect-ratio`: the call screen's sign and the keypad's keys keep their shape there.
 * Chromium has it, so the page is drawn as such a WebView reads it: the `aspect-ratio` declarations dropped and
 * the `@supports not (aspect-ratio: 1)` fallbacks applied.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import type { Box, Shot } from '../support/drawing';
import { drawShots } from '../support/drawing';
import { snapshotHtml } from '../support/kit-snapshot';
import type { Rendered } from '../support/ui-host';
import { loadKitComponent } from '../support/ui-host';

const WORK = path.resolve(__dirname, '../../.tmp/screens-no-aspect-ratio');

/** The stylesheet as a WebView without aspect-ratio applies it. */
function withoutAspectRatio(html: string): string {
  return html.replace(/aspect-ratio:\s*1;?/g, '').replace(/@supports\s+not\s+\(aspect-ratio:\s*1\)/g, '@media all');
}

function screenIn(state: Record<string, unknown>): Rendered {
  const screen = simulate.render(loadKitComponent('call-screen/audio'), { title: '在线客服' }) as unknown as Rendered & { attach(parent: Element): void };
  screen.attach(document.createElement('parent-wrapper'));
  (screen.instance as { setData(data: Record<string, unknown>): void }).setData(state);
  return screen;
}

const square = (box: Box) => Math.abs(box.right - box.left - (box.bottom - box.top)) <= 1;

test('the agent\'s sign is drawn as a disc, and the keys are as wide as tall', async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const page = (name: string, state: Record<string, unknown>): Shot => {
    const html = path.join(WORK, `${name}.html`);
    const drawn = snapshotHtml(screenIn(state), { width: 375 });
    expect(drawn).toMatch(/aspect-ratio/);
    fs.writeFileSync(html, withoutAspectRatio(drawn));
    return { name, html, png: path.join(WORK, `${name}.png`), width: 375, height: 603, reducedMotion: true, audit: true };
  };
  const idle = page('idle', {});
  idle.probes = [{ name: 'disc', selector: '[class*="tccc-call-screen__disc"]' }];
  const drawn = await drawShots([idle, page('ivr', { phase: 'ivr', statusText: '请按键选择服务', keypadOpen: true })], WORK, 120000);

  // The disc has a box (the driver stops on an empty one) and its surface, not the backdrop, at its centre.
  expect(drawn.idle.probes.disc).toEqual([255, 255, 255]);
  const keys = drawn.ivr.audit.targets.filter((target) => /^[0-9*#]$/.test(target.action ?? ''));
  expect(keys).toHaveLength(12);
  expect(keys.filter((key) => !square(key.rect)).map((key) => key.action)).toEqual([]);
}, 120000);
