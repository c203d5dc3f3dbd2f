/**
 * WeChat's privacy rules through the seed doc's sample (the root component, no UI kit): the three cases
 * apart (not agreed to the privacy guide, a scope refused before, a scope the guide does not declare), the
 * app's own consent answering wx.onNeedPrivacyAuthorization, and older base libraries without the rules.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import type { LoginModule } from '../support/sdk-host';
import { loadLoginModule, renderSdkPage } from '../support/sdk-host';
import type { PrivacyOptions, WxRuntime, WxRuntimeOptions } from '../../testing';
import { installWxRuntime } from '../../testing';

const SDK_APP_ID = '1400000003';
let server: DevServer;
let wx: WxRuntime | null = null;
let loginModule: LoginModule;

type Resolve = (result: { event: string; buttonId?: string }) => void;
const wxGlobal = () => (globalThis as unknown as { wx: { onNeedPrivacyAuthorization(listener: (resolve: Resolve) => void): void; getPrivacySetting?: unknown } }).wx;

beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000 } });
});
afterAll(() => server.close());
afterEach(() => wx?.restore());

async function setUp(privacy: PrivacyOptions | undefined, options: WxRuntimeOptions = {}) {
  wx = installWxRuntime({ ...options, privacy });
  loginModule = loadLoginModule(server.url);
  await loginModule.login({ sdkAppId: SDK_APP_ID, jsCode: `code-${Math.random()}` });
  return wx;
}

const sessionRequests = () => wx!.requests.filter((request) => request.method === 'POST' && request.url.endsWith('/v1/sessions'));

test('not agreed and no consent on the page: privacy-not-authorized that says what to do, before any scope is asked', async () => {
  const runtime = await setUp({ agreed: false });
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const error = await sdk().startCall({ channelId: 'audio-support' }).then(() => null, (e: unknown) => e);
  expect(error).toMatchObject({
    name: 'TcccError',
    code: 'privacy-not-authorized',
    detail: { scope: 'scope.record', privacy: 'not-agreed', errno: 104 },
  });
  const { message } = error as Error;
  expect(message).toContain('服务内容声明 → 用户隐私保护指引');
  expect(message).toContain('麦克风');
  expect(message).toContain('tccc-privacy-consent');
  expect(message).not.toContain('wx.openSetting');
  expect(runtime.authorizeCalls).toEqual([]);
  expect(sessionRequests()).toEqual([]);
  expect(recorded).toMatchObject({ sessionStart: [], sessionEnded: [] });
  expect(sdk().getState().phase).toBe('idle');
});

test("the app's own consent: WeChat asks it once, the user agrees, and the same startCall goes on", async () => {
  const runtime = await setUp({ agreed: false });
  const asked: Resolve[] = [];
  wxGlobal().onNeedPrivacyAuthorization((resolve) => asked.push(resolve));
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID, video: true });
  const start = sdk().startSession({ channelId: 'video-support' });
  await waitForValue(() => asked.length === 1);
  expect(sessionRequests()).toEqual([]);
  asked[0]({ event: 'agree', buttonId: 'agree-button' });
  const { sessionId } = (await start) as { sessionId: string };
  expect(recorded.sessionStart).toEqual([{ sessionId, media: 'video' }]);
  expect(runtime.privacy).toMatchObject({ agreed: true, requests: ['requirePrivacyAuthorize'], pending: 0 });
  expect(runtime.authorizeCalls).toEqual(['scope.record', 'scope.camera']);
  await sdk().endSession();

  // Agreed once is agreed: the next call asks nothing.
  await sdk().startCall({ channelId: 'audio-support' });
  expect(asked).toHaveLength(1);
  await sdk().endCall();
});

test('the user refuses the consent: privacy-not-authorized (errno 103), no call, nothing left pending', async () => {
  const runtime = await setUp({ agreed: false });
  wxGlobal().onNeedPrivacyAuthorization((resolve) => resolve({ event: 'disagree' }));
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({
    code: 'privacy-not-authorized',
    detail: { privacy: 'not-agreed', errno: 103 },
  });
  expect(runtime.privacy).toMatchObject({ agreed: false, pending: 0 });
  expect(runtime.authorizeCalls).toEqual([]);
  expect(sessionRequests()).toEqual([]);
  expect(recorded.sessionStart).toEqual([]);
  expect(sdk().getState().phase).toBe('idle');
});

test('a scope refused before stays permission-denied with the wx.openSetting advice, and no consent is asked for', async () => {
  const runtime = await setUp({ agreed: false }, { permissions: { 'scope.record': false } });
  let asked = 0;
  wxGlobal().onNeedPrivacyAuthorization(() => asked++);
  const { sdk } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({
    code: 'permission-denied',
    message: expect.stringContaining('wx.openSetting'),
    detail: { scope: 'scope.record' },
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(asked).toBe(0);
  expect(runtime.privacy).toMatchObject({ requests: [], pending: 0 });
});

test('a scope the privacy guide does not declare (errno 112) gets its own message: declare it', async () => {
  await setUp({ agreed: true, undeclared: ['scope.camera'] });
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID, video: true });
  const error = await sdk().startSession({ channelId: 'video-support' }).then(() => null, (e: unknown) => e);
  expect(error).toMatchObject({ code: 'privacy-not-authorized', detail: { scope: 'scope.camera', privacy: 'undeclared', errno: 112 } });
  expect((error as Error).message).toMatch(/does not declare it .*摄像头/);
  expect((error as Error).message).not.toContain('tccc-privacy-consent');
  expect(sessionRequests()).toEqual([]);
  expect(recorded.sessionStart).toEqual([]);
});

test('already agreed: no consent, the call starts as before', async () => {
  const runtime = await setUp({ agreed: true });
  const { sdk } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  await sdk().startCall({ channelId: 'audio-support' });
  expect(runtime.privacy).toMatchObject({ requests: [], pending: 0 });
  expect(runtime.authorizeCalls).toEqual(['scope.record']);
  await sdk().endCall();
});

describe('an older base library (< 2.32.3, no wx.getPrivacySetting) keeps the path it had', () => {
  test('the call starts after wx.authorize, with no privacy API called', async () => {
    const runtime = await setUp(undefined);
    expect(wxGlobal().getPrivacySetting).toBeUndefined();
    const { sdk } = renderSdkPage({ sdkAppId: SDK_APP_ID });
    await sdk().startCall({ channelId: 'audio-support' });
    expect(runtime.privacy).toBeNull();
    expect(runtime.authorizeCalls).toEqual(['scope.record']);
    await sdk().endCall();
  });

  test('a refusal when asked is permission-denied', async () => {
    await setUp(undefined, { grantOnAsk: false });
    const { sdk } = renderSdkPage({ sdkAppId: SDK_APP_ID });
    await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({ code: 'permission-denied', detail: { scope: 'scope.record' } });
  });
});

async function waitForValue(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
