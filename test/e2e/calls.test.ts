/**
 * End-to-end calls: the built root component in miniprogram-simulate against a real tccc-dev-server over
 * loopback (`wx.request` / `wx.connectSocket` are the only stubbed runtime parts).
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { setImmediate } from 'node:timers';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { loadLoginModule, renderSdkPage } from '../support/sdk-host';
import type { WxRuntime } from '../../testing';
import { installWxRuntime, simulatorAgent, waitFor } from '../../testing';
import { httpJson } from '../../testing/http';

const SDK_APP_ID = '1400000003';
let wx: WxRuntime;

beforeEach(() => {
  wx = installWxRuntime();
});
afterEach(() => wx.restore());

async function callerOn(server: { url: string }) {
  const loginModule = loadLoginModule(server.url);
  await loginModule.login({ sdkAppId: SDK_APP_ID, jsCode: `code-${Math.random()}` });
  return renderSdkPage({ sdkAppId: SDK_APP_ID });
}

describe('against an in-process simulator', () => {
  let server: DevServer;
  beforeAll(async () => {
    server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000 } });
  });
  afterAll(() => server.close());
  afterEach(() => simulatorAgent(server.url).settings({ seatsOnline: true, autoAnswerMs: null }));

  test('login → startCall → IVR digits → queued → agent accepts → accepted → agent hangs up', async () => {
    const { sdk, recorded } = await callerOn(server);
    const { sessionId } = (await sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
    // Both seats busy with other callers, so this call waits in the queue.
    const others = await Promise.all([0, 1].map(async () => {
      const res = await httpJson('POST', `${server.url}/v1/login`, { sdkAppId: SDK_APP_ID, jsCode: `other-${Math.random()}` });
      const created = await httpJson('POST', `${server.url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, { authorization: `Bearer ${res.body.token}` });
      return { token: res.body.token as string, sessionId: created.body.sessionId as string };
    }));
    const hangUpOther = (other: (typeof others)[number]) =>
      httpJson('DELETE', `${server.url}/v1/sessions/${other.sessionId}`, undefined, { authorization: `Bearer ${other.token}` });
    try {
      await sdk().sendDigits('1#');
      await waitFor(() => sdk().getState().phase === 'queued', 'queued');
      expect((sdk().getState() as unknown as { queuePosition: number }).queuePosition).toBe(1);
      // A seat frees up: the queued call rings there, and the agent accepts.
      await hangUpOther(others[0]);
      await waitFor(() => sdk().getState().phase === 'ringing', 'ringing once a seat is free');
      await simulatorAgent(server.url).accept(sessionId);
      await waitFor(() => recorded.accepted.length === 1, 'accepted');
      await simulatorAgent(server.url).hangUp(sessionId);
      await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
    } finally {
      await Promise.all(others.map(hangUpOther));
    }
    expect(recorded.phases).toEqual(['starting', 'ivr', 'queued', 'ringing', 'active', 'idle']);
    expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'seat', endStatus: 1, reason: 'ok' }]);
  });

  test('no agent online: the call starts and ends with noSeatOnline, closed by the system', async () => {
    await simulatorAgent(server.url).settings({ seatsOnline: false });
    const { sdk, recorded } = await callerOn(server);
    const { sessionId } = (await sdk().startSession({ channelId: 'video-support' })) as { sessionId: string };
    await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
    expect(recorded.sessionStart).toEqual([{ sessionId, media: 'video' }]);
    expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'admin', endStatus: 105, reason: 'noSeatOnline' }]);
  });

  test('a closed channel ends with notWorkTime, told after startCall has resolved; transfer to no agent ends with noSeatOnline', async () => {
    const { sdk, recorded } = await callerOn(server);
    // The doc's page shape marks itself in a call once startCall resolves, and out of it on sessionEnded: the end comes after.
    await sdk().startCall({ channelId: 'after-hours' });
    expect(recorded.sessionEnded).toEqual([]);
    await waitFor(() => recorded.sessionEnded.length === 1, 'notWorkTime');
    expect(recorded.sessionEnded[0]).toMatchObject({ closeBy: 'admin', reason: 'notWorkTime', endStatus: 106 });
    const { sessionId } = (await sdk().startSession({ channelId: 'video-support' })) as { sessionId: string };
    await simulatorAgent(server.url).transferToNoSeat(sessionId);
    await waitFor(() => recorded.sessionEnded.length === 2, 'transfer');
    expect(recorded.sessionEnded[1]).toEqual({ sessionId, closeBy: 'admin', endStatus: 105, reason: 'noSeatOnline' });
  });

  test('auto-answer accepts a ringing call by itself', async () => {
    await simulatorAgent(server.url).settings({ autoAnswerMs: 50 });
    const { sdk, recorded } = await callerOn(server);
    await sdk().startSession({ channelId: 'video-support' });
    await waitFor(() => recorded.accepted.length === 1, 'auto-answer');
    await sdk().endSession();
    expect(recorded.sessionEnded).toEqual([expect.objectContaining({ closeBy: 'user', reason: 'ok', endStatus: 1 })]);
  });

  const liveCalls = async () => (await simulatorAgent(server.url).calls()).filter((session) => session.phase !== 'ended');
  const globalWx = () => (globalThis as unknown as { wx: Record<string, (options: any) => unknown> }).wx;

  test('hanging up while the call is created: endCall resolves once the server call is over, and a redial is not busy', async () => {
    const { sdk, recorded } = await callerOn(server);
    // The first create answer reaches the phone late, as on a slow network.
    const request = globalWx().request;
    let delayed = false;
    globalWx().request = (options: { url: string; method?: string; success?: (res: unknown) => void }) => {
      if (delayed || options.method !== 'POST' || !options.url.endsWith('/v1/sessions')) return request(options);
      delayed = true;
      const success = options.success;
      return request({ ...options, success: (res: unknown) => setTimeout(() => success?.(res), 100) });
    };
    const first = sdk().startCall({ channelId: 'audio-support' }).catch((error: { code: string }) => error.code);
    await waitFor(() => wx.requests.some((r) => r.url.endsWith('/v1/sessions')), 'the create request');
    await sdk().endCall();
    expect(await liveCalls()).toEqual([]);
    expect(await first).toBe('cancelled');
    const { sessionId } = (await sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
    expect(recorded.sessionStart).toEqual([{ sessionId, media: 'audio' }]);
    await sdk().endCall();
    expect(recorded.error).toEqual([]);
  });

  test('hanging up while the event socket opens rejects the start cancelled, then ends as the user’s hang-up, with the server’s status and one DELETE', async () => {
    const { sdk, recorded } = await callerOn(server);
    const connectSocket = globalWx().connectSocket;
    globalWx().connectSocket = (options: unknown) => {
      const task = connectSocket(options);
      setImmediate(() => void sdk().endCall());
      return task;
    };
    await expect(sdk().startCall({ channelId: 'audio-support' })).rejects.toMatchObject({ code: 'cancelled' });
    expect(recorded.sessionEnded).toEqual([]);
    const [{ sessionId }] = recorded.sessionStart;
    await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'user', endStatus: 102, reason: 'ivrGiveUp' }]);
    expect(recorded.error).toEqual([]);
    expect(wx.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
    expect(await liveCalls()).toEqual([]);
  });

  test('the socket drops and resumes: no event lost or repeated', async () => {
    const { sdk, recorded } = await callerOn(server);
    const { sessionId } = (await sdk().startSession({ channelId: 'video-support' })) as { sessionId: string };
    await waitFor(() => sdk().getState().phase === 'ringing', 'ringing');
    wx.dropSockets();
    // While the caller is away, the agent accepts: the event must arrive after the reconnect, once.
    await simulatorAgent(server.url).accept(sessionId);
    await waitFor(() => recorded.accepted.length === 1, 'accepted after the reconnect');
    await waitFor(() => wx.sockets.size === 1, 'the resumed socket');
    wx.dropSockets();
    await simulatorAgent(server.url).hangUp(sessionId);
    await waitFor(() => recorded.sessionEnded.length === 1, 'ended after the second reconnect');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recorded.accepted).toHaveLength(1);
    expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'seat', endStatus: 1, reason: 'ok' }]);
    expect(recorded.error).toEqual([]);
    // The state said so while it was away, each time (the call screen shows "reconnecting").
    expect(recorded.reconnecting).toEqual([true, false, true, false]);
  });

  test('the wss domain missing from the socket whitelist: startCall rejects network with WeChat’s errMsg and the hint; ended as clientError, on the server too', async () => {
    const { sdk, recorded } = await callerOn(server);
    // WeChat's answer for a domain outside the socket whitelist (the requests' domain is listed).
    globalWx().connectSocket = (options: { fail?: (err: { errMsg: string }) => void }) => {
      const handlers: Array<(res: { errMsg: string }) => void> = [];
      setImmediate(() => {
        options.fail?.({ errMsg: 'connectSocket:fail url not in domain list' });
        handlers.forEach((fn) => fn({ errMsg: 'url not in domain list' }));
      });
      return { onOpen: () => undefined, onMessage: () => undefined, onClose: () => undefined, onError: (fn: (res: { errMsg: string }) => void) => handlers.push(fn), send: () => undefined, close: () => undefined };
    };
    const error = await sdk().startCall({ channelId: 'audio-support' }).then(() => null, (e: { code: string; message: string }) => e);
    expect(error).toMatchObject({ code: 'network', message: expect.stringContaining('connectSocket:fail url not in domain list. Add the domain to the socket whitelist (socket合法域名)') });
    await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded');
    expect(recorded.sessionEnded).toEqual([expect.objectContaining({ closeBy: 'admin', endStatus: 211, reason: 'clientError' })]);
    expect(recorded.error).toEqual([]);
    await waitFor(() => server.center.liveCount() === 0, 'the call ended on the server');
  });

  test('the first event socket fails once (a momentary reset while the call is set up): retried, and the call goes on', async () => {
    const { sdk, recorded } = await callerOn(server);
    const connectSocket = globalWx().connectSocket;
    let attempts = 0;
    globalWx().connectSocket = (options: { url: string }) => {
      attempts += 1;
      if (attempts > 1) return connectSocket(options);
      const handlers: Array<(res: { errMsg: string }) => void> = [];
      setImmediate(() => handlers.forEach((fn) => fn({ errMsg: 'net::ERR_CONNECTION_RESET' })));
      return { onOpen: () => undefined, onMessage: () => undefined, onClose: () => undefined, onError: (fn: (res: { errMsg: string }) => void) => handlers.push(fn), send: () => undefined, close: () => undefined };
    };
    const { sessionId } = (await sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
    expect(attempts).toBe(2);
    await simulatorAgent(server.url).accept(sessionId);
    await waitFor(() => recorded.accepted.length === 1, 'accepted');
    await sdk().endCall();
    expect(recorded.sessionEnded).toEqual([expect.objectContaining({ sessionId, closeBy: 'user' })]);
    expect(recorded.error).toEqual([]);
  });
});

/** The built simulator in a process of its own (its own clock), on a free port. */
async function spawnSimulator() {
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../dist/bin/tccc-dev-server.js'), '--port', '0', '--lang', 'en-US'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const deadline = Date.now() + 10000;
  let url: string | undefined;
  while (!(url = /Backend\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1])) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('simulator did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { url, stop: () => child.kill('SIGKILL') };
}

test('a phone clock hours ahead of the server does not expire fresh logins; the server’s answer decides', async () => {
  const simulator = await spawnSimulator();
  const realNow = Date.now.bind(Date);
  // Three hours ahead: past the simulator's two-hour token lifetime.
  const skew = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 3 * 3600 * 1000);
  try {
    const loginModule = loadLoginModule(simulator.url);
    await loginModule.login({ sdkAppId: SDK_APP_ID, jsCode: `code-${Math.random()}` });
    expect(await loginModule.checkLogin({ sdkAppId: SDK_APP_ID })).toBe(true);
    expect(await loginModule.checkLogin({ sdkAppId: SDK_APP_ID })).toBe(true);
    const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
    const { sessionId } = (await sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
    await sdk().endCall();
    expect(recorded.sessionEnded).toEqual([expect.objectContaining({ sessionId, closeBy: 'user' })]);
  } finally {
    skew.mockRestore();
    simulator.stop();
  }
});

test('the server is killed mid-call: the SDK retries for its 2 s caller window, then reports it and ends cleanly, once', async () => {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [path.resolve(__dirname, '../../dist/bin/tccc-dev-server.js'), '--port', String(port), '--caller-timeout', '2'], { stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 10000;
    while ((await httpJson('GET', `${url}/agent/settings`).catch(() => ({ status: 0 }))).status !== 200) {
      if (Date.now() > deadline) throw new Error('simulator did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { sdk, recorded } = await callerOn({ url });
    const { sessionId } = (await sdk().startCall({ channelId: 'audio-support' })) as { sessionId: string };
    child.kill('SIGKILL');
    await waitFor(() => recorded.sessionEnded.length === 1, 'sessionEnded after the server died', 15000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(recorded.error).toEqual([expect.objectContaining({ code: 'network' })]);
    expect(recorded.sessionEnded).toEqual([{ sessionId, closeBy: 'admin', endStatus: 502, reason: 'clientTimeout' }]);
    expect(sdk().getState().phase).toBe('idle');
    expect(wx.sockets.size).toBe(0);
  } finally {
    child.kill('SIGKILL');
  }
});
