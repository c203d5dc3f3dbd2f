/**
 * `create-tccc-miniprogram add` on an existing mini program kept in test/fixtures/, as its team would run
 * it: the app installed and built (构建 npm) as it is, compiled and checked; then add (the packed CLI with
 * npm exec, or `npm run create -- add` from this clone) with its own install through the loopback registry;
 * WeChat's build again, the code-quality check failing no rule that did not fail before, the main package
 * grown by at most 4 KB; the call page loaded from the subpackage placing a call (the simulator on the open
 * core, the double on the tccc core); a second add changing nothing; remove giving the files back byte for byte.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { LocalRegistry } from '../../scripts/lib/local-registry';
import { startLocalRegistry } from '../../scripts/lib/local-registry';
import { packedTarballs } from '../support/packed';
import type { QualityProblem, Simulator } from '../../testing';
import { buildNpm, codeQuality, renderPage, startSimulator, tcccWxSdkDouble } from '../../testing';
import { compiledFiles, mainPackageBytes, placeholderKey } from '../support/wechat-build';
import { packInstalled, scaffoldEnv } from './scaffold-helpers';
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
  /** npm exec of the packed CLI (in the project, no [dir]) or `npm run create -- add <dir>` from this clone. */
  how: 'packed' | 'clone';
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
  const mp = () => path.join(project, miniprogramRoot);
  const hostJson = () => ['project.config.json', `${miniprogramRoot ? `${miniprogramRoot}/` : ''}app.json`, 'package.json'];
  const readOrNull = (file: string) => (fs.existsSync(path.join(project, file)) ? fs.readFileSync(path.join(project, file), 'utf8') : null);
  const roots = () => {
    const app = JSON.parse(fs.readFileSync(path.join(mp(), 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
    return (app.subPackages ?? app.subpackages ?? []).map((entry) => entry.root);
  };

  function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(command, args, { cwd, env: scaffoldEnv(registry.url, work), timeout: 170000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
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
    registry = await startLocalRegistry([...packedTarballs().all, ...c.hostPackages.map((name) => packInstalled(name, work))]);
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
  });

  test(`add puts the call into an independent subpackage on the ${c.core} core, installs it there, and prints how to open it`, async () => {
    const coreFlags = c.core === 'open' ? ['--core', 'open', '--server', simulator.url] : ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '12345'];
    const result = await scaffolder(['add', ...coreFlags, '--yes', '--use-npm']);
    expect(result.stderr).not.toMatch(/ERR!/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wx.navigateTo({ url: '/${ROOT}/pages/call/index' })`);
    expect(result.stdout).toContain(`<navigator url="/${ROOT}/pages/call/index">`);
    added = snapshot(project);
    // Nothing outside the subpackage but app.json, project.config.json and (open core) the root package.json.
    const changed = Object.keys(added.files).filter((file) => added.files[file] !== before.files.files[file]);
    const outside = changed.filter((file) => !file.startsWith(`${miniprogramRoot ? `${miniprogramRoot}/` : ''}${ROOT}/`));
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
    const installed = JSON.parse(fs.readFileSync(path.join(mp(), ROOT, 'node_modules/tccc-wx-sdk/package.json'), 'utf8')) as { name: string; description: string };
    expect(installed.name).toBe('tccc-wx-sdk');
    expect(installed.description).toMatch(c.core === 'open' ? /open core/ : /TEST DOUBLE/);
  });

  test(`WeChat's build: the subpackage's own miniprogram_npm, no rule of the code-quality check newly failed, the main package at most ${MAIN_PACKAGE_GROWTH_LIMIT} bytes bigger`, async () => {
    if (fs.existsSync(path.join(project, 'tsconfig.json'))) {
      // The app's own type check covers the call page too, against what add installed.
      const check = await run(process.execPath, [TSC, '-p', project], project);
      expect(check.stdout).toBe('');
      compileTypeScript(path.join(mp(), ROOT));
    }
    await buildNpm(project);
    expect(fs.existsSync(path.join(mp(), ROOT, 'miniprogram_npm/tccc-call-kit/call-screen/index.json'))).toBe(true);
    const [files, rules] = await Promise.all([compiledFiles(project, keyFile), codeQuality(project)]);
    expect(Object.keys(files)).toContain(`${ROOT}/pages/call/index.js`);
    expect(Object.keys(files).filter((file) => file.startsWith(`${ROOT}/scripts/`))).toEqual([]);
    const growth = mainPackageBytes(files, roots()) - before.main;
    expect(growth).toBeLessThanOrEqual(MAIN_PACKAGE_GROWTH_LIMIT);
    expect(failedRules(rules).filter((rule) => !before.failed.includes(rule))).toEqual([]);
  });

  test(`the call page, loaded from the subpackage, places a call on the ${c.core} core`, async () => {
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

  test('a second add with the same answers changes no file', async () => {
    const coreFlags = c.core === 'open' ? ['--core', 'open', '--server', simulator.url] : ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '12345'];
    const again = snapshot(project);
    const result = await scaffolder(['add', ...coreFlags, '--yes', '--use-npm', '--skip-install']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no file changed');
    expect(snapshot(project)).toEqual(again);
  });

  test('remove deletes the subpackage and gives back app.json, project.config.json and package.json byte for byte', async () => {
    const result = await scaffolder(['remove']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Removed the subpackage ${miniprogramRoot ? `${miniprogramRoot}/` : ''}${ROOT}`);
    for (const file of hostJson()) expect([file, readOrNull(file)]).toEqual([file, before.json[file]]);
    expect(fs.existsSync(path.join(mp(), ROOT))).toBe(false);
  });
}
