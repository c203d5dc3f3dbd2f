/**
 * The call screen on every phone, a tablet and turned sideways: real calls through the built components
 * against the simulator, drawn in headless Chromium at the window sizes WeChat gives under its navigation
 * bar, with rpx scaled as WeChat scales it (750rpx = the window's width), in light, dark, a brand theme, over
 * a bright video frame, in a host page with `page { height: 100% }`, and with text 30 % larger. Each drawing
 * is audited (test/support/audit-page.mjs): hang-up on screen and reachable, the picture-in-picture takes its
 * touches and nothing sits on it, every text and icon against the pixels behind it, every button's edge
 * against what is around it, touch targets and their gaps, nothing overlapping, no invisible layer taking
 * taps. `npm run screenshots` also writes a few of the drawings to docs/screenshots/.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import type { Audit, Box, Drawn, Shot, Variant, Window } from '../support/drawing';
import { AT_375, drawShots, inside, LANDSCAPE, PORTRAIT, variantOptions } from '../support/drawing';
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

interface Captured { state: string; variant: Variant; window: string; live: boolean; video: boolean; keypad: boolean; longTitle: boolean; landscape: boolean }

const shots: Shot[] = [];
const captured = new Map<string, Captured>();
/** The drawings kept in docs/screenshots/ by `npm run screenshots`. */
const KEEP = new Set([
  'idle/light/375x603', 'connecting/light/375x603', 'talking/light/375x603', 'talking/dark/375x603', 'reconnecting/light/375x603',
  'no-agent/light/375x603', 'keypad/light/320x504', 'keypad/dark/414x808', 'keypad/brand/375x603', 'keypad/brand-dark/375x603',
  'video/light/375x603', 'video/bright/375x603', 'video-waiting/light/375x603', 'video-keypad/bright/320x504', 'start-failed/light/320x504',
  'talking/light/768x960', 'talking/light/667x375', 'video/light/667x375', 'video-keypad/light/1024x704', 'long-title-keypad/text130/320x504',
]);

interface Flags { live: boolean; video?: boolean; keypad?: boolean; longTitle?: boolean }

/** Writes the screen as it is now, in each variant at each window; drawn later in one browser run. */
function capture(state: string, screen: Rendered, variants: Variant[], flags: Flags, windows: Window[] = PORTRAIT): void {
  for (const variant of variants) {
    const { colorScheme, snapshot, textZoom } = variantOptions(variant);
    for (const window of windows) {
      const name = `${state}/${variant}/${window.name}`;
      const file = path.join(WORK, `${name.replace(/\//g, '--')}.html`);
      fs.writeFileSync(file, snapshotHtml(screen, { ...snapshot, width: window.width, safeBottom: window.safeBottom }));
      // SCREEN_MATRIX_PNGS=1 keeps every drawing under .tmp/screen-matrix/ to look at.
      const png = UPDATE && KEEP.has(name) ? path.join(DOCS, `call-screen-${state}-${variant}-${window.name}.png`) : process.env.SCREEN_MATRIX_PNGS === '1' ? file.replace(/\.html$/, '.png') : undefined;
      shots.push({ name, html: file, png, colorScheme, width: window.width, height: window.height, audit: true, textZoom });
      captured.set(name, { state, variant, window: window.name, live: flags.live, video: !!flags.video, keypad: !!flags.keypad, longTitle: !!flags.longTitle, landscape: window.width > window.height });
    }
  }
}

type Screen = Rendered & { instance: Record<string, any> };

function renderScreen(properties: Record<string, unknown>): Screen {
  const rendered = simulate.render(loadKitComponent('call-screen'), { sdkAppId: SDK_APP_ID, ...properties }) as unknown as Screen & { attach(parent: Element): void };
  rendered.attach(document.createElement('parent-wrapper'));
  return rendered;
}

const rootOf = (screen: Screen) => screen.querySelector('#tcccSdk')!.instance as Record<string, any>;
const bar = (screen: Screen) => screen.querySelector('.tccc-call-screen__call-bar')!;
const phaseOf = (screen: Screen): string => rootOf(screen).getState().phase;
const second = () => new Promise((resolve) => setTimeout(resolve, 1100)); // the timer shows a second

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
  await waitFor(() => phaseOf(screen) === 'idle', 'the hang-up');
}

/** A state the simulator reaches only with other callers or a failing network, rendered through the screen's own render(). */
function showInjected(screen: Screen, state: string, overrides: Record<string, unknown>, variants: Variant[], flags: Flags, windows?: Window[]): void {
  screen.instance.render({ ...rootOf(screen).getState(), ...overrides });
  capture(state, screen, variants, flags, windows);
  screen.instance.render(rootOf(screen).getState());
}

/** The same drawing with the system asking for less motion: every loop must stop. */
function captureReducedMotion(state: string, screen: Screen): void {
  const name = `${state}/reduced-motion/375x603`;
  const file = path.join(WORK, `${name.replace(/\//g, '--')}.html`);
  fs.writeFileSync(file, snapshotHtml(screen, { width: 375 }));
  shots.push({ name, html: file, colorScheme: 'light', width: 375, height: 603, audit: true, reducedMotion: true });
}

let server: DevServer;
let wx: WxRuntime;
let drawn: Record<string, Drawn>;

beforeAll(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  if (UPDATE) fs.mkdirSync(DOCS, { recursive: true });
  server = await startDevServer({ port: 0, center: { autoAnswerMs: 0 } });
  wx = installWxRuntime();
  await loadLoginModule(server.url, CORE_DIST).login({ jsCode: 'screen-matrix', sdkAppId: SDK_APP_ID });

  // Audio, in Chinese: idle, the IVR (which opens the keypad), connecting, talking with the agent's name.
  const audio = renderScreen({ channelId: 'audio-support', media: 'both', title: '在线客服' });
  capture('idle', audio, ['light', 'dark', 'brand-dark', 'text130'], { live: false });
  capture('idle', audio, ['brand'], { live: false }, AT_375);
  capture('idle', audio, ['light'], { live: false }, LANDSCAPE);
  await tapButton(audio, '.tccc-call-screen__start-audio');
  await waitFor(() => phaseOf(audio) === 'ivr' && !!audio.querySelector('#tcccKeypad'), 'the IVR, with the keypad open');
  capture('ivr', audio, ['light'], { live: true, keypad: true });
  await tapButton(bar(audio), '.tccc-call-bar__keypad');
  showInjected(audio, 'connecting', { phase: 'ringing' }, ['light'], { live: true });
  showInjected(audio, 'connecting', { phase: 'ringing' }, ['dark'], { live: true }, AT_375);
  audio.instance.render({ ...rootOf(audio).getState(), phase: 'ringing' });
  captureReducedMotion('connecting', audio);
  audio.instance.render(rootOf(audio).getState());
  showInjected(audio, 'queued-next', { phase: 'queued', queuePosition: 1 }, ['light'], { live: true }, AT_375);
  await rootOf(audio).sendDigits('1');
  await waitFor(() => phaseOf(audio) === 'active', 'the auto-answering agent');
  await second();
  capture('talking', audio, ['light', 'dark', 'brand', 'text130'], { live: true });
  capture('talking', audio, ['light'], { live: true }, LANDSCAPE);
  showInjected(audio, 'reconnecting', { reconnecting: true }, ['light'], { live: true });
  showInjected(audio, 'reconnecting', { reconnecting: true }, ['dark'], { live: true }, AT_375);
  showInjected(audio, 'media-silent', { mediaSilent: true }, ['text130'], { live: true });
  showInjected(audio, 'media-silent', { mediaSilent: true }, ['light'], { live: true }, AT_375);
  await tapButton(bar(audio), '.tccc-call-bar__keypad');
  await typeOnKeypad(audio, '1234567890*#1234567890*#12345678'); // 32 keys: the line shows the latest after "…"
  capture('keypad', audio, ['light', 'dark', 'brand-dark', 'fixed-height'], { live: true, keypad: true });
  capture('keypad', audio, ['brand'], { live: true, keypad: true }, AT_375);
  capture('keypad', audio, ['light'], { live: true, keypad: true }, LANDSCAPE);
  audio.instance.setData({ title: LONG_TITLE });
  capture('long-title-keypad', audio, ['light', 'text130'], { live: true, keypad: true, longTitle: true });
  audio.instance.setData({ title: '在线客服' });
  await hangUp(audio);
  capture('ended', audio, ['light'], { live: false }, AT_375);

  // No agent online: the end of the call is a problem, in its own tone.
  await simulatorAgent(server.url).settings({ seatsOnline: false });
  await tapButton(audio, '.tccc-call-screen__start-audio');
  await waitFor(() => phaseOf(audio) !== 'starting', 'the call to start');
  if (phaseOf(audio) === 'ivr') await rootOf(audio).sendDigits('1');
  await waitFor(() => phaseOf(audio) === 'idle', 'the end for want of an agent');
  await simulatorAgent(server.url).settings({ seatsOnline: true });
  capture('no-agent', audio, ['light'], { live: false });
  capture('no-agent', audio, ['dark'], { live: false }, AT_375);

  const failing = renderScreen({ channelId: 'no-such-channel', media: 'audio', title: '在线客服' });
  await tapButton(failing, '.tccc-call-screen__start-audio');
  await waitFor(() => !!failing.dom.querySelector('[class*="tccc-call-screen__status--error"]'), 'the failure on screen');
  capture('start-failed', failing, ['light'], { live: false });
  capture('start-failed', failing, ['dark'], { live: false }, AT_375);

  // Video, in English.
  const video = renderScreen({ channelId: 'video-support', media: 'video', title: 'ACME support', locale: 'en-US' });
  await tapButton(video, '.tccc-call-screen__start-video');
  await waitFor(() => phaseOf(video) === 'active', 'the auto-answering agent');
  await second();
  capture('video', video, ['light', 'bright'], { live: true, video: true });
  capture('video', video, ['light'], { live: true, video: true }, LANDSCAPE);
  showInjected(video, 'video-waiting', { phase: 'ringing' }, ['light'], { live: true, video: true });
  showInjected(video, 'video-waiting', { phase: 'ringing' }, ['light'], { live: true, video: true }, LANDSCAPE);
  showInjected(video, 'video-reconnecting', { reconnecting: true, network: 'poor' }, ['bright'], { live: true, video: true });
  await tapButton(bar(video), '.tccc-call-bar__keypad');
  await typeOnKeypad(video, '123');
  capture('video-keypad', video, ['light', 'bright', 'text130'], { live: true, video: true, keypad: true });
  capture('video-keypad', video, ['fixed-height'], { live: true, video: true, keypad: true }, AT_375);
  capture('video-keypad', video, ['light'], { live: true, video: true, keypad: true }, LANDSCAPE);
  await tapButton(bar(video), '.tccc-call-bar__keypad');
  video.instance.setData({ title: LONG_TITLE });
  capture('long-title-video', video, ['bright'], { live: true, video: true, longTitle: true });
  await hangUp(video);

  drawn = await drawShots(shots, WORK);
  fs.writeFileSync(path.join(WORK, 'audit.json'), JSON.stringify(drawn, null, 1)); // to read when a check fails
}, 300000);

afterAll(async () => {
  wx?.restore();
  await simulatorAgent(server.url).settings({ autoAnswerMs: null, seatsOnline: true });
  server.close();
});

/** Every audited drawing, with what was captured. */
function each(): Array<Captured & { name: string; audit: Audit }> {
  return [...captured.entries()].map(([name, what]) => ({ name, ...what, audit: drawn[name].audit }));
}

const round = (n: number) => Math.round(n * 10) / 10;
const intersection = (a: Box, b: Box) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

test('the matrix was drawn: every state at four widths, turned sideways and with larger text', () => {
  expect(Object.keys(drawn).length).toBe(shots.length);
  const windows = new Set(each().map((shot) => shot.window));
  expect([...windows].sort()).toEqual([...PORTRAIT, ...LANDSCAPE].map((window) => window.name).sort());
  expect(each().filter((shot) => shot.variant === 'text130').length).toBeGreaterThanOrEqual(5 * PORTRAIT.length);
  expect(shots.length).toBeGreaterThanOrEqual(120);
});

test('hang-up (in a call) or the start button (idle) is inside the window and a tap at its centre reaches it: upright, sideways, larger text', () => {
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

test('the keypad fits the room it has: all twelve keys whole and unscrolled, a long title and larger text included', () => {
  const problems: string[] = [];
  for (const { name, keypad, audit } of each()) {
    if (!keypad) continue;
    const keys = audit.targets.filter((target) => target.action !== null && /^[0-9*#]$/.test(target.action));
    if (keys.length !== 12) problems.push(`${name}: ${keys.length} keys visible`);
    const cut = keys.filter((key) => key.visible.bottom - key.visible.top < key.rect.bottom - key.rect.top - 0.5);
    if (cut.length > 0) problems.push(`${name}: keys ${cut.map((key) => key.action).join(' ')} cut off`);
    if (audit.scrollers.length > 0) problems.push(`${name}: scrolls ${audit.scrollers.join(', ')}`);
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

test('every enabled button stands out from what is around it: its edge (ring or fill) at 3:1, off buttons and keys included', () => {
  const problems: string[] = [];
  for (const { name, audit } of each()) {
    for (const edge of audit.edges) if (edge.ratio < 3) problems.push(`${name}: ${edge.action ?? edge.element} edge ${edge.ratio}:1`);
  }
  expect(each().reduce((count, { audit }) => count + audit.edges.length, 0)).toBeGreaterThan(1000);
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

test('the picture-in-picture takes every touch inside it, and no control sits on it', () => {
  const problems: string[] = [];
  for (const { name, video, audit } of each()) {
    if (!video) continue;
    if (!audit.pip) {
      problems.push(`${name}: no picture-in-picture`);
      continue;
    }
    if (audit.pip.total === 0 || audit.pip.reached < audit.pip.total) problems.push(`${name}: ${audit.pip.reached} of ${audit.pip.total} points reach it`);
    for (const target of audit.targets) {
      if (target.element.startsWith('wx-movable-view')) continue;
      if (intersection(target.visible, audit.pip.rect) > 1) problems.push(`${name}: ${target.action ?? target.element} under the picture-in-picture`);
    }
  }
  expect(problems).toEqual([]);
});

test('no text sits under the picture-in-picture, over a control, over other text or under the avatar ring', () => {
  const problems = each().flatMap(({ name, audit }) => audit.overlaps.map((overlap) => `${name}: "${overlap.text}" overlaps ${overlap.with} (${round(overlap.area)} px²)`));
  expect(problems).toEqual([]);
});

test('nothing invisible takes a tap anywhere on the screen', () => {
  const problems = each().flatMap(({ name, audit }) => audit.layers.map((layer) => `${name}: a tap at ${layer.x},${layer.y} lands on ${layer.element}, drawn invisible`));
  expect(problems).toEqual([]);
});

test('a long title is clamped to two lines, to one while the keypad needs the room', () => {
  const problems: string[] = [];
  for (const { name, longTitle, keypad, audit } of each()) {
    if (!longTitle) continue;
    const title = audit.texts.find((text) => text.element.includes('call-screen__title'));
    const most = keypad ? 1 : 2;
    if (!title) problems.push(`${name}: no title`);
    else if (title.lines > most) problems.push(`${name}: the title shows ${title.lines} lines, more than ${most}`);
  }
  expect(problems).toEqual([]);
});

test('video shows the agent: the shades of the words and the controls cover at most two fifths of a phone upright', () => {
  const problems: string[] = [];
  for (const { name, state, video, keypad, window, audit } of each()) {
    if (!video || keypad || state === 'long-title-video') continue;
    const limit = window === '768x960' ? 0.35 : 0.4;
    if (audit.shades > limit) problems.push(`${name}: ${Math.round(audit.shades * 100)} % of the window shaded`);
  }
  expect(problems).toEqual([]);
});

test('waiting and reconnecting in video: the sign centred on the screen (turned sideways, in the room left of the caller\'s camera), the state said once (in the header, not again over the picture)', () => {
  const problems: string[] = [];
  for (const { name, state, landscape, audit } of each()) {
    if (state !== 'video-waiting' && state !== 'video-reconnecting') continue;
    const centreX = landscape && audit.pip ? audit.pip.rect.left / 2 : audit.viewport.width / 2;
    if (!audit.overlay?.centre) problems.push(`${name}: no waiting sign`);
    else if (Math.abs(audit.overlay.centre.x - centreX) > 1 || Math.abs(audit.overlay.centre.y - audit.viewport.height / 2) > 1) {
      problems.push(`${name}: the sign at ${round(audit.overlay.centre.x)},${round(audit.overlay.centre.y)}`);
    }
    if (audit.overlay?.text) problems.push(`${name}: the overlay says "${audit.overlay.text}" again`);
  }
  expect(problems).toEqual([]);
});

test('waiting in video: the caller\'s camera covers no part of the agent\'s sign, nor of its rings at their widest, upright or sideways', () => {
  const RINGS = 1.45; // the scale the rings spread to (tccc-ripple)
  const problems: string[] = [];
  for (const { name, state, audit } of each()) {
    if (state !== 'video-waiting') continue;
    const sign = audit.overlay?.box;
    if (!sign || !audit.pip) {
      problems.push(`${name}: no sign or no picture-in-picture`);
      continue;
    }
    const reach = ((sign.right - sign.left) * (RINGS - 1)) / 2;
    const rings = { left: sign.left - reach, top: sign.top - reach, right: sign.right + reach, bottom: sign.bottom + reach };
    const covered = intersection(rings, audit.pip.rect);
    if (covered > 0) problems.push(`${name}: the picture-in-picture covers ${round(covered)} px² of the sign and its rings`);
  }
  expect(problems).toEqual([]);
});

test('a problem has its own tone: reconnecting, no audio and no agent online are not in the grey of talking', () => {
  const statusColour = (name: string) => drawn[name].audit.texts.find((text) => text.element.includes('call-screen__status'))?.colour;
  for (const scheme of ['light', 'dark'] as const) {
    const talking = statusColour(`talking/${scheme}/375x603`);
    expect(talking).toBeDefined();
    for (const state of ['reconnecting', 'no-agent', ...(scheme === 'light' ? ['media-silent', 'ended'] : [])]) {
      const colour = statusColour(`${state}/${scheme}/375x603`);
      expect(colour).toBeDefined();
      if (state === 'ended') expect(colour).toBe(talking);
      else expect(`${state} ${scheme} ${colour}`).not.toBe(`${state} ${scheme} ${talking}`);
    }
  }
});

test('keypad letters are at least 10 px where they show (the digits stand alone over video and on the shortest phones)', () => {
  const problems: string[] = [];
  for (const { name, variant, audit } of each()) {
    if (variant === 'text130') continue;
    for (const text of audit.texts) if (text.element.includes('keypad__key-letters') && text.fontSize < 10 - 0.01) problems.push(`${name}: "${text.text}" at ${text.fontSize} px`);
  }
  expect(problems).toEqual([]);
});

test('connecting moves (CSS animations), and stops when the system asks for less motion', () => {
  expect(drawn['connecting/light/375x603'].animations).toBeGreaterThan(0);
  expect(drawn['talking/light/375x603'].animations).toBeGreaterThan(0);
  expect(drawn['connecting/reduced-motion/375x603'].animations).toBe(0);
});
