/**
 * The scaffolder end to end, as a user runs it: the packed create-tccc-miniprogram run with `npm exec`,
 * its own `npm install` of the packed SDK (through an npm registry on loopback), WeChat's packNpm, then the
 * generated call page loaded in miniprogram-simulate making a call against a live tccc-dev-server.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { agent } from '../support/agent';
import type { LocalRegistry } from '../../scripts/lib/local-registry';
import { startLocalRegistry } from '../../scripts/lib/local-registry';
import { packedTarballs } from '../support/packed';
import { waitFor } from '../support/sdk-host';
import type { Rendered } from '../support/ui-host';
import { tapButton } from '../support/ui-host';
import type { WxRuntime } from '../support/wx-runtime';
import { installWxRuntime } from '../support/wx-runtime';
import { expectedFileList, scaffoldEnv } from './scaffold-helpers';

let WORK = '';
let registry: LocalRegistry;
let server: DevServer;

/** A work directory, the loopback npm registry and a simulator for one template's test file. */
function setUp(template: string): void {
  beforeAll(async () => {
    WORK = path.resolve(__dirname, '../../.tmp/create-e2e', template);
    fs.rmSync(WORK, { recursive: true, force: true });
    fs.mkdirSync(WORK, { recursive: true });
    registry = await startLocalRegistry(packedTarballs().all);
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

/** WeChat's 构建 npm, offline: miniprogram-ci's packNpm. */
async function packNpm(project: string): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci');
  // Only uploads use the key; the constructor insists on a path, so it gets an empty placeholder.
  const privateKeyPath = path.join(WORK, 'unused-upload.key');
  fs.writeFileSync(privateKeyPath, '');
  const ciProject = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: project, privateKeyPath, ignores: ['node_modules/**/*'] });
  await ci.packNpm(ciProject, { reporter: () => undefined });
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

/** The generated page, loaded as WeChat would: its components from miniprogram_npm. */
function loadCallPage(project: string): Rendered {
  const npm = '/miniprogram_npm';
  const usingComponents = {
    'tccc-call-screen': `${npm}/tccc-wx-sdk/call-screen/index`,
    ...Object.fromEntries(['button', 'icon', 'loading'].map((name) => [`van-${name}`, `${npm}/@vant/weapp/${name}/index`])),
  };
  const id = simulate.load(path.join(project, 'pages', 'call', 'index'), 'call-page', { rootPath: project, usingComponents });
  const page = simulate.render(id) as unknown as Rendered & { attach(parent: Element): void };
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/**
 * The whole journey for one template. Each template runs in its own test file: WeChat's wcc keeps
 * compiled templates in globals keyed by their path in the project, and every project has
 * pages/call/index.wxml, so two projects in one jest environment would share the first one's page.
 */
export function scaffoldJourney(template: 'audio' | 'video' | 'full', channelId: string): void {
  setUp(template);
  const name = `app-${template}`;
  const project = () => path.join(WORK, name);
  let wx: WxRuntime;

  test('npm exec of the packed CLI writes the template, installs, and prints the next steps', async () => {
    const { create } = packedTarballs();
    const result = await run('npm', ['exec', '--yes', `--package=${create}`, '--', 'create-tccc-miniprogram', name, '--template', template, '--channel-id', channelId, '--server', server.url, '--yes', '--use-npm'], WORK);
    expect(result.stderr).not.toMatch(/ERR!/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dependencies installed');
    expect(result.stdout).toMatch(/cd app-\w+\n\s+npx tccc-dev-server/);
    expect(result.stdout).toContain('构建 npm');
    expect(listFiles(project()).sort()).toEqual(expectedFileList(template));
    const manifest = JSON.parse(fs.readFileSync(path.join(project(), 'package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({ '@vant/weapp': '^1.11.7', 'tccc-wx-sdk': expect.stringMatching(/^\^\d+\.\d+\.\d+$/) });
    expect(fs.existsSync(path.join(project(), 'node_modules', 'tccc-wx-sdk', 'miniprogram_dist', 'call-screen', 'index.js'))).toBe(true);
  });

  test('packNpm puts the SDK, vant and trtc-wx-sdk in miniprogram_npm, and nothing Node-only', async () => {
    await packNpm(project());
    expect(listNpm(project())).toEqual(['@vant/weapp', 'tccc-wx-sdk', 'trtc-wx-sdk']);
    const shipped = listFiles(path.join(project(), 'miniprogram_npm', 'tccc-wx-sdk'));
    expect(shipped).toContain('call-screen/index.wxml');
    expect(shipped.filter((file) => /bin\/|console\/|dev-server|create/.test(file))).toEqual([]);
    // Every package any shipped file requires: the three above, and tim-wx-sdk only from the opt-in im entry.
    expect(bareRequires(path.join(project(), 'miniprogram_npm'))).toEqual({ 'trtc-wx-sdk': ['tccc-wx-sdk/services/platform/trtc-media.js'], 'tim-wx-sdk': ['tccc-wx-sdk/im/index.js'] });
  });

  test('the generated call page logs in and makes a call against the simulator', async () => {
    wx = installWxRuntime();
    try {
      const app = { ran: false };
      (globalThis as Record<string, unknown>).App = () => (app.ran = true);
      // One module registry for the app, as in WeChat: app.js configures the SDK module the page uses.
      jest.resetModules();
      require(path.join(project(), 'app.js'));
      expect(app.ran).toBe(true);

      const page = loadCallPage(project());
      await (page.instance.onLoad as () => Promise<void>)();
      expect(page.instance.data).toMatchObject({ ready: true, problem: '' });
      const screen = page.querySelector('#callScreen')!;
      await tapButton(screen, template === 'audio' ? '.tccc-call-screen__start-audio' : '.tccc-call-screen__start-video');
      const root = () => screen.querySelector('#tcccSdk')!.instance;
      await waitFor(() => ['ivr', 'ringing'].includes(root().getState().phase), 'the call to reach the contact center');
      if (root().getState().phase === 'ivr') await root().sendDigits('1');
      await waitFor(() => root().getState().phase === 'ringing', 'ringing');
      const [live] = (await agent(server.url).sessions()).filter((session) => session.phase === 'ringing');
      expect(live).toMatchObject({ channelId, media: template === 'audio' ? 'audio' : 'video' });
      await agent(server.url).accept(live.sessionId);
      await waitFor(() => root().getState().phase === 'active', 'the agent answering');
      await agent(server.url).hangUp(live.sessionId);
      await waitFor(() => root().getState().phase === 'idle', 'the agent hanging up');
      expect(screen.dom.textContent).toContain('通话已结束');
    } finally {
      wx.restore();
    }
  });
}
