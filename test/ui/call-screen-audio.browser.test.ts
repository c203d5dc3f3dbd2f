/**
 * call-screen/audio draws what call-screen draws for an audio call, pixel for pixel: the same state in both,
 * drawn in headless Chromium at a phone's size upright and turned, light and dark.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import type { Shot } from '../support/drawing';
import { drawShots } from '../support/drawing';
import { snapshotHtml } from '../support/kit-snapshot';
import type { Rendered } from '../support/ui-host';
import { loadKitComponent } from '../support/ui-host';

const WORK = path.resolve(__dirname, '../../.tmp/screens-audio');

/** States an audio call goes through, as the screen's data: idle, the IVR with its keypad, a warning while talking. */
const STATES: Record<string, Record<string, unknown>> = {
  idle: {},
  ivr: { phase: 'ivr', statusText: '请按键选择服务', keypadOpen: true },
  warning: { phase: 'active', statusText: '座席小林 为您服务', seatName: '座席小林', tone: 'warning' },
};
const WINDOWS = [
  { name: 'upright', width: 375, height: 603, colorScheme: 'light' as const },
  { name: 'turned', width: 667, height: 375, colorScheme: 'light' as const },
  { name: 'dark', width: 375, height: 603, colorScheme: 'dark' as const },
];

function drawnAs(component: 'call-screen' | 'call-screen/audio', state: Record<string, unknown>): Rendered {
  const screen = simulate.render(loadKitComponent(component), { title: '在线客服', sdkAppId: '1400000001', channelId: 'audio-support' }) as unknown as Rendered & { attach(parent: Element): void };
  screen.attach(document.createElement('parent-wrapper'));
  (screen.instance as { setData(data: Record<string, unknown>): void }).setData(state);
  return screen;
}

test('every state, upright, turned and dark: the same pixels as call-screen', async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  const shots: Shot[] = [];
  for (const [stateName, state] of Object.entries(STATES)) {
    for (const window of WINDOWS) {
      for (const component of ['call-screen', 'call-screen/audio'] as const) {
        const name = `${stateName}-${window.name}-${component.replace('/', '-')}`;
        const html = path.join(WORK, `${name}.html`);
        fs.writeFileSync(html, snapshotHtml(drawnAs(component, state), { width: window.width }));
        shots.push({ name, html, png: path.join(WORK, `${name}.png`), width: window.width, height: window.height, colorScheme: window.colorScheme, reducedMotion: true });
      }
    }
  }
  await drawShots(shots, WORK, 120000);
  const differing = shots
    .filter((shot) => shot.name.endsWith('-call-screen'))
    .filter((shot) => !fs.readFileSync(shot.png!).equals(fs.readFileSync(shot.png!.replace(/-call-screen\.png$/, '-call-screen-audio.png'))))
    .map((shot) => shot.name);
  expect(differing).toEqual([]);
  // Each state drew something of its own (a blank page would pass the comparison too).
  const sizes = new Set(shots.map((shot) => fs.statSync(shot.png!).size));
  expect(sizes.size).toBeGreaterThanOrEqual(Object.keys(STATES).length * WINDOWS.length - 1);
}, 180000);
