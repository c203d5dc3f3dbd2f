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
const texts = loadConsoleTexts();
const en = texts['en-US'];
const zh = texts['zh-CN'];

interface View {
  lang: string;
  title: string;
  text: string;
  labels: string[];
  pressed: string[];
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

async function call(base: string, jsCode: string, channelId: string, media: 'audio' | 'video'): Promise<string> {
  const login = await httpJson('POST', `${base}/v1/login`, { sdkAppId: '1400000004', jsCode });
  const created = await httpJson('POST', `${base}/v1/sessions`, { channelId, media }, { authorization: `Bearer ${login.body.token}` });
  if (created.status !== 201) throw new Error(`session: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.sessionId as string;
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
  const answered = await call(server.url, 'caller-answered', 'video-support', 'video');
  await seats.accept(answered);
  await seats.hangUp(answered);
  await call(server.url, 'caller-after-hours', 'after-hours', 'audio');
  // Live: two ringing (both seats), one queued behind them, one in the IVR.
  await call(server.url, 'caller-ringing-1', 'video-support', 'video');
  await call(server.url, 'caller-ringing-2', 'video-support', 'video');
  await call(server.url, 'caller-queued', 'video-support', 'video');
  await call(server.url, 'caller-in-ivr', 'audio-support', 'audio');
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  report = await drive([`${server.url}/`, `${guarded.url}/`, SCREENSHOT]);
}, 120000);
afterAll(async () => {
  await server?.close();
  await guarded?.close();
});

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
});
