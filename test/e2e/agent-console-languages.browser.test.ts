/**
 * The agent console in Chinese and in English, in headless Chromium (test/support/console-language-driver.mjs):
 * it follows the browser's language, every text and label comes from that language's table, the switch
 * changes the language and is remembered, and the agent-token prompt is asked in the same language.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { fill, loadConsoleTexts } from '../support/console-texts';
import { simulatorAgent } from '../../testing';
import { httpJson } from '../../testing/http';

// To look at, not compared: the docs show the English console (docs/agent-console.png, from agent-console.browser.test.ts).
const SCREENSHOT = path.resolve(__dirname, '../../.tmp/agent-console.zh-CN.png');
const ENGLISH_SCREENSHOT = path.resolve(__dirname, '../../.tmp/agent-console.en-US.png');
const texts = loadConsoleTexts();
const en = texts['en-US'];
const zh = texts['zh-CN'];

interface View {
  lang: string;
  title: string;
  text: string;
  labels: string[];
  pressed: string[];
  /** Panels whose table is wider than they are, at 1180 px with callers' real 24-character ids. */
  overflowing: string[];
  /** The recently ended calls, newest first. */
  ended: Array<{ channel: string; endedAt: string }>;
  /** Each live call's buttons: their visible texts and their accessible names. */
  calls: Array<{ caller: string; shown: string[]; names: string[] }>;
}
interface Report {
  chinese: View;
  switchedToEnglish: View;
  reloadedAfterSwitch: View;
  english: View;
  switchedToChinese: View;
  prompt: Record<string, string | null>;
  denied: Record<string, string>;
  refused: Record<string, string | null>;
  refusedSetting: Record<string, { message: string | null; autoAnswerShownOn: boolean }>;
}

let server: DevServer;
let guarded: DevServer;
let report: Report;

/** Places a call; returns its session id and the caller's user id (what the console shows as the caller). */
async function call(base: string, jsCode: string, channelId: string, media: 'audio' | 'video'): Promise<{ sessionId: string; userId: string }> {
  const login = await httpJson('POST', `${base}/v1/login`, { sdkAppId: '1400000004', jsCode });
  const created = await httpJson('POST', `${base}/v1/sessions`, { channelId, media }, { authorization: `Bearer ${login.body.token}` });
  if (created.status !== 201) throw new Error(`session: ${created.status} ${JSON.stringify(created.body)}`);
  return { sessionId: created.body.sessionId as string, userId: login.body.userId as string };
}

type ChannelKey = 'demo_videoSupport' | 'demo_audioSupport';
type MediaKey = 'mediaVideo' | 'mediaAudio';
/** The live calls by caller: their channel and media, as the console's tables name them. */
const liveCalls = new Map<string, { channel: ChannelKey; media: MediaKey }>();
async function liveCall(jsCode: string, channelId: string, media: 'audio' | 'video', shown: { channel: ChannelKey; media: MediaKey }) {
  liveCalls.set((await call(server.url, jsCode, channelId, media)).userId, shown);
}

function drive(args: string[]): Promise<Report> {
  const driver = path.resolve(__dirname, '../support/console-language-driver.mjs');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [driver, ...args], { timeout: 90000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split('\n').pop() as string) as Report),
    );
  });
}

beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 120000, ringTimeoutMs: 120000, clientGraceMs: 120000 } });
  guarded = await startDevServer({ port: 0, agentToken: 'languages-test-token' });
  const seats = simulatorAgent(server.url);
  // An ended call of each kind: answered then hung up by the seat, and one outside service hours.
  const { sessionId: answered } = await call(server.url, 'caller-answered', 'video-support', 'video');
  await seats.accept(answered);
  await seats.hangUp(answered);
  await call(server.url, 'caller-after-hours', 'after-hours', 'audio');
  // Live: two ringing (both seats), one queued behind them, one in the IVR.
  const video = { channel: 'demo_videoSupport', media: 'mediaVideo' } as const;
  await liveCall('caller-ringing-1', 'video-support', 'video', video);
  await liveCall('caller-ringing-2', 'video-support', 'video', video);
  await liveCall('caller-queued', 'video-support', 'video', video);
  await liveCall('caller-in-ivr', 'audio-support', 'audio', { channel: 'demo_audioSupport', media: 'mediaAudio' });
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  report = await drive([`${server.url}/`, `${guarded.url}/`, SCREENSHOT, ENGLISH_SCREENSHOT]);
}, 120000);
afterAll(async () => {
  await server?.close();
  await guarded?.close();
});

/**
 * Every call's buttons show the short action, and a screen reader hears which call each is for: the name
 * starts with what is shown (so a voice command for the visible word still finds it) and names the caller,
 * the channel and the media; no two buttons share a name.
 */
function expectButtonsNameTheirCall(view: View, table: Record<string, string>) {
  expect(view.calls.map((call) => call.caller).sort()).toEqual([...liveCalls.keys()].sort());
  for (const call of view.calls) {
    const { channel, media } = liveCalls.get(call.caller) as { channel: ChannelKey; media: MediaKey };
    expect(call.shown.every((text) => [table.accept, table.hangUp, table.transfer].includes(text))).toBe(true);
    expect(call.names).toHaveLength(call.shown.length);
    call.names.forEach((name, i) => {
      expect(name.startsWith(call.shown[i])).toBe(true);
      for (const part of [call.caller, table[channel], table[media]]) expect([name, name.includes(part)]).toEqual([name, true]);
    });
  }
  const names = view.calls.flatMap((call) => call.names);
  expect(new Set(names).size).toBe(names.length);
}

/** Ended calls show their channel with its media, as live ones do (newest first: after hours, then the answered video call). */
function expectEndedChannels(view: View, table: Record<string, string>) {
  expect(view.ended.map((call) => call.channel)).toEqual([
    fill(table.channelMedia, { channel: table.demo_afterHours, media: table.mediaAudio }),
    fill(table.channelMedia, { channel: table.demo_videoSupport, media: table.mediaVideo }),
  ]);
}

// The end time in the console's language, whatever the browser's: 15:04:05 in Chinese, 3:04:05 PM in English.
const CHINESE_TIME = /^\d{1,2}:\d{2}:\d{2}$/;
const ENGLISH_TIME = /^\d{1,2}:\d{2}:\d{2}\s[AP]M$/;

const everything = (view: View) => [view.title, view.text, ...view.labels].join('\n');
const CHINESE = /[\u4e00-\u9fff]/;

/** English words of the English table that must not show in a Chinese page (word by word, so data can pass). */
function englishLeftIn(view: View): string[] {
  const shown = everything(view);
  return Object.keys(en)
    .filter((key) => key !== 'languageName' && en[key] !== zh[key])
    .flatMap((key) => en[key].split(/\{\w+\}/).map((piece) => piece.trim()))
    .filter((piece) => /[A-Za-z]{2,}/.test(piece))
    .filter((piece) => new RegExp(`(^|[^A-Za-z])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(shown));
}

function expectChinese(view: View) {
  expect(view.lang).toBe('zh-CN');
  expect(view.title).toBe(zh.pageTitle);
  expect(view.pressed).toEqual([zh.languageName]);
  for (const key of ['heading', 'subtitle', 'autoAnswerBefore', 'autoAnswerAfter', 'seatsOnline', 'live', 'liveCalls', 'recentCalls', 'columnStatus', 'columnChannel', 'columnCaller', 'columnDuration', 'columnDigits', 'columnSeat', 'columnActions', 'columnResult', 'columnTalked', 'columnClosedBy', 'columnEnded', 'phaseIvr', 'phaseRinging', 'accept', 'hangUp', 'transfer', 'seatBusy', 'end_ok', 'end_notWorkTime', 'closeBySeat', 'closeByAdmin']) {
    expect([key, view.text]).toEqual([key, expect.stringContaining(zh[key])]);
  }
  expect(view.text).toContain(fill(zh.queuePosition, { phase: zh.phaseQueued, n: 1 }));
  // The simulator's demo data (its seats and channels) in Chinese too; the ids stay.
  expect(view.text).toContain(fill(zh.channelMedia, { channel: zh.demo_videoSupport, media: zh.mediaVideo }));
  expect(view.text).toContain(fill(zh.channelMedia, { channel: zh.demo_audioSupport, media: zh.mediaAudio }));
  for (const key of ['demo_agentLin', 'demo_agentChen', 'demo_afterHours']) expect([key, view.text]).toEqual([key, expect.stringContaining(zh[key])]);
  for (const key of ['languageSwitch', 'autoAnswerTitle', 'autoAnswerSeconds', 'seatsOnlineTitle', 'seats', 'liveCalls', 'recentCallsTable', 'transferTitle']) {
    expect([key, view.labels]).toEqual([key, expect.arrayContaining([zh[key]])]);
  }
  expect(englishLeftIn(view)).toEqual([]);
  expectButtonsNameTheirCall(view, zh);
  expectEndedChannels(view, zh);
  expect(view.overflowing).toEqual([]);
  for (const call of view.ended) expect(call.endedAt).toMatch(CHINESE_TIME);
}

function expectEnglish(view: View) {
  expect(view.lang).toBe('en-US');
  expect(view.title).toBe(en.pageTitle);
  expect(view.pressed).toEqual([en.languageName]);
  for (const key of ['heading', 'seatsOnline', 'liveCalls', 'recentCalls', 'columnDigits', 'phaseIvr', 'phaseRinging', 'accept', 'hangUp', 'transfer', 'end_ok', 'end_notWorkTime', 'closeByAdmin']) {
    expect([key, view.text]).toEqual([key, expect.stringContaining(en[key])]);
  }
  expect(view.text).toContain(fill(en.queuePosition, { phase: en.phaseQueued, n: 1 }));
  expect(view.text).toContain(fill(en.channelMedia, { channel: 'Video support', media: en.mediaVideo }));
  for (const name of ['Agent Lin', 'Agent Chen', 'After hours']) expect(view.text).toContain(name);
  // Chinese only where the switch offers Chinese, in Chinese.
  expect(everything(view).replace(zh.languageName, '')).not.toMatch(CHINESE);
  expectButtonsNameTheirCall(view, en);
  expectEndedChannels(view, en);
  expect(view.overflowing).toEqual([]);
  for (const call of view.ended) expect(call.endedAt).toMatch(ENGLISH_TIME);
}

test('a browser that prefers Chinese gets the console in Chinese, every text and label', () => {
  expectChinese(report.chinese);
  // The codes the SDK reports stay as they are beside the words.
  expect(report.chinese.text).toContain('notWorkTime · 106');
});

test('a browser that prefers English gets it in English', () => {
  expectEnglish(report.english);
});

test('the switch changes the language at once, and the pick outlives a reload', () => {
  expectEnglish(report.switchedToEnglish);
  expectEnglish(report.reloadedAfterSwitch);
  expectChinese(report.switchedToChinese);
});

test('an action the simulator refuses is reported in the console’s language, around the server’s own words', () => {
  // Both seats ring with other calls, so the queued one cannot be taken.
  expect(report.refused).toEqual({
    'zh-CN': fill(zh.actionFailed, { action: zh.accept, message: 'No free seat to take the call.' }),
    'en-US': fill(en.actionFailed, { action: en.accept, message: 'No free seat to take the call.' }),
  });
});

test('a setting the simulator refuses is reported in the console’s language, and the switch shows what the server kept', () => {
  const message = 'autoAnswerMs must be null or 0..600000.';
  expect(report.refusedSetting).toEqual({
    'zh-CN': { message: fill(zh.settingsFailed, { message }), autoAnswerShownOn: false },
    'en-US': { message: fill(en.settingsFailed, { message }), autoAnswerShownOn: false },
  });
});

test('the agent-token prompt and the refusal are in the browser’s language', () => {
  expect(report.prompt).toEqual({ 'zh-CN': zh.tokenPrompt, 'en-US': en.tokenPrompt });
  expect(report.denied['zh-CN']).toMatch(new RegExp(`^${fill(zh.noAccess, { message: '' })}\\S`));
  expect(report.denied['en-US']).toMatch(new RegExp(`^${fill(en.noAccess, { message: '' })}\\S`));
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10000);
  expect(fs.statSync(ENGLISH_SCREENSHOT).size).toBeGreaterThan(10000);
});
