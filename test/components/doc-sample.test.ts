/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import type { LoginModule } from '../support/sdk-host';
import { loadLoginModule, renderSdkPage } from '../support/sdk-host';
import type { WxRuntime } from '../../testing';
import { installWxRuntime, simulatorAgent, waitFor } from '../../testing';

const SDK_APP_ID = '1400000001';
let server: DevServer;
let wx: WxRuntime;
let loginModule: LoginModule;

beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000 } });
});
afterAll(() => server.close());

beforeEach(() => {
  wx = installWxRuntime();
  loginModule = loadLoginModule(server.url);
});
afterEach(() => wx.restore());

async function logInAsInTheDoc(): Promise<void> {
  const ok = await loginModule.checkLogin({ sdkAppId: SDK_APP_ID }).catch(() => false);
  if (!ok) await loginModule.login({ jsCode: `code-${Math.random()}`, sdkAppId: SDK_APP_ID });
  expect(await loginModule.checkLogin({ sdkAppId: SDK_APP_ID })).toBe(true);
}

test('the seed doc sample runs as written: login, startCall, digits, accepted, agent hangs up', async () => {
  await logInAsInTheDoc();
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const channelId = 'audio-support';
  const { sessionId } = (await sdk().startCall({ channelId })) as { sessionId: string };
  expect(sessionId).toMatch(/^s-/);
  expect(recorded.sessionStart).toEqual([{ sessionId, media: 'audio' }]);
  await waitFor(() => sdk().getState().phase === 'ivr', 'the IVR');

  await sdk().sendDigits({ digits: '2' });
  await waitFor(() => sdk().getState().phase === 'ringing', 'ringing after the IVR digit');
  const [live] = await simulatorAgent(server.url).calls();
  expect(live).toMatchObject({ sessionId, channelId, digits: '2', phase: 'ringing' });

  await simulatorAgent(server.url).accept(sessionId);
  await waitFor(() => recorded.accepted.length === 1, 'accepted');
  expect(recorded.accepted[0]).toMatchObject({ sessionId, seatName: expect.any(String) });
  // The doc's accepted section binds `bind:accept`: that handler hears the same detail.
  expect(recorded.accept).toEqual(recorded.accepted);

  await sdk().muteAudio();
  expect(sdk().getState().muted).toBe(true);
  await sdk().unmnuteAudio();
  expect(sdk().getState().muted).toBe(false);
  await sdk().setSoundMode('ear');
  expect(sdk().getState().soundMode).toBe('ear');

  await simulatorAgent(server.url).hangUp(sessionId);
  await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
  expect(recorded.sessionEnded[0]).toEqual({ sessionId, closeBy: 'seat', endStatus: 1, reason: 'ok' });
  expect(sdk().getState().phase).toBe('idle');
  expect(recorded.error).toEqual([]);
  await waitFor(() => wx.sockets.size === 0, 'the event socket to close');
});

test('the user hangs up with endCall: one sessionEnded, closeBy user', async () => {
  await logInAsInTheDoc();
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const { sessionId } = (await sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
  await sdk().endCall();
  expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'user', endStatus: 102, reason: 'ivrGiveUp' }]);
  await expect(sdk().endCall()).resolves.toBeUndefined();
  expect(recorded.sessionEnded).toHaveLength(1);
});

test('the doc’s hang-up as written (no await, no catch), tapped after the agent hung up or twice, never rejects', async () => {
  await logInAsInTheDoc();
  const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
  const { sessionId } = (await sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
  await simulatorAgent(server.url).hangUp(sessionId);
  await waitFor(() => recorded.sessionEnded.length === 1, 'the agent’s hang-up');
  // this.selectComponent('#tcccSdk').endCall(): a rejection here would be an unhandled one in the app.
  const taps = [sdk().endCall(), sdk().endCall(), sdk().endSession()].map((tap) => tap.then(() => 'resolved', (error: { code: string }) => error.code));
  expect(await Promise.all(taps)).toEqual(['resolved', 'resolved', 'resolved']);
  expect(recorded.sessionEnded).toHaveLength(1);
  await expect(sdk().muteAudio()).rejects.toMatchObject({ code: 'no-session' });
});

test('a video session with pusher and player children, camera methods', async () => {
  await logInAsInTheDoc();
  const { sdk, recorded, page } = renderSdkPage({ sdkAppId: SDK_APP_ID, video: true });
  const { sessionId } = (await sdk().startSession({ channelId: 'video-support' })) as { sessionId: string };
  expect(wx.authorizeCalls).toEqual(['scope.record', 'scope.camera']);
  await sdk().switchCamera();
  expect(sdk().getState().cameraFacing).toBe('back');
  await sdk().disableCamera();
  expect(sdk().getState().cameraEnabled).toBe(false);
  await sdk().enableCamera();
  expect(sdk().getState().cameraEnabled).toBe(true);
  expect(page.querySelector('#pusher')).toBeTruthy();
  await sdk().endSession();
  expect(recorded.sessionEnded).toEqual([expect.objectContaining({ sessionId, closeBy: 'user' })]);
});
