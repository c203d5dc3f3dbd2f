/**
 * The README's commands and the generated app's, walked literally, as a newcomer types them: every command
 * of every fenced shell block of README.md, in order, in a clean copy of this repository (its tracked files,
 * as a `git clone` has them), then every command of the README the scaffolder writes, in the app it made.
 * Each command must do what the text around it says; a command the walk does not know fails it, so a
 * command added to a README is walked too (teach it below).
 *
 * Stand-ins, each the only way to stay on loopback: the clone's node_modules are hard links of this
 * checkout's (the literal `npm install` then runs and must find nothing to fetch but from the loopback
 * registry); packages come from that registry (our packed ones, and what apps install); servers run in a
 * network namespace of their own when the machine has one (`unshare -rn`), on the port the README names,
 * else on port 0. `npm test` is not run: the walk is part of it, so it would run itself; the walk checks
 * that the script does what the README says it does (build, type-check, jest).
 */
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { LocalRegistry } from '../../scripts/lib/local-registry';
import { npmEnvFor, startLocalRegistry } from '../../scripts/lib/local-registry';
import { pack } from '../../scripts/lib/pack';
import { STARTUP_TEXTS } from '../../dev-server/startup-texts';
import type { DocCommand } from '../support/doc-commands';
import { commandBlocks, commandsOf } from '../support/doc-commands';
import { packedTarballs } from '../support/packed';

// A bound, not a measure: the README's test runs every command of the README (installs, create, add, remove, an app's own test),
// each bounded by sh()'s own timeout.
jest.setTimeout(600000);

const ROOT = path.resolve(__dirname, '../..');
const WALK = path.join(ROOT, '.tmp', 'walk');
/** The clean copy, named as `git clone` names it. */
const CLONE = path.join(WALK, 'tccc-wx-sdk');
const EN = STARTUP_TEXTS['en-US'].banner;

let registry: LocalRegistry;
let env: NodeJS.ProcessEnv;
/** When this checkout's installed tree was last written, before the walk: the walk must leave it so. */
let installedTreeWritten = 0;
/** Whether servers can run in a network namespace of their own (then on the README's own port). */
let isolated = false;

interface Ran {
  code: number;
  output: string;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A command as a shell runs it, in `cwd`: its exit code and everything it printed (asynchronously: the registry answers from this process). */
function sh(command: string, cwd: string, timeout = 180000): Promise<Ran> {
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) || 1 : 0, output: `${stdout}${stderr}` }),
    );
  });
}

/** What a command that starts a server printed by its ready line (the banner's last line); the server is stopped then. */
function serve(command: string, cwd: string): Promise<string> {
  const stopLine = [STARTUP_TEXTS['en-US'].banner.stop, STARTUP_TEXTS['zh-CN'].banner.stop];
  // Without a namespace of its own: port 0 (others run tests on this machine) and loopback only.
  const literal = isolated ? command : `${command.replace(/--host 0\.0\.0\.0/, '--host 127.0.0.1')}${command.includes(' -- ') ? '' : ' --'} --port 0`;
  const argv = isolated ? ['unshare', '-rn', 'sh', '-c', `ip link set lo up && exec sh -c ${shellQuote(literal)}`] : ['sh', '-c', literal];
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const stop = () => {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // Gone already.
      }
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`\`${command}\` printed no ready line in 120 s:\n${output}`));
    }, 120000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (stopLine.some((line) => output.includes(line))) {
        clearTimeout(timer);
        stop();
        child.once('close', () => resolve(output));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (!stopLine.some((line) => output.includes(line))) reject(new Error(`\`${command}\` exited (${code}) before its ready line:\n${output}`));
    });
  });
}

/** The commands the scaffolder printed as the next steps (under "Next:"), comments dropped. */
function printedNextSteps(output: string): string[] {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => /^(Next:|接下来：)$/.test(line));
  if (start < 0) return [];
  const steps: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    steps.push(line.replace(/\s+#.*$/, '').trim());
  }
  return steps;
}

/** The channels the banner offers for config.js: id → the calls it takes. */
function bannerChannels(banner: string): Map<string, string> {
  return new Map([...banner.matchAll(/^ {4}'([^']+)'\s+(.+)$/gm)].map((match) => [match[1], match[2]]));
}

/** The phone command the banner prints. */
function bannerPhoneCommand(banner: string): string {
  const line = banner.split('\n').find((text) => text.startsWith('On a phone: start it with ')) ?? '';
  return line.replace('On a phone: start it with ', '').replace(/, and set endpoint.*$/, '');
}

/** What an app is: its config values and which calls its page starts. */
function appFacts(app: string): { channelId: string; media: string } {
  const js = path.join(app, 'config.js');
  let channelId: string;
  if (fs.existsSync(js)) {
    const sandbox = { module: { exports: {} as Record<string, string> } };
    vm.runInNewContext(fs.readFileSync(js, 'utf8'), sandbox);
    channelId = sandbox.module.exports.channelId;
  } else {
    channelId = JSON.parse(/export const channelId = (".*?");/.exec(fs.readFileSync(path.join(app, 'config.ts'), 'utf8'))?.[1] ?? '""') as string;
  }
  const media = /media="(\w+)"/.exec(fs.readFileSync(path.join(app, 'pages', 'call', 'index.wxml'), 'utf8'))?.[1] ?? '';
  return { channelId, media };
}

/** Where the walk is, and what it learnt on the way. */
interface Walk {
  cwd: string;
  /** The text the commands come from (for commands it names in prose). */
  document: string;
  /** The app `npm run create` made. */
  app?: string;
  /** The phone command of the app's README, to hold the banner to. */
  phoneCommand?: string;
}

type Check = (walk: Walk, step: DocCommand, match: RegExpExecArray) => Promise<void> | void;

/** A server's banner, checked for what every README says of it: the console, the endpoint, a doc that is there. */
function expectBanner(banner: string, walk: Walk, command: string): void {
  expect(banner).toMatch(/Agent console {2}http:\/\/127\.0\.0\.1:\d+\//);
  expect(banner).toMatch(/^ {2}endpoint: 'http:\/\/[^']+',$/m);
  if (isolated && !command.includes('--host')) expect(banner).toContain('http://127.0.0.1:5700/');
  const doc = /\(protocol v1, ([^)]+)\)/.exec(banner)?.[1] ?? '';
  expect([command, doc, fs.existsSync(path.join(walk.cwd, doc))]).toEqual([command, doc, true]);
}

/** What each command must do, by its shape; the first that matches checks it. */
const CHECKS: Array<[RegExp, Check]> = [
  [
    /^git clone \S+(?: (\S+))?$/,
    (walk, _step, match) => {
      // The walk starts from its own clean copy: cloned where the README clones, under the name it uses.
      expect(match[1] ?? 'tccc-wx-sdk').toBe(path.basename(CLONE));
      walk.cwd = path.dirname(CLONE);
    },
  ],
  [
    /^cd (\S+)$/,
    (walk, _step, match) => {
      const target = path.resolve(walk.cwd, match[1]);
      expect([match[1], fs.existsSync(target)]).toEqual([match[1], true]);
      walk.cwd = target;
    },
  ],
  [
    /^npm install$/,
    async (walk, step) => {
      const ran = await sh(step.command, walk.cwd);
      expect([step.where, ran.code, ran.output]).toEqual([step.where, 0, expect.not.stringMatching(/npm (error|ERR!)/)]);
      if (fs.existsSync(path.join(walk.cwd, 'scripts', 'name-core.js'))) {
        // An app: its postinstall named the core as 构建 npm looks it up.
        expect(JSON.parse(fs.readFileSync(path.join(walk.cwd, 'node_modules', 'tccc-wx-sdk', 'package.json'), 'utf8')).name).toBe('tccc-wx-sdk');
      }
    },
  ],
  [
    /^npm install (\S.*)$/,
    async (_walk, step, match) => {
      const app = existingApp();
      const ran = await sh(step.command, app);
      expect([step.where, ran.code, ran.output]).toEqual([step.where, 0, expect.not.stringMatching(/npm (error|ERR!)/)]);
      for (const spec of match[1].split(/\s+/)) {
        const name = spec.replace(/^(@?[^@]+).*$/, '$1');
        expect([spec, fs.existsSync(path.join(app, 'node_modules', name, 'package.json'))]).toEqual([spec, true]);
      }
    },
  ],
  [
    /^npx tccc-name-core$/,
    async (_walk, step) => {
      // By hand, in an app that installed our core under its alias: the copy gets the name 构建 npm looks for.
      const ran = await sh(step.command, existingApp());
      expect([step.where, ran.code]).toEqual([step.where, 0]);
      expect(JSON.parse(fs.readFileSync(path.join(existingApp(), 'node_modules', 'tccc-wx-sdk', 'package.json'), 'utf8')).name).toBe('tccc-wx-sdk');
    },
  ],
  [
    /^npm pkg set scripts\.postinstall=(\S+)$/,
    async (_walk, step) => {
      // The step that makes the naming run after every install: the next install names the fresh copy again.
      expect([step.where, (await sh(step.command, existingApp())).code]).toEqual([step.where, 0]);
      const reinstalled = await sh('rm -rf node_modules && npm install', existingApp());
      expect([step.where, reinstalled.code]).toEqual([step.where, 0]);
      expect(JSON.parse(fs.readFileSync(path.join(existingApp(), 'node_modules', 'tccc-wx-sdk', 'package.json'), 'utf8')).name).toBe('tccc-wx-sdk');
    },
  ],
  [
    /^npm test$/,
    (walk, step) => {
      // Not run: the walk is one of the tests npm test runs. What the README says of it: it builds, type-checks, runs every test.
      const scripts = JSON.parse(fs.readFileSync(path.join(walk.cwd, 'package.json'), 'utf8')).scripts as Record<string, string>;
      expect([step.where, scripts.test]).toEqual([step.where, expect.stringMatching(/npm run build && npm run typecheck && jest/)]);
    },
  ],
  [
    /^npm start$/,
    async (walk, step) => {
      const banner = await serve(step.command, walk.cwd);
      expectBanner(banner, walk, step.command);
      // The command it prints for a phone is the one the README spells, and it works as printed.
      const phone = bannerPhoneCommand(banner);
      expect([phone, walk.document.includes(`\`${phone}\``)]).toEqual([phone, true]);
      const wide = await serve(phone, walk.cwd);
      expectBanner(wide, walk, phone);
      if (isolated) expect(wide).toContain('WARNING: listening on every interface (0.0.0.0)');
    },
  ],
  [
    /^npm run create -- add (\S+) --dry-run$/,
    async (walk, step, match) => {
      // The README runs these "from this clone" (the four commands before them left the reader in the app).
      walk.cwd = CLONE;
      const shop = path.resolve(walk.cwd, match[1]);
      const before = snapshotOf(shop);
      const ran = await sh(step.command, walk.cwd);
      expect([step.where, ran.code, ran.code === 0 ? '' : ran.output]).toEqual([step.where, 0, '']);
      // Every file it would write, as a diff, and nothing written.
      expect(ran.output).toMatch(/^\+\+\+ .*packageTccc\/pages\/call\/index\.wxml/m);
      expect(ran.output).toMatch(/^\+\+\+ .*app\.json/m);
      expect(snapshotOf(shop)).toEqual(before);
    },
  ],
  [
    /^npm run create -- add (\S+)$/,
    async (walk, step, match) => {
      const shop = path.resolve(walk.cwd, match[1]);
      shopBefore ??= { app: fs.readFileSync(path.join(shop, 'app.json')), project: fs.readFileSync(path.join(shop, 'project.config.json')) };
      const ran = await sh(step.command, walk.cwd);
      expect([step.where, ran.code, ran.code === 0 ? '' : ran.output]).toEqual([step.where, 0, '']);
      expect(ran.output).not.toContain('✖');
      // The call as an independent subpackage, its npm installed in it (the core named as 构建 npm looks it up).
      const app = JSON.parse(fs.readFileSync(path.join(shop, 'app.json'), 'utf8')) as { subpackages: Array<{ root: string; independent?: boolean }> };
      expect(app.subpackages).toContainEqual(expect.objectContaining({ root: 'packageTccc', independent: true }));
      expect(fs.existsSync(path.join(shop, 'packageTccc', 'pages', 'call', 'index.wxml'))).toBe(true);
      expect(JSON.parse(fs.readFileSync(path.join(shop, 'packageTccc', 'node_modules', 'tccc-wx-sdk', 'package.json'), 'utf8')).name).toBe('tccc-wx-sdk');
      // What it prints opens the page it wrote, and runs its test: the README's next command, from the clone.
      expect(ran.output).toContain("wx.navigateTo({ url: '/packageTccc/pages/call/index' })");
      expect(ran.output).toMatch(/^ {2}\(cd packageTccc && npm run test\) +# /m);
      expect(step.following).toContain(`(cd ${match[1]}/packageTccc && npm run test)`);
    },
  ],
  [
    /^\(cd (\S+\/packageTccc) && npm run test\)$/,
    async (walk, step) => {
      // The subpackage's own test, in the shop: 构建 npm, the check of the subpackage (the shop fails rules of its own), a call.
      const ran = await sh(step.command, walk.cwd);
      expect([step.where, ran.code, ran.code === 0 ? '' : ran.output.slice(-3000)]).toEqual([step.where, 0, '']);
      expect(ran.output).toContain('✓ the WeChat code-quality check passes for packageTccc');
      expect(ran.output).toMatch(/✓ tapping 「语音呼叫」 places a call that the agent answers, then hangs up/);
    },
  ],
  [
    /^npm run create -- remove (\S+)$/,
    async (walk, step, match) => {
      const shop = path.resolve(walk.cwd, match[1]);
      const ran = await sh(step.command, walk.cwd);
      expect([step.where, ran.code, ran.code === 0 ? '' : ran.output]).toEqual([step.where, 0, '']);
      expect(fs.existsSync(path.join(shop, 'packageTccc'))).toBe(false);
      // "app.json and project.config.json as they were": byte for byte.
      expect(shopBefore).toBeDefined();
      expect(fs.readFileSync(path.join(shop, 'app.json'))).toEqual(shopBefore?.app);
      expect(fs.readFileSync(path.join(shop, 'project.config.json'))).toEqual(shopBefore?.project);
    },
  ],
  [
    /^npm run create -- (.*)$/,
    async (walk, step) => {
      const ran = await sh(step.command, walk.cwd);
      expect([step.where, ran.code, ran.code === 0 ? '' : ran.output.slice(-3000)]).toEqual([step.where, 0, '']);
      expect(ran.output).not.toContain('✖');
      // It prints the commands that follow it in the README, as the README has them.
      const printed = printedNextSteps(ran.output);
      expect(printed.length).toBeGreaterThan(0);
      if (step.following.length > 0) expect([step.where, printed]).toEqual([step.where, step.following.slice(0, printed.length)]);
      const directory = printed[0]?.startsWith('cd ') ? printed[0].slice(3).replace(/^'(.*)'$/, '$1') : '.';
      walk.app = path.resolve(walk.cwd, directory);
      expect(fs.existsSync(path.join(walk.app, 'package.json'))).toBe(true);
      // Beside the clone, not inside it.
      expect(path.relative(CLONE, walk.app).startsWith('..')).toBe(true);
    },
  ],
  [
    /^npm run typecheck$/,
    async (walk, step) => {
      const ran = await sh(step.command, walk.cwd);
      expect([step.where, ran.code, ran.output]).toEqual([step.where, 0, expect.not.stringContaining('error TS')]);
    },
  ],
  [
    /^(?:(TRTC_SDK_APP_ID)=… (TRTC_SECRET_KEY)=… )?npm run simulator(?: -- (.*))?$/,
    async (walk, step, match) => {
      // The placeholders of a real TRTC application get stand-in values: the simulator only signs with them.
      const command = step.command.replace('TRTC_SDK_APP_ID=…', 'TRTC_SDK_APP_ID=1400000001').replace('TRTC_SECRET_KEY=…', `TRTC_SECRET_KEY=${'0f'.repeat(32)}`);
      const banner = await serve(command, walk.cwd);
      expectBanner(banner, walk, step.command);
      if (match[1]) expect(banner).toContain('real TRTC rooms, SDKAppID 1400000001');
      if (match[3]?.includes('--host 0.0.0.0') && isolated) expect(banner).toContain('WARNING: listening on every interface (0.0.0.0)');
      // The app's channel is one the simulator offers, for the calls its page starts.
      const { channelId, media } = appFacts(walk.cwd);
      const calls = bannerChannels(banner).get(channelId);
      const wanted = { audio: EN.channelCalls.audio, video: EN.channelCalls.video, both: EN.channelCalls.both }[media] ?? '?';
      expect([channelId, calls?.startsWith(`${wanted}`) || calls?.startsWith(EN.channelCalls.both)]).toEqual([channelId, true]);
      expect(calls).not.toContain(EN.channelCalls.closed);
      // One spelling of the phone command: the banner's is the app README's.
      if (!match[3]) expect(bannerPhoneCommand(banner)).toBe(walk.phoneCommand);
    },
  ],
];

/** The shop the README adds the call to, as it was before `add`. */
let shopBefore: { app: Buffer; project: Buffer } | undefined;

/** Every file under `dir` (node_modules aside) with its bytes: to tell that a command wrote nothing. */
function snapshotOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(full);
      } else files[path.relative(dir, full)] = fs.readFileSync(full, 'base64');
    }
  };
  visit(dir);
  return files;
}

/** The existing app that the README's integration steps (packages added by hand) are walked in, outside the clone. */
function existingApp(): string {
  const app = path.join(WALK, 'existing-app');
  fs.mkdirSync(app, { recursive: true });
  if (!fs.existsSync(path.join(app, 'package.json'))) fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "existing-app", "private": true }\n');
  // "copy its local-packages/ folder into your mini program": from the app the four commands made.
  const made = path.join(WALK, 'my-app', 'local-packages');
  if (!fs.existsSync(path.join(app, 'local-packages')) && fs.existsSync(made)) fs.cpSync(made, path.join(app, 'local-packages'), { recursive: true });
  return app;
}

/** Walks every command of `blocks`, from `cwd`. */
async function walkCommands(blocks: DocCommand[][], walk: Walk): Promise<void> {
  for (const step of blocks.flat()) {
    const found = CHECKS.map(([pattern, check]) => [pattern.exec(step.command), check] as const).find(([match]) => match !== null);
    if (!found) throw new Error(`${step.where}: the walk does not know how to check \`${step.command}\`; teach it (test/e2e/readme-walk.test.ts, CHECKS).`);
    await found[1](walk, step, found[0] as RegExpExecArray);
  }
}

beforeAll(async () => {
  fs.rmSync(WALK, { recursive: true, force: true });
  fs.mkdirSync(CLONE, { recursive: true });
  installedTreeWritten = fs.statSync(path.join(ROOT, 'node_modules', '.package-lock.json')).mtimeMs;
  // What a clone holds: the tracked files (as they are in this checkout, edits included), nothing built.
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    const source = path.join(ROOT, file);
    if (!fs.existsSync(source)) continue;
    fs.mkdirSync(path.dirname(path.join(CLONE, file)), { recursive: true });
    fs.copyFileSync(source, path.join(CLONE, file));
    fs.chmodSync(path.join(CLONE, file), fs.statSync(source).mode);
  }
  // The app the README adds the call to (`../my-shop`, beside the clone): a small mini program of our fixtures.
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'add-plain'), path.join(WALK, 'my-shop'), { recursive: true });
  // npm install's download, from this checkout: the same lockfile, so the same tree.
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(CLONE, 'node_modules')]);
  // The one file npm install writes in an installed tree, and writes in place: a copy of its own, so this checkout's stays as it is.
  const hidden = path.join(CLONE, 'node_modules', '.package-lock.json');
  const lock = fs.readFileSync(hidden);
  fs.unlinkSync(hidden);
  fs.writeFileSync(hidden, lock);
  // The lockfile asks for two packages by dist-tag (`latest`), which npm looks up: the registry serves the installed ones.
  const packs = path.join(WALK, 'packs');
  fs.mkdirSync(packs);
  const byTag = ['miniprogram-exparser', 'miniprogram-compiler'].map((name) => pack(`./node_modules/${name}`, packs));
  // The apps' own tests install jest and WeChat's tools: the registry serves this repository's lockfile too.
  registry = await startLocalRegistry([...packedTarballs().all, ...packedTarballs().typescriptApp, ...byTag], { lockfile: path.join(ROOT, 'package-lock.json') });
  env = { ...npmEnvFor(registry.url, path.join(WALK, '.npm-cache')), LANG: 'C.UTF-8' };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'CI', 'INIT_CWD']) delete env[name];
  isolated = spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up'], { timeout: 10000 }).status === 0;
}, 120000);
afterAll(() => registry?.close());

const readme = () => fs.readFileSync(path.join(CLONE, 'README.md'), 'utf8');

test('README.zh-CN.md has the commands of README.md, block for block', () => {
  const zh = fs.readFileSync(path.join(CLONE, 'README.zh-CN.md'), 'utf8');
  expect(commandBlocks(zh, 'README.zh-CN.md').map((block) => block.map((step) => step.command))).toEqual(commandBlocks(readme(), 'README.md').map((block) => block.map((step) => step.command)));
});

test('npm run create in a fresh clone: a wrong argument is told before anything is built or written', async () => {
  const ran = await sh('npm run create -- ../bad-app --template foo', CLONE);
  expect(ran.code).not.toBe(0);
  expect(ran.output).toContain('Template is one of audio, video, full, got "foo".');
  expect(ran.output).not.toContain('Building');
  expect(fs.existsSync(path.join(CLONE, 'miniprogram_dist'))).toBe(false);
  expect(fs.existsSync(path.join(WALK, 'bad-app'))).toBe(false);
});

let app = '';

test("README.md's commands, block by block, from the clone", async () => {
  const walk: Walk = { cwd: CLONE, document: readme() };
  for (const step of commandBlocks(readme(), 'README.md').flat()) {
    // Once the app exists, the banner's phone command is held to its README's.
    if (walk.app && !walk.phoneCommand) walk.phoneCommand = phoneCommandOf(walk.app);
    await walkCommands([[step]], walk);
  }
  expect(walk.app).toBeDefined();
  app = walk.app as string;
});

/** The phone command of an app's README (its one LAN command). */
function phoneCommandOf(appDir: string): string {
  return commandsOf(fs.readFileSync(path.join(appDir, 'README.md'), 'utf8'), 'README.md').find((command) => /^npm run simulator -- --host 0\.0\.0\.0$/.test(command)) ?? '(none in the app README)';
}

/** Walks an app's README in the app, after checking its Chinese README has the same commands. */
async function walkAppReadme(appDir: string, zhFlags: string[]): Promise<void> {
  const text = fs.readFileSync(path.join(appDir, 'README.md'), 'utf8');
  const zhApp = `${appDir}-zh`;
  const made = await sh(`node ${shellQuote(path.join(CLONE, 'packages', 'create-tccc-miniprogram', 'index.js'))} ${shellQuote(zhApp)} ${zhFlags.join(' ')} --lang zh-CN --skip-install`, WALK);
  expect(made.code).toBe(0);
  expect(commandsOf(fs.readFileSync(path.join(zhApp, 'README.md'), 'utf8'), 'README.md (zh-CN)')).toEqual(commandsOf(text, 'README.md'));
  const blocks = commandBlocks(text, `${path.basename(appDir)}/README.md`);
  expect(blocks.flat().map((step) => step.command)).toEqual(expect.arrayContaining(['npm install', 'npm run simulator']));
  await walkCommands(blocks, { cwd: appDir, document: text, phoneCommand: phoneCommandOf(appDir) });
}

test("the generated README's commands, in the app npm run create made", async () => {
  expect(app).not.toBe('');
  await walkAppReadme(app, []);
});

test("a TypeScript app's README (npm run create -- … --typescript): installed, type-checked with its own compiler, run", async () => {
  const made = await sh('npm run create -- ../my-app-ts --typescript --skip-build', CLONE);
  expect([made.code, made.output]).toEqual([0, expect.not.stringContaining('✖')]);
  await walkAppReadme(path.join(WALK, 'my-app-ts'), ['--typescript']);
});

test('npm run create with no directory writes beside the clone, never inside it', async () => {
  const before = fs.readdirSync(CLONE).sort();
  const ran = await sh('npm run create -- --yes --skip-install --skip-build', CLONE);
  expect(ran.code).toBe(0);
  expect(printedNextSteps(ran.output)[0]).toBe('cd ../tccc-miniprogram');
  expect(fs.existsSync(path.join(WALK, 'tccc-miniprogram', 'package.json'))).toBe(true);
  expect(fs.readdirSync(CLONE).sort()).toEqual(before);
});

test("this checkout's node_modules, which the clone's are hard links of, is as it was", () => {
  expect(fs.statSync(path.join(ROOT, 'node_modules', '.package-lock.json')).mtimeMs).toBe(installedTreeWritten);
});
