/**
 * Real media through the built components: a simulator that hands out TRTC rooms (server-signed UserSigs),
 * the real trtc-wx-sdk, and <live-pusher> events raised on the rendered elements.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { loadLoginModule, renderSdkPage } from '../support/sdk-host';
import type { WxRuntime } from '../../testing';
import { installNetworkSwitch, installWxRuntime, simulatorAgent, waitFor } from '../../testing';

const SDK_APP_ID = '1400000004';
let server: DevServer;
let wx: WxRuntime;

beforeAll(async () => {
  server = await startDevServer({
    port: 0,
    trtc: { sdkAppId: 1400000004, secretKey: 'test-secret-key-for-the-simulator-only' },
    center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000 },
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  wx = installWxRuntime();
  await loadLoginModule(server.url).login({ sdkAppId: SDK_APP_ID, jsCode: `code-${Math.random()}` });
});
afterEach(async () => {
  wx.restore();
  for (const session of await simulatorAgent(server.url).calls()) {
    if (session.phase !== 'ended') await simulatorAgent(server.url).hangUp(session.sessionId).catch(() => undefined);
  }
});

type Page = ReturnType<typeof renderSdkPage>['page'];
type JsonNode = { tagName: string; attrs: Array<{ name: string; value: unknown }>; children: Array<JsonNode | string> };

/** Every <live-pusher> on the page (composed tree, children of slots included) with its url. */
function livePushers(page: Page): string[] {
  const found: string[] = [];
  const walk = (node: JsonNode | string) => {
    if (typeof node === 'string') return;
    if (node.tagName === 'wx-live-pusher') found.push(String(node.attrs.find((attr) => attr.name === 'url')?.value ?? ''));
    node.children.forEach(walk);
  };
  walk(page.toJSON() as unknown as JsonNode);
  return found;
}

/** The <live-pusher> element inside `holder` (the root or the pusher child), as j-component wraps it. */
function pusherElement(holder: { querySelector(selector: string): unknown }) {
  // The pusher comes first in the root's template (no agent's player is rendered in these tests).
  return (holder.querySelector('.tccc-wx-sdk__media') ?? holder.querySelector('.tccc-pusher__element')) as { dispatchEvent(name: string, options: { detail: Record<string, unknown> }): void } | undefined;
}

/** What the element raises when TRTC reports: 1018 entered, 1019 left, negatives are errors. */
async function raiseOn(holder: () => { querySelector(selector: string): unknown } | undefined, code: number, message: string) {
  await waitFor(() => Boolean(holder() && pusherElement(holder()!)), 'a rendered <live-pusher>');
  pusherElement(holder()!)!.dispatchEvent('statechange', { detail: { code, message } });
}

function pending<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: { code?: string } } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: { code?: string }) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

test('startCall resolves when the TRTC room is entered, not before', async () => {
  const { page, sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const root = () => page.querySelector('#tcccSdk');
  const start = pending(sdk().startCall({ channelId: 'audio-support' }));
  await waitFor(() => livePushers(page).length === 1, 'the pusher to render');
  expect(livePushers(page)[0]).toMatch(/^room:\/\/cloud\.tencent\.com\/rtc\?sdkappid=1400000004/);
  await waitFor(() => wx.pusher.starts === 1, 'the pusher to start');
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(start.settled).toBe(false);

  await raiseOn(root, 1018, 'enter room success');
  await waitFor(() => start.settled, 'startCall to settle');
  expect(start.value).toEqual({ sessionId: recorded.sessionStart[0].sessionId });
  await sdk().endCall();
});

test('a room-entry failure rejects startCall with media; the call ends once, on the server too', async () => {
  const { page, sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const root = () => page.querySelector('#tcccSdk');
  const start = pending(sdk().startCall({ channelId: 'audio-support' }));
  await raiseOn(root, -100018, 'userSig verification failed');
  await waitFor(() => start.settled, 'startCall to settle');
  expect(start.error).toMatchObject({ code: 'media', message: expect.stringContaining('-100018') });
  // Told once the start has settled.
  await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
  expect(recorded.sessionEnded).toEqual([expect.objectContaining({ closeBy: 'admin', reason: 'voipClientError' })]);
  expect(recorded.error).toEqual([]);
  expect(livePushers(page)).toEqual([]);
  await waitFor(() => wx.requests.some((request) => request.method === 'DELETE' && request.status === 200), 'the DELETE');
});

describe('a pusher child shown or hidden during a call', () => {
  const page = (selfView: boolean) =>
    renderSdkPage({
      sdkAppId: SDK_APP_ID,
      children: '<tccc-wx-sdk-pusher wx:if="{{ selfView }}" id="pusher" /><tccc-wx-sdk-player id="player" />',
      data: { selfView },
    });

  test('hiding it moves the pusher to the root, showing it again moves it back; it restarts each time', async () => {
    const { page: rendered, sdk } = page(true);
    const child = () => rendered.querySelector('#pusher');
    const start = sdk().startSession({ channelId: 'video-support' });
    await raiseOn(child, 1018, 'enter room success');
    await start;
    const url = livePushers(rendered)[0];
    expect(url).toMatch(/^room:\/\//);
    expect(wx.pusher.starts).toBe(1);

    rendered.setData({ selfView: false });
    await waitFor(() => wx.pusher.starts === 2, 'the pusher to restart in the root');
    expect(livePushers(rendered)).toEqual([url]);
    expect(pusherElement(rendered.querySelector('#tcccSdk')!)).toBeDefined();

    rendered.setData({ selfView: true });
    await waitFor(() => wx.pusher.starts === 3, 'the pusher to restart in the child');
    expect(livePushers(rendered)).toEqual([url]);
    expect(pusherElement(child()!)).toBeDefined();
    expect(sdk().getState().phase).not.toBe('idle');
    await sdk().endSession();
    expect(livePushers(rendered)).toEqual([]);
  });

  test('showing it once the call is up moves the pusher into it', async () => {
    const { page: rendered, sdk } = page(false);
    const start = sdk().startSession({ channelId: 'video-support' });
    await raiseOn(() => rendered.querySelector('#tcccSdk'), 1018, 'enter room success');
    await start;
    rendered.setData({ selfView: true });
    await waitFor(() => wx.pusher.starts === 2, 'the pusher to restart in the child');
    expect(livePushers(rendered)).toHaveLength(1);
    expect(pusherElement(rendered.querySelector('#pusher')!)).toBeDefined();
    await sdk().endSession();
  });
});

test('an interruption that never ends is cleared when the app comes back to the foreground', async () => {
  const { page, sdk } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const start = sdk().startCall({ channelId: 'audio-support' });
  await raiseOn(() => page.querySelector('#tcccSdk'), 1018, 'enter room success');
  await start;
  wx.interrupt(true);
  expect((sdk().getState() as unknown as { suspended: boolean }).suspended).toBe(true);
  wx.showApp();
  expect((sdk().getState() as unknown as { suspended: boolean }).suspended).toBe(false);
  await sdk().endCall();
});

/**
 * The SDK's own `error` events. miniprogram-simulate lets the elements' native `error` events bubble out of
 * the component to the page's `bind:error` too (WeChat does not): those carry no `code`.
 */
const tcccErrors = (recorded: { error: Array<{ code?: string }> }) => recorded.error.filter((error) => error.code !== undefined);

/** A talking TRTC call: the room entered, the agent accepted and publishing audio (TRTC's 1031/1034 on the pusher). */
async function talking(rendered: ReturnType<typeof renderSdkPage>, kind: 'startCall' | 'startSession' = 'startCall') {
  const { page, sdk, recorded } = rendered;
  const root = () => page.querySelector('#tcccSdk');
  const holder = () => page.querySelector('#pusher') ?? root();
  const start = sdk()[kind]({ channelId: kind === 'startCall' ? 'audio-support' : 'video-support' });
  await raiseOn(holder, 1018, 'enter room success');
  const { sessionId } = (await start) as { sessionId: string };
  await simulatorAgent(server.url).accept(sessionId);
  await waitFor(() => recorded.accepted.length === 1, 'accepted');
  await raiseOn(holder, 1031, JSON.stringify({ userlist: [{ userid: 'agent' }] }));
  await raiseOn(holder, 1034, JSON.stringify({ userlist: [{ userid: 'agent', hasaudio: true, playurl: 'room://agent' }] }));
  return { sessionId, holder };
}

test('a page that calls startCall after it was left: cancelled at once, no server call, the pusher never starts', async () => {
  const { page, sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const component = sdk();
  page.setData({ shown: false });
  await expect(component.startCall({ channelId: 'audio-support' })).rejects.toMatchObject({ code: 'cancelled' });
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(wx.requests.filter((request) => request.url.endsWith('/v1/sessions'))).toEqual([]);
  expect(wx.pusher.starts).toBe(0);
  expect(recorded.sessionStart).toEqual([]);
});

test('endCall while the TRTC room is entered: startCall rejects cancelled, then one sessionEnded; the pusher is stopped', async () => {
  const { page, sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const start = pending(sdk().startCall({ channelId: 'audio-support' }));
  await waitFor(() => wx.pusher.starts === 1, 'the pusher to start');
  await sdk().endCall();
  await waitFor(() => start.settled, 'startCall to settle');
  expect(start.error).toMatchObject({ code: 'cancelled' });
  await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
  expect(recorded.sessionEnded).toEqual([expect.objectContaining({ closeBy: 'user' })]);
  expect(livePushers(page)).toEqual([]);
  expect(wx.pusher.stops).toBeGreaterThanOrEqual(1);
});

test('the component removed while the TRTC room is entered (page stays): startCall rejects cancelled, then one sessionEnded; the pusher is stopped', async () => {
  const { page, sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const start = pending(sdk().startCall({ channelId: 'audio-support' }));
  await waitFor(() => wx.pusher.starts === 1, 'the pusher to start');
  page.setData({ shown: false });
  await waitFor(() => start.settled, 'startCall to settle');
  expect(start.error).toMatchObject({ code: 'cancelled' });
  await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(recorded.sessionEnded).toEqual([expect.objectContaining({ sessionId: recorded.sessionStart[0].sessionId, closeBy: 'user' })]);
  expect(wx.pusher.stops).toBeGreaterThanOrEqual(1);
  await waitFor(() => server.center.liveCount() === 0, 'the call to end on the server');
});

test('a closed channel with TRTC media: startCall resolves, then sessionEnded (notWorkTime)', async () => {
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  await sdk().startCall({ channelId: 'after-hours' });
  expect(recorded.sessionEnded).toEqual([]);
  await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
  expect(recorded.sessionEnded).toEqual([expect.objectContaining({ closeBy: 'admin', reason: 'notWorkTime' })]);
});

test.each([
  ['binderror 10002', 'error', { errCode: 10002, errMsg: 'user forbid to use microphone' }],
  ['statechange -1302', 'statechange', { code: -1302, message: 'open microphone failed' }],
])('the iOS system microphone switch off (%s): startCall rejects permission-denied with the system-settings hint', async (_what, name, detail) => {
  const { page, sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const start = pending(sdk().startCall({ channelId: 'audio-support' }));
  await waitFor(() => wx.pusher.starts === 1, 'the pusher to start');
  pusherElement(page.querySelector('#tcccSdk')!)!.dispatchEvent(name, { detail });
  await waitFor(() => start.settled, 'startCall to settle');
  expect(start.error).toMatchObject({ code: 'permission-denied', message: expect.stringContaining('wx.openAppAuthorizeSetting'), detail: { scope: 'scope.record', system: true } });
  await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
  expect(tcccErrors(recorded)).toEqual([]);
});

test('the camera failing in a video call (-1301) is an error coded camera, the camera shows off, and the call goes on', async () => {
  const rendered = renderSdkPage({ sdkAppId: SDK_APP_ID, video: true });
  const { holder } = await talking(rendered, 'startSession');
  await raiseOn(holder, -1301, 'open camera failed');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(tcccErrors(rendered.recorded)).toEqual([expect.objectContaining({ code: 'camera' })]);
  expect(rendered.sdk().getState()).toMatchObject({ phase: 'active', cameraEnabled: false });
  expect(rendered.recorded.sessionEnded).toEqual([]);
  await rendered.sdk().endSession();
});

describe('TRTC giving up during an outage the call survives', () => {
  test('the pusher reports -1307 while the network is down: restarted, reconnecting meanwhile, and the call goes on once it is back', async () => {
    const network = installNetworkSwitch(wx);
    const rendered = renderSdkPage({ sdkAppId: SDK_APP_ID });
    const { holder } = await talking(rendered);
    const startsBefore = wx.pusher.starts;
    network.down();
    await raiseOn(holder, -1307, '网络断连，且经多次重连抢救无效，更多重试请自行重启推流');
    await waitFor(() => wx.pusher.starts === startsBefore + 1, 'the pusher restarted');
    expect(rendered.sdk().getState()).toMatchObject({ phase: 'active', reconnecting: true });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    network.up();
    await raiseOn(holder, 1018, 'enter room success');
    await waitFor(() => !(rendered.sdk().getState() as unknown as { reconnecting: boolean }).reconnecting, 'reconnecting: false');
    expect(rendered.sdk().getState()).toMatchObject({ phase: 'active', reconnecting: false });
    expect(tcccErrors(rendered.recorded)).toEqual([]);
    expect(rendered.recorded.sessionEnded).toEqual([]);
    await rendered.sdk().endCall();
    expect(rendered.recorded.sessionEnded).toEqual([expect.objectContaining({ closeBy: 'user', reason: 'ok' })]);
  });

  test("the agent's player reports -2301: it is stopped and played again, and the call goes on", async () => {
    const rendered = renderSdkPage({ sdkAppId: SDK_APP_ID });
    await talking(rendered);
    const player = () => rendered.page.querySelector('#tcccSdk')?.querySelector('#agent_main') as { dispatchEvent(name: string, options: { detail: Record<string, unknown> }): void } | undefined;
    await waitFor(() => Boolean(player()), "the agent's <live-player>");
    player()!.dispatchEvent('statechange', { detail: { code: -2301, message: '网络断连，且经多次重连抢救无效，更多重试请自行重启播放' } });
    await waitFor(() => wx.player.plays.includes('agent_main'), 'the player played again');
    expect(wx.player.stops).toEqual(['agent_main']);
    expect(rendered.sdk().getState()).toMatchObject({ phase: 'active', reconnecting: true });
    player()!.dispatchEvent('statechange', { detail: { code: 2004, message: 'play begin' } });
    await waitFor(() => !(rendered.sdk().getState() as unknown as { reconnecting: boolean }).reconnecting, 'reconnecting: false');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(tcccErrors(rendered.recorded)).toEqual([]);
    expect(rendered.recorded.sessionEnded).toEqual([]);
    await rendered.sdk().endCall();
  });
});
