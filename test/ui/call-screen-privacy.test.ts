/**
 * The call screen on a runtime that enforces WeChat's privacy consent, against a real tccc-dev-server: a
 * call started from the screen asks once through the included tccc-privacy-consent and goes on without a
 * second tap; a refusal ends in privacy-not-authorized; nothing is left pending either way.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { browserTest } from '../support/browser';
import type { Rgb, Shot, Variant, Window } from '../support/drawing';
import { AT_375, drawShots, inside, LANDSCAPE, PORTRAIT, variantOptions } from '../support/drawing';
import { snapshotHtml } from '../support/kit-snapshot';
import { loadLoginModule } from '../support/sdk-host';
import { CORE_DIST } from '../support/simulate-root';
import type { Host, Rendered } from '../support/ui-host';
import { loadKitComponent, renderInHost, tapButton } from '../support/ui-host';
import simulate from 'miniprogram-simulate';
import type { WxRuntime } from '../../testing';
import { installWxRuntime, simulatorAgent, waitFor } from '../../testing';

const SDK_APP_ID = '1400000001';
const EVENTS = ['sessionStart', 'sessionEnded', 'error'];
let server: DevServer;
let wx: WxRuntime;
let host: Host | null = null;

beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000 } });
});
afterAll(() => server.close());

beforeEach(async () => {
  wx = installWxRuntime({ privacy: { agreed: false } });
  await loadLoginModule(server.url, CORE_DIST).login({ jsCode: `code-${Math.random()}`, sdkAppId: SDK_APP_ID });
});
afterEach(() => {
  if (host?.page.instance) host.page.detach();
  host = null;
  wx.restore();
});

function renderScreen(media: 'audio' | 'video' | 'both') {
  host = renderInHost('call-screen', {
    attributes: `sdk-app-id="${SDK_APP_ID}" channel-id="${media === 'audio' ? 'audio-support' : 'video-support'}" media="${media}"`,
    events: EVENTS,
  });
  const screen = host.page.querySelector('#subject')!;
  const consent = () => screen.querySelector('#tcccPrivacy')!;
  const consentShown = () => consent().instance.data.show === true && (consent().dom.textContent ?? '').includes('隐私保护提示');
  const phase = () => (screen.querySelector('#tcccSdk')!.instance.getState() as { phase: string }).phase;
  return { events: host.events, screen, consent, consentShown, phase };
}

const liveSessions = async () => (await simulatorAgent(server.url).calls()).filter((session) => session.phase !== 'ended');

function agree(consent: Rendered): void {
  consent.querySelector('.tccc-privacy-consent__agree')!.querySelector('.van-button')!.dispatchEvent('agreeprivacyauthorization');
}

test('one tap on call: the consent asks, the user agrees, and the call goes on to the contact center', async () => {
  const { events, screen, consent, consentShown, phase } = renderScreen('audio');
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(consentShown, 'the privacy consent');
  expect(phase()).toBe('starting');
  expect(await liveSessions()).toEqual([]);

  agree(consent());
  await waitFor(() => phase() === 'ivr', 'the call to reach the IVR without a second tap');
  expect(events.sessionStart).toHaveLength(1);
  expect(consentShown()).toBe(false);
  expect(wx.privacy).toMatchObject({ agreed: true, requests: ['requirePrivacyAuthorize'], pending: 0 });
  expect(wx.authorizeCalls).toEqual(['scope.record']);
  expect(events.error).toEqual([]);

  await tapButton(screen.querySelector('.tccc-call-screen__call-bar')!, '.tccc-call-bar__hangup');
  await waitFor(() => events.sessionEnded.length === 1, 'the hang-up');
  // Agreed once: the next call asks nothing.
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => phase() === 'ivr', 'the second call');
  expect(wx.privacy!.requests).toHaveLength(1);
});

test('declining ends in privacy-not-authorized: no call, the screen back to idle, nothing pending', async () => {
  const { events, screen, consent, consentShown, phase } = renderScreen('both');
  await tapButton(screen, '.tccc-call-screen__start-video');
  await waitFor(consentShown, 'the privacy consent');
  await tapButton(consent(), '.tccc-privacy-consent__refuse');
  await waitFor(() => events.error.length === 1, 'the error event');
  expect(events.error[0]).toMatchObject({ code: 'privacy-not-authorized', detail: { privacy: 'not-agreed', errno: 103 } });
  await waitFor(() => phase() === 'idle', 'idle');
  expect(events.sessionStart).toEqual([]);
  expect(consentShown()).toBe(false);
  expect(wx.privacy).toMatchObject({ agreed: false, pending: 0 });
  expect(wx.authorizeCalls).toEqual([]);
  expect(await liveSessions()).toEqual([]);
});

test('hanging up while the consent is open closes it and answers WeChat: nothing left pending', async () => {
  const { events, screen, consentShown, phase } = renderScreen('audio');
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(consentShown, 'the privacy consent');
  await (screen.instance as unknown as { hangUp(): Promise<unknown> }).hangUp();
  await waitFor(() => events.error.length === 1, 'the cancelled start');
  expect(events.error[0]).toMatchObject({ code: 'cancelled' });
  await waitFor(() => !consentShown() && wx.privacy!.pending === 0, 'the consent closed and answered');
  expect(phase()).toBe('idle');
  expect(await liveSessions()).toEqual([]);
});

// `UPDATE_SCREENSHOTS=1 npx jest test/ui/call-screen-privacy.test.ts` redraws docs/screenshots/privacy-consent*.png.
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const WORK = path.resolve(__dirname, '../../.tmp/screens-privacy');
const DOCS = path.resolve(__dirname, '../../docs/screenshots');
const KEEP: Record<string, string> = { 'consent/light/375x603': 'privacy-consent.png', 'consent/brand-dark/375x603': 'privacy-consent-brand-dark.png', 'consent/light/667x375': 'privacy-consent-667x375.png' };

const near = (actual: Rgb, expected: Rgb, tolerance = 12) => actual.every((value, i) => Math.abs(value - expected[i]) <= tolerance);

browserTest('drawn over the call screen at every width, sideways and with larger text: readable, reachable, themed, and whole when asked again at once', async () => {
  fs.mkdirSync(WORK, { recursive: true });
  const shots: Shot[] = [];
  // Rendered on its own, as the screenshots test does: simulate inserts the components' styles then.
  const screen = simulate.render(loadKitComponent('call-screen'), { sdkAppId: SDK_APP_ID, channelId: 'audio-support', media: 'both', title: '在线客服' }) as unknown as Rendered & {
    attach(parent: Element): void;
    instance: { start(media: string): Promise<unknown>; hangUp(): Promise<unknown>; setData(data: Record<string, unknown>): void };
  };
  screen.attach(document.createElement('parent-wrapper'));
  const consent = () => screen.querySelector('#tcccPrivacy')!;
  const consentShown = () => consent().instance.data.show === true && (consent().dom.textContent ?? '').includes('《示例小程序隐私保护指引》');
  const phase = () => (screen.querySelector('#tcccSdk')!.instance.getState() as { phase: string }).phase;
  const capture = (state: string, variants: Variant[], windows: Window[], extra: Partial<Shot> = {}) => {
    for (const variant of variants) {
      const { colorScheme, snapshot, textZoom } = variantOptions(variant);
      for (const window of windows) {
        const name = `${state}/${variant}/${window.name}`;
        const html = path.join(WORK, `${name.replace(/\//g, '--')}.html`);
        fs.writeFileSync(html, snapshotHtml(screen, { ...snapshot, width: window.width, safeBottom: window.safeBottom }));
        const png = UPDATE && KEEP[name] ? path.join(DOCS, KEEP[name]) : undefined;
        shots.push({ name, html, png, colorScheme, width: window.width, height: window.height, audit: true, textZoom, ...extra });
      }
    }
  };

  // A page that retries from its error handler, at once: declined, asked again within the same tick.
  const retried = screen.instance.start('audio').catch(() => screen.instance.start('audio'));
  await waitFor(consentShown, 'the privacy consent');
  capture('consent', ['light', 'dark', 'brand-dark'], PORTRAIT);
  capture('consent', ['brand'], AT_375);
  capture('consent', ['light'], LANDSCAPE);
  capture('consent', ['text130'], PORTRAIT);
  const themed = '--tccc-privacy-consent-agree-background: rgb(10, 180, 10); --tccc-privacy-consent-background: rgb(255, 247, 240);';
  const probes = [
    { name: 'agree', selector: '[class*="tccc-privacy-consent__agree"] wx-button', x: 0.1, y: 0.5 },
    { name: 'sheet', selector: '[class*="tccc-privacy-consent__sheet"]', x: 0.02, y: 0.5 },
  ];
  for (const [name, frameStyle] of [['probe-default', ''], ['probe-themed', themed]]) {
    const html = path.join(WORK, `${name}.html`);
    fs.writeFileSync(html, snapshotHtml(screen, { frameStyle, width: 375 }));
    shots.push({ name, html, width: 375, height: 603, probes });
  }
  screen.instance.setData({ locale: 'en-US' });
  await simulate.sleep(0);
  capture('consent-en', ['light', 'text130'], PORTRAIT);
  screen.instance.setData({ locale: 'zh-CN' });
  await simulate.sleep(0);

  await tapButton(consent(), '.tccc-privacy-consent__refuse');
  await waitFor(() => wx.privacy!.requests.length === 2 && consentShown(), 'the consent asked again');
  capture('race', ['light'], [PORTRAIT[0], PORTRAIT[1]]);
  agree(consent());
  await waitFor(() => phase() === 'ivr', 'the retried call going on');
  await retried;
  await screen.instance.hangUp();
  await waitFor(() => phase() === 'idle', 'the hang-up');
  capture('after', ['light'], [PORTRAIT[0], PORTRAIT[1]]);
  (screen as unknown as { detach(): void }).detach();

  const drawn = await drawShots(shots, WORK);
  const each = shots.filter((shot) => shot.audit).map((shot) => ({ name: shot.name, audit: drawn[shot.name].audit }));
  const problems: string[] = [];
  for (const { name, audit } of each) {
    const onSheet = audit.targets.filter((target) => target.element.includes('privacy-consent'));
    if (name.startsWith('after/')) {
      if (!audit.start?.reached) problems.push(`${name}: a tap on start lands on something else`);
      if (onSheet.length > 0) problems.push(`${name}: the consent is still on the page`);
    } else {
      if (!audit.sheet || !inside(audit.sheet.rect, audit.viewport)) problems.push(`${name}: the agree button is not inside the window: ${JSON.stringify(audit.sheet)}`);
      else if (!audit.sheet.reached) problems.push(`${name}: a tap on agree lands on something else`);
      if (!audit.link || audit.link.bottom - audit.link.top < 44 - 0.5) problems.push(`${name}: the guide link takes taps on ${JSON.stringify(audit.link)}, under 44 px tall`);
      const agree = onSheet.find((target) => target.element.includes('privacy-consent__button') && audit.sheet && target.rect.left === audit.sheet.rect.left);
      const label = audit.texts.find((text) => /同意并继续|Agree and continue/.test(text.text));
      if (!agree || !label || label.box.left < agree.rect.left || label.box.right > agree.rect.right || label.box.top < agree.rect.top || label.box.bottom > agree.rect.bottom) {
        problems.push(`${name}: the agree label ${JSON.stringify(label?.box)} is not inside its button ${JSON.stringify(agree?.rect)}`);
      }
    }
    for (const layer of audit.layers) problems.push(`${name}: a tap at ${layer.x},${layer.y} lands on ${layer.element}, drawn invisible`);
    // The sheet's words; what it covers is dimmed on purpose (the matrix measures the screen without it).
    for (const text of audit.texts) if ((text.inSheet || name.startsWith('after/')) && text.ratio < text.need) problems.push(`${name}: "${text.text}" ${text.colour} = ${text.ratio}:1 < ${text.need}`);
    for (const edge of audit.edges) if (edge.ratio < 3 && edge.element.includes('privacy-consent')) problems.push(`${name}: ${edge.element} edge ${edge.ratio}:1`);
    for (const [index, a] of onSheet.entries()) {
      if (a.rect.right - a.rect.left < 43.5 || a.rect.bottom - a.rect.top < 43.5) problems.push(`${name}: ${a.element} is under 44 px`);
      for (const b of onSheet.slice(index + 1)) {
        const gap = Math.hypot(Math.max(0, b.rect.left - a.rect.right, a.rect.left - b.rect.right), Math.max(0, b.rect.top - a.rect.bottom, a.rect.top - b.rect.bottom));
        if (gap < 7.5) problems.push(`${name}: the consent's buttons are ${Math.round(gap * 10) / 10} px apart`);
      }
    }
  }
  expect(each.length).toBeGreaterThanOrEqual(25);
  expect(problems).toEqual([]);
  expect(near(drawn['probe-default'].probes.agree, [0x00, 0x66, 0xff])).toBe(true);
  expect(near(drawn['probe-default'].probes.sheet, [0xff, 0xff, 0xff])).toBe(true);
  expect(near(drawn['probe-themed'].probes.agree, [10, 180, 10])).toBe(true);
  expect(near(drawn['probe-themed'].probes.sheet, [255, 247, 240])).toBe(true);
}, 240000);
