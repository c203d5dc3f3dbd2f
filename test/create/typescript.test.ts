/**
 * `--typescript` for every template on both cores: the generated project installs the packed packages (and
 * WeChat's API typings) through the loopback registry and type-checks with `tsc -p .` as written. The
 * journeys (scaffold-audio-ts, scaffold-video-tccc-ts) then run two of them through packNpm and a call.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CoreName, TemplateName } from '../../create/options';
import { TYPESCRIPT, TYPINGS } from '../../create/release';
import type { LocalRegistry } from '../../scripts/lib/local-registry';
import { startLocalRegistry } from '../../scripts/lib/local-registry';
import { packedTarballs } from '../support/packed';
import { scratchRoot } from '../support/scratch';
import { expectedFileList, scaffoldEnv } from './scaffold-helpers';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'packages', 'create-tccc-miniprogram', 'index.js');
// The six apps install WeChat's typings and TypeScript: in the tests' scratch folder (in memory when it can).
const WORK = path.join(scratchRoot(), 'create-typescript');

let registry: LocalRegistry;

function run(command: string, args: string[], cwd: string, timeout = 150000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env: scaffoldEnv(registry.url, WORK), timeout }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) || 1 : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  registry = await startLocalRegistry([...packedTarballs().all, ...packedTarballs().typescriptApp]);
}, 60000);
afterAll(async () => {
  await registry?.close();
  fs.rmSync(WORK, { recursive: true, force: true });
});

const CASES = (['open', 'tccc'] as const).flatMap((core) => (['audio', 'video', 'full'] as const).map((template) => [core, template] as [CoreName, TemplateName]));

test.each(CASES)('%s core, %s template: TypeScript in place of the JavaScript, installed, type-checked', async (core, template) => {
  const name = `ts-${core}-${template}`;
  const coreFlags = core === 'open' ? ['--core', 'open'] : ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '12345'];
  const created = await run(process.execPath, [CLI, name, '--template', template, ...coreFlags, '--typescript', '--no-tests', '--yes', '--skip-install'], WORK, 30000);
  expect(created.code).toBe(0);
  const project = path.join(WORK, name);
  const files = expectedFileList(template, core, true, false);
  expect(files).toEqual(expect.arrayContaining(['app.ts', 'config.ts', 'pages/call/index.ts', 'tsconfig.json']));
  expect(files.filter((file) => /^(app|config|pages\/call\/index)\.js$/.test(file))).toEqual([]);
  for (const file of files) expect(fs.existsSync(path.join(project, file))).toBe(true);
  expect(fs.existsSync(path.join(project, 'typings', 'tccc-wx-sdk.d.ts'))).toBe(core === 'tccc');
  expect(JSON.parse(fs.readFileSync(path.join(project, 'project.config.json'), 'utf8')).setting.useCompilerPlugins).toEqual(['typescript']);

  const install = await run('npm', ['install'], project);
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(install.code).toBe(0);
  // The app's own script, with the compiler it installed (not the one of this repository).
  const check = await run('npm', ['run', 'typecheck', '--silent', '--', '--listFiles'], project, 90000);
  expect(check.stdout).not.toContain('error TS');
  expect(check.code).toBe(0);
  // Typed by the packages it installed: the kit's types on both cores, our core's own on the open core.
  expect(check.stdout).toContain(path.join(project, 'node_modules', 'tccc-call-kit', 'miniprogram_dist', 'index.d.ts'));
  if (core === 'open') expect(check.stdout).toContain(path.join(project, 'node_modules', 'tccc-wx-sdk', 'miniprogram_dist', 'login', 'index.d.ts'));
}, 180000);

test('the typings and TypeScript ranges a TypeScript app gets are the ones this repository is typed and tested with', () => {
  const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  expect(TYPINGS).toEqual({ name: 'miniprogram-api-typings', range: root.devDependencies['miniprogram-api-typings'] });
  expect(TYPESCRIPT).toEqual({ name: 'typescript', range: root.devDependencies.typescript });
});

test('without --typescript the project stays JavaScript, with no tsconfig and no compiler plugin', async () => {
  const created = await run(process.execPath, [CLI, 'js-app', '--yes', '--skip-install'], WORK, 30000);
  expect(created.code).toBe(0);
  const project = path.join(WORK, 'js-app');
  expect(fs.existsSync(path.join(project, 'tsconfig.json'))).toBe(false);
  expect(fs.existsSync(path.join(project, 'pages', 'call', 'index.js'))).toBe(true);
  expect(JSON.parse(fs.readFileSync(path.join(project, 'project.config.json'), 'utf8')).setting.useCompilerPlugins).toBeUndefined();
  expect(JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf8')).devDependencies).not.toHaveProperty('miniprogram-api-typings');
});
