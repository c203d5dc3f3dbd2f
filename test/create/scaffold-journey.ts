/**
 * The scaffolder end to end, as a user runs it: the packed create-tccc-miniprogram run with `npm exec`
 * (or `npm run create` in a clone), its own `npm install` through an npm registry on loopback (our packed
 * packages, and the packages of this repository's lockfile for the app's test: jest, miniprogram-ci…),
 * then the app's own `npm test`, which builds npm, runs WeChat's code-quality check and places a call from
 * the page through tccc-dev-server/testing: on the open core against the simulator, on the tccc core
 * against the double of Tencent's tccc-wx-sdk (served by the registry under that name). An app made with
 * `--no-tests` goes through the same steps here, in this process, on the same public entry.
 *
 * Every template is installed and places a call from each start button on both cores, and each template on
 * each core runs its own test (issue 22: a fresh app of each passes it); the breaks are made where noted:
 *   scaffold-audio           open core, from a clone: its own test passes, and fails on a wrong channel
 *   scaffold-audio-tccc      tccc core: its own test passes, and fails on each of the three breaks
 *   scaffold-video, scaffold-full, scaffold-video-tccc, scaffold-full-tccc
 *                            npm exec: its own test passes, with a call from each start button
 *   scaffold-audio-ts, scaffold-video-tccc-ts
 *                            --no-tests, TypeScript: type-checked with the app's compiler, calls in this process
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TEST_DEPENDENCIES, TEST_TOOLS_SCRIPTS_DENIED, TEST_TYPESCRIPT } from '../../create/app-tests';
import type { TemplateName } from '../../create/options';
import type { Agent, Simulator } from '../../testing';
import { buildNpm, codeQuality, renderPage, startSimulator, tcccWxSdkDouble } from '../../testing';
import { packedTarballs } from '../support/packed';
import { scratchRoot } from '../support/scratch';
import { JOURNEY_NPM_CACHE, expectedFileList, journeyRegistryUrl, scaffoldEnv } from './scaffold-helpers';

const REPO_ROOT = path.resolve(__dirname, '../..');
const VERSION = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;
/**
 * Apps live outside this repository, as a user's do: inside it, Node would find whatever an app forgot to
 * install in the repository's own node_modules. In the tests' scratch folder (one per clone, in memory
 * when the machine has room: see scratchRoot).
 */
const WORK_ROOT = path.join(scratchRoot(), 'create-e2e');
/** The scaffolder and npm install of an app with the test's tools: a minute, or more on a busy machine. */
const INSTALL_TIMEOUT_MS = 400000;
const TEST_TIMEOUT_MS = 240000;

export type Core = 'open' | 'tccc';

export interface Journey {
  template: TemplateName;
  /** The channel the app calls: on the open core, the template's default (one the default simulator takes). */
  channelId: string;
  core?: Core;
  typescript?: boolean;
  /** `npm run create` in this clone (our packages packed, file: dependencies) instead of npm exec. */
  fromClone?: boolean;
  /** false: `--no-tests`. */
  tests?: boolean;
  /** Also break the app as the issue lists (channelId, usingComponents, config.js) and see its test fail each time. */
  breaks?: boolean;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let WORK = '';

function run(command: string, args: string[], cwd: string, timeout = INSTALL_TIMEOUT_MS): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...scaffoldEnv(journeyRegistryUrl(), WORK, JOURNEY_NPM_CACHE), npm_config_prefer_offline: 'true' };
    execFile(command, args, { cwd, env, timeout, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) || 1 : 0, stdout, stderr }),
    );
  });
}

/** The TypeScript sources WeChat DevTools compiles as it builds (renderPage compiles them the same way). */
function typeScriptSources(project: string): string[] {
  return listFiles(project).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
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

/** The start buttons of a template, with the media of the call each places. */
function startButtons(template: TemplateName): Array<{ button: string; media: 'audio' | 'video' }> {
  const audio = { button: '语音呼叫', media: 'audio' as const };
  const video = { button: '视频呼叫', media: 'video' as const };
  return template === 'audio' ? [audio] : template === 'video' ? [video] : [audio, video];
}

/** What a scaffolder run was asked for: the files and printed steps follow from it. */
interface Asked {
  template: TemplateName;
  core: Core;
  channelId: string;
  typescript: boolean;
  fromClone: boolean;
  tests: boolean;
}

/** The scaffolder's command line, as a user types it: `npm exec` of the packed CLI, or `npm run create` in a clone. */
function scaffoldCommand(name: string, { template, core, channelId, typescript, fromClone, tests }: Asked): string[] {
  // On the open core the channel is the template's default, and the endpoint the default simulator's.
  const coreFlags = core === 'open' ? ['--core', 'open'] : ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', channelId];
  const flags = [name, '--template', template, ...coreFlags, ...(typescript ? ['--typescript'] : []), ...(tests ? [] : ['--no-tests']), '--yes', '--use-npm'];
  // From a clone, as the README says, from beside it: `npm run create -- <dir>` (the tests have built it all).
  return fromClone ? ['--prefix', REPO_ROOT, 'run', 'create', '--', ...flags, '--skip-build'] : ['exec', '--yes', `--package=${packedTarballs().create}`, '--', 'create-tccc-miniprogram', ...flags];
}

/** What the scaffolder wrote in `project` and printed (`stdout`), as asked: its files, package.json, config and next steps. */
function expectWritten(project: string, stdout: string, asked: Asked): void {
  const { template, core, channelId, typescript, fromClone, tests } = asked;
  const configFile = typescript ? 'config.ts' : 'config.js';
  expect(stdout).toContain('构建 npm');
  expect(stdout).toMatch(/\nNext:\n/);
  if (tests) expect(stdout).toMatch(/the app tests its call page:\n  npm run test +# /);
  else expect(stdout).not.toContain('npm run test');
  const tarballs = fromClone ? ['open-tccc-wx-sdk', 'tccc-call-kit', 'tccc-dev-server'].map((pkg) => `local-packages/${pkg}-${VERSION}.tgz`) : [];
  expect(listFiles(project).sort()).toEqual([...expectedFileList(template, core, typescript, tests), ...tarballs].sort());
  if (typescript) {
    expect(typeScriptSources(project).sort()).toEqual(['app.ts', 'config.ts', 'pages/call/index.ts']);
    expect(JSON.parse(fs.readFileSync(path.join(project, 'project.config.json'), 'utf8')).setting.useCompilerPlugins).toEqual(['typescript']);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8'));
  const devServerRange = fromClone ? `file:${tarballs[2]}` : expect.stringMatching(/^\^\d/);
  const typings = typescript ? { 'miniprogram-api-typings': expect.stringMatching(/^\^\d/), typescript: expect.stringMatching(/^\^\d/) } : {};
  const testTools = tests ? { ...TEST_DEPENDENCIES, ...(typescript ? { [TEST_TYPESCRIPT.name]: TEST_TYPESCRIPT.range } : {}) } : {};
  if (tests) {
    expect(manifest.scripts.test).toBe('jest');
    expect(manifest.jest).toEqual({ preset: 'tccc-dev-server/testing' });
    expect(manifest.allowScripts).toEqual(TEST_TOOLS_SCRIPTS_DENIED);
    expect(JSON.parse(fs.readFileSync(path.join(project, 'project.config.json'), 'utf8')).packOptions.ignore).toContainEqual({ type: 'folder', value: 'test' });
  } else {
    expect(manifest.scripts).not.toHaveProperty('test');
    expect(manifest).not.toHaveProperty('jest');
  }
  if (core === 'open') {
    // Installed, the app's folder is all that is left to enter.
    expect(stdout).toMatch(new RegExp(`cd ${path.basename(project)}\\n\\s+npm run simulator`));
    if (fromClone) {
      expect(manifest.dependencies).toEqual({ 'tccc-call-kit': `file:${tarballs[1]}`, 'tccc-wx-sdk': `file:${tarballs[0]}` });
      expect(JSON.parse(fs.readFileSync(path.join(project, 'project.config.json'), 'utf8')).packOptions.ignore).toContainEqual({ type: 'folder', value: 'local-packages' });
    } else {
      expect(manifest.dependencies).toEqual({ 'tccc-call-kit': expect.stringMatching(/^\^\d+\.\d+\.\d+$/), 'tccc-wx-sdk': expect.stringMatching(/^npm:open-tccc-wx-sdk@\^\d+\.\d+\.\d+$/) });
    }
    expect(manifest.devDependencies).toEqual({ 'tccc-dev-server': devServerRange, ...typings, ...testTools });
    expect(fs.readFileSync(path.join(project, configFile), 'utf8')).toContain(JSON.stringify(channelId));
  } else {
    expect(stdout).toContain('WeChat DevTools cannot run a TCCC call');
    expect(stdout).not.toMatch(/simulator|tccc-dev-server/);
    expect(manifest.dependencies).toEqual({ 'tccc-call-kit': expect.stringMatching(/^\^\d/), 'tccc-wx-sdk': '>=1.0.0' });
    // The simulator's package only for its testing entry (and the double): no simulator script, no endpoint.
    const devDependencies = { ...typings, ...(tests ? { 'tccc-dev-server': devServerRange, ...testTools } : {}) };
    expect(manifest.devDependencies).toEqual(Object.keys(devDependencies).length > 0 ? devDependencies : undefined);
    expect(manifest.scripts).not.toHaveProperty('simulator');
    // No endpoint, no simulator, no configure: none is in the public API.
    if (!typescript) {
      const config = { exports: {} as Record<string, unknown> };
      new Function('module', 'exports', fs.readFileSync(path.join(project, 'config.js'), 'utf8'))(config, config.exports);
      expect(Object.keys(config.exports)).toEqual(['sdkAppId', 'channelId']);
    }
    expect(fs.readFileSync(path.join(project, typescript ? 'app.ts' : 'app.js'), 'utf8')).not.toMatch(/configure|endpoint/);
  }
}

/**
 * The journey for one template on one core. Each runs in its own test file: WeChat's wcc keeps compiled
 * templates in globals keyed by their path in the project, and every project has pages/call/index.wxml,
 * so two projects in one jest environment would share the first one's page.
 */
export function scaffoldJourney({ template, channelId, core = 'open', typescript = false, fromClone = false, tests = true, breaks = false }: Journey): void {
  const name = `app-${template}-${core}${typescript ? '-ts' : ''}`;
  const project = () => path.join(WORK, name);
  const configFile = typescript ? 'config.ts' : 'config.js';
  const asked: Asked = { template, core, channelId, typescript, fromClone, tests };

  beforeAll(() => {
    WORK = path.join(WORK_ROOT, `${template}-${core}${typescript ? '-ts' : ''}${fromClone ? '-clone' : ''}`);
    fs.rmSync(WORK, { recursive: true, force: true });
    fs.mkdirSync(WORK, { recursive: true });
  });
  afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

  const how = fromClone ? '`npm run create` in this clone (our packages packed, file: dependencies)' : 'npm exec of the packed CLI';
  test(`${how} writes the template for the ${core} core${tests ? ' with its test' : ', --no-tests'}, installs, and prints the next steps`, async () => {
    const result = await run('npm', scaffoldCommand(name, asked), WORK);
    expect(result.stderr).not.toMatch(/ERR!/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dependencies installed');
    expectWritten(project(), result.stdout, asked);
    if (typescript) {
      // The project type-checks against what it installed, with its own compiler (DevTools compiles it as it builds; renderPage the same way).
      const check = await run('npm', ['run', 'typecheck', '--silent'], project());
      expect(check.stdout).toBe('');
      expect(check.code).toBe(0);
    }
    const installed = (pkg: string) => JSON.parse(fs.readFileSync(path.join(project(), 'node_modules', pkg, 'package.json'), 'utf8'));
    if (core === 'open') {
      // The alias: our core installed under the name the doc uses (and named so by the app's postinstall).
      expect(installed('tccc-wx-sdk')).toMatchObject({ name: 'tccc-wx-sdk', description: expect.stringContaining('open core') });
    } else {
      expect(installed('tccc-wx-sdk').description).toContain('TEST DOUBLE');
      expect(fs.existsSync(path.join(project(), 'node_modules', 'tccc-dev-server'))).toBe(tests);
    }
  }, INSTALL_TIMEOUT_MS);

  if (tests) {
    test("the app's own npm test passes: 构建 npm, WeChat's code-quality check, and a call from each start button", async () => {
      const result = await run('npm', ['test'], project(), TEST_TIMEOUT_MS);
      const output = `${result.stdout}\n${result.stderr}`;
      expect({ code: result.code, output: result.code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
      const calls = startButtons(template).map(({ button }) => `tapping 「${button}」 places a call that the agent answers, then hangs up`);
      for (const title of ['the WeChat code-quality check passes', ...calls]) expect(output).toContain(`✓ ${title}`);
      expect(output).toMatch(new RegExp(`Tests: +${calls.length + 1} passed, ${calls.length + 1} total`));
    }, TEST_TIMEOUT_MS);
  } else {
    test('built and checked as WeChat would, the page places a call from each start button (tccc-dev-server/testing, in this process)', async () => {
      await buildNpm(project());
      expect(await codeQuality(project())).toEqual([]);
      const simulator: Simulator | null = core === 'open' ? await startSimulator() : null;
      try {
        const agent: Agent = simulator ? simulator.agent : tcccWxSdkDouble().agent;
        for (const { button, media } of startButtons(template)) {
          const page = await renderPage(project(), 'pages/call/index', simulator ? { routes: { 'http://127.0.0.1:5700': simulator.url } } : { tcccWxSdk: 'double' });
          try {
            await page.tap(button);
            if (channelId === 'audio-support') {
              await page.waitForStatus('请按键选择服务');
              await page.tap('1');
            }
            const call = await agent.waitForCall();
            expect(call).toMatchObject({ channelId, media });
            await agent.accept(call);
            await page.waitForStatus(simulator ? /为您服务$/ : '通话中');
            await agent.hangUp(call);
            await page.waitForStatus('通话已结束');
          } finally {
            page.close();
          }
        }
      } finally {
        await simulator?.close();
      }
    }, TEST_TIMEOUT_MS);
  }

  test('构建 npm put the core at miniprogram_npm/tccc-wx-sdk, the kit and vant, and nothing Node-only or of the test\'s tools', () => {
    const npmDir = path.join(project(), 'miniprogram_npm');
    const built = fs.readdirSync(npmDir).flatMap((entry) => (entry.startsWith('@') ? fs.readdirSync(path.join(npmDir, entry)).map((inner) => `${entry}/${inner}`) : [entry])).sort();
    expect(built).toEqual(core === 'open' ? ['@vant/weapp', 'tccc-call-kit', 'tccc-wx-sdk', 'trtc-wx-sdk'] : ['@vant/weapp', 'tccc-call-kit', 'tccc-wx-sdk']);
    const kit = listFiles(path.join(npmDir, 'tccc-call-kit'));
    expect(kit).toContain('call-screen/index.wxml');
    const coreFiles = listFiles(path.join(npmDir, 'tccc-wx-sdk'));
    expect(coreFiles).toEqual(expect.arrayContaining(['index.json', 'pusher/index.json', 'player/index.json', 'login/index.js']));
    expect(coreFiles.filter((file) => /call-screen|keypad|bin\/|console\/|dev-server|create|testing/.test(file))).toEqual([]);
    expect(kit.filter((file) => /bin\/|console\/|dev-server|create|testing|login\//.test(file))).toEqual([]);
    // Every package any shipped file requires: trtc-wx-sdk from one file of our core (the bundle's shared chunk,
    // scripts/build.mjs), tim-wx-sdk only from the opt-in im entry.
    expect(bareRequires(npmDir)).toEqual(
      core === 'open' ? { 'trtc-wx-sdk': [expect.stringMatching(/^tccc-wx-sdk\/chunks\/chunk-\w+\.js$/)], 'tim-wx-sdk': ['tccc-wx-sdk/im/index.js'] } : {},
    );
  });

  if (breaks) breakTests(project, core, channelId, configFile);
}

/**
 * The app's own test must fail when the page can no longer place a call: each break of the issue, made
 * and undone in turn, with the call tests run (`-t`) and what the failure says. A wrong channel is refused
 * differently on each core (the simulator has no such entry; the double takes any, and the test sees which);
 * the other two breaks fail alike on both, and are made on the tccc core only (on the open core, the unit
 * tests of renderPage make them).
 */
function breakTests(project: () => string, core: Core, channelId: string, configFile: string): void {
  const pageJson = 'pages/call/index.json';
  const cases: Array<{ title: string; file: string; change(text: string): string; says: RegExp }> = [
    {
      title: `another channelId in ${configFile}`,
      file: configFile,
      change: (text) => text.replace(JSON.stringify(channelId), JSON.stringify('no-such-channel')),
      // The simulator refuses a channel it does not have; the double takes any, and the test sees which.
      says: core === 'open' ? /the status line reads 「呼叫未能接通，请稍后再试」/ : /"channelId": "no-such-channel"/,
    },
    {
      title: 'the call screen taken out of usingComponents',
      file: pageJson,
      change: (text) => JSON.stringify({ ...JSON.parse(text), usingComponents: {} }),
      says: /a button 「语音呼叫」 to tap; no status line/,
    },
    {
      title: `a ${configFile} that does not load`,
      file: configFile,
      change: (text) => text.replace(/\}\s*;?\s*$/, ''),
      says: /SyntaxError/,
    },
  ];
  const made = core === 'tccc' ? cases : cases.slice(0, 1);
  test.each(made.map((entry) => [entry.title, entry] as const))("the app's own test fails with %s", async (_, { file, change, says }) => {
    const target = path.join(project(), file);
    const original = fs.readFileSync(target, 'utf8');
    fs.writeFileSync(target, change(original));
    expect(fs.readFileSync(target, 'utf8')).not.toBe(original);
    try {
      const result = await run('npm', ['test', '--', '-t', 'places a call'], project(), TEST_TIMEOUT_MS);
      expect(result.code).not.toBe(0);
      expect(`${result.stdout}\n${result.stderr}`).toMatch(says);
    } finally {
      fs.writeFileSync(target, original);
    }
  }, TEST_TIMEOUT_MS);
}
