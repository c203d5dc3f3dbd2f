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
import { installWxRuntime, simulatorAgent, waitFor } from '../../testing';

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
