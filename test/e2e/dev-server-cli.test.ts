/**
 * The tccc-dev-server command line: -v/-h alike, the README's options table generated from the same list
 * as --help, where the TRTC secret key may come from (and the warning for the one that shows in `ps`),
 * the agent token, and the start banner beyond loopback (real LAN addresses, a loud warning).
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { WebSocket } from 'ws';
import { lanAddresses } from '../../dev-server/addresses';
import { reachableUrls, startBanner } from '../../dev-server/banner';
import { DEFAULT_CHANNELS } from '../../dev-server/channels';
import { commandWith } from '../../dev-server/launch-command';
import { protocolDocPath } from '../../dev-server/protocol-doc';
import { CLI_OPTIONS, optionsTable } from '../../dev-server/cli-options';
import { STARTUP_TEXTS } from '../../dev-server/startup-texts';
import { terminalWidth } from '../../dev-server/terminal-width';
import { httpJson } from '../../testing/http';
import { fill, loadConsoleTexts } from '../support/console-texts';
import { packedTarballs } from '../support/packed';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'dist/bin/tccc-dev-server.js');
const WORK = path.join(ROOT, '.tmp/dev-server-cli');
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const CLEAN_ENV = { PATH: process.env.PATH ?? '' };

beforeAll(() => fs.mkdirSync(WORK, { recursive: true }));

function run(args: string[], env: NodeJS.ProcessEnv = CLEAN_ENV): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, timeout: 10000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const EN = STARTUP_TEXTS['en-US'];
const ZH = STARTUP_TEXTS['zh-CN'];
const CHINESE = /[\u4e00-\u9fff]/;
// The banner's last line and the console's address, in either language.
const BANNER_END = new RegExp([EN.banner.stop, ZH.banner.stop].map((line) => line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
const CONSOLE_URL = new RegExp(`(?:${EN.banner.labels.console}|${ZH.banner.labels.console})\\s+(http://[^/\\s]+)`);

/** Starts the server, waits for its banner, and stops it; returns what it printed. */
function started(args: string[], env: NodeJS.ProcessEnv = CLEAN_ENV): Promise<{ stdout: string; stderr: string; url: string; stop(): void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no banner in 10 s:\n${stdout}\n${stderr}`));
    }, 10000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = BANNER_END.test(stdout) ? CONSOLE_URL.exec(stdout) : null;
      if (match) {
        clearTimeout(timer);
        resolve({ stdout, stderr, url: match[1], stop: () => child.kill('SIGKILL') });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${stdout}\n${stderr}`));
    });
  });
}

test('-v and --version print the version; -h and --help print every option', async () => {
  for (const flag of ['-v', '--version']) expect((await run([flag])).stdout.trim()).toBe(VERSION);
  for (const flag of ['-h', '--help']) {
    const { code, stdout } = await run([flag]);
    expect(code).toBe(0);
    for (const option of CLI_OPTIONS) expect(stdout).toContain(`--${option.name}`);
  }
  const unknown = await run(['--frobnicate']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/Unknown option '--frobnicate'[\s\S]*--help/);
});

test("the README's options table is the one --help is made from", () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain(optionsTable());
});

test('the secret key: from a file or TRTC_SECRET_KEY quietly; from --trtc-secret-key with a warning about ps; a bad file is one clear line', async () => {
  const keyFile = path.join(WORK, 'trtc.key');
  fs.writeFileSync(keyFile, `${'c'.repeat(64)}\n`, { mode: 0o600 });
  const fromFile = await started(['--trtc-sdk-app-id', '1400000020', '--trtc-secret-key-file', keyFile]);
  fromFile.stop();
  expect(fromFile.stdout).toContain('real TRTC rooms, SDKAppID 1400000020');
  expect(fromFile.stderr).toBe('');

  const fromEnv = await started(['--trtc-sdk-app-id', '1400000020'], { ...CLEAN_ENV, TRTC_SECRET_KEY: 'd'.repeat(64) });
  fromEnv.stop();
  expect(fromEnv.stdout).toContain('real TRTC rooms');
  expect(fromEnv.stderr).toBe('');

  const fromFlag = await started(['--trtc-sdk-app-id', '1400000020', '--trtc-secret-key', 'e'.repeat(64)]);
  fromFlag.stop();
  expect(fromFlag.stdout).toContain('real TRTC rooms');
  expect(fromFlag.stderr).toMatch(/warning: --trtc-secret-key .*every user of this machine can read it \(ps/);
  expect(fromFlag.stdout).not.toContain('e'.repeat(64));

  const missing = await run(['--trtc-sdk-app-id', '1400000020', '--trtc-secret-key-file', path.join(WORK, 'nope.key')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/cannot read the secret key file .*nope\.key \(ENOENT\)/);
  const both = await run(['--trtc-secret-key', 'x', '--trtc-secret-key-file', keyFile]);
  expect(both.code).toBe(2);
  expect(both.stderr).toContain('not both');
});

test('--agent-token: the agent API needs it, even on loopback; --allow-origin takes origins only', async () => {
  const server = await started(['--agent-token', 'console-token-42']);
  try {
    expect(server.stdout).toContain('Agent API      needs its token (the one you gave with --agent-token)');
    expect(server.stdout).not.toContain('console-token-42');
    expect((await httpJson('GET', `${server.url}/agent/sessions`)).status).toBe(403);
    expect((await httpJson('GET', `${server.url}/agent/sessions`, undefined, { authorization: 'Bearer console-token-42' })).status).toBe(200);
  } finally {
    server.stop();
  }
  expect(server.stderr).toMatch(/warning: --agent-token puts the token on the command line, where every user of this machine can read it \(ps, \/proc\)\. Prefer TCCC_AGENT_TOKEN=/);
  expect((await run(['--agent-token', 'short'])).stderr).toContain('8 to 200 visible ASCII characters');
  expect((await run(['--allow-origin', 'evil.example/path'])).stderr).toContain('--allow-origin takes an origin');
});

test('TCCC_AGENT_TOKEN gives the agent token without putting it on the command line: no warning; it is checked like the option', async () => {
  const server = await started([], { ...CLEAN_ENV, TCCC_AGENT_TOKEN: 'env-token-4242' });
  try {
    expect(server.stderr).toBe('');
    expect(server.stdout).not.toContain('env-token-4242');
    expect((await httpJson('GET', `${server.url}/agent/sessions`)).status).toBe(403);
    expect((await httpJson('GET', `${server.url}/agent/sessions`, undefined, { authorization: 'Bearer env-token-4242' })).status).toBe(200);
  } finally {
    server.stop();
  }
  const short = await run([], { ...CLEAN_ENV, TCCC_AGENT_TOKEN: 'short' });
  expect(short.code).toBe(2);
  expect(short.stderr).toContain('8 to 200 visible ASCII characters');
});

test('one hostile frame no longer ends the process: the server answers with error frames and keeps serving (issue 24, N1)', async () => {
  const server = await started([]);
  try {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/events`);
    const frames: Array<{ type: string; code?: string }> = [];
    ws.on('message', (data) => frames.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    ws.send(JSON.stringify({ type: { toString: 1 } }));
    ws.send(`{"type":${'['.repeat(8000)}${']'.repeat(8000)}}`);
    ws.send('{"type":"ping"}');
    const deadline = Date.now() + 5000;
    while (frames.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    ws.close();
    expect(frames).toEqual([expect.objectContaining({ type: 'error', code: 'invalid-argument' }), expect.objectContaining({ type: 'error', code: 'invalid-argument' }), { type: 'pong' }]);
    expect((await httpJson('GET', `${server.url}/agent/settings`)).status).toBe(200);
    expect(server.stderr).toBe('');
  } finally {
    server.stop();
  }
});

test('beyond loopback the banner warns loudly, lists the real LAN addresses, and prints the made-up token and a console link with it', () => {
  const lan = lanAddresses({
    lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
    eth0: [
      { address: '192.168.1.23', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.168.1.23/24' },
      { address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '02:00:00:00:00:01', internal: false, cidr: 'fe80::1/64', scopeid: 2 },
    ],
    wlan0: [{ address: '10.0.0.7', netmask: '255.0.0.0', family: 'IPv4', mac: '02:00:00:00:00:02', internal: false, cidr: '10.0.0.7/8' }],
  });
  expect(lan.map((a) => a.address)).toEqual(['192.168.1.23', '10.0.0.7']);
  const facts = { version: '9.9.9', port: 5700, channels: DEFAULT_CHANNELS, trtcSdkAppId: null, autoAnswerSeconds: undefined, lanAddresses: lan };
  const wide = startBanner({ ...facts, host: '0.0.0.0', agentToken: 'made-up-token', agentTokenGenerated: true });
  expect(wide).toMatch(/WARNING: listening on every interface \(0\.0\.0\.0\), port 5700/);
  expect(wide).toContain('http://192.168.1.23:5700');
  expect(wide).toContain('http://10.0.0.7:5700');
  expect(wide).not.toContain('<your LAN address>');
  expect(wide).toContain("endpoint: 'http://192.168.1.23:5700'");
  expect(wide).toContain('Agent console  http://127.0.0.1:5700/#token=made-up-token');
  expect(wide).toContain('needs its token: made-up-token');

  const local = startBanner({ ...facts, host: '127.0.0.1', lanAddresses: [], agentToken: null, agentTokenGenerated: false });
  expect(local).not.toContain('WARNING');
  expect(local).toContain("endpoint: 'http://127.0.0.1:5700'");
  const none = startBanner({ ...facts, host: '0.0.0.0', lanAddresses: [], agentToken: 't0ken-t0ken', agentTokenGenerated: true });
  expect(none).toContain('No LAN address found');
});

test('bound to 0.0.0.0 (IPv4 only) the banner lists no IPv6 address; bound to :: it lists both', () => {
  const lan = [
    { name: 'eth0', address: '192.168.1.23', family: 'IPv4' as const },
    { name: 'eth0', address: 'fd00::2', family: 'IPv6' as const },
  ];
  const facts = { version: '9.9.9', port: 5700, channels: DEFAULT_CHANNELS, trtcSdkAppId: null, autoAnswerSeconds: undefined, lanAddresses: lan, agentToken: 't', agentTokenGenerated: true };
  // Node's listen on 0.0.0.0 takes IPv4 connections only: http://[fd00::2]:5700 would be refused.
  expect(reachableUrls({ ...facts, host: '0.0.0.0' })).toEqual(['http://192.168.1.23:5700']);
  expect(startBanner({ ...facts, host: '0.0.0.0' })).not.toContain('fd00::2');
  expect(reachableUrls({ ...facts, host: '::' })).toEqual(['http://192.168.1.23:5700', 'http://[fd00::2]:5700']);
});

test('--calls-per-address caps the live calls of one client address (429 past it)', async () => {
  const server = await started(['--calls-per-address', '1']);
  try {
    const call = async (jsCode: string) => {
      const login = await httpJson('POST', `${server.url}/v1/login`, { sdkAppId: '1400000020', jsCode });
      return httpJson('POST', `${server.url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, { authorization: `Bearer ${login.body.token}` });
    };
    expect((await call('first')).status).toBe(201);
    expect((await call('second')).body.error.code).toBe('rate-limited');
  } finally {
    server.stop();
  }
  expect((await run(['--calls-per-address', '0'])).stderr).toContain('--calls-per-address must be a number from 1 to 100000');
});

test('channel ids from a --channels file reach the banner escaped: controls never reach the terminal, and each channel is listed as a JS string that reads back the id (issue 24, N12)', () => {
  const id = "it's\u001b]0;PWNED\u0007\u001b[2J\\<img src=x>\u2028\u009b31m";
  const banner = startBanner({
    version: '9.9.9',
    host: '127.0.0.1',
    port: 5700,
    channels: [{ id, name: 'Hostile', media: 'audio', open: true }],
    trtcSdkAppId: null,
    autoAnswerSeconds: undefined,
    agentToken: null,
    agentTokenGenerated: false,
    lanAddresses: [],
  });
  expect(banner).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  // The channel list under "channelId:" names each id as config.js would hold it: a JS string that reads back the id.
  const literal = "'it\\'s\\x1b]0;PWNED\\x07\\x1b[2J\\\\<img src=x>\\u2028\\x9b31m'";
  const line = banner.split('\n').find((text) => text.trimStart().startsWith("'it")) as string;
  expect(line.trim().startsWith(`${literal} `)).toBe(true);
  expect(vm.runInNewContext(literal)).toBe(id);
  expect(banner).toContain('it\'s\\x1b]0;PWNED\\x07\\x1b[2J\\<img src=x>\\u2028\\x9b31m (audio)');
});

test('in a Chinese terminal (LANG=zh_CN.UTF-8) the banner and errors are in Chinese; --lang en-US brings English back', async () => {
  const zhEnv = { ...CLEAN_ENV, LANG: 'zh_CN.UTF-8' };
  const chinese = await started(['--auto-answer', '3'], zhEnv);
  try {
    // The same server behind the Chinese banner.
    expect((await httpJson('GET', `${chinese.url}/agent/sessions`)).status).toBe(200);
  } finally {
    chinese.stop();
  }
  for (const label of Object.values(ZH.banner.labels).filter((label) => label !== ZH.banner.labels.agentApi)) expect(chinese.stdout).toMatch(new RegExp(`^  ${label}\\s+\\S`, 'm'));
  expect(chinese.stdout).toContain(`tccc-dev-server ${VERSION} — ${ZH.tagline}`);
  expect(chinese.stdout).toContain(ZH.banner.autoAnswerAfter(3));
  expect(chinese.stdout).toContain(ZH.banner.mediaSimulated);
  expect(chinese.stdout).toContain(ZH.banner.configIntro);
  // How it was started (node <script>), with the flag a phone needs.
  expect(chinese.stdout).toContain(ZH.banner.phoneHintAndStop('node dist/bin/tccc-dev-server.js --host 0.0.0.0'));
  expect(chinese.stdout).toContain('audio-support（音频、IVR）');
  expect(chinese.stdout).toContain('（协议 v1，见 docs/protocol.zh-CN.md）');
  // Values stay as the SDK and config.js need them.
  expect(chinese.stdout).toMatch(/endpoint: 'http:\/\/127\.0\.0\.1:\d+',/);
  expect(chinese.stdout).not.toMatch(/Agent console|Backend|Ctrl-C stops/);
  // The labels line up, though a Chinese character takes two cells: the addresses start in one column.
  const column = (label: string) => {
    const line = chinese.stdout.split('\n').find((l) => l.startsWith(`  ${label}`)) as string;
    return [...line.slice(0, line.indexOf('http'))].reduce((width, char) => width + (CHINESE.test(char) ? 2 : 1), 0);
  };
  expect(column(ZH.banner.labels.console)).toBe(column(ZH.banner.labels.backend));

  const english = await started(['--lang', 'en-US'], zhEnv);
  english.stop();
  expect(english.stdout).toContain(`  Agent console  ${english.url}/`);
  expect(english.stdout).toContain(EN.banner.phoneHintAndStop('node dist/bin/tccc-dev-server.js --host 0.0.0.0'));
  expect(english.stdout).toContain('(protocol v1, docs/protocol.md)');
  // Chinese only where the English banner has it too: WeChat DevTools' own menu names.
  expect(english.stdout.replace(EN.banner.devTools, '')).not.toMatch(CHINESE);

  const seats = await run(['--seats', '0'], zhEnv);
  expect(seats.code).toBe(2);
  expect(seats.stderr).toBe(`tccc-dev-server: --seats 应为 1 到 10000 之间的数字，当前输入："0"。\n${ZH.seeHelp}\n`);
  expect((await run(['--seats', '0', '--lang', 'en-US'], zhEnv)).stderr).toContain('--seats must be a number from 1 to 10000, got "0".');
  expect((await run(['--frobnicate'], zhEnv)).stderr).toContain("未知参数 '--frobnicate'");
  expect((await run(['--lang', 'fr'], zhEnv)).stderr).toContain('--lang 只能是 zh-CN 或 en-US，当前输入："fr"。');
  expect((await run(['--lang', 'fr'])).stderr).toContain('--lang takes zh-CN or en-US, got "fr".');
  const keyFile = path.join(WORK, 'missing.key');
  expect((await run(['--trtc-sdk-app-id', '1400000020', '--trtc-secret-key-file', keyFile], zhEnv)).stderr).toContain(`无法读取密钥文件 ${keyFile}（ENOENT）。`);
  const channels = path.join(WORK, 'duplicate-channels.json');
  fs.writeFileSync(channels, JSON.stringify([{ id: 'a' }, { id: 'a' }]));
  expect((await run(['--channels', channels], zhEnv)).stderr).toContain(`${channels}：第 2 个渠道：id "a" 重复`);
  expect((await run(['--channels', channels])).stderr).toContain(`${channels}: channel #2: duplicate id "a"`);
});

/** What a phone hears of its call on `url` until the agent answers: the ringing and accepted events' seat names. */
async function seatNamesOnThePhone(url: string): Promise<string[]> {
  const login = await httpJson('POST', `${url}/v1/login`, { sdkAppId: '1400000020', jsCode: `code-${Math.random()}` });
  const created = await httpJson('POST', `${url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, { authorization: `Bearer ${login.body.token}` });
  const ws = new WebSocket(`${url.replace('http', 'ws')}/v1/events`);
  const frames: Array<{ type: string; seatName?: string }> = [];
  ws.on('message', (data) => frames.push(JSON.parse(String(data))));
  try {
    await new Promise((resolve, reject) => {
      ws.on('open', resolve);
      ws.on('error', reject);
    });
    ws.send(JSON.stringify({ type: 'hello', token: login.body.token, since: created.body.signaling.since }));
    const deadline = Date.now() + 5000;
    while (!frames.some((frame) => frame.type === 'accepted') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    ws.close();
  }
  return frames.filter((frame) => frame.type === 'ringing' || frame.type === 'accepted').map((frame) => `${frame.type} ${frame.seatName}`);
}

test('the seat names a phone hears are in the language the simulator speaks, as its agent console says them', async () => {
  const zhEnv = { ...CLEAN_ENV, LANG: 'zh_CN.UTF-8' };
  const consoleTexts = loadConsoleTexts();
  const heard = async (args: string[], env: NodeJS.ProcessEnv) => {
    const server = await started(['--auto-answer', '0', ...args], env);
    try {
      const names = await seatNamesOnThePhone(server.url);
      // The agent API keeps the seat's own name: the console shows it in its own language.
      const calls = (await httpJson('GET', `${server.url}/agent/sessions`)).body.sessions as Array<{ seatName: string }>;
      return { names, agentApi: calls.map((call) => call.seatName) };
    } finally {
      server.stop();
    }
  };
  const chinese = consoleTexts['zh-CN'].demo_agentLin;
  expect(chinese).toMatch(/^座席/);
  expect(await heard([], zhEnv)).toEqual({ names: [`ringing ${chinese}`, `accepted ${chinese}`], agentApi: ['Agent Lin'] });
  expect(await heard(['--lang', 'zh-CN'], CLEAN_ENV)).toEqual({ names: [`ringing ${chinese}`, `accepted ${chinese}`], agentApi: ['Agent Lin'] });
  expect(await heard([], CLEAN_ENV)).toEqual({ names: ['ringing Agent Lin', 'accepted Agent Lin'], agentApi: ['Agent Lin'] });
  expect(await heard(['--lang', 'en-US'], zhEnv)).toEqual({ names: ['ringing Agent Lin', 'accepted Agent Lin'], agentApi: ['Agent Lin'] });
  // The numbered seats of --seats n too.
  expect((await heard(['--seats', '3'], zhEnv)).names).toEqual([`ringing ${fill(consoleTexts['zh-CN'].demo_agentNumbered, { n: 1 })}`, `accepted ${fill(consoleTexts['zh-CN'].demo_agentNumbered, { n: 1 })}`]);
  expect((await heard(['--seats', '3'], CLEAN_ENV)).names).toEqual(['ringing Agent 1', 'accepted Agent 1']);
});

test('LC_ALL, then LC_MESSAGES, then LANG: the first set decides, as for any POSIX program', async () => {
  const help = async (env: NodeJS.ProcessEnv) => (await run(['--help'], { ...CLEAN_ENV, ...env })).stdout;
  expect(await help({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toContain(ZH.usage);
  expect(await help({ LC_MESSAGES: 'zh_CN.UTF-8' })).toContain(ZH.usage);
  expect(await help({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toContain(EN.usage);
  const chineseHelp = await help({ LANG: 'zh_CN.UTF-8' });
  for (const option of CLI_OPTIONS) expect(chineseHelp).toContain(`${option.zh.help}`);
});

test('beyond loopback the Chinese banner warns as loudly, with the LAN addresses', () => {
  const facts = { version: '9.9.9', port: 5700, channels: DEFAULT_CHANNELS, trtcSdkAppId: '1400000020', autoAnswerSeconds: undefined, language: 'zh-CN' as const };
  const lan = [{ name: 'eth0', address: '192.168.1.23', family: 'IPv4' as const }];
  const wide = startBanner({ ...facts, host: '0.0.0.0', lanAddresses: lan, agentToken: 'made-up-token', agentTokenGenerated: true });
  expect(wide).toContain('!! 警告：正在监听所有网络接口（0.0.0.0）的 5700 端口，网络中的其他设备都能访问。');
  expect(wide).toContain(`!! ${ZH.exposure.phoneAt}\n!!   http://192.168.1.23:5700`);
  expect(wide).toContain('  座席控制台  http://127.0.0.1:5700/#token=made-up-token');
  expect(wide).toContain(`  座席 API    ${ZH.banner.tokenMadeUp('made-up-token')}`);
  expect(wide).toContain(ZH.banner.mediaReal('1400000020'));
  expect(wide.endsWith(`${ZH.banner.stop}\n`)).toBe(true);
  expect(startBanner({ ...facts, host: '0.0.0.0', lanAddresses: [], agentToken: 't0ken-t0ken', agentTokenGenerated: false })).toContain(`!! ${ZH.exposure.noLanAddress}`);
});

test("README.zh-CN.md's options table is the Chinese one --help prints in a Chinese terminal", () => {
  expect(fs.readFileSync(path.join(ROOT, 'README.zh-CN.md'), 'utf8')).toContain(optionsTable('zh-CN'));
  const untranslated = CLI_OPTIONS.filter((option) => !CHINESE.test(option.zh.help) || (option.zh.readme !== undefined && !CHINESE.test(option.zh.readme)));
  expect(untranslated.map((option) => option.name)).toEqual([]);
});

describe('what the banner tells an app (F8–F10 of the newcomer report)', () => {
  const facts = { version: '9.9.9', host: '127.0.0.1', port: 5700, channels: DEFAULT_CHANNELS, trtcSdkAppId: null, autoAnswerSeconds: undefined, lanAddresses: [], agentToken: null, agentTokenGenerated: false };

  test('every channel, with the calls it takes: an audio app and a video app are told different ids', () => {
    for (const language of ['en-US', 'zh-CN'] as const) {
      const banner = startBanner({ ...facts, language });
      const calls = STARTUP_TEXTS[language].banner.channelCalls;
      expect(banner).toMatch(new RegExp(`'audio-support'\\s+${calls.audio}${calls.ivr}\n`));
      expect(banner).toMatch(new RegExp(`'video-support'\\s+${calls.video}\n`));
      expect(banner).toMatch(new RegExp(`'support'\\s+${calls.both}\n`));
      expect(banner).toContain(`${calls.both}${calls.closed}`);
      // No one channelId offered to every app.
      expect(banner).not.toMatch(/channelId: '/);
    }
  });

  test('where config.js is: in an app made by the scaffolder (config.ts in TypeScript), or in the subpackage add put into an existing app (packageTccc/, or its --root)', () => {
    for (const language of ['en-US', 'zh-CN'] as const) {
      const lines = startBanner({ ...facts, language }).split('\n');
      const intro = lines[lines.findIndex((line) => line.startsWith('  endpoint: ')) - 1];
      expect([language, intro]).toEqual([language, STARTUP_TEXTS[language].banner.configIntro]);
      expect(intro).toMatch(/(^|[^/])config\.js/);
      expect(intro).toContain('packageTccc/config.js');
      expect(intro).toContain('config.ts');
      expect(intro).toContain('--root');
      // One line, no wider in a terminal than the banner's other guidance.
      expect(terminalWidth(intro)).toBeLessThanOrEqual(terminalWidth(STARTUP_TEXTS[language].banner.devTools));
    }
  });

  test('the command for a phone is the one that started it, with --host 0.0.0.0 where that command passes it on', () => {
    const args = ['--host', '0.0.0.0'];
    const from = (env: NodeJS.ProcessEnv, script = '/app/node_modules/tccc-dev-server/dist/bin/tccc-dev-server.js') => commandWith(args, { env, script, cwd: '/app' });
    const npm = 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false';
    expect(from({ npm_lifecycle_event: 'simulator', npm_config_user_agent: npm })).toBe('npm run simulator -- --host 0.0.0.0');
    expect(from({ npm_lifecycle_event: 'start', npm_config_user_agent: npm }, '/clone/dist/bin/tccc-dev-server.js')).toBe('npm start -- --host 0.0.0.0');
    expect(from({ npm_lifecycle_event: 'simulator', npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v20.20.2 linux x64' })).toBe('pnpm run simulator --host 0.0.0.0');
    expect(from({ npm_lifecycle_event: 'simulator', npm_config_user_agent: 'yarn/1.22.22 npm/? node/v20.20.2 linux x64' })).toBe('yarn simulator --host 0.0.0.0');
    expect(from({ npm_lifecycle_event: 'npx', npm_config_user_agent: npm })).toBe('npx tccc-dev-server --host 0.0.0.0');
    expect(from({})).toBe('npx tccc-dev-server --host 0.0.0.0');
    expect(commandWith(args, { env: {}, script: '/clone/dist/bin/tccc-dev-server.js', cwd: '/clone' })).toBe('node dist/bin/tccc-dev-server.js --host 0.0.0.0');
    expect(commandWith(args, { env: {}, script: '/my clone/dist/bin/x.js', cwd: '/' })).toBe("node 'my clone/dist/bin/x.js' --host 0.0.0.0");
  });

  test('the protocol doc it names exists where it runs: the clone\'s docs/, an installed package\'s own copy in both languages', () => {
    expect(protocolDocPath('zh-CN', path.join(ROOT, 'dist', 'bin'), ROOT)).toBe(path.join('docs', 'protocol.zh-CN.md'));
    const shipped = execFileSync('tar', ['-tzf', packedTarballs().devServer], { encoding: 'utf8' }).split('\n');
    expect(shipped).toEqual(expect.arrayContaining(['package/dist/docs/protocol.md', 'package/dist/docs/protocol.zh-CN.md']));
    // An app: tccc-dev-server installed in node_modules, the banner's path relative to the app.
    const app = path.join(WORK, 'app');
    const installed = path.join(app, 'node_modules', 'tccc-dev-server');
    fs.rmSync(app, { recursive: true, force: true });
    fs.mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', packedTarballs().devServer, '-C', installed, '--strip-components=1']);
    for (const language of ['en-US', 'zh-CN'] as const) {
      const doc = protocolDocPath(language, path.join(installed, 'dist', 'bin'), app);
      expect(doc).toBe(path.join('node_modules', 'tccc-dev-server', 'dist', 'docs', language === 'zh-CN' ? 'protocol.zh-CN.md' : 'protocol.md'));
      expect(fs.readFileSync(path.join(app, doc), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'docs', path.basename(doc)), 'utf8'));
    }
  });
});
