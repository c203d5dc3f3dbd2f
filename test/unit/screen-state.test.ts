import { enUS, resolvePart, resolveTexts, zhCN } from '../../src/common/locale';
import { changedFields, screenStateOf, statusTextOf } from '../../src/components/call-screen/screen-state';
import { startFailureText } from '../../src/components/call-screen/start-failure';
import { videoTexts } from '../../src/components/video-panel/texts';
import type { CallView } from '../../src/services/call-controller';
import { EndStatus } from '../../src/services/protocol';

const idle: CallView = {
  phase: 'idle', kind: null, sessionId: null, muted: false, soundMode: 'speaker', cameraEnabled: true, cameraFacing: 'front',
  queuePosition: null, seatName: '', suspended: false, reconnecting: false, mediaSilent: false, network: 'unknown',
};

test('the status line for every phase, in Chinese and English', () => {
  const cases: Array<[Partial<CallView>, string, string]> = [
    [{}, '联系客服', 'Contact us'],
    [{ phase: 'starting' }, '正在连接…', 'Connecting…'],
    [{ phase: 'ivr' }, '请按键选择服务', 'Choose a service on the keypad'],
    [{ phase: 'queued' }, '排队中，请稍候', 'In the queue, please wait'],
    [{ phase: 'queued', queuePosition: 3 }, '排队中，前面还有 2 人', 'In the queue: 2 ahead of you'],
    [{ phase: 'queued', queuePosition: 1 }, '排队中，下一位就是您', 'In the queue: you are next'],
    [{ phase: 'ringing' }, '正在为您接通客服…', 'Connecting you to an agent…'],
    [{ phase: 'active', seatName: 'Agent Lin' }, 'Agent Lin 为您服务', 'Talking with Agent Lin'],
    [{ phase: 'ending' }, '正在挂断…', 'Hanging up…'],
    [{ phase: 'active', reconnecting: true }, '网络不稳定，正在重连…', 'Reconnecting…'],
    [{ phase: 'active', mediaSilent: true }, '听不到客服的声音？请检查网络，或挂断后重拨', "Can't hear the agent? Check your network, or hang up and call again"],
    [{ phase: 'active', mediaSilent: true, reconnecting: true }, '网络不稳定，正在重连…', 'Reconnecting…'],
  ];
  for (const [view, zh, en] of cases) {
    expect(statusTextOf({ ...idle, ...view }, zhCN, null)).toBe(zh);
    expect(statusTextOf({ ...idle, ...view }, enUS, null)).toBe(en);
  }
});

test('every TCCC end reason has words in both locales; the caller hanging up reads "call ended"', () => {
  for (const reason of Object.keys(EndStatus)) {
    expect(statusTextOf(idle, zhCN, { closeBy: 'seat', reason })).toBe(zhCN.ended[reason as keyof typeof EndStatus]);
    expect(enUS.ended[reason as keyof typeof EndStatus]).toMatch(/\w/);
  }
  expect(statusTextOf(idle, zhCN, { closeBy: 'user', reason: 'waitingGiveUp' })).toBe('通话已结束');
  expect(statusTextOf(idle, zhCN, { closeBy: 'admin', reason: 'somethingNew' })).toBe(zhCN.ended.clientError);
});

test('locale objects override a base locale part by part; unknown names fall back to Chinese', () => {
  const texts = resolveTexts({ base: 'en-US', status: { idle: 'Call ACME' } });
  expect(texts.status.idle).toBe('Call ACME');
  expect(texts.status.ringing).toBe(enUS.status.ringing);
  expect(texts.actions).toBe(enUS.actions);
  expect(resolveTexts('fr-FR')).toBe(zhCN);
  expect(resolveTexts(42)).toBe(zhCN);
});

test("a part with its own tables (the video panel's) reads a locale value as the shared parts do", () => {
  expect(resolvePart('en-US', 'video', videoTexts)).toBe(videoTexts['en-US']);
  expect(resolvePart({ base: 'en-US', status: { idle: 'Call ACME' } }, 'video', videoTexts)).toBe(videoTexts['en-US']);
  expect(resolvePart({ base: 'en-US', video: { waiting: 'Hold on' } }, 'video', videoTexts)).toEqual({ ...videoTexts['en-US'], waiting: 'Hold on' });
  for (const unknown of ['fr-FR', 42, null, { video: 'not an object' }]) expect(resolvePart(unknown, 'video', videoTexts)).toBe(videoTexts['zh-CN']);
});

test('the video placeholder state and the fields a setData needs', () => {
  expect(screenStateOf({ ...idle, phase: 'ringing', kind: 'video' }, zhCN, null, 'audio').videoStatus).toBe('waiting');
  expect(screenStateOf({ ...idle, phase: 'active', kind: 'video', reconnecting: true }, zhCN, null, 'audio').videoStatus).toBe('reconnecting');
  expect(screenStateOf({ ...idle, phase: 'active', kind: 'video' }, zhCN, null, 'audio').videoStatus).toBe('talking');
  expect(screenStateOf(idle, zhCN, null, 'video').kind).toBe('video');
  expect(changedFields({ a: 1, b: 'x' }, { a: 1, b: 'y' })).toEqual({ b: 'y' });
  expect(changedFields({ a: 1 }, { a: 1 })).toEqual({});
});

test("a problem has its own tone: reconnecting, suspended, no audio, and ends the caller should know of (#15)", () => {
  const tone = (view: Partial<CallView>, lastEnd: { closeBy?: string; reason?: string } | null = null) => screenStateOf({ ...idle, ...view }, zhCN, lastEnd, 'audio').tone;
  expect(tone({ phase: 'active', seatName: 'Agent Lin' })).toBe('neutral');
  expect(tone({ phase: 'ringing' })).toBe('neutral');
  for (const view of [{ reconnecting: true }, { suspended: true }, { mediaSilent: true }]) expect(tone({ phase: 'active', ...view })).toBe('warning');
  // No audio before the agent answers is nothing to say yet.
  expect(tone({ phase: 'ringing', mediaSilent: true })).toBe('neutral');
  for (const reason of ['noSeatOnline', 'notWorkTime', 'blackList', 'clientError', 'clientTimeout', 'voipClientError', 'callConflict']) expect(tone({}, { closeBy: 'admin', reason })).toBe('warning');
  for (const lastEnd of [null, { closeBy: 'user' }, { closeBy: 'seat', reason: 'ok' }, { closeBy: 'admin', reason: 'waitingGiveUp' }]) expect(tone({}, lastEnd)).toBe('neutral');
});

test("the agent's name is set apart only where the line names the agent", () => {
  const seat = (view: Partial<CallView>) => screenStateOf({ ...idle, ...view }, enUS, null, 'audio').seatName;
  expect(seat({ phase: 'active', seatName: 'Agent Lin' })).toBe('Agent Lin');
  expect(seat({ phase: 'active', seatName: 'Agent Lin', reconnecting: true })).toBe('');
  expect(seat({ phase: 'active', seatName: '' })).toBe('');
  expect(seat({ phase: 'ringing', seatName: 'Agent Lin' })).toBe('');
});

test('a failed start reads by its error code; a cancelled one says nothing', () => {
  expect(startFailureText('permission-denied', zhCN)).toBe(zhCN.startFailed.permissionDenied);
  expect(startFailureText('privacy-not-authorized', zhCN)).toBe(zhCN.startFailed.privacyNotAuthorized);
  expect(startFailureText('login-expired', enUS)).toBe(enUS.startFailed.notLoggedIn);
  expect(startFailureText('timeout', enUS)).toBe(enUS.startFailed.network);
  expect(startFailureText('server', enUS)).toBe(enUS.startFailed.other);
  expect(startFailureText(undefined, zhCN)).toBe(zhCN.startFailed.other);
  expect(startFailureText('cancelled', zhCN)).toBe('');
});
