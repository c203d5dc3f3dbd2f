/**
 * The call screen on a runtime that enforces WeChat's privacy consent, against a real tccc-dev-server: a
 * call started from the screen asks once through the included tccc-privacy-consent and goes on without a
 * second tap; a refusal ends in privacy-not-authorized; nothing is left pending either way.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { browserTest } from '../support/browser';
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

// `UPDATE_SCREENSHOTS=1 npx jest test/ui/call-screen-privacy.test.ts` redraws docs/screenshots/privacy-consent.png.
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';
const WORK = path.resolve(__dirname, '../../.tmp/screens-privacy');
type Rgb = [number, number, number];

/** Draws each page in headless Chromium (test/support/screenshot-driver.mjs) and reads the probed pixels. */
function draw(shots: Array<Record<string, unknown>>): Promise<Record<string, { probes: Record<string, Rgb> }>> {
  const list = path.join(WORK, 'shots.json');
  fs.writeFileSync(list, JSON.stringify(shots));
  const driver = path.resolve(__dirname, '../support/screenshot-driver.mjs');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [driver, list], { timeout: 120000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}')),
    );
  });
}

const near = (actual: Rgb, expected: Rgb, tolerance = 12) => actual.every((value, i) => Math.abs(value - expected[i]) <= tolerance);

browserTest('drawn in Chromium over the call screen: the agree button in the brand colour, themed by its own token', async () => {
  fs.mkdirSync(WORK, { recursive: true });
  // Rendered on its own, as the screenshots test does: simulate inserts the components' styles then.
  const screen = simulate.render(loadKitComponent('call-screen'), { sdkAppId: SDK_APP_ID, channelId: 'audio-support', media: 'audio', title: '在线客服' }) as unknown as Rendered & {
    attach(parent: Element): void;
  };
  screen.attach(document.createElement('parent-wrapper'));
  const consent = () => screen.querySelector('#tcccPrivacy')!;
  const consentShown = () => consent().instance.data.show === true && (consent().dom.textContent ?? '').includes('隐私保护提示');
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(consentShown, 'the privacy consent');
  await waitFor(() => (consent().dom.textContent ?? '').includes('《示例小程序隐私保护指引》'), 'the guide name');
  await new Promise((resolve) => setTimeout(resolve, 400)); // vant's enter transition
  const agreeProbe = { name: 'agree', selector: '[class*="tccc-privacy-consent__agree"] wx-button', x: 0.1, y: 0.5 };
  const panelProbe = { name: 'panel', selector: '[class*="tccc-privacy-consent__popup"]', x: 0.02, y: 0.5 };
  const shots = [
    { name: 'privacy-consent', frameStyle: '', png: path.join(UPDATE ? path.resolve(__dirname, '../../docs/screenshots') : WORK, 'privacy-consent.png') },
    { name: 'privacy-consent-themed', frameStyle: '--tccc-privacy-consent-agree-background: rgb(10, 180, 10); --tccc-privacy-consent-background: rgb(255, 247, 240);' },
  ].map(({ name, frameStyle, png }) => {
    const html = path.join(WORK, `${name}.html`);
    fs.writeFileSync(html, snapshotHtml(screen, { frameStyle, background: '#f5f6f8' }));
    return { name, html, png, fullPage: true, height: 720, probes: [agreeProbe, panelProbe] };
  });
  const pixels = await draw(shots);
  expect(near(pixels['privacy-consent'].probes.agree, [0x00, 0x66, 0xff])).toBe(true);
  expect(near(pixels['privacy-consent'].probes.panel, [0xff, 0xff, 0xff])).toBe(true);
  expect(near(pixels['privacy-consent-themed'].probes.agree, [10, 180, 10])).toBe(true);
  expect(near(pixels['privacy-consent-themed'].probes.panel, [255, 247, 240])).toBe(true);
  agree(consent());
  await waitFor(() => wx.privacy!.pending === 0 && screen.querySelector('#tcccSdk')!.instance.getState().phase === 'ivr', 'the call going on');
  await screen.instance.hangUp();
  (screen as unknown as { detach(): void }).detach();
}, 120000);
