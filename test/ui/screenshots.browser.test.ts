/**
 * Every UI kit component drawn in headless Chromium, and the pixels that themed variables must move.
 * `npm run screenshots` writes the images to docs/screenshots/; a normal run draws them under .tmp/ and
 * checks the pixels. The call screen at every window size is screen-matrix.browser.test.ts.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import type { Rgb, Shot } from '../support/drawing';
import { drawShots } from '../support/drawing';
import { snapshotHtml } from '../support/kit-snapshot';
import { loadLoginModule } from '../support/sdk-host';
import { CORE_DIST } from '../support/simulate-root';
import type { Rendered } from '../support/ui-host';
import { loadKitComponent, tapButton } from '../support/ui-host';
import type { WxRuntime } from '../../testing';
import { installWxRuntime, simulatorAgent, waitFor } from '../../testing';

const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const WORK = path.resolve(__dirname, '../../.tmp/screens');
const OUT = UPDATE ? path.resolve(__dirname, '../../docs/screenshots') : WORK;
const SDK_APP_ID = '1400000001';

type Probe = NonNullable<Shot['probes']>[number];

const shots: Shot[] = [];

function render(name: string, properties: Record<string, unknown> = {}): Rendered {
  const rendered = simulate.render(loadKitComponent(name), properties) as unknown as Rendered & { attach(parent: Element): void };
  rendered.attach(document.createElement('parent-wrapper'));
  return rendered;
}

/** Queues a drawing of `rendered`; `keep` names the PNG in docs/screenshots/ (probe-only shots have none). */
function shoot(name: string, rendered: Rendered, options: { keep?: boolean; colorScheme?: 'light' | 'dark'; frameStyle?: string; background?: string; fullPage?: boolean; probes?: Probe[] } = {}): void {
  const html = path.join(WORK, `${name}.html`);
  fs.writeFileSync(html, snapshotHtml(rendered, { frameStyle: options.frameStyle, background: options.background }));
  shots.push({
    name,
    html,
    png: options.keep ? path.join(OUT, `${name}.png`) : undefined,
    colorScheme: options.colorScheme,
    fullPage: options.fullPage,
    height: options.fullPage ? 720 : 640,
    probes: options.probes,
  });
}

async function draw(): Promise<Record<string, Record<string, Rgb>>> {
  const drawn = await drawShots(shots, WORK, 120000);
  return Object.fromEntries(Object.entries(drawn).map(([name, shot]) => [name, shot.probes]));
}

/** Close enough for anti-aliasing and colour management. */
function near(actual: Rgb, expected: Rgb, tolerance = 12): boolean {
  return actual.every((value, i) => Math.abs(value - expected[i]) <= tolerance);
}

const HANGUP: Probe = { name: 'hangup', selector: '[class*="tccc-call-bar__hangup-button"]', x: 0.2, y: 0.5 };
const MUTE: Probe = { name: 'mute', selector: '[class*="tccc-call-bar__mute"] wx-button', x: 0.18, y: 0.5 };
const KEY_CORNER: Probe = { name: 'corner', selector: '[class*="tccc-keypad__key"]', x: 0.04, y: 0.04 };
const START_CORNER: Probe = { name: 'corner', selector: '[class*="tccc-call-screen__start-button"]', x: 0.01, y: 0.06 };
const BACKDROP: Probe = { name: 'backdrop', selector: '[class*="tccc-call-screen__footer"]', x: 0.02, y: 0.02 };

let server: DevServer;
let wx: WxRuntime;
let pixels: Record<string, Record<string, Rgb>>;

async function callScreenIn(state: 'idle' | 'talking', properties: Record<string, unknown>): Promise<Rendered> {
  const screen = render('call-screen', { sdkAppId: SDK_APP_ID, channelId: properties.media === 'video' ? 'video-support' : 'audio-support', title: '在线客服', ...properties });
  if (state === 'idle') return screen;
  await tapButton(screen, properties.media === 'video' ? '.tccc-call-screen__start-video' : '.tccc-call-screen__start-audio');
  const root = screen.querySelector('#tcccSdk')!.instance;
  await waitFor(() => root.getState().phase !== 'starting', 'the call to start');
  if (root.getState().phase === 'ivr') await root.sendDigits('1');
  await waitFor(() => root.getState().phase === 'active', 'the auto-answering agent');
  await new Promise((resolve) => setTimeout(resolve, 1100)); // the timer shows a second
  return screen;
}

beforeAll(async () => {
  fs.mkdirSync(WORK, { recursive: true });
  fs.mkdirSync(OUT, { recursive: true });
  server = await startDevServer({ port: 0, center: { autoAnswerMs: 0 } });
  wx = installWxRuntime();
  await loadLoginModule(server.url, CORE_DIST).login({ jsCode: 'screenshots', sdkAppId: SDK_APP_ID });

  // Real calls through the call screen (auto-answered by the simulator), then each component alone.
  const talking = await callScreenIn('talking', {});
  shoot('call-screen-audio', talking, { fullPage: true, probes: [BACKDROP, HANGUP] });
  shoot('call-screen-audio-dark', talking, { fullPage: true, colorScheme: 'dark', probes: [BACKDROP] });
  await tapButton(talking.querySelector('.tccc-call-screen__call-bar')!, '.tccc-call-bar__hangup');
  await waitFor(() => (talking.querySelector('#tcccSdk')!.instance.getState().phase as string) === 'idle', 'the hang-up');

  const brand = await callScreenIn('talking', { media: 'both', title: 'ACME 客服' });
  const provider = render('config-provider', {
    themeVars: { colorBrand: '#c2410c', colorDanger: '#b91c1c', colorBackdrop: '#fff7f0', callScreenAvatarBackground: '#ffedd5', radiusRound: '16rpx' },
  });
  // The provider wraps the screen as a page would: its style string is what WXS computed.
  const themed = { dom: wrapIn(provider.dom.querySelector('wx-view')!.getAttribute('style') ?? '', brand.dom) } as Rendered;
  shoot('call-screen-brand', themed, { fullPage: true, probes: [BACKDROP, HANGUP] });
  await tapButton(brand.querySelector('.tccc-call-screen__call-bar')!, '.tccc-call-bar__hangup');

  shoot('call-bar-audio', render('call-bar', { muted: true, soundMode: 'speaker' }), { keep: true, background: '#f5f6f8', probes: [HANGUP, MUTE] });
  shoot('theme-danger-global', render('call-bar', {}), { frameStyle: '--tccc-color-danger: rgb(0, 128, 255);', probes: [HANGUP] });
  shoot('theme-hangup-component', render('call-bar', {}), { frameStyle: '--tccc-color-danger: rgb(0, 128, 255); --tccc-call-bar-hangup-background: rgb(10, 180, 10);', probes: [HANGUP] });
  shoot('theme-brand', render('call-bar', { muted: true }), { frameStyle: '--tccc-color-brand: rgb(255, 106, 0);', probes: [MUTE] });
  shoot('call-bar-video-dark', render('call-bar', { media: 'video', cameraEnabled: false, soundMode: 'ear' }), { keep: true, colorScheme: 'dark', background: '#111215', probes: [HANGUP] });

  const keypad = render('keypad', {});
  for (const index of [0, 1, 11]) keypad.querySelectorAll('.tccc-keypad__button')[index].querySelector('.van-button')!.dispatchEvent('tap');
  await simulate.sleep(0);
  shoot('keypad', keypad, { keep: true, background: '#ffffff', probes: [KEY_CORNER] });
  shoot('theme-radius-keypad', render('keypad', {}), { background: '#ffffff', frameStyle: '--tccc-radius-round: 0px;', probes: [KEY_CORNER] });
  const idle = render('call-screen', { sdkAppId: SDK_APP_ID, channelId: 'audio-support', media: 'audio' });
  shoot('theme-radius-start', idle, { fullPage: true, frameStyle: '--tccc-radius-round: 0px;', probes: [START_CORNER] });
  shoot('call-timer', render('call-timer', { startTime: Date.now() - 754_000 }), { keep: true, background: '#ffffff' });
  shoot('video-panel', render('video-panel', { status: 'waiting', cameraEnabled: false, network: 'fair' }), { keep: true, frameStyle: 'height: 400px;' });

  shootIcons();

  pixels = await draw();
}, 120000);

/** The kit's glyphs, compiled from their one source (src/common/icons/), on and off, in a brand and a text colour. */
function shootIcons(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const less = require('less') as { render(input: string, options: { filename: string; syncImport: boolean }, done: (error: Error | null, output?: { css: string }) => void): void };
  const source = path.resolve(__dirname, '../../src/common/icons/_glyphs.less');
  const names = [...fs.readFileSync(source, 'utf8').matchAll(/^@glyph-([\w-]+):/gm)].map(([, name]) => name);
  let css = '';
  less.render(`@import '${path.resolve(__dirname, '../../src/common/icons/_icon.less')}';\n.i { .tccc-mask(); .tccc-glyphs(${names.join(' ')}); }`, { filename: path.join(WORK, 'icons.less'), syncImport: true }, (error, output) => {
    if (error) throw error;
    css = output!.css;
  });
  const cell = (name: string, colour: string) =>
    `<div style="display:inline-flex;flex-direction:column;align-items:center;width:76px;margin:6px 0;font:11px sans-serif;color:#646b78"><i class="i i--${name}" style="width:32px;height:32px;color:${colour}"></i><span style="margin-top:6px">${name}</span></div>`;
  const html = path.join(WORK, 'icons.html');
  fs.writeFileSync(html, `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0}${css}</style></head><body><div id="frame" style="width:${76 * 6}px;padding:8px;background:#fff">${names.map((name, index) => cell(name, index % 2 ? '#1d2129' : '#0066ff')).join('')}</div></body></html>`);
  shots.push({ name: 'icons', html, png: path.join(OUT, 'icons.png'), height: 400, probes: [{ name: 'hangup', selector: '.i--hangup', x: 0.5, y: 0.42 }] });
}

afterAll(async () => {
  wx.restore();
  await simulatorAgent(server.url).settings({ autoAnswerMs: null });
  server.close();
});

function wrapIn(style: string, inner: HTMLElement): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.setAttribute('style', style);
  wrapper.appendChild(inner.cloneNode(true));
  return wrapper;
}

test('every component and screen was drawn', () => {
  for (const shot of shots.filter((candidate) => candidate.png)) expect(fs.statSync(shot.png!).size).toBeGreaterThan(1000);
});

test('the hang-up button is the danger colour by default, and follows --tccc-color-danger', () => {
  expect(near(pixels['call-bar-audio'].hangup, [0xe5, 0x38, 0x3b])).toBe(true);
  expect(near(pixels['theme-danger-global'].hangup, [0, 128, 255])).toBe(true);
});

test('a component token beats the global token it falls back to', () => {
  expect(near(pixels['theme-hangup-component'].hangup, [10, 180, 10])).toBe(true);
});

test('--tccc-color-brand reaches the embedded van-button of an active control', () => {
  expect(near(pixels['call-bar-audio'].mute, [0x00, 0x66, 0xff])).toBe(true);
  expect(near(pixels['theme-brand'].mute, [255, 106, 0])).toBe(true);
});

test('dark mode by prefers-color-scheme: the same screen draws on the dark backdrop', () => {
  expect(near(pixels['call-screen-audio'].backdrop, [0xf5, 0xf6, 0xf8])).toBe(true);
  expect(near(pixels['call-screen-audio-dark'].backdrop, [0x11, 0x12, 0x15])).toBe(true);
  expect(near(pixels['call-bar-video-dark'].hangup, [0xf0, 0x58, 0x5b])).toBe(true);
});

test('the config provider themes a whole call screen from one object', () => {
  expect(near(pixels['call-screen-brand'].backdrop, [0xff, 0xf7, 0xf0])).toBe(true);
  expect(near(pixels['call-screen-brand'].hangup, [0xb9, 0x1c, 0x1c])).toBe(true);
});

test('--tccc-radius-round reaches the keypad keys and the start button, not only the call bar', () => {
  expect(near(pixels.keypad.corner, [0xff, 0xff, 0xff])).toBe(true); // round: the corner is the page
  expect(near(pixels['theme-radius-keypad'].corner, [0xf0, 0xf2, 0xf5])).toBe(true); // square: the key
  expect(near(pixels['theme-radius-start'].corner, [0x00, 0x66, 0xff])).toBe(true);
});

test("the icon set draws in the colour of the text around it (a mask over currentColor)", () => {
  expect(near(pixels.icons.hangup, [0x00, 0x66, 0xff], 40)).toBe(true);
  expect(fs.statSync(path.join(OUT, 'icons.png')).size).toBeGreaterThan(1000);
});
