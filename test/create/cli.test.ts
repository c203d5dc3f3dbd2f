/**
 * The built create-tccc-miniprogram CLI as a user meets it: flags, every validation error, secrets
 * refused, a non-empty directory, hostile inputs, the install step, and questions answered in a pseudo
 * terminal (with Ctrl-C).
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { filesUnder } from '../support/files-under';
import { KEYS, runInPty } from '../support/pty';
import { TEST_DEPENDENCIES } from '../../create/app-tests';
import { CLI, DEAD_REGISTRY, UNPRIVILEGED, emptyFolderPerTest, expectedFileList, runCli, scaffoldEnv } from './scaffold-helpers';

const DEV_SERVER = path.resolve(__dirname, '../../dist/bin/tccc-dev-server.js');
const WORK = path.resolve(__dirname, '../../.tmp/create-cli');
const VERSION = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version as string;
const caseFolder = emptyFolderPerTest(WORK);
let cwd: string;
beforeEach(() => (cwd = caseFolder()));

function cli(args: string[], env: NodeJS.ProcessEnv = {}, bin = CLI, user = {}): ReturnType<typeof runCli> {
  return runCli(args, cwd, env, bin, user);
}

function created(dir = 'my-app'): string[] {
  const root = path.join(cwd, dir);
  return fs.existsSync(root) ? filesUnder(root).map((file) => path.relative(root, file).split(path.sep).join('/')).sort() : [];
}

function configOf(dir = 'my-app'): Record<string, string> {
  const sandbox = { module: { exports: {} as Record<string, string> } };
  vm.runInNewContext(fs.readFileSync(path.join(cwd, dir, 'config.js'), 'utf8'), sandbox);
  return sandbox.module.exports;
}

test('-v/--version and -h/--help, alike in the scaffolder and the simulator', async () => {
  for (const bin of [CLI, DEV_SERVER]) {
    for (const flag of ['-v', '--version']) expect((await cli([flag], {}, bin)).stdout.trim()).toBe(VERSION);
    for (const flag of ['-h', '--help']) {
      const shown = await cli([flag], {}, bin);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(/-h, --help\s+show this help/);
      expect(shown.stdout).toMatch(/-v, --version\s+show the version/);
    }
  }
  const help = (await cli(['--help'])).stdout;
  for (const flag of ['--core', '--template', '--sdk-app-id', '--channel-id', '--appid', '--server', '--typescript', '--no-tests', '--yes', '--overwrite', '--skip-install', '--use-npm', '--use-pnpm', '--use-yarn']) expect(help).toContain(flag);
  expect(help).not.toContain('secret');
});

test('non-interactive with no flags: every default, a working project, next steps for npm', async () => {
  const result = await cli(['my-app', '--skip-install']);
  expect(result.code).toBe(0);
  expect(created()).toEqual(expectedFileList('audio'));
  expect(configOf()).toEqual({ sdkAppId: '1400000001', channelId: 'audio-support', endpoint: 'http://127.0.0.1:5700' });
  expect(JSON.parse(fs.readFileSync(path.join(cwd, 'my-app', 'project.config.json'), 'utf8')).appid).toBe('touristappid');
  const app = JSON.parse(fs.readFileSync(path.join(cwd, 'my-app', 'app.json'), 'utf8'));
  expect(app.requiredBackgroundModes).toEqual(['audio']);
  expect(app.pages).toEqual(['pages/call/index']);
  expect(result.stdout).toMatch(/cd my-app\n\s+npm install\n\s+npm run simulator/);
  // Last, the app's own test, which needs no DevTools.
  expect(result.stdout).toMatch(/\n\n  Without WeChat DevTools \(on Linux and in CI too\), the app tests its call page:\n  npm run test +# 构建 npm, WeChat's code-quality check, a call from the page that an agent answers\n$/);
  const manifest = JSON.parse(fs.readFileSync(path.join(cwd, 'my-app', 'package.json'), 'utf8'));
  expect(manifest.dependencies['tccc-wx-sdk']).toBe(`npm:open-tccc-wx-sdk@^${VERSION}`);
  // The app's own test, with its tools as dev dependencies (create/app-tests.ts).
  expect(manifest.devDependencies).toEqual({ 'tccc-dev-server': `^${VERSION}`, ...TEST_DEPENDENCIES });
  expect(manifest.scripts).toEqual({ simulator: 'tccc-dev-server', test: 'jest', postinstall: 'node scripts/name-core.js' });
  expect(manifest.jest).toEqual({ preset: 'tccc-dev-server/testing' });
  expect(fs.readFileSync(path.join(cwd, 'my-app', 'README.md'), 'utf8')).toContain('wss://api.tccc.qcloud.com');
});

test('--no-tests: no test file, no test tools, no npm test; the README and next steps say nothing of one', async () => {
  const result = await cli(['my-app', '--no-tests', '--skip-install']);
  expect(result.code).toBe(0);
  expect(created()).toEqual(expectedFileList('audio', 'open', false, false));
  const manifest = JSON.parse(fs.readFileSync(path.join(cwd, 'my-app', 'package.json'), 'utf8'));
  expect(manifest.devDependencies).toEqual({ 'tccc-dev-server': `^${VERSION}` });
  expect(manifest.scripts).toEqual({ simulator: 'tccc-dev-server', postinstall: 'node scripts/name-core.js' });
  expect(manifest).not.toHaveProperty('jest');
  expect(JSON.parse(fs.readFileSync(path.join(cwd, 'my-app', 'project.config.json'), 'utf8')).packOptions.ignore).not.toContainEqual({ type: 'folder', value: 'test' });
  expect(result.stdout).not.toContain('npm run test');
  const readme = fs.readFileSync(path.join(cwd, 'my-app', 'README.md'), 'utf8');
  expect(readme).not.toMatch(/Test it without DevTools|test\/call\.test\.js/);
});

test('the flags are used as given', async () => {
  const result = await cli(['shop-help', '--template', 'video', '--sdk-app-id', '1600012345', '--channel-id', 'ivr-7', '--appid', 'wx0123456789abcdef', '--server', 'https://cc.example.com', '--skip-install']);
  expect(result.code).toBe(0);
  expect(configOf('shop-help')).toEqual({ sdkAppId: '1600012345', channelId: 'ivr-7', endpoint: 'https://cc.example.com' });
  expect(JSON.parse(fs.readFileSync(path.join(cwd, 'shop-help', 'project.config.json'), 'utf8')).appid).toBe('wx0123456789abcdef');
  expect(JSON.parse(fs.readFileSync(path.join(cwd, 'shop-help', 'package.json'), 'utf8')).name).toBe('shop-help');
  expect(fs.readFileSync(path.join(cwd, 'shop-help', 'pages/call/index.wxml'), 'utf8')).toContain('media="video"');
});

test.each([
  [['--template', 'chat'], /Template is one of audio, video, full/],
  [['--sdk-app-id', '14000x'], /SDKAppID is 10 digits/],
  [['--channel-id', ' '], /IVR entry ID \(channelId\) must not be empty/],
  [['--appid', 'wx123'], /AppID is "wx" followed by 16 hex digits/],
  [['--appid', 'wxABCDEF0123456789'], /AppID is "wx" followed by 16 hex digits/],
  [['--server', 'ftp://example.com'], /must be http or https/],
  [['--server', 'not a url'], /must be an http\(s\) URL/],
  [['--server', 'https://me:pw@example.com'], /must not carry a user name or password/],
  [['--use-npm', '--use-yarn'], /Choose one of/],
])('%j is refused with a clear message and nothing is written', async (args, message) => {
  const result = await cli(['my-app', ...args, '--skip-install']);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(created()).toEqual([]);
});

test.each(['node_modules', 'a'.repeat(215)])('the directory name %p must make a package name npm takes', async (dir) => {
  const result = await cli([dir, '--skip-install']);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/which npm does not take/);
  expect(fs.readdirSync(cwd)).toEqual([]);
});

test.each([
  ['--secret-key', 'k3y'],
  ['--secret-id', 'AKIDabcdefghijklmnopqrstuvwxyz012345'],
  ['--sdk-app-id', 'Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4f'],
  ['--channel-id', 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE'],
])('a secret key (%s) is refused with the reason, and nothing is written', async (flag, value) => {
  const result = await cli(['my-app', flag, value, '--skip-install']);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('does not go into a mini program');
  expect(result.stderr).toContain('Keep it on your server');
  expect(created()).toEqual([]);
});

test('a non-empty directory: the conflicts listed, exit 1, nothing touched; --overwrite empties it but keeps .git', async () => {
  const target = path.join(cwd, 'my-app');
  fs.mkdirSync(path.join(target, '.git'), { recursive: true });
  fs.writeFileSync(path.join(target, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  fs.writeFileSync(path.join(target, 'notes.txt'), 'mine');
  fs.writeFileSync(path.join(target, 'config.js'), 'module.exports = { mine: true };');
  const refused = await cli(['my-app', '--skip-install']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/my-app is not empty:\n\s+config\.js\n\s+notes\.txt/);
  expect(refused.stderr).toContain('--overwrite');
  expect(fs.readFileSync(path.join(target, 'config.js'), 'utf8')).toBe('module.exports = { mine: true };');
  expect(created()).toEqual(['.git/HEAD', 'config.js', 'notes.txt']);

  const overwritten = await cli(['my-app', '--overwrite', '--skip-install']);
  expect(overwritten.code).toBe(0);
  expect(created()).toEqual([...expectedFileList('audio'), '.git/HEAD'].sort());
  expect(fs.existsSync(path.join(target, 'notes.txt'))).toBe(false);
});

test('hostile inputs make valid, inert files', async () => {
  const channelId = 'q"\'`${process.exit(1)}`</script><!-- |x| \\ \u2028\u2029 ../../etc';
  const server = 'https://cc.example.com/a"b`c';
  const result = await cli(['nested/../odd-app', '--channel-id', channelId, '--server', server, '--skip-install']);
  expect(result.code).toBe(0);
  expect(configOf('odd-app')).toEqual({ sdkAppId: '1400000001', channelId, endpoint: server });
  const files = created('odd-app');
  for (const file of files.filter((name) => name.endsWith('.json'))) expect(() => JSON.parse(fs.readFileSync(path.join(cwd, 'odd-app', file), 'utf8'))).not.toThrow();
  expect(fs.readFileSync(path.join(cwd, 'odd-app', 'pages/call/index.wxml'), 'utf8')).not.toContain('script');
  const readme = fs.readFileSync(path.join(cwd, 'odd-app', 'README.md'), 'utf8');
  expect(readme).not.toContain('</script>');
  expect(readme).not.toContain('`${');
  expect(readme.split('\n').filter((line) => line.startsWith('| `channelId`'))).toHaveLength(1);
  expect(fs.existsSync(path.join(cwd, 'etc'))).toBe(false);
});

test('install: a progress line, and a failure reported with exit 1 (the files stay)', async () => {
  // Offline with an empty cache: npm fails at once, as it would without a network.
  const result = await cli(['my-app', '--use-npm'], { npm_config_offline: 'true' });
  expect(result.stdout).toContain('Installing dependencies (npm install)');
  expect(result.stdout).toMatch(/✖ npm install failed/);
  expect(result.code).toBe(1);
  expect(created()).toEqual(expectedFileList('audio'));
});

test('the package manager that runs it shapes the next steps', async () => {
  const pnpm = await cli(['p-app', '--skip-install'], { npm_config_user_agent: 'pnpm/9.12.0 npm/? node/v20.20.2 linux x64' });
  expect(pnpm.stdout).toMatch(/pnpm install\n\s+pnpm run simulator/);
  expect(pnpm.stdout).toMatch(/\n  pnpm run test +# /);
  const yarn = await cli(['y-app', '--skip-install', '--use-yarn']);
  expect(yarn.stdout).toMatch(/\n\s+yarn\n\s+yarn simulator/);
  expect(yarn.stdout).toMatch(/\n  yarn test +# /);
});

test('--local-packages (set by npm run create) without the packed tarballs: refused, nothing written', async () => {
  fs.mkdirSync(path.join(cwd, 'packs'));
  const result = await cli(['my-app', '--local-packages', path.join(cwd, 'packs'), '--skip-install']);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`no open-tccc-wx-sdk-${VERSION}.tgz in`);
  expect(fs.readdirSync(cwd)).toEqual(['packs']);
});

test.each(['pnpm', 'yarn'])('--use-%s where it does not run: one message before anything is written', async (manager) => {
  // PATH holds nothing, so no package manager runs.
  const empty = path.join(cwd, 'empty-path');
  fs.mkdirSync(empty);
  const result = await cli(['my-app', `--use-${manager}`], { PATH: empty });
  expect(result.code).toBe(1);
  expect(result.stderr.match(/does not run here/g)).toHaveLength(1);
  expect(result.stderr).toContain(`${manager} --version`);
  expect(result.stdout).toBe('');
  expect(fs.readdirSync(cwd)).toEqual(['empty-path']);
});

describe('--core tccc: Tencent\'s tccc-wx-sdk', () => {
  test('with --yes and the two ids: no endpoint, no simulator, Tencent\'s package, the doc\'s checklist', async () => {
    const result = await cli(['my-app', '--core', 'tccc', '--yes', '--sdk-app-id', '1400000001', '--channel-id', '12345', '--skip-install']);
    expect(result.code).toBe(0);
    expect(created()).toEqual(expectedFileList('audio', 'tccc'));
    expect(configOf()).toEqual({ sdkAppId: '1400000001', channelId: '12345' });
    const manifest = JSON.parse(fs.readFileSync(path.join(cwd, 'my-app', 'package.json'), 'utf8'));
    // No simulator to run: tccc-dev-server comes only for the app's own test (its testing entry and the double).
    expect(manifest.scripts).toEqual({ test: 'jest', postinstall: 'node scripts/name-core.js' });
    expect(manifest.devDependencies).toEqual({ 'tccc-dev-server': `^${VERSION}`, ...TEST_DEPENDENCIES });
    expect(manifest.dependencies).toEqual({ 'tccc-call-kit': `^${VERSION}`, 'tccc-wx-sdk': '>=1.0.0' });
    const appJs = fs.readFileSync(path.join(cwd, 'my-app', 'app.js'), 'utf8');
    expect(appJs).not.toMatch(/configure|require/);
    // Every printed step is true for this core: no simulator, no domain check switched off.
    expect(result.stdout).toMatch(/cd my-app\n\s+npm install\n\n/);
    expect(result.stdout).toMatch(/WeChat DevTools cannot run a TCCC call\.\n\n  Without WeChat DevTools \(on Linux and in CI too\), the app tests its call page:\n  npm run test +# /);
    expect(result.stdout).not.toMatch(/simulator|tccc-dev-server|不校验合法域名/);
    expect(result.stdout).toContain('WeChat DevTools cannot run a TCCC call');
    const readme = fs.readFileSync(path.join(cwd, 'my-app', 'README.md'), 'utf8');
    for (const item of ['enterprise', '实时播放音视频流', '实时录制音视频流', 'WeChat DevTools cannot run a TCCC call', 'Switch core', 'npm:open-tccc-wx-sdk@^']) expect(readme).toContain(item);
    const domains = ['https://api.tccc.qcloud.com', 'https://yun.tim.qq.com', 'https://web.sdk.qcloud.com', 'https://webim.tim.qq.com', 'wss://api.tccc.qcloud.com', 'wss://wss.im.qcloud.com', 'wss://wss.tim.qq.com'];
    for (const domain of domains) expect(readme).toContain(domain);
    expect(readme).not.toMatch(/npm run simulator|不校验合法域名/);
  });

  test('the open core\'s README says how to switch to this one', async () => {
    expect((await cli(['my-app', '--yes', '--skip-install'])).code).toBe(0);
    const readme = fs.readFileSync(path.join(cwd, 'my-app', 'README.md'), 'utf8');
    expect(readme).toContain('Switch core');
    expect(readme).toContain('"tccc-wx-sdk": ">=1.0.0"');
  });

  test.each([
    [['--core', 'tccc', '--yes'], /give --sdk-app-id and --channel-id/],
    [['--core', 'tccc', '--yes', '--sdk-app-id', '1400000001', '--channel-id', '1', '--server', 'https://cc.example.com'], /--server is for the open core/],
    [['--core', 'tencent'], /Core is tccc .* or open/],
  ])('%j is refused, and nothing is written', async (args, message) => {
    const result = await cli(['my-app', ...args, '--skip-install']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(created()).toEqual([]);
  });
});

describe('in a terminal', () => {
  test('asks where calls go first; for tccc, no backend question and no default ids', async () => {
    const session = runInPty([process.execPath, CLI, 'desk', '--template', 'audio', '--appid', 'touristappid', '--skip-install'], { cwd, env: scaffoldEnv(DEAD_REGISTRY, cwd) });
    await session.waitFor('Where do calls go?');
    session.type(`${KEYS.down}${KEYS.enter}`);
    await session.waitFor('SDKAppID of your TCCC application');
    session.type(KEYS.enter);
    await session.waitFor('is 10 digits');
    session.type(`1600000042${KEYS.enter}`);
    await session.waitFor('IVR entry ID (channelId)');
    session.type(`8848${KEYS.enter}`);
    await session.waitFor('TypeScript?');
    session.type(KEYS.enter);
    expect(await session.exit).toBe(0);
    expect(session.output()).not.toContain('Backend server');
    expect(configOf('desk')).toEqual({ sdkAppId: '1600000042', channelId: '8848' });
  });

  const env = () => scaffoldEnv(DEAD_REGISTRY, cwd);

  test('asks for what the flags did not give, re-asks on bad answers and refuses a secret', async () => {
    const session = runInPty([process.execPath, CLI, '--skip-install'], { cwd, env: env() });
    await session.waitFor('Project directory:');
    session.type(`node_modules${KEYS.enter}`);
    await session.waitFor('which npm does not take');
    session.type(`${KEYS.backspace.repeat(12)}desk${KEYS.enter}`);
    await session.waitFor('Where do calls go?');
    session.type(KEYS.enter);
    await session.waitFor('Template:');
    session.type(`${KEYS.down}${KEYS.enter}`);
    await session.waitFor('SDKAppID (keep the default for the simulator)');
    session.type(`Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4f${KEYS.enter}`);
    await session.waitFor('does not go into a mini program');
    session.type(`${KEYS.backspace.repeat(32)}1600000042${KEYS.enter}`);
    await session.waitFor('IVR entry ID (channelId)');
    session.type(KEYS.enter);
    await session.waitFor('Mini program AppID');
    session.type(`wx0123456789abcdef${KEYS.enter}`);
    await session.waitFor('Backend server');
    session.type(KEYS.enter);
    await session.waitFor('TypeScript?');
    session.type(`y${KEYS.enter}`);
    expect(await session.exit).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'desk', 'pages/call/index.ts'))).toBe(true);
    expect(fs.readFileSync(path.join(cwd, 'desk', 'config.ts'), 'utf8')).toMatch(/sdkAppId = "1600000042";[\s\S]*channelId = "video-support";[\s\S]*endpoint = "http:\/\/127\.0\.0\.1:5700";/);
    expect(fs.readFileSync(path.join(cwd, 'desk', 'pages/call/index.wxml'), 'utf8')).toContain('media="video"');
  });

  test('Ctrl-C at a question exits non-zero with a short message and writes nothing', async () => {
    const session = runInPty([process.execPath, CLI, '--skip-install'], { cwd, env: env() });
    await session.waitFor('Project directory:');
    session.type(KEYS.ctrlC);
    expect(await session.exit).toBe(130);
    expect(session.output()).toContain('Cancelled.');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  test('a non-empty directory: asked before any other question, and "no" changes nothing', async () => {
    fs.mkdirSync(path.join(cwd, 'my-app'));
    fs.writeFileSync(path.join(cwd, 'my-app', 'keep.txt'), 'mine');
    const session = runInPty([process.execPath, CLI, 'my-app', '--skip-install'], { cwd, env: env() });
    await session.waitFor('Empty this directory and create the project here?');
    expect(session.output()).toMatch(/not empty:\s+keep\.txt/);
    expect(session.output()).not.toContain('Where do calls go?');
    session.type(`n${KEYS.enter}`);
    expect(await session.exit).toBe(1);
    expect(session.output()).toContain('nothing was changed');
    expect(created()).toEqual(['keep.txt']);
  });

  test('a non-empty directory: "yes", then Ctrl-C at the next question, and it is still untouched', async () => {
    fs.mkdirSync(path.join(cwd, 'my-app'));
    fs.writeFileSync(path.join(cwd, 'my-app', 'keep.txt'), 'mine');
    const session = runInPty([process.execPath, CLI, '--skip-install'], { cwd, env: env() });
    await session.waitFor('Project directory:');
    session.type(`${KEYS.backspace.repeat(16)}my-app${KEYS.enter}`);
    await session.waitFor('Empty this directory and create the project here?');
    session.type(`y${KEYS.enter}`);
    await session.waitFor('Where do calls go?');
    session.type(KEYS.ctrlC);
    expect(await session.exit).toBe(130);
    expect(created()).toEqual(['keep.txt']);
  });

  // Every option but the last question given: the folder fills while that question is open (issue 24, N7).
  const lastQuestionOnly = ['proj', '--core', 'open', '--template', 'audio', '--sdk-app-id', '1400000001', '--channel-id', 'audio-support', '--appid', 'touristappid', '--server', 'http://127.0.0.1:5700', '--skip-install'];
  const fillWhileAsked = async (session: ReturnType<typeof runInPty>) => {
    await session.waitFor('TypeScript?');
    fs.mkdirSync(path.join(cwd, 'proj'));
    fs.writeFileSync(path.join(cwd, 'proj', 'important.txt'), 'work');
    session.type(KEYS.enter);
    await session.waitFor('Empty this directory and create the project here?');
    expect(session.output()).toMatch(/proj changed while the questions were open\.\s+proj is not empty:\s+important\.txt/);
  };

  test('a folder that fills while the questions are open is never emptied unasked: listed, asked again, and "no" keeps it', async () => {
    const session = runInPty([process.execPath, CLI, ...lastQuestionOnly], { cwd, env: env() });
    await fillWhileAsked(session);
    session.type(`n${KEYS.enter}`);
    expect(await session.exit).toBe(1);
    expect(created('proj')).toEqual(['important.txt']);
  });

  test('the same folder, and "yes": emptied, then created', async () => {
    const session = runInPty([process.execPath, CLI, ...lastQuestionOnly], { cwd, env: env() });
    await fillWhileAsked(session);
    session.type(`y${KEYS.enter}`);
    expect(await session.exit).toBe(0);
    expect(created('proj')).toEqual(expectedFileList('audio'));
  });
});

describe('in Chinese: LC_ALL / LC_MESSAGES / LANG starting with zh, or --lang zh-CN', () => {
  const zh = { LANG: 'zh_CN.UTF-8' };

  test('progress and next steps, the generated README and the comments of config.js in Chinese; the values as in English', async () => {
    const result = await cli(['my-app', '--skip-install'], zh);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`✔ 已在 ${path.join(cwd, 'my-app')} 创建 my-app（audio、open-tccc-wx-sdk）`);
    expect(result.stdout).toMatch(/接下来：\n\s+cd my-app\n\s+npm install\n\s+npm run simulator\s+# 启动本地联络中心，在座席控制台中接听呼叫/);
    expect(result.stdout).toContain('  不用微信开发者工具（在 Linux 和 CI 中也能运行），应用可以自己测试通话页面：\n  npm run test      # 「构建 npm」、微信代码质量检查、从页面发起呼叫并由座席接听');
    expect(result.stdout).toContain('在微信开发者工具中打开该目录，勾选「详情 → 本地设置 → 不校验合法域名」，然后点击菜单「工具 → 构建 npm」。');
    expect(result.stdout).toContain('点击「语音呼叫」按钮，在座席控制台中接听。');
    expect(result.stdout).not.toMatch(/Next:|Open the folder|Created/);
    expect(created()).toEqual(expectedFileList('audio'));
    expect(configOf()).toEqual({ sdkAppId: '1400000001', channelId: 'audio-support', endpoint: 'http://127.0.0.1:5700' });
    const config = fs.readFileSync(path.join(cwd, 'my-app', 'config.js'), 'utf8');
    expect(config).toContain('// 应用的 SDKAppID（10 位数字）。本地模拟器接受任意值。');
    expect(config).not.toMatch(/\/\/ [A-Z][a-z]/);
    const readme = fs.readFileSync(path.join(cwd, 'my-app', 'README.md'), 'utf8');
    for (const heading of ['## 运行', '## 在手机上运行', '## 切换内核', '## 不用开发者工具测试', '## 服务器域名', '## 文件']) expect(readme).toContain(heading);
    expect(readme).not.toMatch(/## (Run it|Switch core|Files)/);
  });

  test('--help and commander\'s own errors in Chinese, by the locale or by --lang given anywhere on the line', async () => {
    const help = await cli(['--help'], zh);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^用法：/);
    expect(help.stdout).toContain('选项：');
    expect(help.stdout).toContain('通话接入到哪里');
    // Every described flag reads in Chinese; the flags themselves stay as they are.
    for (const line of help.stdout.split('\n').filter((text) => /^\s+-/.test(text))) expect(line).toMatch(/[\u4e00-\u9fff]/);
    expect((await cli(['--help', '--lang', 'zh-CN'])).stdout).toMatch(/^用法：/);
    expect((await cli(['--lang=en-US', '--help'], zh)).stdout).toMatch(/^Usage:/);
    const unknown = await cli(['--templat', 'audio', '--lang', 'zh-CN']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('错误：未知选项 --templat');
    expect(unknown.stderr).toContain('（你是想用 --template 吗？）');
    expect(unknown.stderr).not.toContain('error: unknown option');
    // The help shown after an error reads as --help does: no space after a full-width colon.
    expect(unknown.stderr).toContain('用法：create-tccc-miniprogram [选项] [dir]');
    expect(unknown.stderr).not.toMatch(/：[ ]/);
    expect((await cli(['--core'], zh)).stderr).toContain('错误：选项 --core <core> 缺少参数值');
  });

  test('the README of each language has the same sections, tables, commands and links, on each core', async () => {
    const tccc = ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '12345', '--typescript'];
    for (const [dir, env, flags] of [['en-app', {}, tccc], ['zh-app', zh, tccc], ['en-open', {}, ['--template', 'full']], ['zh-open', zh, ['--template', 'full']]] as const) {
      expect((await cli([dir, ...flags, '--skip-install'], env)).code).toBe(0);
    }
    const shape = (dir: string) => {
      const text = fs.readFileSync(path.join(cwd, dir, 'README.md'), 'utf8').replace(new RegExp(dir, 'g'), 'APP');
      return {
        headings: text.match(/^#+ /gm)!.length,
        tableRows: text.match(/^\|/gm)!.length,
        // Code spans, but for those with words of the language in them (a placeholder such as <your LAN address>).
        code: text.match(/`[^`\n]+`/g)!.filter((span) => !/[\u4e00-\u9fff]|<[^>]* [^>]*>/.test(span)).sort(),
        links: text.match(/\]\([^)]+\)/g)!.sort(),
      };
    };
    expect(shape('zh-app')).toEqual(shape('en-app'));
    expect(shape('zh-open')).toEqual(shape('en-open'));
    const config = fs.readFileSync(path.join(cwd, 'zh-app', 'config.ts'), 'utf8');
    expect(config).toContain('// TCCC 应用的 SDKAppID（在 TCCC 控制台查看）。');
    expect(config).toMatch(/export const sdkAppId = "1400000001";[\s\S]*export const channelId = "12345";/);
  });

  test.each([
    [['--sdk-app-id', '14000x'], /SDKAppID 应为 10 位数字/],
    [['--server', 'ftp://example.com'], /后端服务地址只能使用 http 或 https/],
    [['--channel-id', 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE'], /密钥不能放进小程序/],
    [['--core', 'tccc', '--yes'], /请提供 --sdk-app-id 和 --channel-id/],
    [['--lang', 'fr'], /--lang 只能是 zh-CN 或 en-US/],
  ])('%j: refused in Chinese, nothing written', async (args, message) => {
    const result = await cli(['my-app', ...args, '--skip-install'], zh);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(created()).toEqual([]);
  });

  test('which variable decides: LC_ALL, then LC_MESSAGES, then LANG; --lang over all of them', async () => {
    const said = async (env: NodeJS.ProcessEnv, args: string[] = []) => ((await cli(['my-app', '--sdk-app-id', 'x', ...args], env)).stderr.includes('应为 10 位数字') ? 'zh' : 'en');
    expect(await said({ LC_MESSAGES: 'zh_CN.UTF-8' })).toBe('zh');
    expect(await said({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(await said({ LANG: 'zh_TW.UTF-8' })).toBe('zh');
    expect(await said(zh, ['--lang', 'en-US'])).toBe('en');
    expect(await said({}, ['--lang', 'zh-CN'])).toBe('zh');
  });

  test('in a terminal: the questions, a validation error and the overwrite question in Chinese', async () => {
    fs.mkdirSync(path.join(cwd, 'desk'));
    fs.writeFileSync(path.join(cwd, 'desk', 'keep.txt'), 'mine');
    const session = runInPty([process.execPath, CLI, '--skip-install'], { cwd, env: { ...scaffoldEnv(DEAD_REGISTRY, cwd), ...zh } });
    await session.waitFor('项目目录：');
    session.type(`${KEYS.backspace.repeat(16)}desk${KEYS.enter}`);
    await session.waitFor('不是空目录');
    await session.waitFor('是否清空该目录并在此创建项目？');
    session.type(`y${KEYS.enter}`);
    await session.waitFor('通话要接入到哪里？');
    expect(session.output()).toContain('腾讯云联络中心 TCCC');
    expect(session.output()).toContain('↑↓ 上下移动 • ⏎ 确认');
    session.type(KEYS.enter);
    await session.waitFor('模板：');
    session.type(KEYS.enter);
    await session.waitFor('SDKAppID（使用模拟器时保留默认值即可）：');
    session.type(`${KEYS.backspace.repeat(10)}12a${KEYS.enter}`);
    await session.waitFor('SDKAppID 应为 10 位数字');
    session.type(`${KEYS.backspace.repeat(3)}1600000042${KEYS.enter}`);
    await session.waitFor('IVR 入口 ID（channelId）：');
    session.type(KEYS.enter);
    await session.waitFor('小程序 AppID');
    session.type(KEYS.enter);
    await session.waitFor('后端服务地址（endpoint）：');
    session.type(KEYS.enter);
    await session.waitFor('使用 TypeScript？');
    session.type(KEYS.enter);
    expect(await session.exit).toBe(0);
    expect(session.output()).toContain('接下来：');
    expect(configOf('desk')).toEqual({ sdkAppId: '1600000042', channelId: 'audio-support', endpoint: 'http://127.0.0.1:5700' });
    expect(fs.existsSync(path.join(cwd, 'desk', 'keep.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(cwd, 'desk', 'README.md'), 'utf8')).toContain('## 切换内核');
  });
});

describe('target path, filesystem and --server safety', () => {
  test.each([['$(touch PWNED)/app'], ['`touch PWNED`/app'], ['a;touch PWNED/app'], ["it's/app"], ['x\nrm/app'], ['~/app']])(
    'every segment of the path is checked: %j is refused and nothing runs or is written',
    async (dir) => {
      const result = await cli([dir, '--skip-install']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/must not contain .*is not a safe folder name/);
      expect(fs.readdirSync(cwd)).toEqual([]);
    },
  );

  test('the next steps quote the path for the shell', async () => {
    const result = await cli(['my projects/call-app', '--skip-install']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("cd 'my projects/call-app'\n");
    expect(created('my projects/call-app')).toEqual(expectedFileList('audio'));
  });

  test('filesystem problems are one clear line and exit 1: a file in the way, a dangling link, a folder this user cannot write', async () => {
    fs.writeFileSync(path.join(cwd, 'blocker'), 'a file');
    const inTheWay = await cli(['blocker/app', '--skip-install']);
    expect(inTheWay.code).toBe(1);
    expect(inTheWay.stderr.trim()).toMatch(/^Cannot use .*blocker.*: a file is in the way where a folder should be \(ENOTDIR\)\. Move or rename that file, or pick another directory\.$/);

    fs.symlinkSync(path.join(cwd, 'gone'), path.join(cwd, 'dangling'));
    const dangling = await cli(['dangling', '--skip-install']);
    expect(dangling.code).toBe(1);
    expect(dangling.stderr.trim()).toMatch(/^.*dangling is a symbolic link to .*gone, which does not exist\. Remove the link or pick another directory\.$/);

    const locked = path.join(cwd, 'locked');
    fs.mkdirSync(locked, { mode: 0o555 });
    fs.chmodSync(locked, 0o555);
    fs.chmodSync(cwd, 0o755);
    const refused = await cli(['locked/app', '--skip-install'], { HOME: cwd }, CLI, UNPRIVILEGED);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^Cannot write .*locked.*: permission denied \(EACCES\)\. Pick a folder your user can read and write, or change the permissions of this one\.$/);
    for (const output of [inTheWay.stderr, dangling.stderr, refused.stderr]) expect(output).not.toMatch(/\n\s+at /);
  });

  test('--overwrite does not follow a symbolic link: the folder it points to keeps its files', async () => {
    const real = path.join(cwd, 'real');
    fs.mkdirSync(real);
    fs.writeFileSync(path.join(real, 'precious.txt'), 'mine');
    fs.symlinkSync(real, path.join(cwd, 'link'));
    const result = await cli(['link', '--overwrite', '--skip-install']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/link is a symbolic link .*--overwrite does not empty what a link points to/);
    expect(fs.readdirSync(real)).toEqual(['precious.txt']);
  });

  test('names from disk reach the terminal escaped: entries of a folder in use, link targets (issue 24, N8)', async () => {
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
    fs.mkdirSync(path.join(cwd, 'esc'));
    fs.writeFileSync(path.join(cwd, 'esc', 'evil\u001b]0;PWNED\u0007\u001b[2J'), '');
    fs.writeFileSync(path.join(cwd, 'esc', 'hidden\rplain.txt'), '');
    const listed = await cli(['esc', '--yes', '--skip-install']);
    expect(listed.code).toBe(1);
    expect(listed.stderr).not.toMatch(raw);
    expect(listed.stderr).toContain('  evil\\x1b]0;PWNED\\x07\\x1b[2J\n');
    expect(listed.stderr).toContain('  hidden\\x0dplain.txt\n');

    fs.symlinkSync('x\u001b[31mRED', path.join(cwd, 'dangling'));
    const dangling = await cli(['dangling', '--skip-install']);
    expect(dangling.code).toBe(1);
    expect(dangling.stderr).not.toMatch(raw);
    expect(dangling.stderr).toContain('symbolic link to x\\x1b[31mRED, which does not exist');

    fs.mkdirSync(path.join(cwd, 'real\u001b[2J'));
    fs.writeFileSync(path.join(cwd, 'real\u001b[2J', 'keep.txt'), 'mine');
    fs.symlinkSync('real\u001b[2J', path.join(cwd, 'link'));
    const linked = await cli(['link', '--overwrite', '--skip-install']);
    expect(linked.code).toBe(1);
    expect(linked.stderr).not.toMatch(raw);
    expect(linked.stderr).toContain('(to real\\x1b[2J)');
  });

  test.each([
    ['http:/x', /with "\/\/" after the scheme/],
    ['https://cc.example.com/\nevil', /must not contain spaces, line breaks or control characters/],
    ['https://cc.example.com/a\tb', /must not contain spaces, line breaks or control characters/],
    ['https://cc.example.com/ x', /must not contain spaces/],
    ['https://cc.example.com/AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/api', /does not go into a mini program/],
    [`https://cc.example.com/v1?key=${'a3f1c2e4'.repeat(8)}`, /does not go into a mini program/],
    ['https://cc.example.com/%41KIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', /does not go into a mini program/],
    ['javascript:alert(1)', /must be http or https/],
  ])('--server %j is refused and nothing is written', async (server, message) => {
    const result = await cli(['my-app', '--server', server, '--skip-install']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(created()).toEqual([]);
  });
});
