/**
 * Call setup overhead: `startSession()` on the built root component (wx runtime over loopback) until it
 * resolves (session created, events connected, media joined), against the bare protocol steps it takes to the same server in the same run: an HTTP
 * `POST /v1/sessions` and the event WebSocket opened up to `welcome`.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { WebSocket } from 'ws';
import { startDevServer } from '../dev-server/server';
import { loadLoginModule } from '../test/support/sdk-host';
import { CORE_DIST } from '../test/support/simulate-root';
import { renderInHost } from '../test/support/ui-host';
import { requestJson } from './http';
import { median, round } from './measure';
import { writePart } from './report-file';
import { installWxRuntime } from '../testing';

const RUNS = 25;
const WARMUP = 3;
const SDK_APP_ID = '1400000001';

function openEvents(url: string, token: string, since: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', token, since })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'welcome') resolve(socket);
    });
    socket.on('error', reject);
  });
}

test('call setup', async () => {
  const server = await startDevServer({ port: 0, center: { ringTimeoutMs: 600000 } });
  const wx = installWxRuntime();
  try {
    const login = loadLoginModule(server.url, CORE_DIST);
    await login.login({ jsCode: 'bench', sdkAppId: SDK_APP_ID });
    // The bare client logs in as a caller of its own.
    const { token } = await requestJson('POST', `${server.url}/v1/login`, { jsCode: 'bare', sdkAppId: SDK_APP_ID });
    const host = renderInHost('tccc-wx-sdk', { attributes: `sdkAppId="${SDK_APP_ID}"` });
    const sdk = host.page.querySelector('#subject')!.instance;

    const sdkTimes: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      const started = performance.now();
      await sdk.startSession({ channelId: 'video-support' });
      if (i >= WARMUP) sdkTimes.push(performance.now() - started);
      await sdk.endCall();
    }

    const bareTimes: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i += 1) {
      const started = performance.now();
      const session = await requestJson('POST', `${server.url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, token);
      if (!session.signaling) throw new Error(`POST /v1/sessions: ${JSON.stringify(session)}`);
      const socket = await openEvents(session.signaling.url, token, session.signaling.since);
      const done = performance.now();
      if (i >= WARMUP) bareTimes.push(done - started);
      socket.close();
      await requestJson('DELETE', `${server.url}/v1/sessions/${session.sessionId}`, undefined, token);
    }

    const sdkMedian = median(sdkTimes);
    const bareMedian = median(bareTimes);
    writePart('call-setup', {
      runs: RUNS,
      sdkStartCallMs: { median: round(sdkMedian), min: round(Math.min(...sdkTimes)) },
      bareHttpPlusSocketMs: { median: round(bareMedian), min: round(Math.min(...bareTimes)) },
      ratio: round(sdkMedian / bareMedian),
      goal: 1.3,
    });
  } finally {
    wx.restore();
    server.close();
  }
});
