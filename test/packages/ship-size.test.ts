/**
 * Ship-size budgets (issue 27): a new audio app scaffolded on each core from the packed packages, built with
 * 构建 npm and compiled as an upload compiles it (miniprogram-ci's getCompiledResult, the project's own settings:
 * ES6→ES5, minified JS, WXML and WXSS). Each package's compiled KB must stay within its budget in
 * bench/ship-budgets.ts; past one, the test fails with the table per package and per file.
 *
 * Raising a budget is a change of its own: a commit that says why, and a line in CHANGELOG.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../bench/measure';
import type { Core } from '../../bench/ship-budgets';
import { BUDGETS, fileTable, measuredOf, overBudget, splitOf, summaryTable } from '../../bench/ship-budgets';
import type { LocalRegistry } from '../../scripts/lib/local-registry';
import { npmEnvFor, startLocalRegistry } from '../../scripts/lib/local-registry';
import { packedTarballs } from '../support/packed';
import { buildNpm } from '../../testing';
import { compiledFiles, placeholderKey } from '../support/wechat-build';

jest.setTimeout(240000);

const WORK = path.resolve(__dirname, '../../.tmp/ship-size');
const CLI = path.resolve(__dirname, '../../packages/create-tccc-miniprogram/index.js');
const CORE_FLAGS: Record<Core, string[]> = {
  open: ['--core', 'open'],
  tccc: ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '12345'],
};

let registry: LocalRegistry;

beforeAll(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  registry = await startLocalRegistry(packedTarballs().all);
});

afterAll(async () => {
  await registry?.close();
});

/**
 * The audio template on `core`, installed and built as its README says, compiled: path → bytes. Without the
 * app's own test (`--no-tests`), which ships nothing (its tools are devDependencies, which 构建 npm leaves out,
 * and `test/` is in packOptions.ignore; `npm run bench` measures the app with it) and takes a minute to install.
 */
async function compiledAudioApp(core: Core): Promise<Record<string, number>> {
  const env = npmEnvFor(registry.url, path.join(WORK, '.npm-cache'));
  const name = `audio-${core}`;
  await run(process.execPath, [CLI, name, '--template', 'audio', ...CORE_FLAGS[core], '--yes', '--skip-install', '--no-tests'], { cwd: WORK, env, timeoutMs: 60000 });
  const project = path.join(WORK, name);
  await run('npm', ['install'], { cwd: project, env, timeoutMs: 120000 });
  const key = placeholderKey(WORK);
  await buildNpm(project);
  return compiledFiles(project, key);
}

test.each(['open', 'tccc'] as const)('the audio app on the %s core stays within its budgets', async (core) => {
  const files = await compiledAudioApp(core);
  const measured = measuredOf(splitOf(files), core);
  const tables = [
    summaryTable({ [core]: measured }, [core]),
    '',
    fileTable(files, core === 'open' ? ['core', 'kit'] : ['kit'], {}, 30),
  ].join('\n');
  fs.writeFileSync(path.join(WORK, `${core}.md`), `${tables}\n`);
  // An empty or partial compile must not pass: every budgeted package is there.
  expect(Object.keys(BUDGETS[core]).filter((name) => !(Number(measured[name as keyof typeof measured]) > 0))).toEqual([]);
  // The project's 过滤无依赖文件 (ignoreUploadUnusedFiles) leaves out what nothing requires: the development entry first.
  const kitParts = new Set(Object.keys(files).filter((file) => file.startsWith('miniprogram_npm/tccc-call-kit/')).map((file) => file.split('/')[2]));
  expect(['dev', 'video-panel', 'config-provider'].filter((part) => kitParts.has(part))).toEqual([]);
  const over = overBudget(core, measured);
  if (over.length > 0) {
    throw new Error(
      [
        `Past the ship-size budget (bench/ship-budgets.ts):`,
        ...over.map((line) => `  ${line}`),
        '',
        tables,
        '',
        'Make it smaller, or raise the budget in bench/ship-budgets.ts in a commit of its own that says why, with a line in CHANGELOG.md.',
      ].join('\n'),
    );
  }
});
