/**
 * The call screen through whole calls against a real tccc-dev-server over loopback: it follows the root
 * component's state (status line, timer, keypad, call bar, video panel) and re-emits its events once.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import simulate from 'miniprogram-simulate';
import { loggedInToSimulator } from '../support/logged-in';
import { checkContrastInKit, renderInHost, tapButton } from '../support/ui-host';
import { simulatorAgent, waitFor } from '../../testing';

const SDK_APP_ID = '1400000001';
const EVENTS = ['sessionStart', 'accepted', 'sessionEnded', 'error'];
const simulatorUrl = loggedInToSimulator(SDK_APP_ID);

afterEach(async () => {
  await simulatorAgent(simulatorUrl()).settings({ seatsOnline: true });
});

function renderScreen(channelId: string, media = 'audio') {
  const host = renderInHost('call-screen', {
    attributes: `sdk-app-id="${SDK_APP_ID}" channel-id="${channelId}" media="${media}" title="在线客服"`,
    events: EVENTS,
  });
  const screen = host.page.querySelector('#subject')!;
  const sent: Array<Record<string, unknown>> = [];
  const instance = screen.instance as unknown as { setData(data: Record<string, unknown>): void; data: Record<string, unknown> };
  const original = instance.setData.bind(instance);
  instance.setData = (data) => {
    sent.push(data);
    original(data);
  };
  const status = () => screen.dom.querySelector('[class*="tccc-call-screen__status"]')!.textContent;
  const root = () => screen.querySelector('#tcccSdk')!.instance as unknown as { getState(): Record<string, unknown> };
  const bar = () => screen.querySelector('.tccc-call-screen__call-bar')!;
  return { host, screen, sent, status, root, bar, data: () => instance.data };
}

/** The one live call on the server (ended ones stay listed for the console). */
async function onlySession() {
  const sessions = (await simulatorAgent(simulatorUrl()).calls()).filter((session) => session.phase !== 'ended');
  expect(sessions).toHaveLength(1);
  return sessions[0];
}

test('audio: start, the IVR opens the keypad, a digit, ringing, accepted with the timer, mute and speaker, hang up', async () => {
  const { host, screen, sent, status, root, data, bar } = renderScreen('audio-support');
  expect(status()).toBe('联系客服');
  expect(screen.dom.textContent).toContain('在线客服');
  expect(screen.dom.innerHTML).toMatch(/tccc-call-screen__start-button[^"]*van-button/);

  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => status() === '请按键选择服务', 'the IVR prompt');
  expect(host.events.sessionStart).toHaveLength(1);

  // The prompt says to use the keypad: it opens by itself, once a call (N13).
  await waitFor(() => !!screen.querySelector('#tcccKeypad'), 'the keypad, opened by the IVR');
  expect(data().keypadOpen).toBe(true);
  const keypad = screen.querySelector('#tcccKeypad')!;
  const one = keypad.querySelectorAll('.tccc-keypad__button')[0];
  one.querySelector('.van-button')!.dispatchEvent('tap');
  await waitFor(() => status() === '正在为您接通客服…', 'ringing after the digit');
  const live = await onlySession();
  expect(live.digits).toBe('1');

  await simulatorAgent(simulatorUrl()).accept(live.sessionId);
  await waitFor(() => /为您服务$/.test(status() ?? ''), 'talking');
  expect(status()).toContain(String(root().getState().seatName));
  expect(screen.dom.querySelector('tccc-call-timer')).not.toBeNull();
  expect(host.events.accepted).toHaveLength(1);

  // The timer ticks on its own: the screen sends nothing while the call simply goes on.
  const quietFrom = sent.length;
  await new Promise((resolve) => setTimeout(resolve, 1200));
  expect(sent.length).toBe(quietFrom);
  expect(screen.dom.querySelector('tccc-call-timer')!.textContent).toMatch(/^00:0[1-2]$/);

  await tapButton(bar(), '.tccc-call-bar__mute');
  await waitFor(() => root().getState().muted === true, 'muted');
  await waitFor(() => data().muted === true, 'the mute button showing it');
  await tapButton(bar(), '.tccc-call-bar__speaker');
  await waitFor(() => root().getState().soundMode === 'ear', 'the earpiece');

  await tapButton(bar(), '.tccc-call-bar__hangup');
  await waitFor(() => host.events.sessionEnded.length === 1, 'sessionEnded');
  expect(host.events.sessionEnded[0]).toMatchObject({ closeBy: 'user', sessionId: live.sessionId });
  expect(status()).toBe('通话已结束');
  expect(screen.dom.querySelector('tccc-call-timer')).toBeNull();
  expect(screen.querySelector('#tcccKeypad')).toBeUndefined();
  expect(screen.dom.innerHTML).toMatch(/tccc-call-screen__start-button/);
  await simulate.sleep(50);
  expect(host.events.sessionStart).toHaveLength(1);
  expect(host.events.accepted).toHaveLength(1);
  expect(host.events.sessionEnded).toHaveLength(1);
  expect(host.events.error).toEqual([]);
  // No setData was empty, and none repeated what the screen already showed.
  expect(sent.every((payload) => Object.keys(payload).length > 0)).toBe(true);
});

test('the end reason shows in words: a closed channel, then no agent online', async () => {
  const { host, screen, status } = renderScreen('after-hours');
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => host.events.sessionEnded.length === 1, 'the closed channel ending the call');
  expect(status()).toBe('当前不在服务时间');

  await simulatorAgent(simulatorUrl()).settings({ seatsOnline: false });
  const second = renderScreen('video-support', 'video');
  await tapButton(second.screen, '.tccc-call-screen__start-video');
  await waitFor(() => second.host.events.sessionEnded.length === 1, 'no agent online ending the call');
  expect(second.status()).toBe('暂无客服在线，请稍后再试');
});

test('video: the panel holds the pusher and player, waits for the agent, then talks; camera off shows its placeholder', async () => {
  const { host, screen, status, root, bar } = renderScreen('video-support', 'video');
  await tapButton(screen, '.tccc-call-screen__start-video');
  await waitFor(() => status() === '正在为您接通客服…', 'ringing');
  const panel = screen.querySelector('.tccc-call-screen__video-panel')!;
  expect(panel).toBeDefined();
  expect(panel.dom.innerHTML).toMatch(/tccc-video-panel__overlay/);
  const rootData = (screen.querySelector('#tcccSdk')!.instance as unknown as { data: Record<string, unknown> }).data;
  expect(rootData).toMatchObject({ pusherChild: true, playerChild: true });

  const live = await onlySession();
  await simulatorAgent(simulatorUrl()).accept(live.sessionId);
  await waitFor(() => !panel.dom.innerHTML.includes('tccc-video-panel__overlay'), 'the waiting overlay to go');
  await tapButton(bar(), '.tccc-call-bar__camera');
  await waitFor(() => root().getState().cameraEnabled === false, 'the camera off');
  await waitFor(() => panel.dom.innerHTML.includes('camera-off'), 'the camera-off placeholder');

  await simulatorAgent(simulatorUrl()).hangUp(live.sessionId);
  await waitFor(() => host.events.sessionEnded.length === 1, 'the agent hanging up');
  expect(host.events.sessionEnded[0]).toMatchObject({ closeBy: 'seat', reason: 'ok' });
  expect(screen.querySelector('.tccc-call-screen__video-panel')).toBeUndefined();
});

test('start() takes audio or video; anything else is a typed rejection and no call', async () => {
  const { screen, host } = renderScreen('audio-support');
  const start = (screen.instance as unknown as { start(media?: unknown): Promise<unknown> }).start;
  await expect(start.call(screen.instance, 'fax')).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('fax') });
  expect(host.events.sessionStart).toEqual([]);
  expect(await simulatorAgent(simulatorUrl()).calls().then((sessions) => sessions.filter((session) => session.phase !== 'ended'))).toEqual([]);
});

test('errors are events, never toasts: starting without a channel', async () => {
  const { host, screen } = renderScreen('');
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => host.events.error.length === 1, 'the error event');
  expect(host.events.error[0]).toMatchObject({ code: 'invalid-argument' });
  expect(host.events.sessionStart).toEqual([]);
});

test('a start that fails shows why on the screen, in the error colour, until the next start', async () => {
  const { host, screen, status } = renderScreen('no-such-channel');
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => host.events.error.length === 1, 'the error event');
  const line = screen.dom.querySelector('[class*="tccc-call-screen__status"]')!;
  expect(line.className).toMatch(/tccc-call-screen__status--error/);
  expect(status()).toBe('呼叫未能接通，请稍后再试');
  (screen.instance as unknown as { setData(data: Record<string, unknown>): void }).setData({ channelId: 'audio-support' });
  await tapButton(screen, '.tccc-call-screen__start-audio');
  expect(screen.dom.querySelector('[class*="tccc-call-screen__status--error"]')).toBeNull();
  await waitFor(() => host.events.sessionStart.length === 1, 'the second start');
  await tapButton(screen.querySelector('.tccc-call-screen__call-bar')!, '.tccc-call-bar__hangup');
  await waitFor(() => host.events.sessionEnded.length === 1, 'the hang-up');
});

test('the failure follows a change of locale, like every other line of the screen (N11)', async () => {
  const { host, screen, status } = renderScreen('no-such-channel');
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => host.events.error.length === 1, 'the error event');
  expect(status()).toBe('呼叫未能接通，请稍后再试');
  (screen.instance as unknown as { setData(data: Record<string, unknown>): void }).setData({ locale: 'en-US' });
  await simulate.sleep(0);
  expect(status()).toBe('The call could not be placed; please try again later');
  expect(screen.dom.textContent).toContain('Voice call');
});

test("talking: the agent's name leads the header, large and in its own element (the line still reads whole)", async () => {
  const { screen, status, root } = renderScreen('audio-support');
  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => root().getState().phase === 'ivr', 'the IVR');
  await (screen.querySelector('#tcccSdk')!.instance as unknown as { sendDigits(digits: string): Promise<unknown> }).sendDigits('1');
  const live = await onlySession();
  await waitFor(() => root().getState().phase === 'ringing', 'ringing');
  await simulatorAgent(simulatorUrl()).accept(live.sessionId);
  await waitFor(() => root().getState().phase === 'active', 'talking');
  const seat = String(root().getState().seatName);
  expect(status()).toBe(`${seat} 为您服务`);
  expect(screen.dom.querySelector('[class*="tccc-call-screen__name"]')!.textContent).toBe(seat);
  expect(screen.dom.querySelector('[class*="tccc-call-screen--named"]')).not.toBeNull();
  await tapButton(screen.querySelector('.tccc-call-screen__call-bar')!, '.tccc-call-bar__hangup');
  await waitFor(() => root().getState().phase === 'idle', 'the hang-up');
  expect(screen.dom.querySelector('[class*="tccc-call-screen__name"]')).toBeNull();
});

test('with tccc-call-kit/dev, colours set outside the kit (app.wxss, custom-style) are checked as drawn: a brand label below 4.5:1 is named (#8)', async () => {
  checkContrastInKit();
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  // What app.wxss would do to the screen, as the page draws it (simulate prefixes classes with the tag).
  const style = document.createElement('style');
  style.textContent = '.tccc-call-screen--tccc-call-screen__probe { color: rgb(255, 255, 255) !important; background-color: rgb(255, 106, 0) !important; }';
  document.head.appendChild(style);
  try {
    renderScreen('audio-support');
    await waitFor(() => warn.mock.calls.length > 0, 'the warning');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/call-screen: rgb\(255, 255, 255\) on rgb\(255, 106, 0\) is 2\.8\d:1; the start button's label \(--tccc-color-on-brand on --tccc-color-brand\) needs 4\.5:1/));
  } finally {
    style.remove();
    warn.mockRestore();
  }
});

test("pip-x and pip-y place the video call's picture-in-picture; the caller's drags come out as pipmove", async () => {
  const host = renderInHost('call-screen', {
    attributes: `sdk-app-id="${SDK_APP_ID}" channel-id="video-support" media="video" pip-x="{{ 20 }}" pip-y="{{ 300 }}"`,
    events: ['pipmove', 'sessionEnded'],
  });
  const screen = host.page.querySelector('#subject')!;
  const phase = () => (screen.querySelector('#tcccSdk')!.instance as unknown as { getState(): { phase: string } }).getState().phase;
  await tapButton(screen, '.tccc-call-screen__start-video');
  const panel = () => screen.querySelector('.tccc-call-screen__video-panel');
  await waitFor(() => !!panel() && phase() === 'ringing', 'the video panel, ringing');
  expect(panel()!.instance.data).toMatchObject({ pipX: 20, pipY: 300 });
  panel()!.querySelector('.tccc-video-panel__pip')!.dispatchEvent('change', { detail: { x: 40, y: 280, source: 'touch' } });
  await simulate.sleep(0);
  expect(host.events.pipmove).toEqual([{ x: 40, y: 280 }]);
  await tapButton(screen.querySelector('.tccc-call-screen__call-bar')!, '.tccc-call-bar__hangup');
  await waitFor(() => host.events.sessionEnded.length === 1, 'the hang-up');
});
