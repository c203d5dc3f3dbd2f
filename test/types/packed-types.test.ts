/**
 * The packages' types as a TypeScript user gets them: the packed tarballs installed through an npm registry
 * on loopback into a project outside this tree, then `tsc --noEmit` on a page fixture. The fixture must
 * compile; with its `@ts-expect-error` directives taken out, it must fail on exactly the lines they marked.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LocalRegistry } from '../../scripts/lib/local-registry';
import { npmEnvFor, startLocalRegistry } from '../../scripts/lib/local-registry';
import { DOUBLE_DIR } from '../../scripts/lib/pack';
import { packedTarballs } from '../support/packed';

const REPO = path.resolve(__dirname, '../..');
const TSC = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const FIXTURES = path.join(__dirname, 'fixtures');
const PAGE = path.join('pages', 'call', 'index.ts');
const EXPECT_ERROR = /^\s*\/\/ @ts-expect-error\b/;

/** The typed page sample of the README's TypeScript section, compiled beside the fixture. */
function readmeSample(): string {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### TypeScript'));
  const sample = /```ts\n([\s\S]*?)```/.exec(section);
  if (!sample) throw new Error('README: no ```ts block in the TypeScript section');
  return sample[1];
}

function versionOf(dir: string): string {
  return (JSON.parse(fs.readFileSync(path.join(REPO, dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** What each fixture project installs: our core under the name tccc-wx-sdk, or the double of Tencent's. */
const FIXTURE_DEPENDENCIES: Record<'ours' | 'tencent', Record<string, string>> = {
  ours: { 'tccc-wx-sdk': `npm:open-tccc-wx-sdk@^${versionOf('.')}`, 'tccc-call-kit': `^${versionOf('packages/tccc-call-kit')}` },
  tencent: { 'tccc-wx-sdk': `^${versionOf(DOUBLE_DIR)}`, 'tccc-call-kit': `^${versionOf('packages/tccc-call-kit')}` },
};

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    noEmit: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    // Our shipped declarations are checked too, not only the page.
    skipLibCheck: false,
    target: 'ES2017',
    lib: ['ES2017'],
    module: 'CommonJS',
    moduleResolution: 'node',
    types: ['miniprogram-api-typings'],
  },
  include: ['pages/**/*.ts'],
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeout: number): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, timeout, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) || 1 : 0, stdout, stderr }),
    );
  });
}

/** `file(line,col): error TSnnnn` lines of tsc's output, as `line TSnnnn` for the page. */
function pageErrors(output: string): string[] {
  return [...output.matchAll(/pages[\\/]call[\\/]index\.ts\((\d+),\d+\): error (TS\d+)/g)].map(([, line, code]) => `${line} ${code}`);
}

let WORK = '';
let registry: LocalRegistry;

beforeAll(async () => {
  WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'tccc-types-'));
  // The project's own dev dependency, served by the same registry (packed by the global setup, for TypeScript apps).
  const [typings] = packedTarballs().typescriptApp;
  registry = await startLocalRegistry([...packedTarballs().all, typings]);
}, 90000);

afterAll(async () => {
  await registry?.close();
  if (WORK) fs.rmSync(WORK, { recursive: true, force: true });
});

describe.each(['ours', 'tencent'] as const)('types on %s core', (core) => {
  let project = '';

  beforeAll(async () => {
    project = path.join(WORK, core);
    fs.cpSync(path.join(FIXTURES, core), project, { recursive: true });
    if (core === 'ours') {
      fs.mkdirSync(path.join(project, 'pages', 'readme'), { recursive: true });
      fs.writeFileSync(path.join(project, 'pages', 'readme', 'index.ts'), readmeSample());
    }
    fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    const typingsVersion = versionOf('node_modules/miniprogram-api-typings');
    const manifest = { name: `types-${core}`, private: true, dependencies: FIXTURE_DEPENDENCIES[core], devDependencies: { 'miniprogram-api-typings': typingsVersion } };
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify(manifest, null, 2));
    const env = { ...npmEnvFor(registry.url, path.join(WORK, '.npm-cache')), npm_config_loglevel: 'error' };
    const install = await run('npm', ['install', '--ignore-scripts'], project, env, 150000);
    if (install.code !== 0) throw new Error(`npm install failed:\n${install.stdout}\n${install.stderr}`);
  }, 180000);

  test('the page (and on our core, the README sample) compiles against the installed packages, their declarations included', async () => {
    const result = await run(process.execPath, [TSC, '-p', project, '--listFiles'], project, process.env, 90000);
    expect(pageErrors(result.stdout)).toEqual([]);
    expect(result.stdout).not.toContain('error TS');
    expect(result.code).toBe(0);
    const kitTypes = path.join(project, 'node_modules', 'tccc-call-kit', 'miniprogram_dist', 'index.d.ts');
    expect(result.stdout).toContain(kitTypes);
    // `tccc-call-kit/dev` resolves to its declaration (typesVersions) on the kit-only page.
    if (core === 'tencent') expect(result.stdout).toContain(path.join(project, 'node_modules', 'tccc-call-kit', 'miniprogram_dist', 'dev', 'index.d.ts'));
    const coreTypes = path.join(project, 'node_modules', 'tccc-wx-sdk', 'miniprogram_dist', 'index.d.ts');
    if (core === 'ours') expect(result.stdout).toContain(path.join(project, 'pages', 'readme', 'index.ts'));
    if (core === 'ours') expect(result.stdout).toContain(coreTypes);
    else expect(result.stdout).not.toContain(path.join(project, 'node_modules', 'tccc-wx-sdk'));
  }, 100000);

  test('each @ts-expect-error line fails to compile without its directive, with the error it names, and no other line does', async () => {
    const page = path.join(project, PAGE);
    const lines = fs.readFileSync(page, 'utf8').split('\n');
    // Each directive names the error it expects on the next line: `// @ts-expect-error TS2551 a misspelled method`.
    const expected = lines.flatMap((line, index) => {
      if (!EXPECT_ERROR.test(line)) return [];
      const code = /@ts-expect-error (TS\d+)\b/.exec(line)?.[1];
      if (!code) throw new Error(`${PAGE}:${index + 1}: the directive names no TSnnnn code`);
      return [`${index + 2} ${code}`];
    });
    expect(expected.length).toBeGreaterThanOrEqual(core === 'ours' ? 10 : 5);
    // Same line numbers, directives gone.
    fs.writeFileSync(page, lines.map((line) => (EXPECT_ERROR.test(line) ? '//' : line)).join('\n'));
    const result = await run(process.execPath, [TSC, '-p', project], project, process.env, 90000);
    expect(pageErrors(result.stdout)).toEqual(expected);
    expect(result.code).not.toBe(0);
  }, 100000);
});
