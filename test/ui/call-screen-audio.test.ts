/**
 * call-screen/audio, the call screen for audio calls alone (what the audio template uses): a whole call
 * against a real tccc-dev-server over loopback, as call-screen places it; none of the video panel in its
 * markup or its root; asked for video, a clear `invalid-argument` instead of a call.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { loggedInToSimulator } from '../support/logged-in';
import { shippedWith } from '../support/shipped';
import { KIT_DIST } from '../support/simulate-root';
import { renderInHost, tapButton } from '../support/ui-host';
import { simulatorAgent, waitFor } from '../../testing';

const SDK_APP_ID = '1400000001';
const EVENTS = ['sessionStart', 'accepted', 'sessionEnded', 'error'];
const simulatorUrl = loggedInToSimulator(SDK_APP_ID);

function renderAudioScreen(channelId: string, media?: string) {
  const host = renderInHost('call-screen/audio', {
    attributes: `sdk-app-id="${SDK_APP_ID}" channel-id="${channelId}" ${media ? `media="${media}"` : ''} title="在线客服"`,
    events: EVENTS,
  });
  const screen = host.page.querySelector('#subject')!;
  const status = () => screen.dom.querySelector('[class*="tccc-call-screen__status"]')!.textContent;
  const rootData = () => (screen.querySelector('#tcccSdk')!.instance as unknown as { data: Record<string, unknown> }).data;
  const instance = screen.instance as unknown as { start(media?: unknown): Promise<unknown>; data: Record<string, unknown> };
  return { host, screen, status, rootData, instance };
}

test('an audio call from start to hang-up, as call-screen places it, with no video panel anywhere', async () => {
  const { host, screen, status, rootData } = renderAudioScreen('audio-support');
  expect(status()).toBe('联系客服');
  expect(screen.querySelector('.tccc-call-screen__start-video')).toBeUndefined();

  await tapButton(screen, '.tccc-call-screen__start-audio');
  await waitFor(() => status() === '请按键选择服务', 'the IVR prompt');
  await waitFor(() => !!screen.querySelector('#tcccKeypad'), 'the keypad, opened by the IVR');
  screen.querySelector('#tcccKeypad')!.querySelectorAll('.tccc-keypad__button')[0].querySelector('.van-button')!.dispatchEvent('tap');
  await waitFor(() => status() === '正在为您接通客服…', 'ringing after the digit');

  const [live] = (await simulatorAgent(simulatorUrl()).calls()).filter((session) => session.phase !== 'ended');
  expect(live).toMatchObject({ media: 'audio', digits: '1' });
  await simulatorAgent(simulatorUrl()).accept(live.sessionId);
  await waitFor(() => /为您服务$/.test(status() ?? ''), 'talking');
  expect(screen.dom.querySelector('tccc-call-timer')).not.toBeNull();
  // The root draws its own pusher and player: no child component stands in for them.
  expect(rootData()).toMatchObject({ pusherChild: false, playerChild: false });
  expect(screen.dom.innerHTML).not.toMatch(/video-panel/);

  await tapButton(screen.querySelector('.tccc-call-screen__call-bar')!, '.tccc-call-bar__hangup');
  await waitFor(() => host.events.sessionEnded.length === 1, 'sessionEnded');
  expect(status()).toBe('通话已结束');
  await simulate.sleep(50);
  expect([host.events.sessionStart.length, host.events.accepted.length, host.events.sessionEnded.length]).toEqual([1, 1, 1]);
  expect(host.events.error).toEqual([]);
});

test('asked for video (media="video", start(\'video\')), it says so with invalid-argument and still offers audio', async () => {
  const { host, screen, instance } = renderAudioScreen('audio-support', 'video');
  await waitFor(() => host.events.error.length === 1, 'the error for media="video"');
  expect(host.events.error[0]).toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('tccc-call-kit/call-screen'), detail: { argument: 'media' } });
  expect(instance.data.media).toBe('audio');
  expect(screen.querySelector('.tccc-call-screen__start-audio')).toBeDefined();
  expect(screen.querySelector('.tccc-call-screen__start-video')).toBeUndefined();

  await expect(instance.start('video')).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining("start('video')") });
  expect((await simulatorAgent(simulatorUrl()).calls()).filter((session) => session.phase !== 'ended')).toEqual([]);
});

test('its markup is call-screen\'s without the video panel, and its styles are call-screen\'s without the video layout', () => {
  const read = (file: string) => fs.readFileSync(path.join(KIT_DIST, 'call-screen', file), 'utf8');
  const panel = /[ \t]*<tccc-video-panel\b[\s\S]*?<\/tccc-video-panel>\n/;
  expect(read('index.wxml')).toMatch(panel);
  expect(read('audio.wxml')).toBe(read('index.wxml').replace(panel, ''));
  expect(read('audio.wxss')).not.toMatch(/tccc-call-screen--video|video-panel/);
  const rules = (css: string) => new Set(css.split('}').map((rule) => rule.trim()).filter(Boolean));
  const full = rules(read('index.wxss'));
  expect([...rules(read('audio.wxss'))].filter((rule) => !full.has(rule) && !rule.startsWith('@media'))).toEqual([]);
  expect(Object.keys(JSON.parse(read('audio.json')).usingComponents)).not.toContain('tccc-video-panel');
});

test("its scripts (audio.js and the chunks it requires) hold none of the video calls' handlers and texts, which call-screen's and the video panel's hold", () => {
  const shipped = (entry: string) => [...shippedWith(KIT_DIST, entry).values()].join('\n');
  const handlers = ['onStartVideo', 'onCamera', 'onSwitchCamera', 'onPipMove', 'pipX', 'pipY'];
  // As the build writes them: esbuild escapes what is not ASCII (\uXXXX).
  const texts = ['摄像头已关闭', '我的画面，可拖动', 'Camera off', 'Your camera, drag to move'].map((text) =>
    text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`),
  );
  const audio = shipped('call-screen/audio');
  expect([...handlers, ...texts].filter((code) => audio.includes(code))).toEqual([]);
  expect(handlers.filter((code) => !shipped('call-screen/index').includes(code))).toEqual([]);
  expect(texts.filter((text) => !shipped('video-panel/index').includes(text))).toEqual([]);
});
