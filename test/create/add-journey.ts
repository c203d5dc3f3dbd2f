/**
 * `create-tccc-miniprogram add` on an existing mini program kept in test/fixtures/, as its team would run
 * it: the app installed and built (构建 npm) as it is, compiled and checked; then add (the packed CLI with
 * npm exec, or `npm run create -- add` from this clone) with its own install through the loopback registry
 * (our packed packages, and the packages of this repository's lockfile for the call page's test: jest,
 * miniprogram-ci…); WeChat's build again, the code-quality check failing no rule that did not fail before,
 * the main package grown by at most 4 KB, none of the test's tools in the subpackage's miniprogram_npm; the
 * call page placing a call from the subpackage: by the subpackage's own test, run as add prints it (which
 * also fails, readably, once config.js calls another channel), or with `--no-tests` here, through the same
 * public entry (the simulator on the open core, the double on the tccc core); a second add changing
 * nothing; remove giving the files back byte for byte.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { LocalRegistry } from '../../scripts/lib/local-registry';
import { startLocalRegistry } from '../../scripts/lib/local-registry';
import { packedTarballs } from '../support/packed';
import { TEST_DEPENDENCIES, TEST_TOOLS_SCRIPTS_DENIED, TEST_TYPESCRIPT } from '../../create/app-tests';
import type { QualityProblem, Simulator } from '../../testing';
import { buildNpm, codeQuality, renderPage, startSimulator, tcccWxSdkDouble } from '../../testing';
import { compiledFiles, mainPackageBytes, placeholderKey } from '../support/wechat-build';
import { JOURNEY_NPM_CACHE, packInstalled, scaffoldEnv } from './scaffold-helpers';
import type { Core } from './scaffold-journey';

const REPO_ROOT = path.resolve(__dirname, '../..');
const TSC = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
const ROOT = 'packageTccc';
/** The issue's budget for what add may cost every user of the app: the app.json lines. */
const MAIN_PACKAGE_GROWTH_LIMIT = 4096;

export interface AddCase {
  fixture: string;
  core: Core;
  /** Packages the app itself installs, packed from this repository's node_modules for the registry. */
  hostPackages: string[];
  /** The rules of WeChat's code-quality check the app fails before add (its own settings). */
  hostFails: string[];
  /** npm exec of the packed CLI (in the project, no [dir]) or `npm run create -- add <dir>` from this clone. */
  how: 'packed' | 'clone';
  /** The subpackage's own test (false: `--no-tests`). */
  tests: boolean;
  /** Also break the call (another channelId in config.js) and see the subpackage's test fail, saying why. */
  breaks?: boolean;
}

interface Snapshot {
  files: Record<string, string>;
}

/** Every file of the project but installed and built packages, path to content. */
function snapshot(project: string): Snapshot {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', 'miniprogram_npm', 'package-lock.json'].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(project, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(project);
  return { files };
}

/** What DevTools' TypeScript plugin does as it builds: each .ts file (not .d.ts) to a .js beside it. */
function compileTypeScript(dir: string): void {
  for (const file of Object.keys(snapshot(dir).files).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))) {
    const output = ts.transpileModule(fs.readFileSync(path.join(dir, file), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 }, fileName: file });
    fs.writeFileSync(path.join(dir, file.replace(/\.ts$/, '.js')), output.outputText);
  }
}

function failedRules(problems: QualityProblem[]): string[] {
  return problems.map((problem) => problem.name);
}

export function addJourney(c: AddCase): void {
  const work = path.join(REPO_ROOT, '.tmp/add-e2e', c.fixture);
  const project = path.join(work, 'app');
  let registry: LocalRegistry;
  let simulator: Simulator;
  let keyFile: string;
  let miniprogramRoot = '';
  let before: { main: number; failed: string[]; files: Snapshot; json: Record<string, string | null> };
  let added: Snapshot;
  /** The test command add printed, from the project folder. */
  let testCommand = '';
  const mp = () => path.join(project, miniprogramRoot);
  /** The subpackage folder, relative to the project. */
  const folder = () => `${miniprogramRoot ? `${miniprogramRoot}/` : ''}${ROOT}`;
  const hostJson = () => ['project.config.json', `${miniprogramRoot ? `${miniprogramRoot}/` : ''}app.json`, 'package.json'];
  const coreFlags = () => (c.core === 'open' ? ['--core', 'open', '--server', simulator.url] : ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '12345']);
  const addFlags = () => [...coreFlags(), '--yes', '--use-npm', ...(c.tests ? [] : ['--no-tests'])];
  const readOrNull = (file: string) => (fs.existsSync(path.join(project, file)) ? fs.readFileSync(path.join(project, file), 'utf8') : null);
  const roots = () => {
    const app = JSON.parse(fs.readFileSync(path.join(mp(), 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
    return (app.subPackages ?? app.subpackages ?? []).map((entry) => entry.root);
  };

  /** npm through the loopback registry, with the npm cache the journeys share (see scaffold-helpers). */
  function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...scaffoldEnv(registry.url, work, JOURNEY_NPM_CACHE), npm_config_prefer_offline: 'true' };
    return new Promise((resolve) => {
      execFile(command, args, { cwd, env, timeout: 230000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) || 1 : 0, stdout, stderr }),
      );
    });
  }

  /** add or remove, as this case runs the scaffolder. */
  function scaffolder(args: string[]): ReturnType<typeof run> {
    if (c.how === 'clone') return run('npm', ['--prefix', REPO_ROOT, 'run', 'create', '--', ...args.slice(0, 1), project, ...args.slice(1), '--skip-build'], work);
    return run('npm', ['exec', '--yes', `--package=${packedTarballs().create}`, '--', 'create-tccc-miniprogram', ...args], project);
  }

  beforeAll(async () => {
    fs.rmSync(work, { recursive: true, force: true });
    fs.mkdirSync(work, { recursive: true });
    fs.cpSync(path.join(REPO_ROOT, 'test/fixtures', c.fixture), project, { recursive: true });
    miniprogramRoot = (JSON.parse(fs.readFileSync(path.join(project, 'project.config.json'), 'utf8')).miniprogramRoot ?? '').replace(/^\.\/?/, '').replace(/\/$/, '');
    keyFile = placeholderKey(work);
    registry = await startLocalRegistry([...packedTarballs().all, ...c.hostPackages.map((name) => packInstalled(name, work))], { lockfile: path.join(REPO_ROOT, 'package-lock.json') });
    simulator = await startSimulator();
  });
  afterAll(async () => {
    await registry.close();
    await simulator.close();
  });

  test('the app as it is: installed, built with 构建 npm, compiled and checked', async () => {
    const usesNpm = fs.existsSync(path.join(project, 'package.json'));
    if (usesNpm) expect((await run('npm', ['install'], project)).code).toBe(0);
    if (fs.existsSync(path.join(project, 'tsconfig.json'))) compileTypeScript(mp());
    // 构建 npm, where there is an npm to build (WeChat's refuses a project without one).
    if (usesNpm) await buildNpm(project);
    const [files, rules] = await Promise.all([compiledFiles(project, keyFile), codeQuality(project)]);
    before = { main: mainPackageBytes(files, roots()), failed: failedRules(rules), files: snapshot(project), json: Object.fromEntries(hostJson().map((file) => [file, readOrNull(file)])) };
    expect(before.main).toBeGreaterThan(0);
    expect(before.failed.sort()).toEqual([...c.hostFails].sort());
  });

  test(`add puts the call into an independent subpackage on the ${c.core} core${c.tests ? ' with its own test' : ', --no-tests'}, installs it there, and prints how to open it`, async () => {
    const result = await scaffolder(['add', ...addFlags()]);
    expect(result.stderr).not.toMatch(/ERR!/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wx.navigateTo({ url: '/${ROOT}/pages/call/index' })`);
    expect(result.stdout).toContain(`<navigator url="/${ROOT}/pages/call/index">`);
    added = snapshot(project);
    // Nothing outside the subpackage but app.json, project.config.json and (open core) the root package.json.
    const changed = Object.keys(added.files).filter((file) => added.files[file] !== before.files.files[file]);
    const outside = changed.filter((file) => !file.startsWith(`${folder()}/`));
    expect(outside.sort()).toEqual(hostJson().filter((file) => c.core === 'open' || file !== 'package.json').sort());
    expect(Object.keys(before.files.files).filter((file) => !(file in added.files))).toEqual([]);
    // app.json gained the subpackage and nothing else.
    const [appBefore, appAfter] = [before.json[hostJson()[1]]!, added.files[hostJson()[1]]].map((text) => JSON.parse(text) as Record<string, unknown>);
    const key = 'subPackages' in appBefore || !('subpackages' in appBefore) ? 'subPackages' : 'subpackages';
    expect(appAfter).toEqual({ ...appBefore, [key]: [...((appBefore[key] as unknown[]) ?? []), { root: ROOT, pages: ['pages/call/index'], independent: true }] });
    if (c.core === 'open') {
      const manifest = JSON.parse(added.files['package.json']) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
      expect(manifest.scripts.simulator).toBe('tccc-dev-server');
      expect(manifest.devDependencies['tccc-dev-server']).toMatch(c.how === 'clone' ? /^file:.*packageTccc\/local-packages\/tccc-dev-server-/ : /^\^\d/);
    }
    // From a clone, the kit is not on npm yet: the subpackage's README says where it came from, with no dead npm link to it.
    const readme = added.files[`${folder()}/README.md`];
    expect(readme.includes('https://www.npmjs.com/package/tccc-call-kit')).toBe(c.how !== 'clone');
    expect(readme.includes('(not on npm yet: installed from `local-packages/`)')).toBe(c.how === 'clone');
    const installed = JSON.parse(fs.readFileSync(path.join(mp(), ROOT, 'node_modules/tccc-wx-sdk/package.json'), 'utf8')) as { name: string; description: string };
    expect(installed.name).toBe('tccc-wx-sdk');
    expect(installed.description).toMatch(c.core === 'open' ? /open core/ : /TEST DOUBLE/);
    // The test and its tools in the subpackage, and only there: its package.json, its node_modules, left out of the upload.
    const subpackageJson = JSON.parse(added.files[`${folder()}/package.json`]) as { scripts: Record<string, string>; devDependencies?: Record<string, string>; jest?: unknown };
    const ignored = (JSON.parse(added.files['project.config.json']) as { packOptions: { ignore: unknown[] } }).packOptions.ignore;
    const rootManifest = (text: string | null | undefined) => (text ? (JSON.parse(text) as { devDependencies?: Record<string, string> }).devDependencies ?? {} : {});
    for (const tool of Object.keys(TEST_DEPENDENCIES)) expect([tool, rootManifest(added.files['package.json'])[tool]]).toEqual([tool, rootManifest(before.json['package.json'])[tool]]);
    const printedTest = /^ {2}(\(cd \S+ && npm run test\)) +# /m.exec(result.stdout)?.[1];
    if (c.tests) {
      expect(printedTest).toBe(`(cd ${folder()} && npm run test)`);
      testCommand = printedTest ?? '';
      expect(added.files[`${folder()}/test/call.test.js`]).toContain(`codeQuality(PROJECT, { subpackage: '${ROOT}' })`);
      const devServerRange = c.how === 'clone' ? expect.stringMatching(/^file:local-packages\/tccc-dev-server-/) : expect.stringMatching(/^\^\d/);
      const typescript = fs.existsSync(path.join(project, 'tsconfig.json')) ? { [TEST_TYPESCRIPT.name]: TEST_TYPESCRIPT.range } : {};
      expect(subpackageJson).toMatchObject({ scripts: { test: 'jest' }, devDependencies: { 'tccc-dev-server': devServerRange, ...TEST_DEPENDENCIES, ...typescript }, jest: { preset: 'tccc-dev-server/testing' }, allowScripts: TEST_TOOLS_SCRIPTS_DENIED });
      expect(Object.keys(subpackageJson.devDependencies ?? {}).sort()).toEqual(['tccc-dev-server', ...Object.keys(TEST_DEPENDENCIES), ...Object.keys(typescript)].sort());
      expect(ignored).toContainEqual({ type: 'folder', value: `${ROOT}/test` });
      expect(fs.existsSync(path.join(mp(), ROOT, 'node_modules/jest/package.json'))).toBe(true);
    } else {
      expect(printedTest).toBeUndefined();
      expect(result.stdout).not.toContain('npm run test');
      expect(Object.keys(added.files).filter((file) => file.startsWith(`${folder()}/test/`))).toEqual([]);
      expect(subpackageJson.scripts).not.toHaveProperty('test');
      expect(subpackageJson).not.toHaveProperty('devDependencies');
      expect(subpackageJson).not.toHaveProperty('jest');
      expect(ignored).not.toContainEqual({ type: 'folder', value: `${ROOT}/test` });
    }
  });

  test(`WeChat's build: the subpackage's own miniprogram_npm (none of the test's tools), no rule of the code-quality check newly failed, the main package at most ${MAIN_PACKAGE_GROWTH_LIMIT} bytes bigger`, async () => {
    if (fs.existsSync(path.join(project, 'tsconfig.json'))) {
      // The app's own type check covers the call page too, against what add installed.
      const check = await run(process.execPath, [TSC, '-p', project], project);
      expect(check.stdout).toBe('');
      compileTypeScript(path.join(mp(), ROOT));
    }
    const { built } = await buildNpm(project);
    // 构建 npm builds `dependencies` only: jest, miniprogram-ci… stay in node_modules.
    expect(built.find((entry) => entry.folder === `${folder()}/miniprogram_npm`)?.packages).toEqual(['@vant/weapp', 'tccc-call-kit', 'tccc-wx-sdk', ...(c.core === 'open' ? ['trtc-wx-sdk'] : [])]);
    expect(fs.existsSync(path.join(mp(), ROOT, 'miniprogram_npm/tccc-call-kit/call-screen/index.json'))).toBe(true);
    const [files, rules] = await Promise.all([compiledFiles(project, keyFile), codeQuality(project)]);
    expect(Object.keys(files)).toContain(`${ROOT}/pages/call/index.js`);
    // The Node-side scripts and the test stay out of the upload (packOptions.ignore).
    expect(Object.keys(files).filter((file) => file.startsWith(`${ROOT}/scripts/`) || file.startsWith(`${ROOT}/test/`))).toEqual([]);
    const growth = mainPackageBytes(files, roots()) - before.main;
    expect(growth).toBeLessThanOrEqual(MAIN_PACKAGE_GROWTH_LIMIT);
    expect(failedRules(rules).filter((rule) => !before.failed.includes(rule))).toEqual([]);
  });

  if (c.tests) {
    test(`the subpackage's own test, run as add printed it, passes${c.hostFails.length > 0 ? ' though the app fails rules of its own' : ''}: 构建 npm, the code-quality check of the subpackage, a call from the page`, async () => {
      const result = await run('sh', ['-c', testCommand], project);
      const output = `${result.stdout}\n${result.stderr}`;
      expect({ code: result.code, output: result.code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
      expect(output).toContain(`✓ the WeChat code-quality check passes for ${ROOT}`);
      expect(output).toContain('✓ tapping 「语音呼叫」 places a call that the agent answers, then hangs up');
    });
  } else {
    test(`the call page, loaded from the subpackage, places a call on the ${c.core} core (tccc-dev-server/testing, in this process)`, async () => {
      // As WeChat opens a page of an independent subpackage: its components from the subpackage's own
      // miniprogram_npm, without the app's app.js (tccc-dev-server/testing).
      const page = await renderPage(project, `${ROOT}/pages/call/index`, { tcccWxSdk: c.core === 'tccc' ? 'double' : 'installed' });
      const agent = c.core === 'open' ? simulator.agent : tcccWxSdkDouble().agent;
      try {
        await page.tap('语音呼叫');
        if (c.core === 'open') {
          await page.waitForStatus('请按键选择服务');
          await page.tap('1');
        }
        const call = await agent.waitForCall();
        expect(call).toMatchObject({ channelId: c.core === 'open' ? 'audio-support' : '12345', media: 'audio' });
        await agent.accept(call);
        await page.waitForStatus(c.core === 'open' ? /为您服务$/ : '通话中');
        await agent.hangUp(call);
        await page.waitForStatus('通话已结束');
      } finally {
        page.close();
      }
    });
  }

  if (c.breaks) {
    test("the subpackage's own test fails, and says why, once its config.js calls another channel", async () => {
      const config = path.join(mp(), ROOT, fs.existsSync(path.join(mp(), ROOT, 'config.ts')) ? 'config.ts' : 'config.js');
      const original = fs.readFileSync(config, 'utf8');
      const channelId = c.core === 'open' ? 'audio-support' : '12345';
      fs.writeFileSync(config, original.replace(JSON.stringify(channelId), JSON.stringify('no-such-channel')));
      expect(fs.readFileSync(config, 'utf8')).not.toBe(original);
      try {
        // The call only (-t), as scaffold-journey's breaks run it: 构建 npm and the check are not what broke.
        const result = await run('npm', ['run', 'test', '--', '-t', 'places a call'], path.join(mp(), ROOT));
        expect(result.code).not.toBe(0);
        // The simulator refuses a channel it does not have; the double takes any, and the test sees which.
        expect(`${result.stdout}\n${result.stderr}`).toMatch(c.core === 'open' ? /the status line reads 「呼叫未能接通，请稍后再试」/ : /"channelId": "no-such-channel"/);
      } finally {
        fs.writeFileSync(config, original);
      }
    });
  }

  test('a second add with the same answers changes no file', async () => {
    const again = snapshot(project);
    const result = await scaffolder(['add', ...addFlags(), '--skip-install']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no file changed');
    expect(snapshot(project)).toEqual(again);
  });

  test(`remove deletes the subpackage${c.tests ? ', its test with it,' : ''} and gives back app.json, project.config.json and package.json byte for byte`, async () => {
    const result = await scaffolder(['remove']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Removed the subpackage ${folder()}`);
    for (const file of hostJson()) expect([file, readOrNull(file)]).toEqual([file, before.json[file]]);
    expect(fs.existsSync(path.join(mp(), ROOT))).toBe(false);
  });
}
