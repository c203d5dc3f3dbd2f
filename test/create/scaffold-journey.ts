/**
 * The scaffolder end to end, as a user runs it: the packed create-tccc-miniprogram run with `npm exec`,
 * its own `npm install` of the packed packages (through an npm registry on loopback), WeChat's packNpm and
 * code-quality check, then the generated call page loaded in miniprogram-simulate making a call: on the
 * open core against a live tccc-dev-server, on the tccc core against the double of Tencent's tccc-wx-sdk
 * (served by the registry under that name), scripted to answer and to hang up from the agent's side.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import ts from 'typescript';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { agent } from '../support/agent';
import type { LocalRegistry } from '../../scripts/lib/local-registry';
import { startLocalRegistry } from '../../scripts/lib/local-registry';
import { packedTarballs } from '../support/packed';
import { quietly } from '../support/quiet-console';
import { waitFor } from '../support/sdk-host';
import type { Rendered } from '../support/ui-host';
import { tapButton } from '../support/ui-host';
import type { WxRuntime } from '../support/wx-runtime';
import { installWxRuntime } from '../support/wx-runtime';
import { expectedFileList, scaffoldEnv } from './scaffold-helpers';

const REPO_ROOT = path.resolve(__dirname, '../..');
const VERSION = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;

let WORK = '';
let registry: LocalRegistry;
let server: DevServer;

export type Core = 'open' | 'tccc';

/** The double's script (test/double/tccc-wx-sdk/miniprogram_dist/control.js), as the tests drive it. */
interface DoubleControl {
  calls: Array<{ method: string; args: unknown[] }>;
  accept(detail?: Record<string, unknown>): void;
  end(detail?: Record<string, unknown>): void;
  reset(): void;
}

function double(): DoubleControl {
  const control = (globalThis as Record<string, unknown>).__tcccWxSdkDouble as DoubleControl | undefined;
  if (!control) throw new Error('The tccc-wx-sdk double has not been loaded');
  return control;
}

/** A work directory, the loopback npm registry and a simulator for one template's test file. */
function setUp(name: string, typescript: boolean): void {
  beforeAll(async () => {
    WORK = path.resolve(__dirname, '../../.tmp/create-e2e', name);
    fs.rmSync(WORK, { recursive: true, force: true });
    fs.mkdirSync(WORK, { recursive: true });
    // A TypeScript project also installs WeChat's API typings and TypeScript.
    registry = await startLocalRegistry([...packedTarballs().all, ...(typescript ? packedTarballs().typescriptApp : [])]);
    server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000 } });
  });
  afterAll(async () => {
    await registry.close();
    server.close();
  });
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: scaffoldEnv(registry.url, WORK), timeout: 150000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** What WeChat DevTools' TypeScript plugin does as it builds: each .ts file (not .d.ts) to a .js beside it. */
function compileTypeScript(project: string): string[] {
  const { config } = ts.readConfigFile(path.join(project, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, project);
  const sources = listFiles(project).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  for (const file of sources) {
    const output = ts.transpileModule(fs.readFileSync(path.join(project, file), 'utf8'), { compilerOptions: { ...options, noEmit: false }, fileName: file });
    fs.writeFileSync(path.join(project, file.replace(/\.ts$/, '.js')), output.outputText);
  }
  return sources;
}

/** WeChat's 构建 npm, offline: miniprogram-ci's packNpm. */
async function packNpm(project: string): Promise<void> {
  // miniprogram-ci logs as it loads and sets up (console.log): kept out of the test output.
  await quietly(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ci = require('miniprogram-ci');
    // Only uploads use the key; the constructor insists on a path, so it gets an empty placeholder.
    const privateKeyPath = path.join(WORK, 'unused-upload.key');
    fs.writeFileSync(privateKeyPath, '');
    const ciProject = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: project, privateKeyPath, ignores: ['node_modules/**/*'] });
    await ci.packNpm(ciProject, { reporter: () => undefined });
  });
}

interface QualityItem {
  name: string;
  success: boolean;
  text: string;
}

/**
 * WeChat's code-quality check, as its upload runs it, on a project that packNpm has built (in a child process).
 * node_modules is set aside meanwhile: WeChat never uploads it (what ships of a package is miniprogram_npm),
 * but the check's size rule counts it, so a TypeScript app's own compiler (23 MB) would fail it.
 */
async function codeQuality(project: string): Promise<QualityItem[]> {
  const script = path.resolve(__dirname, '../support/code-quality.js');
  const aside = path.join(WORK, `node_modules-of-${path.basename(project)}`);
  fs.renameSync(path.join(project, 'node_modules'), aside);
  try {
    const result = await run(process.execPath, [script, project, path.join(WORK, 'unused-upload.key')], WORK);
    if (result.code !== 0) throw new Error(`checkCodeQuality failed:\n${result.stderr}`);
    return JSON.parse(result.stdout) as QualityItem[];
  } finally {
    fs.renameSync(aside, path.join(project, 'node_modules'));
  }
}

function listNpm(project: string): string[] {
  const npmDir = path.join(project, 'miniprogram_npm');
  return fs.readdirSync(npmDir).flatMap((name) => (name.startsWith('@') ? fs.readdirSync(path.join(npmDir, name)).map((inner) => `${name}/${inner}`) : [name])).sort();
}

/** Bare `require('pkg')` specifiers in the JS under `dir`, by package, with the files that make them. */
function bareRequires(dir: string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const file of listFiles(dir).filter((name) => name.endsWith('.js'))) {
    for (const [, specifier] of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/(?<![`\w.])require\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      (found[name] ??= []).push(file);
    }
  }
  return found;
}

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (['node_modules', 'miniprogram_npm', 'package-lock.json'].includes(entry.name)) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/**
 * The generated page, loaded as WeChat would: its components from miniprogram_npm. simulate resolves only
 * paths, so the package names in usingComponents (the page's kit, the kit's core and vant) are mapped to
 * the folders packNpm wrote; the mapping fails the test if packNpm did not write them. An independent
 * subpackage (`add`) loads the same way from its root.
 */
export function loadCallPage(project: string): Rendered {
  const npm = '/miniprogram_npm';
  const usingComponents: Record<string, string> = {
    'tccc-call-screen': `${npm}/tccc-call-kit/call-screen/index`,
    'tccc-wx-sdk': `${npm}/tccc-wx-sdk/index`,
    'tccc-wx-sdk-pusher': `${npm}/tccc-wx-sdk/pusher/index`,
    'tccc-wx-sdk-player': `${npm}/tccc-wx-sdk/player/index`,
    ...Object.fromEntries(['button', 'icon', 'loading', 'popup'].map((name) => [`van-${name}`, `${npm}/@vant/weapp/${name}/index`])),
  };
  for (const target of Object.values(usingComponents)) {
    if (!fs.existsSync(path.join(project, `${target}.json`))) throw new Error(`packNpm wrote no ${target}`);
  }
  const id = simulate.load(path.join(project, 'pages', 'call', 'index'), 'call-page', { rootPath: project, usingComponents });
  const rendered = simulate.render(id) as unknown as Rendered & { attach(parent: Element): void };
  rendered.attach(document.createElement('parent-wrapper'));
  return rendered;
}

/**
 * The loaded call page signs in and places a call from each start button the template offers: on the open
 * core through the simulator at `serverUrl`, whose agent answers and hangs up; on the tccc core through the
 * double, scripted to do the same.
 */
export async function callFromPage(page: Rendered, call: { core: Core; template: 'audio' | 'video' | 'full'; channelId: string; serverUrl: string }): Promise<void> {
  const { core, template, channelId } = call;
  await (page.instance.onLoad as () => Promise<void>)();
  expect(page.instance.data).toMatchObject({ ready: true, problem: '' });
  const screen = page.querySelector('#callScreen')!;
  const status = () => screen.dom.querySelector('[class*="tccc-call-screen__status"]')!.textContent;
  // On the open core, every start button the template offers: each a call the default simulator takes.
  const offered: Array<'audio' | 'video'> = template === 'audio' ? ['audio'] : core === 'open' && template === 'full' ? ['audio', 'video'] : ['video'];
  await tapButton(screen, `.tccc-call-screen__start-${offered[0]}`);
  if (core === 'tccc') {
    await waitFor(() => status() === '等待客服接听…', 'the call placed on the double');
    expect(double().calls.map((entry) => entry.method)).toEqual(['checkLogin', 'login', template === 'audio' ? 'startCall' : 'startSession']);
    expect(double().calls[2].args).toEqual([{ channelId }]);
    double().accept();
    await waitFor(() => status() === '通话中', 'the agent answering');
    expect(screen.querySelector('.tccc-call-screen__call-bar')).toBeDefined();
    double().end({ closeBy: 'seat' });
    await waitFor(() => status() === '通话已结束', 'the agent hanging up');
    expect(screen.dom.querySelector('[class*="tccc-call-screen__start-"]')).not.toBeNull();
    return;
  }
  const root = () => screen.querySelector('#tcccSdk')!.instance;
  for (const [index, media] of offered.entries()) {
    if (index > 0) await tapButton(screen, `.tccc-call-screen__start-${media}`);
    await waitFor(() => ['ivr', 'ringing'].includes(root().getState().phase), `the ${media} call to reach the contact center`);
    if (root().getState().phase === 'ivr') await root().sendDigits('1');
    await waitFor(() => root().getState().phase === 'ringing', 'ringing');
    const [live] = (await agent(call.serverUrl).sessions()).filter((session) => session.phase === 'ringing');
    expect(live).toMatchObject({ channelId, media });
    await agent(call.serverUrl).accept(live.sessionId);
    await waitFor(() => root().getState().phase === 'active', `the agent answering the ${media} call`);
    await agent(call.serverUrl).hangUp(live.sessionId);
    await waitFor(() => root().getState().phase === 'idle', 'the agent hanging up');
    expect(screen.dom.textContent).toContain('通话已结束');
  }
}

/**
 * The whole journey for one template on one core. Each runs in its own test file: WeChat's wcc keeps
 * compiled templates in globals keyed by their path in the project, and every project has
 * pages/call/index.wxml, so two projects in one jest environment would share the first one's page.
 */
export function scaffoldJourney(template: 'audio' | 'video' | 'full', channelId: string, core: Core = 'open', typescript = false, fromClone = false): void {
  setUp(`${template}-${core}${typescript ? '-ts' : ''}${fromClone ? '-clone' : ''}`, typescript);
  const name = `app-${template}-${core}${typescript ? '-ts' : ''}`;
  const project = () => path.join(WORK, name);
  let wx: WxRuntime;

  const how = fromClone ? '`npm run create` in this clone (our packages packed, file: dependencies)' : 'npm exec of the packed CLI';
  test(`${how} writes the template for the ${core} core, installs, and prints the next steps`, async () => {
    const { create } = packedTarballs();
    // On the open core the channel is the template's default: it must be one the default simulator takes.
    const coreFlags = core === 'open' ? ['--core', 'open', '--server', server.url] : ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', channelId];
    const languageFlags = typescript ? ['--typescript'] : [];
    const flags = [name, '--template', template, ...coreFlags, ...languageFlags, '--yes', '--use-npm'];
    // From a clone, as the README says, from beside it: `npm run create -- <dir>` (the tests have built it all).
    const command = fromClone ? ['--prefix', REPO_ROOT, 'run', 'create', '--', ...flags, '--skip-build'] : ['exec', '--yes', `--package=${create}`, '--', 'create-tccc-miniprogram', ...flags];
    const result = await run('npm', command, WORK);
    expect(result.stderr).not.toMatch(/ERR!/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dependencies installed');
    expect(result.stdout).toContain('构建 npm');
    expect(result.stdout).toMatch(/\nNext:\n/);
    const tarballs = fromClone ? ['open-tccc-wx-sdk', 'tccc-call-kit', 'tccc-dev-server'].map((pkg) => `local-packages/${pkg}-${VERSION}.tgz`) : [];
    expect(listFiles(project()).sort()).toEqual([...expectedFileList(template, core, typescript), ...tarballs].sort());
    if (typescript) {
      // The project type-checks against what it installed, with its own compiler, then is compiled as DevTools would.
      const check = await run('npm', ['run', 'typecheck', '--silent'], project());
      expect(check.stdout).toBe('');
      expect(check.code).toBe(0);
      expect(compileTypeScript(project()).sort()).toEqual(['app.ts', 'config.ts', 'pages/call/index.ts']);
      expect(JSON.parse(fs.readFileSync(path.join(project(), 'project.config.json'), 'utf8')).setting.useCompilerPlugins).toEqual(['typescript']);
    }
    const typings = typescript ? { 'miniprogram-api-typings': expect.stringMatching(/^\^\d/), typescript: expect.stringMatching(/^\^\d/) } : {};
    const manifest = JSON.parse(fs.readFileSync(path.join(project(), 'package.json'), 'utf8'));
    const installed = (name: string) => JSON.parse(fs.readFileSync(path.join(project(), 'node_modules', name, 'package.json'), 'utf8'));
    if (core === 'open') {
      expect(result.stdout).toMatch(/cd app-[\w-]+\n\s+npm run simulator/);
      if (fromClone) {
        expect(manifest.dependencies).toEqual({ 'tccc-call-kit': `file:${tarballs[1]}`, 'tccc-wx-sdk': `file:${tarballs[0]}` });
        expect(manifest.devDependencies).toEqual({ 'tccc-dev-server': `file:${tarballs[2]}`, ...typings });
        expect(JSON.parse(fs.readFileSync(path.join(project(), 'project.config.json'), 'utf8')).packOptions.ignore).toContainEqual({ type: 'folder', value: 'local-packages' });
      } else {
        expect(manifest.dependencies).toEqual({ 'tccc-call-kit': expect.stringMatching(/^\^\d+\.\d+\.\d+$/), 'tccc-wx-sdk': expect.stringMatching(/^npm:open-tccc-wx-sdk@\^\d+\.\d+\.\d+$/) });
        expect(manifest.devDependencies).toEqual({ 'tccc-dev-server': expect.stringMatching(/^\^\d/), ...typings });
      }
      // The alias: our core installed under the name the doc uses (and named so by the app's postinstall).
      expect(installed('tccc-wx-sdk')).toMatchObject({ name: 'tccc-wx-sdk', description: expect.stringContaining('open core') });
      expect(fs.readFileSync(path.join(project(), typescript ? 'config.ts' : 'config.js'), 'utf8')).toContain(JSON.stringify(channelId));
    } else {
      expect(result.stdout).toContain('WeChat DevTools cannot run a TCCC call');
      expect(result.stdout).not.toMatch(/simulator|tccc-dev-server/);
      expect(manifest.dependencies).toEqual({ 'tccc-call-kit': expect.stringMatching(/^\^\d/), 'tccc-wx-sdk': '>=1.0.0' });
      expect(manifest.devDependencies).toEqual(typescript ? typings : undefined);
      expect(installed('tccc-wx-sdk').description).toContain('TEST DOUBLE');
      // No endpoint, no simulator, no configure: none is in the public API.
      const config = { exports: {} as Record<string, unknown> };
      new Function('module', 'exports', fs.readFileSync(path.join(project(), 'config.js'), 'utf8'))(config, config.exports);
      expect(Object.keys(config.exports)).toEqual(['sdkAppId', 'channelId']);
      expect(fs.readFileSync(path.join(project(), 'app.js'), 'utf8')).not.toMatch(/configure|endpoint/);
      expect(fs.readFileSync(path.join(project(), 'package.json'), 'utf8')).not.toMatch(/tccc-dev-server|simulator/);
      expect(fs.existsSync(path.join(project(), 'node_modules', 'tccc-dev-server'))).toBe(false);
    }
  });

  test('packNpm puts the core at miniprogram_npm/tccc-wx-sdk, the kit, vant and nothing Node-only; WeChat\'s code-quality check passes', async () => {
    const logged = jest.spyOn(console, 'log');
    await packNpm(project());
    // miniprogram-ci's own logging stays out of the test output.
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
    expect(listNpm(project())).toEqual(core === 'open' ? ['@vant/weapp', 'tccc-call-kit', 'tccc-wx-sdk', 'trtc-wx-sdk'] : ['@vant/weapp', 'tccc-call-kit', 'tccc-wx-sdk']);
    const kit = listFiles(path.join(project(), 'miniprogram_npm', 'tccc-call-kit'));
    expect(kit).toContain('call-screen/index.wxml');
    const coreFiles = listFiles(path.join(project(), 'miniprogram_npm', 'tccc-wx-sdk'));
    expect(coreFiles).toEqual(expect.arrayContaining(['index.json', 'pusher/index.json', 'player/index.json', 'login/index.js']));
    expect(coreFiles.filter((file) => /call-screen|keypad|bin\/|console\/|dev-server|create/.test(file))).toEqual([]);
    expect(kit.filter((file) => /bin\/|console\/|dev-server|create|login\//.test(file))).toEqual([]);
    // Every package any shipped file requires: trtc-wx-sdk from one file of our core (the bundle's shared chunk,
    // scripts/build.mjs), tim-wx-sdk only from the opt-in im entry.
    expect(bareRequires(path.join(project(), 'miniprogram_npm'))).toEqual(
      core === 'open' ? { 'trtc-wx-sdk': [expect.stringMatching(/^tccc-wx-sdk\/chunks\/chunk-\w+\.js$/)], 'tim-wx-sdk': ['tccc-wx-sdk/im/index.js'] } : {},
    );
    const rules = await codeQuality(project());
    expect(rules.length).toBeGreaterThanOrEqual(11);
    const failed = rules.filter((item) => !item.success).map((item) => `${item.name}: ${item.text}`);
    expect(failed).toEqual([]);
  });

  test(`the generated call page logs in and makes a call${core === 'open' ? ' from each of its start buttons' : ''} on the ${core} core, shown on the call screen`, async () => {
    wx = installWxRuntime();
    try {
      const app = { ran: false };
      (globalThis as Record<string, unknown>).App = () => (app.ran = true);
      // One module registry for the app, as in WeChat: app.js configures the SDK module the page uses.
      jest.resetModules();
      require(path.join(project(), 'app.js'));
      expect(app.ran).toBe(true);

      await callFromPage(loadCallPage(project()), { core, template, channelId, serverUrl: server.url });
    } finally {
      wx.restore();
    }
  });
}
