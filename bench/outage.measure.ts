/**
 * Outages: the longest network outage a talking call survives on the simulator at its default 30 s caller
 * window (the agent's hang-up during the outage told once, afterwards), and the resume time — from the
 * network coming back to `reconnecting: false` — against the bare steps a resume needs on loopback (a new
 * socket, `hello`, `welcome`), the physical limit. Resume is timed with the network-status event
 * (`wx.onNetworkStatusChange`) and without it (the SDK's own backoff). Then the same with TRTC media (the real
 * trtc-wx-sdk, <live-pusher> events raised on the element): a 20 s outage during which TRTC gives up on the
 * pusher (-1307) twice, survived or not.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { WebSocket } from 'ws';
import { startDevServer } from '../dev-server/server';
import { loadLoginModule, renderSdkPage } from '../test/support/sdk-host';
import { requestJson } from './http';
import { median, round } from './measure';
import { writePart } from './report-file';
import { installNetworkSwitch, installWxRuntime, simulatorAgent, waitFor } from '../testing';

const SDK_APP_ID = '1400000021';
const MEDIA_APP_ID = '1400000022';
const OUTAGE_MS = 25000;
const MEDIA_OUTAGE_MS = 20000;
const RESUME_RUNS = 15;
const SILENT_RUNS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function bareResume(url: string, token: string, since: number): Promise<{ ms: number; socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = new WebSocket(url);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', token, since })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'welcome') resolve({ ms: performance.now() - started, socket });
    });
    socket.on('error', reject);
  });
}

type Element = { dispatchEvent(name: string, options: { detail: Record<string, unknown> }): void };

/** A talking TRTC call through a 20 s outage in which TRTC gives up on the pusher twice: does it survive, and how often was the pusher restarted? */
async function mediaDrop(server: { url: string }, wx: ReturnType<typeof installWxRuntime>, network: ReturnType<typeof installNetworkSwitch>) {
  await loadLoginModule(server.url).login({ jsCode: `bench-${Math.random()}`, sdkAppId: MEDIA_APP_ID });
  const { page, sdk, recorded } = renderSdkPage({ sdkAppId: MEDIA_APP_ID });
  const pusher = () => page.querySelector('#tcccSdk')?.querySelector('.tccc-wx-sdk__media') as Element | undefined;
  const raise = async (code: number, message: string) => {
    await waitFor(() => Boolean(pusher()), 'a rendered <live-pusher>');
    pusher()!.dispatchEvent('statechange', { detail: { code, message } });
  };
  const start = sdk().startCall({ channelId: 'audio-support' });
  await raise(1018, 'enter room success');
  const { sessionId } = (await start) as { sessionId: string };
  await simulatorAgent(server.url).accept(sessionId);
  await waitFor(() => sdk().getState().phase === 'active', 'talking');
  const startsBefore = wx.pusher.starts;
  network.down();
  await sleep(2000);
  await raise(-1307, '网络断连，且经多次重连抢救无效，更多重试请自行重启推流');
  await sleep(8000);
  await raise(-1307, '网络断连，且经多次重连抢救无效，更多重试请自行重启推流');
  await sleep(MEDIA_OUTAGE_MS - 10000);
  network.up();
  // The pusher restarted last reaches the room once the network is back: the element reports it entered.
  await sleep(1000);
  await raise(1018, 'enter room success');
  await waitFor(() => !(sdk().getState() as unknown as { reconnecting: boolean }).reconnecting, 'reconnecting: false', 10000).catch(() => undefined);
  const survived =
    sdk().getState().phase === 'active' &&
    !(sdk().getState() as unknown as { reconnecting: boolean }).reconnecting &&
    recorded.sessionEnded.length === 0 &&
    recorded.error.every((error) => error.code === undefined);
  const pusherRestarts = wx.pusher.starts - startsBefore;
  await sdk().endCall().catch(() => undefined);
  return { outageMs: MEDIA_OUTAGE_MS, pusherGaveUp: 2, survived, pusherRestarts };
}

test('outages', async () => {
  const server = await startDevServer({ port: 0, center: { ringTimeoutMs: 600000 } });
  const mediaServer = await startDevServer({ port: 0, trtc: { sdkAppId: Number(MEDIA_APP_ID), secretKey: 'bench-secret-key-for-the-simulator-only' }, center: { ringTimeoutMs: 600000 } });
  const wx = installWxRuntime();
  const network = installNetworkSwitch(wx);
  try {
    const login = loadLoginModule(server.url);
    await login.login({ jsCode: `bench-${Math.random()}`, sdkAppId: SDK_APP_ID });
    const { sdk, recorded } = renderSdkPage({ sdkAppId: SDK_APP_ID });
    // When reconnecting turns false, to the millisecond (the page's statechange handler records the flips).
    const backAt: number[] = [];
    const flips = recorded.reconnecting;
    const push = flips.push.bind(flips);
    flips.push = (...values: boolean[]) => {
      if (values.includes(false)) backAt.push(performance.now());
      return push(...values);
    };
    const talking = async () => {
      const { sessionId } = (await sdk().startSession({ channelId: 'video-support' })) as { sessionId: string };
      await simulatorAgent(server.url).accept(sessionId);
      await waitFor(() => sdk().getState().phase === 'active', 'talking');
      return sessionId;
    };

    // The long outage: the agent hangs up in the middle of it.
    const sessionId = await talking();
    network.down();
    await sleep(OUTAGE_MS / 2);
    await simulatorAgent(server.url).hangUp(sessionId);
    await sleep(OUTAGE_MS / 2);
    const upWhileActive = sdk().getState().phase === 'active' && recorded.sessionEnded.length === 0;
    network.up();
    await waitFor(() => recorded.sessionEnded.length === 1, 'the hang-up after the outage', 10000);
    await sleep(300);
    const survived = upWhileActive && recorded.sessionEnded.length === 1 && recorded.sessionEnded[0].closeBy === 'seat' && recorded.error.length === 0;

    // Resume time, one talking call, many short outages.
    await talking();
    const resume = async (announce: boolean) => {
      network.down({ announce });
      await sleep(announce ? 300 : 3000);
      const before = backAt.length;
      const upAt = performance.now();
      network.up({ announce });
      await waitFor(() => backAt.length > before, 'reconnecting: false', 15000);
      return backAt[backAt.length - 1] - upAt;
    };
    const withEvent: number[] = [];
    for (let i = 0; i < RESUME_RUNS; i += 1) withEvent.push(await resume(true));
    const withoutEvent: number[] = [];
    for (let i = 0; i < SILENT_RUNS; i += 1) withoutEvent.push(await resume(false));
    await sdk().endCall();

    const { token } = await requestJson('POST', `${server.url}/v1/login`, { jsCode: 'bare', sdkAppId: SDK_APP_ID });
    const bare: number[] = [];
    for (let i = 0; i < RESUME_RUNS; i += 1) {
      const { ms, socket } = await bareResume(`${server.url.replace('http', 'ws')}/v1/events`, token, 0);
      bare.push(ms);
      socket.close();
    }

    const resumeMedian = median(withEvent);
    const bareMedian = median(bare);
    const media = await mediaDrop(mediaServer, wx, network);
    writePart('outage', {
      callerWindowMs: server.center.options.clientGraceMs,
      outageSurvivedMs: survived ? OUTAGE_MS : 0,
      hangUpToldOnce: recorded.sessionEnded.filter((e) => e.sessionId === sessionId).length === 1,
      resumeWithNetworkEventMs: { median: round(resumeMedian), max: round(Math.max(...withEvent)), runs: RESUME_RUNS },
      resumeWithoutNetworkEventMs: { median: round(median(withoutEvent)), max: round(Math.max(...withoutEvent)), runs: SILENT_RUNS },
      bareResumeMs: { median: round(bareMedian), runs: RESUME_RUNS },
      ratio: round(resumeMedian / bareMedian),
      goal: { ratio: 1.5, maxMs: 1000 },
      mediaDrop: media,
    });
  } finally {
    wx.restore();
    await server.close();
    await mediaServer.close();
  }
}, 180000);
