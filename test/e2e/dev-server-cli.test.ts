/**
 * The tccc-dev-server command line: -v/-h alike, the README's options table generated from the same list
 * as --help, where the TRTC secret key may come from (and the warning for the one that shows in `ps`),
 * the agent token, and the start banner beyond loopback (real LAN addresses, a loud warning).
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { lanAddresses } from '../../dev-server/addresses';
import { startBanner } from '../../dev-server/banner';
import { DEFAULT_CHANNELS } from '../../dev-server/channels';
import { CLI_OPTIONS, optionsTable } from '../../dev-server/cli-options';
import { STARTUP_TEXTS } from '../../dev-server/startup-texts';
import { httpJson } from '../../testing/http';

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
  expect((await run(['--agent-token', 'short'])).stderr).toContain('8 to 200 visible ASCII characters');
  expect((await run(['--allow-origin', 'evil.example/path'])).stderr).toContain('--allow-origin takes an origin');
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
  expect(chinese.stdout).toContain(ZH.banner.phoneHintAndStop);
  expect(chinese.stdout).toContain('audio-support（音频，IVR）');
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
  expect(english.stdout).toContain(EN.banner.phoneHintAndStop);
  // Chinese only where the English banner has it too: WeChat DevTools' own menu names.
  expect(english.stdout.replace(EN.banner.devTools, '')).not.toMatch(CHINESE);

  const seats = await run(['--seats', '0'], zhEnv);
  expect(seats.code).toBe(2);
  expect(seats.stderr).toBe(`tccc-dev-server: --seats 必须是 1 到 10000 之间的数字，收到的是 "0"。\n${ZH.seeHelp}\n`);
  expect((await run(['--seats', '0', '--lang', 'en-US'], zhEnv)).stderr).toContain('--seats must be a number from 1 to 10000, got "0".');
  expect((await run(['--frobnicate'], zhEnv)).stderr).toContain("未知参数 '--frobnicate'");
  expect((await run(['--lang', 'fr'], zhEnv)).stderr).toContain('--lang 只接受 zh-CN 或 en-US，收到的是 "fr"。');
  expect((await run(['--lang', 'fr'])).stderr).toContain('--lang takes zh-CN or en-US, got "fr".');
  const keyFile = path.join(WORK, 'missing.key');
  expect((await run(['--trtc-sdk-app-id', '1400000020', '--trtc-secret-key-file', keyFile], zhEnv)).stderr).toContain(`无法读取密钥文件 ${keyFile}（ENOENT）。`);
  const channels = path.join(WORK, 'duplicate-channels.json');
  fs.writeFileSync(channels, JSON.stringify([{ id: 'a' }, { id: 'a' }]));
  expect((await run(['--channels', channels], zhEnv)).stderr).toContain(`${channels}：第 2 个渠道：id "a" 重复`);
  expect((await run(['--channels', channels])).stderr).toContain(`${channels}: channel #2: duplicate id "a"`);
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
  expect(wide).toContain('  坐席控制台  http://127.0.0.1:5700/#token=made-up-token');
  expect(wide).toContain(`  坐席 API    ${ZH.banner.tokenMadeUp('made-up-token')}`);
  expect(wide).toContain(ZH.banner.mediaReal('1400000020'));
  expect(wide).toMatch(new RegExp(`${ZH.banner.stop}\\n$`));
  expect(startBanner({ ...facts, host: '0.0.0.0', lanAddresses: [], agentToken: 't0ken-t0ken', agentTokenGenerated: false })).toContain(`!! ${ZH.exposure.noLanAddress}`);
});

test("README.zh-CN.md's options table is the Chinese one --help prints in a Chinese terminal", () => {
  expect(fs.readFileSync(path.join(ROOT, 'README.zh-CN.md'), 'utf8')).toContain(optionsTable('zh-CN'));
  const untranslated = CLI_OPTIONS.filter((option) => !CHINESE.test(option.zh.help) || (option.zh.readme !== undefined && !CHINESE.test(option.zh.readme)));
  expect(untranslated.map((option) => option.name)).toEqual([]);
});
