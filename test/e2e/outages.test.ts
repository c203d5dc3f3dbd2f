/**
 * Calls that survive real mobile networks: the built root component in miniprogram-simulate against an
 * in-process simulator, with the network taken away (requests and new sockets fail, open sockets break).
 * The simulator's caller window is 2 s instead of 30 s so the suite stays fast; every outage is scaled
 * with it (a "25 s" outage is 25/30 of the window). bench/outage.measure.ts runs the real 25 s.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import type { Recorded, SdkComponent } from '../support/sdk-host';
import type { LoginModule } from '../support/sdk-host';
import { DIST, loadLoginModule, renderSdkPage } from '../support/sdk-host';
import type { NetworkSwitch, WxRuntime } from '../../testing';
import { installNetworkSwitch, installWxRuntime, simulatorAgent, waitFor } from '../../testing';
import { httpJson } from '../../testing/http';

const SDK_APP_ID = '1400000011';
const WINDOW_MS = 2000;
/** A real-world outage of `seconds` against the simulator's default 30 s window, in this suite's window. */
const scaled = (seconds: number) => Math.round((seconds / 30) * WINDOW_MS);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: DevServer;
let wx: WxRuntime;
let network: NetworkSwitch;

beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { clientGraceMs: WINDOW_MS, ivrTimeoutMs: 60000, ringTimeoutMs: 60000, seats: ['Agent Lin'] } });
});
afterAll(() => server.close());
beforeEach(() => {
  wx = installWxRuntime();
  network = installNetworkSwitch(wx);
});
afterEach(async () => {
  wx.restore();
  // Whatever a test left live (another caller holding the seat) is ended, so the next test finds the seat free.
  for (const session of await simulatorAgent(server.url).calls()) if (session.phase !== 'ended') await simulatorAgent(server.url).hangUp(session.sessionId);
});

async function caller() {
  const login = loadLoginModule(server.url);
  await login.login({ sdkAppId: SDK_APP_ID, jsCode: `code-${Math.random()}` });
  return { login, ...renderSdkPage({ sdkAppId: SDK_APP_ID }) };
}

/** Another caller takes the only seat, so the next call waits in the queue. */
async function occupySeat(): Promise<string> {
  const res = await httpJson('POST', `${server.url}/v1/login`, { sdkAppId: SDK_APP_ID, jsCode: `other-${Math.random()}` });
  const created = await httpJson('POST', `${server.url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, { authorization: `Bearer ${res.body.token}` });
  return created.body.sessionId as string;
}

type Phase = 'active' | 'queued' | 'ringing';

/** An audio call through the IVR, brought to `phase`. */
async function callIn(phase: Phase) {
  const host = await caller();
  // The component itself watches wx.onAppShow for audio interruptions while it is on the page.
  const idleListeners = network.listenerCount();
  const other = phase === 'queued' ? await occupySeat() : null;
  const { sessionId } = (await host.sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
  await host.sdk().sendDigits('1');
  await waitFor(() => host.sdk().getState().phase === (phase === 'queued' ? 'queued' : 'ringing'), phase);
  if (phase === 'active') {
    await simulatorAgent(server.url).accept(sessionId);
    await waitFor(() => host.recorded.accepted.length === 1, 'accepted');
  }
  return { ...host, sessionId, other, idleListeners };
}

function phaseOf(sdk: () => SdkComponent): string {
  return sdk().getState().phase;
}

function expectNoRepeats(recorded: Recorded) {
  expect(recorded.accepted.length).toBeLessThanOrEqual(1);
  expect(recorded.sessionEnded.length).toBeLessThanOrEqual(1);
}

/** Back online: the agent's hang-up during the outage arrives afterwards, once, as the seat's, with no error. */
async function expectSeatHangUpAfterOutage(recorded: Recorded, sessionId: string): Promise<void> {
  network.up();
  await waitFor(() => recorded.sessionEnded.length === 1, 'the hang-up after the outage');
  await sleep(100);
  expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'seat', endStatus: 1, reason: 'ok' }]);
  expect(recorded.error).toEqual([]);
}

describe.each([3, 10, 25])('a %i s outage', (seconds) => {
  test('in a talking call: the call stays up, and the hang-up of the outage arrives once, afterwards', async () => {
    const { sdk, recorded, sessionId } = await callIn('active');
    network.down();
    await waitFor(() => (sdk().getState() as unknown as { reconnecting: boolean }).reconnecting, 'reconnecting shown');
    await sleep(scaled(seconds) / 2);
    await simulatorAgent(server.url).hangUp(sessionId);
    await sleep(scaled(seconds) / 2);
    expect(phaseOf(sdk)).toBe('active');
    expect(recorded.sessionEnded).toEqual([]);
    await expectSeatHangUpAfterOutage(recorded, sessionId);
    expect(recorded.reconnecting).toEqual([true, false]);
    expect(wx.sockets.size).toBe(0);
  });

  test('while ringing: the agent answers during the outage, and accepted arrives once, afterwards', async () => {
    const { sdk, recorded, sessionId } = await callIn('ringing');
    network.down();
    await sleep(scaled(seconds) / 2);
    await simulatorAgent(server.url).accept(sessionId);
    await sleep(scaled(seconds) / 2);
    expect(recorded.accepted).toEqual([]);
    network.up();
    await waitFor(() => recorded.accepted.length === 1, 'accepted after the outage');
    expect(phaseOf(sdk)).toBe('active');
    await sdk().endCall();
    expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'user', endStatus: 1, reason: 'ok' }]);
    expect(recorded.accepted).toEqual([{ sessionId, seatName: 'Agent Lin' }]);
    expect(recorded.error).toEqual([]);
  });

  test('while queued: a seat frees up during the outage, and the call is ringing afterwards', async () => {
    const { sdk, recorded, sessionId, other } = await callIn('queued');
    network.down();
    await sleep(scaled(seconds) / 2);
    await simulatorAgent(server.url).hangUp(other as string);
    await sleep(scaled(seconds) / 2);
    expect(phaseOf(sdk)).toBe('queued');
    network.up();
    await waitFor(() => phaseOf(sdk) === 'ringing', 'ringing after the outage');
    await sdk().endCall();
    expect(recorded.phases).toEqual(['starting', 'ivr', 'queued', 'ringing', 'ending', 'idle']);
    expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'user', endStatus: 104, reason: 'ringingGiveUp' }]);
    expectNoRepeats(recorded);
  });
});

test('a 25 s outage at a 6 s window, longer than any fixed retry budget: the talking call survives', async () => {
  const longWindow = await startDevServer({ port: 0, center: { clientGraceMs: 6000 } });
  try {
    const login = loadLoginModule(longWindow.url);
    await login.login({ sdkAppId: SDK_APP_ID, jsCode: `code-${Math.random()}` });
    const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
    const { sessionId } = (await sdk().startSession({ channelId: 'video-support' })) as { sessionId: string };
    await waitFor(() => phaseOf(sdk) === 'ringing', 'ringing');
    await simulatorAgent(longWindow.url).accept(sessionId);
    await waitFor(() => phaseOf(sdk) === 'active', 'talking');
    network.down();
    await sleep(2500);
    await simulatorAgent(longWindow.url).hangUp(sessionId);
    await sleep(2500);
    expect(recorded.sessionEnded).toEqual([]);
    await expectSeatHangUpAfterOutage(recorded, sessionId);
  } finally {
    await longWindow.close();
  }
}, 20000);

describe('a 35 s outage (past the window)', () => {
  test('network back after the window: the server says the call timed out, and it ends once with clientTimeout', async () => {
    const { sdk, recorded, sessionId } = await callIn('active');
    network.down();
    await sleep(scaled(35));
    expect(recorded.sessionEnded).toEqual([]);
    network.up();
    await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
    await sleep(200);
    expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'admin', endStatus: 502, reason: 'clientTimeout' }]);
    expect(phaseOf(sdk)).toBe('idle');
    expect(wx.sockets.size).toBe(0);
  });

  test('network never back: the SDK gives up once the window is over, once, with clientTimeout and a network error', async () => {
    const { sdk, recorded, sessionId } = await callIn('active');
    network.down();
    await sleep(WINDOW_MS - 200);
    expect(recorded.sessionEnded).toEqual([]);
    await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded', WINDOW_MS + 3000);
    await sleep(200);
    expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'admin', endStatus: 502, reason: 'clientTimeout' }]);
    expect(recorded.error).toEqual([expect.objectContaining({ code: 'network' })]);
    expect(phaseOf(sdk)).toBe('idle');
    network.up();
  });
});

test('background and lock screen: the OS closes the socket while hidden; on show it resumes with its events', async () => {
  const { sdk, recorded, sessionId, idleListeners } = await callIn('ringing');
  network.hideApp();
  network.down({ announce: false });
  await simulatorAgent(server.url).accept(sessionId);
  await sleep(scaled(10));
  network.up({ announce: false });
  const shownAt = Date.now();
  network.showApp();
  await waitFor(() => recorded.accepted.length === 1, 'accepted after coming back');
  await waitFor(() => !(sdk().getState() as unknown as { reconnecting: boolean }).reconnecting, 'reconnected');
  expect(Date.now() - shownAt).toBeLessThan(WINDOW_MS);
  expect(phaseOf(sdk)).toBe('active');
  await sdk().endCall();
  expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'user', endStatus: 1, reason: 'ok' }]);
  // The call stops listening to the app and the network once it is over.
  expect(network.listenerCount()).toBe(idleListeners);
});

test('the login expires mid-call: the call resumes its events and hangs up on the server all the same', async () => {
  const { sdk, recorded, sessionId } = await callIn('active');
  server.center.expireTokens();
  wx.dropSockets();
  await waitFor(() => recorded.reconnecting.length === 2, 'resumed after the drop');
  expect(phaseOf(sdk)).toBe('active');
  await sdk().endCall();
  expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'user', endStatus: 1, reason: 'ok' }]);
  // The server recorded the user's hang-up (the DELETE was accepted), not a timeout.
  const [ended] = (await simulatorAgent(server.url).calls()).filter((s) => s.sessionId === sessionId);
  expect(ended.end).toEqual({ closeBy: 'user', endStatus: 1, reason: 'ok' });
  expect(recorded.error).toEqual([]);
  // Before a call, the expired login rejects at once.
  const started = Date.now();
  await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({ code: 'login-expired' });
  expect(Date.now() - started).toBeLessThan(1000);
});

describe('configure({ autoLogin: true })', () => {
  /** The login entry the components themselves load (loadLoginModule gives each test a fresh, separate copy). */
  const sharedLogin = () => require(`${DIST}/login/index`) as LoginModule;
  afterEach(() => sharedLogin().configure({ autoLogin: false }));

  const wxLogins = () => {
    const wxApi = (globalThis as unknown as { wx: { login: (o: unknown) => void } }).wx;
    const original = wxApi.login;
    const count = { calls: 0 };
    wxApi.login = (options: unknown) => {
      count.calls += 1;
      original(options);
    };
    return count;
  };

  test('the server rejects the login: the SDK logs in again once, and the call starts', async () => {
    const { sdk, recorded } = await caller();
    sharedLogin().configure({ autoLogin: true });
    const logins = wxLogins();
    server.center.expireTokens();
    const { sessionId } = (await sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
    expect(logins.calls).toBe(1);
    expect(recorded.sessionStart).toEqual([{ sessionId, media: 'audio' }]);
    await sdk().endCall();
  });

  test('the stored login has run out: renewed before the call, without asking the server with the old one', async () => {
    const { sdk } = await caller();
    sharedLogin().configure({ autoLogin: true });
    const logins = wxLogins();
    const past = Date.now() - 1000;
    for (const [key, value] of wx.storage) wx.storage.set(key, JSON.stringify({ ...JSON.parse(String(value)), expiresAt: past, localExpiresAt: past }));
    await sdk().startCall({ channelId: 'audio-support' });
    expect(logins.calls).toBe(1);
    expect(wx.requests.filter((r) => r.url.endsWith('/v1/sessions')).map((r) => r.status)).toEqual([201]);
    await sdk().endCall();
  });

  test('a renewal that fails rejects the start with login-expired, once, and never leaves it pending', async () => {
    const { sdk, recorded } = await caller();
    sharedLogin().configure({ autoLogin: true });
    server.center.expireTokens();
    (globalThis as unknown as { wx: { login: (o: { fail(e: { errMsg: string }): void }) => void } }).wx.login = (o) => o.fail({ errMsg: 'login:fail network' });
    await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({ code: 'login-expired' });
    expect(sdk().getState().phase).toBe('idle');
    expect(recorded.sessionStart).toEqual([]);
  });

  test('without autoLogin, an expired login rejects at once and wx.login is not called', async () => {
    const { sdk } = await caller();
    const logins = wxLogins();
    server.center.expireTokens();
    await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({ code: 'login-expired' });
    expect(logins.calls).toBe(0);
  });
});
