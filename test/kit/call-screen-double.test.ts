/**
 * The call screen on the double of Tencent's tccc-wx-sdk (testing/tccc-wx-sdk-double/, written from the public doc): no
 * getState, no statechange, methods that return nothing but startCall/startSession, events whose detail
 * may lack any field. The screen derives connecting → waiting → talking → ended itself. The same screen
 * on our core, against the simulator, is test/ui/call-screen.test.ts.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import simulate from 'miniprogram-simulate';
import { renderInHost, tapButton, useKitCore } from '../support/ui-host';
import { waitFor } from '../../testing';

useKitCore('double');

interface DoubleControl {
  calls: Array<{ method: string; args: unknown[] }>;
  nextStart: unknown;
  hangUpDetail: Record<string, unknown> | null;
  accept(detail?: Record<string, unknown>): void;
  end(detail?: Record<string, unknown>): void;
  fail(detail?: Record<string, unknown>): void;
  reset(): void;
}

const double = () => (globalThis as Record<string, unknown>).__tcccWxSdkDouble as DoubleControl;
const EVENTS = ['sessionStart', 'accepted', 'sessionEnded', 'error'];

function renderScreen(media = 'audio') {
  const host = renderInHost('call-screen', { attributes: `sdk-app-id="1400000001" channel-id="12345" media="${media}"`, events: EVENTS });
  double().reset();
  const screen = host.page.querySelector('#subject')!;
  const status = () => screen.dom.querySelector('[class*="tccc-call-screen__status"]')!.textContent;
  const bar = () => screen.querySelector('.tccc-call-screen__call-bar')!;
  const methods = () => double().calls.map((call) => call.method);
  return { host, screen, status, bar, methods, data: () => screen.instance.data as Record<string, unknown> };
}

test('the core in the screen is the double: it has no getState', () => {
  const { screen } = renderScreen();
  const root = screen.querySelector('#tcccSdk')!.instance;
  expect(typeof root.startCall).toBe('function');
  expect(root.getState).toBeUndefined();
  expect(root.unmuteAudio).toBeUndefined();
});

test('audio: waiting, the agent answers (no name), mute and unmute by the doc\'s spelling, the agent hangs up', async () => {
  const { host, screen, status, bar, methods, data } = renderScreen();
  expect(status()).toBe('联系客服');
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => status() === '等待客服接听…', 'waiting for an agent');
  expect(methods()).toEqual(['startCall']);
  expect(double().calls[0].args).toEqual([{ channelId: '12345' }]);
  expect(host.events.sessionStart).toEqual([{ sessionId: 'double-session-1' }].map((detail) => expect.objectContaining(detail)));

  double().accept();
  await waitFor(() => status() === '通话中', 'talking');
  expect(screen.dom.querySelector('tccc-call-timer')).not.toBeNull();
  expect(host.events.accepted).toEqual([{}]);

  await tapButton(bar(), '.tccc-call-bar__mute');
  await waitFor(() => data().muted === true, 'the mute button showing it');
  await tapButton(bar(), '.tccc-call-bar__mute');
  await waitFor(() => data().muted === false, 'unmuted');
  await tapButton(bar(), '.tccc-call-bar__speaker');
  await waitFor(() => data().soundMode === 'ear', 'the earpiece');
  expect(methods()).toEqual(['startCall', 'muteAudio', 'unmnuteAudio', 'setSoundMode']);
  expect(double().calls[3].args).toEqual(['ear']);

  double().end({ closeBy: 'seat' });
  await waitFor(() => status() === '通话已结束', 'the agent hanging up');
  expect(screen.dom.querySelector('tccc-call-timer')).toBeNull();
  expect(screen.dom.innerHTML).toMatch(/tccc-call-screen__start-button/);
  expect(host.events.sessionEnded).toEqual([{ closeBy: 'seat' }]);
  expect(host.events.error).toEqual([]);
});

test('the agent\'s name shows when the accepted event carries one', async () => {
  const { screen, status } = renderScreen();
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => status() === '等待客服接听…', 'waiting');
  double().accept({ seatName: '小王' });
  await waitFor(() => status() === '小王 为您服务', 'the name');
});

test.each([
  [{ closeBy: 'admin' }, '通话已结束'],
  [{}, '通话已结束'],
  [{ closeBy: 'admin', reason: 'notWorkTime' }, '当前不在服务时间'],
])('an end of %j reads %p', async (detail, text) => {
  const { host, screen, status } = renderScreen();
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => status() === '等待客服接听…', 'waiting');
  double().end(detail);
  await waitFor(() => status() === text, text);
  expect(host.events.sessionEnded).toEqual([detail]);
});

test('the caller hangs up: the core emits sessionEnded or nothing at all, the screen ends the call either way', async () => {
  for (const hangUpDetail of [{ closeBy: 'user' }, null]) {
    const { host, screen, status, bar, methods } = renderScreen();
    double().hangUpDetail = hangUpDetail;
    await tapButton(screen, '.tccc-call-screen__start-audio');
    await waitFor(() => status() === '等待客服接听…', 'waiting');
    double().accept();
    await waitFor(() => status() === '通话中', 'talking');
    await tapButton(bar(), '.tccc-call-bar__hangup');
    await waitFor(() => status() === '通话已结束', 'ended');
    expect(methods()).toEqual(['startCall', 'endCall']);
    expect(host.events.sessionEnded).toEqual(hangUpDetail ? [hangUpDetail] : []);
    expect(screen.instance.data.hangingUp).toBe(false);
    host.page.detach();
  }
});

test('a start the core rejects: back to the start buttons with the reason on screen, the error passed on', async () => {
  const { host, screen, status } = renderScreen();
  double().nextStart = { reject: '坐席忙' };
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => host.events.error.length === 1, 'the error event');
  expect(host.events.error[0]).toMatchObject({ message: '坐席忙' });
  await simulate.sleep(0);
  // The double's rejection carries no code the kit knows: the screen says so in general words.
  expect(status()).toBe('呼叫未能接通，请稍后再试');
  expect(screen.dom.innerHTML).toMatch(/tccc-call-screen__start-button/);
});

test('video: startSession, camera off by the bar, endSession on hang-up; the pusher and player sit in the core', async () => {
  const { screen, status, bar, methods, data } = renderScreen('video');
  await tapButton(screen, '.tccc-call-screen__start-video');
  await waitFor(() => status() === '等待客服接听…', 'waiting');
  expect(screen.dom.innerHTML).toContain('tccc-double-pusher');
  expect(screen.dom.innerHTML).toContain('tccc-double-player');
  double().accept();
  await waitFor(() => status() === '通话中', 'talking');
  await tapButton(bar(), '.tccc-call-bar__camera');
  await waitFor(() => data().cameraEnabled === false, 'camera off');
  await tapButton(bar(), '.tccc-call-bar__hangup');
  await waitFor(() => status() === '通话已结束', 'ended');
  expect(methods()).toEqual(['startSession', 'disableCamera', 'endSession']);
});

test('an error event of the core is passed on as it came, and the call goes on', async () => {
  const { host, screen, status } = renderScreen();
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => status() === '等待客服接听…', 'waiting');
  double().fail({ message: '网络异常' });
  await simulate.sleep(0);
  expect(host.events.error).toEqual([{ message: '网络异常' }]);
  expect(status()).toBe('等待客服接听…');
});

test('the keypad sends each key with sendDigits, which returns nothing on this core', async () => {
  const { host, screen, status, bar } = renderScreen();
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => status() === '等待客服接听…', 'waiting');
  await tapButton(bar(), '.tccc-call-bar__keypad');
  const keys = screen.querySelector('#tcccKeypad')!.querySelectorAll('.tccc-keypad__button');
  keys[0].querySelector('.van-button')!.dispatchEvent('tap');
  keys[1].querySelector('.van-button')!.dispatchEvent('tap');
  await simulate.sleep(10);
  expect(double().calls.filter((call) => call.method === 'sendDigits').map((call) => call.args)).toEqual([[{ digits: '1' }], [{ digits: '2' }]]);
  expect(host.events.error).toEqual([]);
});
