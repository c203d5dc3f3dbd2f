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
import { httpJson } from '../support/agent';

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
      const match = /Ctrl-C stops the server/.test(stdout) ? /Agent console\s+(http:\/\/[^/\s]+)/.exec(stdout) : null;
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
