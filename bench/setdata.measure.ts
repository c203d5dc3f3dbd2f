/**
 * setData traffic of the call screen over a scripted call against the simulator, per component: start,
 * IVR digit on the keypad, 10 s in the queue, accept, 60 s talking with the timer, mute and unmute,
 * speaker, keypad digits, hang up. Every setData of every component instance is recorded.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { startDevServer } from '../dev-server/server';
import { loadLoginModule } from '../test/support/sdk-host';
import { CORE_DIST } from '../test/support/simulate-root';
import type { Rendered } from '../test/support/ui-host';
import { renderInHost, tapButton } from '../test/support/ui-host';
import { requestJson } from './http';
import { writePart } from './report-file';
import { installWxRuntime, simulatorAgent, waitFor } from '../testing';

const SDK_APP_ID = '1400000001';
const QUEUE_SECONDS = Number(process.env.BENCH_QUEUE_SECONDS ?? 10);
const TALK_SECONDS = Number(process.env.BENCH_TALK_SECONDS ?? 60);

interface Sent {
  component: string;
  bytes: number;
  step: string;
  at: number;
}

const sent: Sent[] = [];
let step = 'render';

/** The component a `Component()` call defines, from the file making it (miniprogram_npm/<package>/<dir>/index.js). */
function definingComponent(): string {
  const frame = (new Error().stack ?? '').split('\n').find((line) => /miniprogram_npm\//.test(line) && !/common\/component\.js/.test(line));
  const match = /miniprogram_npm\/((?:@[^/]+\/)?[^/]+)\/(?:(.+)\/)?index\.js/.exec(frame ?? '');
  if (!match) return 'unknown';
  return match[2] ? `${match[1]}/${match[2]}` : match[1];
}

/** Wraps every component instance's setData, before any component JS runs. */
function recordSetData(): void {
  const globals = globalThis as unknown as { Component: (options: any) => unknown; Behavior: (options: any) => unknown };
  const original = globals.Component;
  globals.Component = (options: any) => {
    const component = definingComponent();
    const recorder = globals.Behavior({
      lifetimes: {
        created(this: { setData: (data: object, callback?: () => void) => void }) {
          const setData = this.setData;
          this.setData = (data, callback) => {
            sent.push({ component, bytes: Buffer.byteLength(JSON.stringify(data)), step, at: Date.now() });
            return setData.call(this, data, callback);
          };
        },
      },
    });
    return original({ ...options, behaviors: [recorder, ...(options.behaviors ?? [])] });
  };
}

/** Another caller, over the bare protocol, takes the only seat. */
async function occupySeat(baseUrl: string): Promise<string> {
  const { token } = await requestJson('POST', `${baseUrl}/v1/login`, { jsCode: 'other', sdkAppId: '1400000002' });
  const { sessionId } = await requestJson('POST', `${baseUrl}/v1/sessions`, { channelId: 'video-support', media: 'video' }, token);
  await simulatorAgent(baseUrl).accept(sessionId);
  return sessionId;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('setData over a scripted call', async () => {
  const server = await startDevServer({ port: 0, center: { seats: ['Agent Lin'], ivrTimeoutMs: 600000, ringTimeoutMs: 600000 } });
  const wx = installWxRuntime();
  try {
    // Another caller holds the only seat, so this call waits in the queue.
    const busy = await occupySeat(server.url);
    await loadLoginModule(server.url, CORE_DIST).login({ jsCode: 'bench', sdkAppId: SDK_APP_ID });

    recordSetData();
    const host = renderInHost('call-screen', { attributes: `sdk-app-id="${SDK_APP_ID}" channel-id="audio-support" title="在线客服"` });
    const screen = host.page.querySelector('#subject')!;
    const root = () => screen.querySelector('#tcccSdk')!.instance;
    const bar = () => screen.querySelector('.tccc-call-screen__call-bar')!;
    const key = (digit: string): Rendered => screen.querySelector('#tcccKeypad')!.querySelectorAll('.tccc-keypad__button').find((button) => button.dom.textContent!.trim().startsWith(digit))!;

    step = 'start';
    await tapButton(screen, '.tccc-call-screen__start-audio');
    await waitFor(() => root().getState().phase === 'ivr', 'the IVR', 10000);
    step = 'keypad open';
    // The call screen opens the keypad itself for the IVR (since issue 25); a tap then would close it.
    await waitFor(() => !!screen.querySelector('#tcccKeypad'), 'the keypad the IVR opens', 10000);
    step = 'IVR digit';
    key('1').querySelector('.van-button')!.dispatchEvent('tap');
    await waitFor(() => root().getState().phase === 'queued', 'the queue', 10000);
    step = 'queue';
    await pause(QUEUE_SECONDS * 1000);
    step = 'seat frees, ringing';
    await simulatorAgent(server.url).hangUp(busy);
    await waitFor(() => root().getState().phase === 'ringing', 'ringing', 10000);
    const [live] = (await simulatorAgent(server.url).calls()).filter((session) => session.phase === 'ringing');
    step = 'accepted';
    await simulatorAgent(server.url).accept(live.sessionId);
    await waitFor(() => root().getState().phase === 'active', 'talking', 10000);
    await pause(200);
    step = 'talking';
    await pause(TALK_SECONDS * 1000);
    step = 'mute';
    await tapButton(bar(), '.tccc-call-bar__mute');
    await waitFor(() => root().getState().muted === true, 'muted');
    step = 'unmute';
    await tapButton(bar(), '.tccc-call-bar__mute');
    await waitFor(() => root().getState().muted === false, 'unmuted');
    step = 'speaker';
    await tapButton(bar(), '.tccc-call-bar__speaker');
    await waitFor(() => root().getState().soundMode === 'ear', 'earpiece');
    step = 'keypad digits';
    for (const digit of ['1', '2', '3']) {
      key(digit).querySelector('.van-button')!.dispatchEvent('tap');
      await pause(50);
    }
    step = 'hang up';
    await tapButton(bar(), '.tccc-call-bar__hangup');
    await waitFor(() => root().getState().phase === 'idle', 'the end', 10000);
    await pause(200);

    const byComponent: Record<string, { calls: number; bytes: number }> = {};
    const bySteps: Record<string, { calls: number; bytes: number }> = {};
    for (const entry of sent.filter((item) => item.step !== 'render')) {
      const component = (byComponent[entry.component] ??= { calls: 0, bytes: 0 });
      component.calls += 1;
      component.bytes += entry.bytes;
      const inStep = (bySteps[entry.step] ??= { calls: 0, bytes: 0 });
      inStep.calls += 1;
      inStep.bytes += entry.bytes;
    }
    const talking = sent.filter((item) => item.step === 'talking');
    const timerTicks = talking.filter((item) => item.component.endsWith('call-timer'));
    const call = sent.filter((item) => item.step !== 'render');
    writePart('setdata', {
      script: { queueSeconds: QUEUE_SECONDS, talkSeconds: TALK_SECONDS },
      whole: { calls: call.length, bytes: call.reduce((sum, item) => sum + item.bytes, 0) },
      firstRender: { calls: sent.length - call.length, bytes: sent.filter((item) => item.step === 'render').reduce((sum, item) => sum + item.bytes, 0) },
      talking: {
        calls: talking.length,
        timerTicks: timerTicks.length,
        timerTickBytesMax: Math.max(0, ...timerTicks.map((item) => item.bytes)),
        otherComponents: talking.length - timerTicks.length,
      },
      byComponent,
      bySteps,
      goals: { timerTickBytes: 64, wholeCallBytes: 10240 },
    });
  } finally {
    wx.restore();
    server.close();
  }
});
