/**
 * The call screen on every phone: real calls through the built components against the simulator, drawn in
 * headless Chromium at the window sizes WeChat gives under its navigation bar, with rpx scaled as WeChat
 * scales it (750rpx = the window's width), in light, dark, a brand theme, over a bright video frame and in a
 * host page with `page { height: 100% }`. Each drawing is audited (test/support/audit-page.mjs): hang-up on
 * screen and reachable, the picture-in-picture takes its touches, every text and icon against the pixels
 * behind it, touch targets and their gaps, nothing overlapping. `npm run screenshots` also writes a few of
 * the drawings to docs/screenshots/.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import type { SnapshotOptions } from '../support/kit-snapshot';
import { snapshotHtml } from '../support/kit-snapshot';
import { loadLoginModule } from '../support/sdk-host';
import { CORE_DIST } from '../support/simulate-root';
import type { Rendered } from '../support/ui-host';
import { loadKitComponent, tapButton } from '../support/ui-host';
import type { WxRuntime } from '../../testing';
import { installWxRuntime, simulatorAgent, waitFor } from '../../testing';

const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const WORK = path.resolve(__dirname, '../../.tmp/screen-matrix');
const DOCS = path.resolve(__dirname, '../../docs/screenshots');
const SDK_APP_ID = '1400000001';
const LONG_TITLE = '腾讯云联络中心智能客服中心为您提供全天候专业咨询与售后服务欢迎'; // 31 characters, wraps at every width

/** Window sizes under WeChat's navigation bar: iPhone SE (1st), iPhone 8, iPhone 11 (34 px home indicator), iPad mini. */
const WINDOWS = [
  { name: '320x504', width: 320, height: 504, safeBottom: 0 },
  { name: '375x603', width: 375, height: 603, safeBottom: 0 },
  { name: '414x808', width: 414, height: 808, safeBottom: 34 },
  { name: '768x960', width: 768, height: 960, safeBottom: 0 },
];

/** The README's theme (light and dark sets), as config-provider renders it in each mode. */
const BRAND = {
  light: '--tccc-color-brand:#c2410c;--tccc-color-danger:#b91c1c;--tccc-call-screen-avatar-background:#ffedd5;',
  dark: '--tccc-color-brand:#ea580c;--tccc-color-on-brand:#1d2129;--tccc-call-screen-avatar-background:#431407;',
};
/** A light, nearly white frame standing in for the agent's camera (simulated media draws nothing). */
const BRIGHT_VIDEO = '[class*="tccc-wx-sdk-player--tccc-player"] { background: #ffffff !important; }';

type Variant = 'light' | 'dark' | 'brand' | 'brand-dark' | 'bright' | 'fixed-height';
interface Shot { name: string; html: string; png?: string; colorScheme: 'light' | 'dark'; width: number; height: number; audit: true }
interface Captured { state: string; variant: Variant; window: string; live: boolean; video: boolean; keypad: boolean; longTitle: boolean }
interface Audit {
  viewport: { width: number; height: number };
  page: { width: number; height: number };
  texts: Array<{ text: string; element: string; ratio: number; need: number; colour: string; background: number[]; lines: number; icon?: boolean }>;
  targets: Array<{ element: string; action: string | null; rect: Box; visible: Box }>;
  hangup: { rect: Box; reached: boolean } | null;
  start: { rect: Box; reached: boolean } | null;
  pip: { rect: Box; reached: number; total: number } | null;
  overlaps: Array<{ text: string; with: string; area: number }>;
  scrollers: string[];
}
interface Box { left: number; top: number; right: number; bottom: number }

const shots: Shot[] = [];
const captured = new Map<string, Captured>();
/** The drawings kept in docs/screenshots/ by `npm run screenshots`. */
const KEEP = new Set([
  'idle/light/375x603', 'talking/light/375x603', 'talking/dark/375x603', 'keypad/light/320x504', 'keypad/dark/414x808',
  'video/light/375x603', 'video-keypad/bright/320x504', 'video-waiting/light/768x960', 'start-failed/light/320x504',
  'keypad/brand/375x603', 'keypad/brand-dark/375x603', 'long-title-video/bright/414x808',
]);

function variantOptions(variant: Variant): { colorScheme: 'light' | 'dark'; snapshot: SnapshotOptions } {
  switch (variant) {
    case 'dark':
      return { colorScheme: 'dark', snapshot: {} };
    case 'brand':
      return { colorScheme: 'light', snapshot: { frameStyle: BRAND.light } };
    case 'brand-dark':
      return { colorScheme: 'dark', snapshot: { frameStyle: BRAND.dark } };
    case 'bright':
      return { colorScheme: 'light', snapshot: { css: BRIGHT_VIDEO } };
    case 'fixed-height':
      return { colorScheme: 'light', snapshot: { fixedHeightPage: true } };
    default:
      return { colorScheme: 'light', snapshot: {} };
  }
}

/** Writes the screen as it is now, at every window size, in each variant; drawn later in one browser run. */
function capture(state: string, screen: Rendered, variants: Variant[], flags: { live: boolean; video?: boolean; keypad?: boolean; longTitle?: boolean }): void {
  for (const variant of variants) {
    const { colorScheme, snapshot } = variantOptions(variant);
    for (const window of WINDOWS) {
      const name = `${state}/${variant}/${window.name}`;
      const file = path.join(WORK, `${name.replace(/\//g, '--')}.html`);
      fs.writeFileSync(file, snapshotHtml(screen, { ...snapshot, width: window.width, safeBottom: window.safeBottom }));
      // SCREEN_MATRIX_PNGS=1 keeps every drawing under .tmp/screen-matrix/ to look at.
      const png = UPDATE && KEEP.has(name) ? path.join(DOCS, `call-screen-${state}-${variant}-${window.name}.png`) : process.env.SCREEN_MATRIX_PNGS === '1' ? file.replace(/\.html$/, '.png') : undefined;
      shots.push({ name, html: file, png, colorScheme, width: window.width, height: window.height, audit: true });
      captured.set(name, { state, variant, window: window.name, live: flags.live, video: !!flags.video, keypad: !!flags.keypad, longTitle: !!flags.longTitle });
    }
  }
}

function draw(): Promise<Record<string, { audit: Audit }>> {
  const list = path.join(WORK, 'shots.json');
  fs.writeFileSync(list, JSON.stringify(shots));
  const driver = path.resolve(__dirname, '../support/screenshot-driver.mjs');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [driver, list], { timeout: 240000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}')),
    );
  });
}

type Screen = Rendered & { instance: Record<string, any> };

function renderScreen(properties: Record<string, unknown>): Screen {
  const rendered = simulate.render(loadKitComponent('call-screen'), { sdkAppId: SDK_APP_ID, ...properties }) as unknown as Screen & { attach(parent: Element): void };
  rendered.attach(document.createElement('parent-wrapper'));
  return rendered;
}

const rootOf = (screen: Screen) => screen.querySelector('#tcccSdk')!.instance as Record<string, any>;
const bar = (screen: Screen) => screen.querySelector('.tccc-call-screen__call-bar')!;

async function talk(screen: Screen, media: 'audio' | 'video'): Promise<void> {
  await tapButton(screen, media === 'video' ? '.tccc-call-screen__start-video' : '.tccc-call-screen__start-audio');
  await waitFor(() => rootOf(screen).getState().phase !== 'starting', 'the call to start');
  if (rootOf(screen).getState().phase === 'ivr') await rootOf(screen).sendDigits('1');
  await waitFor(() => rootOf(screen).getState().phase === 'active', 'the auto-answering agent');
  await new Promise((resolve) => setTimeout(resolve, 1100)); // the timer shows a second
}

async function typeOnKeypad(screen: Screen, keys: string): Promise<void> {
  const keypad = screen.querySelector('#tcccKeypad');
  if (!keypad) throw new Error('the keypad is not open');
  const buttons = keypad.querySelectorAll('.tccc-keypad__button');
  for (const key of keys) {
    const button = buttons.find((candidate) => candidate.dom.textContent?.trim().startsWith(key));
    if (!button) throw new Error(`no key ${key}`);
    button.querySelector('.van-button')!.dispatchEvent('tap');
  }
  await simulate.sleep(0);
}

async function hangUp(screen: Screen): Promise<void> {
  await tapButton(bar(screen), '.tccc-call-bar__hangup');
  await waitFor(() => rootOf(screen).getState().phase === 'idle', 'the hang-up');
}

/** A state the simulator reaches only with other callers or a failing network, rendered through the screen's own render(). */
function showInjected(screen: Screen, state: string, overrides: Record<string, unknown>, variants: Variant[], flags: { live: boolean; video?: boolean }): void {
  screen.instance.render({ ...rootOf(screen).getState(), ...overrides });
  capture(state, screen, variants, flags);
  screen.instance.render(rootOf(screen).getState());
}

let server: DevServer;
let wx: WxRuntime;
let drawn: Record<string, { audit: Audit }>;

beforeAll(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  if (UPDATE) fs.mkdirSync(DOCS, { recursive: true });
  server = await startDevServer({ port: 0, center: { autoAnswerMs: 0 } });
  wx = installWxRuntime();
  await loadLoginModule(server.url, CORE_DIST).login({ jsCode: 'screen-matrix', sdkAppId: SDK_APP_ID });

  const audio = renderScreen({ channelId: 'audio-support', media: 'both', title: '在线客服' });
  capture('idle', audio, ['light', 'dark', 'brand', 'brand-dark'], { live: false });
  await talk(audio, 'audio');
  capture('talking', audio, ['light', 'dark', 'brand'], { live: true });
  showInjected(audio, 'queued-next', { phase: 'queued', queuePosition: 1 }, ['light'], { live: true });
  await tapButton(bar(audio), '.tccc-call-bar__keypad');
  await typeOnKeypad(audio, '1234567890*#1234567890*#12345678'); // 32 keys: the line shows the latest after "…"
  capture('keypad', audio, ['light', 'dark', 'brand', 'brand-dark', 'fixed-height'], { live: true, keypad: true });
  audio.instance.setData({ title: LONG_TITLE });
  capture('long-title-keypad', audio, ['light'], { live: true, keypad: true, longTitle: true });
  audio.instance.setData({ title: '在线客服' });
  await hangUp(audio);
  capture('ended', audio, ['light'], { live: false });

  const failing = renderScreen({ channelId: 'no-such-channel', media: 'audio', title: '在线客服' });
  await tapButton(failing, '.tccc-call-screen__start-audio');
  await waitFor(() => !!failing.dom.querySelector('[class*="tccc-call-screen__status--error"]'), 'the failure on screen');
  capture('start-failed', failing, ['light', 'dark'], { live: false });

  const video = renderScreen({ channelId: 'video-support', media: 'video', title: 'ACME support', locale: 'en-US' });
  await talk(video, 'video');
  rootOf(video).getState(); // network quality is whatever the simulator reports; the indicator shows when known
  capture('video', video, ['light', 'bright'], { live: true, video: true });
  showInjected(video, 'video-waiting', { phase: 'ringing' }, ['light'], { live: true, video: true });
  showInjected(video, 'video-reconnecting', { reconnecting: true, network: 'poor' }, ['bright'], { live: true, video: true });
  await tapButton(bar(video), '.tccc-call-bar__keypad');
  await typeOnKeypad(video, '123');
  capture('video-keypad', video, ['light', 'bright', 'fixed-height'], { live: true, video: true, keypad: true });
  await tapButton(bar(video), '.tccc-call-bar__keypad');
  video.instance.setData({ title: LONG_TITLE });
  capture('long-title-video', video, ['bright'], { live: true, video: true, longTitle: true });
  await hangUp(video);

  drawn = await draw();
  fs.writeFileSync(path.join(WORK, 'audit.json'), JSON.stringify(drawn, null, 1)); // to read when a check fails
}, 240000);

afterAll(async () => {
  wx?.restore();
  await simulatorAgent(server.url).settings({ autoAnswerMs: null });
  server.close();
});

/** Every audited drawing, with what was captured. */
function each(): Array<Captured & { name: string; audit: Audit }> {
  return [...captured.entries()].map(([name, what]) => ({ name, ...what, audit: drawn[name].audit }));
}

const inside = (box: Box, viewport: { width: number; height: number }) => box.left >= -0.5 && box.top >= -0.5 && box.right <= viewport.width + 0.5 && box.bottom <= viewport.height + 0.5;
const round = (n: number) => Math.round(n * 10) / 10;

test('the matrix was drawn: every state at every window size', () => {
  expect(Object.keys(drawn).length).toBe(shots.length);
  expect(shots.length).toBeGreaterThanOrEqual(WINDOWS.length * 20);
});

test('hang-up (in a call) or the start button (idle) is inside the window and a tap at its centre reaches it', () => {
  const problems: string[] = [];
  for (const { name, live, audit } of each()) {
    const control = live ? audit.hangup : audit.start;
    if (!control) problems.push(`${name}: no ${live ? 'hang-up' : 'start button'}`);
    else if (!inside(control.rect, audit.viewport)) problems.push(`${name}: ${live ? 'hang-up' : 'start'} at ${JSON.stringify(control.rect)} outside ${JSON.stringify(audit.viewport)}`);
    else if (!control.reached) problems.push(`${name}: a tap on ${live ? 'hang-up' : 'start'} lands on something else`);
  }
  expect(problems).toEqual([]);
});

test('the screen fits the window: no page scroll either way, with or without a fixed-height host page', () => {
  const problems = each()
    .filter(({ audit }) => audit.page.height > audit.viewport.height + 1 || audit.page.width > audit.viewport.width + 1)
    .map(({ name, audit }) => `${name}: page ${audit.page.width}x${audit.page.height} in ${audit.viewport.width}x${audit.viewport.height}`);
  expect(problems).toEqual([]);
});

test('the keypad scales to the room it has: all twelve keys show whole without scrolling (a one-line title)', () => {
  const problems: string[] = [];
  for (const { name, keypad, longTitle, audit } of each()) {
    if (!keypad) continue;
    const keys = audit.targets.filter((target) => target.action !== null && /^[0-9*#]$/.test(target.action));
    if (keys.length !== 12) problems.push(`${name}: ${keys.length} keys visible`);
    const cut = keys.filter((key) => key.visible.bottom - key.visible.top < key.rect.bottom - key.rect.top - 0.5);
    if (!longTitle && cut.length > 0) problems.push(`${name}: keys ${cut.map((key) => key.action).join(' ')} cut off`);
    if (!longTitle && audit.scrollers.length > 0) problems.push(`${name}: scrolls ${audit.scrollers.join(', ')}`);
  }
  expect(problems).toEqual([]);
});

test('every text reaches WCAG AA against the pixels behind it (4.5:1, large text 3:1), every icon 3:1: light, dark, brand, over bright video', () => {
  const problems: string[] = [];
  for (const { name, audit } of each()) {
    for (const text of audit.texts) {
      if (text.ratio < text.need) problems.push(`${name}: "${text.text}" (${text.element}) ${text.colour} on rgb(${text.background.join(',')}) = ${text.ratio}:1 < ${text.need}`);
    }
  }
  expect(problems).toEqual([]);
});

test('touch targets are at least 44 x 44 px with at least 8 px between them', () => {
  const problems: string[] = [];
  for (const { name, audit } of each()) {
    const targets = audit.targets;
    for (const [index, a] of targets.entries()) {
      const width = a.rect.right - a.rect.left;
      const height = a.rect.bottom - a.rect.top;
      if (width < 44 - 0.5 || height < 44 - 0.5) problems.push(`${name}: ${a.action ?? a.element} is ${round(width)}x${round(height)}`);
      for (const b of targets.slice(index + 1)) {
        const dx = Math.max(0, b.rect.left - a.rect.right, a.rect.left - b.rect.right);
        const dy = Math.max(0, b.rect.top - a.rect.bottom, a.rect.top - b.rect.bottom);
        if (Math.hypot(dx, dy) < 8 - 0.5) problems.push(`${name}: ${a.action ?? a.element} and ${b.action ?? b.element} are ${round(Math.hypot(dx, dy))} px apart`);
      }
    }
  }
  expect(problems).toEqual([]);
});

test('the picture-in-picture takes every touch inside it, so the caller can drag it', () => {
  const problems: string[] = [];
  for (const { name, video, audit } of each()) {
    if (!video) continue;
    if (!audit.pip) problems.push(`${name}: no picture-in-picture`);
    else if (audit.pip.total === 0 || audit.pip.reached < audit.pip.total) problems.push(`${name}: ${audit.pip.reached} of ${audit.pip.total} points reach it`);
  }
  expect(problems).toEqual([]);
});

test('no text sits under the picture-in-picture, over a control, over other text or under the avatar ring', () => {
  const problems = each().flatMap(({ name, audit }) => audit.overlaps.map((overlap) => `${name}: "${overlap.text}" overlaps ${overlap.with} (${round(overlap.area)} px²)`));
  expect(problems).toEqual([]);
});

test('a long title is clamped to two lines', () => {
  const problems: string[] = [];
  for (const { name, longTitle, audit } of each()) {
    if (!longTitle) continue;
    const title = audit.texts.find((text) => text.element.includes('call-screen__title'));
    if (!title) problems.push(`${name}: no title`);
    else if (title.lines !== 2) problems.push(`${name}: the title shows ${title.lines} lines`);
  }
  expect(problems).toEqual([]);
});
