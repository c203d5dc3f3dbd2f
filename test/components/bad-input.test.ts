/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import type { LoginModule } from '../support/sdk-host';
import { loadLoginModule, renderSdkPage } from '../support/sdk-host';
import type { WxRuntime } from '../../testing';
import { installWxRuntime, waitFor } from '../../testing';

const SDK_APP_ID = '1400000002';
let server: DevServer;
let wx: WxRuntime;
let loginModule: LoginModule;

beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000 } });
});
afterAll(() => server.close());
beforeEach(() => {
  wx = installWxRuntime();
  loginModule = loadLoginModule(server.url);
});
afterEach(() => wx.restore());

const loggedIn = () => loginModule.login({ sdkAppId: SDK_APP_ID, jsCode: `code-${Math.random()}` });

describe('bad input gets a typed rejection and emits nothing', () => {
  const cases: Array<[string, unknown[], string]> = [
    ['startCall', [{}], 'invalid-argument'],
    ['startCall', [{ channelId: 42 }], 'invalid-argument'],
    ['startCall', [undefined], 'invalid-argument'],
    ['startCall', [{ channelId: '   ' }], 'invalid-argument'],
    ['startCall', [{ channelId: 'x'.repeat(65) }], 'invalid-argument'],
    ['startSession', [{ channelId: null }], 'invalid-argument'],
    ['sendDigits', ['12a'], 'invalid-argument'],
    ['sendDigits', [{ digits: '' }], 'invalid-argument'],
    ['sendDigits', [{}], 'invalid-argument'],
    ['setSoundMode', ['loud'], 'invalid-argument'],
    ['setSoundMode', [undefined], 'invalid-argument'],
    ['sendDigits', ['123'], 'no-session'],
    ['muteAudio', [], 'no-session'],
    ['unmuteAudio', [], 'no-session'],
    ['unmnuteAudio', [], 'no-session'],
    ['setSoundMode', ['ear'], 'no-session'],
    ['switchCamera', [], 'no-session'],
    ['disableCamera', [], 'no-session'],
    ['enableCamera', [], 'no-session'],
  ];
  test.each(cases)('%s(%j) → %s', async (method, args, code) => {
    await loggedIn();
    const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
    const error = await sdk()[method](...args).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ name: 'TcccError', code, message: expect.stringMatching(/\w{5,}/) });
    expect(recorded).toMatchObject({ sessionStart: [], accepted: [], sessionEnded: [], error: [] });
    expect(wx.requests.filter((r) => r.url.includes('/v1/sessions'))).toEqual([]);
  });

  test('login and checkLogin validate their options', async () => {
    await expect(loginModule.login({ sdkAppId: 'abc', jsCode: 'x' })).rejects.toMatchObject({ code: 'invalid-argument', detail: { argument: 'sdkAppId' } });
    await expect(loginModule.login({ sdkAppId: SDK_APP_ID })).rejects.toMatchObject({ code: 'invalid-argument', detail: { argument: 'jsCode' } });
    await expect(loginModule.login(null)).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(loginModule.checkLogin({})).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(() => loginModule.configure({ endpoint: 'ftp://x' })).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});

test('calls before login reject with not-logged-in; an expired login with login-expired', async () => {
  const { sdk } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({ code: 'not-logged-in' });
  expect(sdk().getState().phase).toBe('idle');

  await loggedIn();
  server.center.expireTokens();
  expect(await loginModule.checkLogin({ sdkAppId: SDK_APP_ID })).toBe(false);
  await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({ code: 'not-logged-in' });
});

test('a second startCall during a call is busy; an unknown channel is a server error; nothing emitted twice', async () => {
  await loggedIn();
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const first = sdk().startCall({ channelId: 'audio-support' });
  await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({ code: 'busy' });
  await expect(sdk().startSession({ channelId: 'video-support' })).rejects.toMatchObject({ code: 'busy' });
  const { sessionId } = (await first) as { sessionId: string };
  await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({ code: 'busy' });
  await expect(sdk().switchCamera()).rejects.toMatchObject({ code: 'invalid-state' });
  await sdk().endCall();
  expect(recorded.sessionStart).toEqual([{ sessionId, media: 'audio' }]);
  expect(recorded.sessionEnded).toHaveLength(1);

  await expect(sdk().startCall({ channelId: 'no-such-channel' })).rejects.toMatchObject({ code: 'no-session', detail: { status: 404, serverCode: 'not-found' } });
  expect(recorded.sessionStart).toHaveLength(1);
  expect(sdk().getState().phase).toBe('idle');
});

test('a refused microphone rejects with permission-denied that says how to recover', async () => {
  await loggedIn();
  wx.setPermission('scope.record', false);
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({
    code: 'permission-denied',
    message: expect.stringContaining('wx.openSetting'),
    detail: { scope: 'scope.record' },
  });
  expect(recorded.sessionStart).toEqual([]);
  expect(sdk().getState().phase).toBe('idle');
});

test('endCall while connecting cancels the start, and the server-side session is ended too', async () => {
  await loggedIn();
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const start = sdk().startCall({ channelId: 'audio-support' });
  await sdk().endCall();
  await expect(start).rejects.toMatchObject({ code: 'cancelled' });
  expect(recorded.sessionStart).toEqual([]);
  await waitFor(() => server.center.liveCount() === 0, 'the cancelled session to end on the server');
});

test('with no call, endCall and endSession resolve (hanging up is idempotent) and emit nothing', async () => {
  await loggedIn();
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  await expect(sdk().endCall()).resolves.toBeUndefined();
  await expect(sdk().endSession()).resolves.toBeUndefined();
  expect(recorded).toMatchObject({ sessionStart: [], sessionEnded: [], error: [] });
  expect(wx.requests.filter((r) => r.url.includes('/v1/sessions'))).toEqual([]);
});

test('a page that keeps the component across an await and calls it after the user went back: cancelled at once, nothing reaches the server', async () => {
  await loggedIn();
  const { sdk, page, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const component = sdk();
  page.setData({ shown: false });
  const settle = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: { code: string }) => error.code);
  const methods: Array<[string, unknown[]]> = [
    ['startCall', [{ channelId: 'audio-support' }]],
    ['startSession', [{ channelId: 'video-support' }]],
    ['sendDigits', ['1']],
    ['muteAudio', []],
    ['setSoundMode', ['ear']],
    ['switchCamera', []],
  ];
  expect(await Promise.all(methods.map(([method, args]) => settle(component[method](...args))))).toEqual(methods.map(() => 'cancelled'));
  expect(await settle(component.endCall())).toBe('resolved');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(wx.requests.filter((r) => r.url.includes('/v1/sessions'))).toEqual([]);
  expect(wx.sockets.size).toBe(0);
  expect(server.center.liveCount()).toBe(0);
  expect(recorded.sessionStart).toEqual([]);
});

test('detaching the component (leaving the page) hangs up and releases the event socket', async () => {
  await loggedIn();
  const { sdk, page } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const { sessionId } = (await sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
  page.setData({ shown: false });
  await waitFor(() => wx.sockets.size === 0 && server.center.liveCount() === 0, 'release after detach');
  const ended = server.center.list().find((s) => s.sessionId === sessionId);
  expect(ended?.end).toEqual({ closeBy: 'user', endStatus: 102, reason: 'ivrGiveUp' });
});

test('a component removed mid-call while its page stays (wx:if): the page hears the one sessionEnded of the call it saw start', async () => {
  await loggedIn();
  const { sdk, page, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const { sessionId } = (await sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
  page.setData({ shown: false });
  await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded after the component left');
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'user', endStatus: 102, reason: 'ivrGiveUp' }]);
  expect(server.center.liveCount()).toBe(0);
});

test('in DevTools: placeholders instead of native media, one warning, and the call flow still runs', async () => {
  wx.restore();
  wx = installWxRuntime({ platform: 'devtools' });
  await loggedIn();
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { sdk, page, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID, video: true });
  const placeholders = page.dom?.querySelectorAll('[class*="tccc-pusher__placeholder"], [class*="tccc-player__placeholder"]') ?? [];
  expect(Array.from(placeholders).map((n) => n.textContent)).toEqual([expect.stringContaining('live-pusher'), expect.stringContaining('live-player')]);
  await sdk().startSession({ channelId: 'video-support' });
  await sdk().endSession();
  expect(recorded.sessionEnded).toHaveLength(1);
  expect(page.dom?.querySelector('wx-live-pusher')).toBeNull();
  expect(warn.mock.calls.filter(([m]) => String(m).includes('DevTools')).length).toBeLessThanOrEqual(1);
  warn.mockRestore();
});
