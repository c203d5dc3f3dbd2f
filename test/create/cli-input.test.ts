/**
 * What a Chinese-speaking newcomer types and reads: digits and spaces from a Chinese input method, an
 * SDKAppID of the console's form, a Chinese folder name (with the package name derived from it and said),
 * refusals in Chinese only, yes/no echoed as 是/否, the scaffolder's check-only pass (what `npm run create`
 * runs before it builds), a TypeScript app's own type-check, and an install that cannot get Tencent's core:
 * why, what to check, what works now, and no failed command offered as the next step.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { LocalRegistry } from '../../scripts/lib/local-registry';
import { startLocalRegistry } from '../../scripts/lib/local-registry';
import { packedTarballs } from '../support/packed';
import { KEYS, runInPty } from '../support/pty';
import { CLI, DEAD_REGISTRY, emptyFolderPerTest, expectedFileList, runCli, scaffoldEnv } from './scaffold-helpers';

const WORK = path.resolve(__dirname, '../../.tmp/create-input');
const zh = { LANG: 'zh_CN.UTF-8' };
const caseFolder = emptyFolderPerTest(WORK);
let cwd: string;
beforeEach(() => (cwd = caseFolder()));

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, cwd, env);
const read = (...file: string[]) => fs.readFileSync(path.join(cwd, ...file), 'utf8');
const json = (...file: string[]) => JSON.parse(read(...file)) as Record<string, unknown>;

function configOf(dir: string): Record<string, string> {
  const sandbox = { module: { exports: {} as Record<string, string> } };
  vm.runInNewContext(read(dir, 'config.js'), sandbox);
  return sandbox.module.exports;
}

/** A line of Chinese output that still carries an English sentence (three English words in a row, flags and values aside). */
const englishSentence = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/--?[\w-]+|"[^"]*"|“[^”]*”|https?:\S+|`[^`]*`/g, ''))
    .find((line) => /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/.test(line));

describe('what an input method types', () => {
  test('full-width digits and spaces (１４００…, U+3000) are read as ASCII, in flags and at the prompt', async () => {
    const flagged = await cli(['flags-app', '--sdk-app-id', '\u3000１４００１２３４５６', '--channel-id', 'ｉｖｒ－７', '--skip-install']);
    expect(flagged.code).toBe(0);
    expect(configOf('flags-app')).toMatchObject({ sdkAppId: '1400123456', channelId: 'ivr-7' });

    const session = runInPty([process.execPath, CLI, 'typed-app', '--template', 'audio', '--core', 'tccc', '--appid', 'touristappid', '--no-typescript', '--skip-install'], { cwd, env: { ...scaffoldEnv(DEAD_REGISTRY, cwd), ...zh } });
    await session.waitFor('TCCC 应用的 SDKAppID');
    session.type(`１４００１２３４５６${KEYS.enter}`);
    await session.waitFor('IVR 入口 ID（channelId）：');
    session.type(`１２３${KEYS.enter}`);
    expect(await session.exit).toBe(0);
    expect(session.output()).not.toContain('应为 10 位数字');
    expect(configOf('typed-app')).toEqual({ sdkAppId: '1400123456', channelId: '123' });
  });

  test('an SDKAppID takes the console\'s form (10 digits, like 1400000000): 12 and 0123456789 are refused, in either language', async () => {
    for (const wrong of ['12', '0123456789', '14000000001', '1400 000001']) {
      const result = await cli(['my-app', '--sdk-app-id', wrong, '--skip-install']);
      expect([wrong, result.code]).toEqual([wrong, 1]);
      expect(result.stderr).toContain(`SDKAppID is 10 digits (your application's SDKAppID on the TCCC console, such as 1400000000), got "${wrong}".`);
    }
    const chinese = await cli(['my-app', '--sdk-app-id', '12', '--skip-install'], zh);
    expect(chinese.stderr.trim()).toBe('SDKAppID 应为 10 位数字（TCCC 控制台中应用的 SDKAppID，如 1400000000），当前输入："12"。');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe('folder names', () => {
  test('a Chinese folder is taken: the package name is derived and said, DevTools and the README keep the folder\'s name', async () => {
    const result = await cli(['我的小程序', '--skip-install'], zh);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`✔ 已在 ${path.join(cwd, '我的小程序')} 创建 我的小程序（audio、open-tccc-wx-sdk）`);
    expect(result.stdout).toContain('package.json 中的包名为 tccc-miniprogram');
    expect(json('我的小程序', 'package.json').name).toBe('tccc-miniprogram');
    expect(json('我的小程序', 'project.config.json').projectname).toBe('我的小程序');
    expect(read('我的小程序', 'README.md').split('\n')[0]).toBe('# 我的小程序');
    expect(fs.readdirSync(path.join(cwd, '我的小程序')).sort()).toEqual([...new Set(expectedFileList('audio').map((file) => file.split('/')[0]))].sort());
  });

  test.each([
    ['My App', 'my-app'],
    ['客服demo', 'demo'],
    ['.hidden', 'hidden'],
  ])('%p makes the package name %p', async (folder, name) => {
    const result = await cli([folder, '--skip-install']);
    expect(result.code).toBe(0);
    expect(json(folder, 'package.json').name).toBe(name);
    expect(result.stdout).toContain(`Its package.json name is ${name}`);
  });

  test.each(['node_modules', 'a'.repeat(215)])('%p has no package name npm takes: refused in the user\'s language, with an example', async (folder) => {
    const english = await cli([folder, '--skip-install']);
    expect(english.code).toBe(1);
    expect(english.stderr).toMatch(/which npm does not take .* such as my-miniprogram\./);
    const chinese = await cli([folder, '--skip-install'], zh);
    expect(chinese.stderr).toContain('请换一个目录名，例如 my-miniprogram。');
    expect(englishSentence(chinese.stderr)).toBeUndefined();
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe('in Chinese, every refusal is Chinese', () => {
  test.each([
    [['my-app', '--template', 'chat'], '模板只能是 audio、video、full 之一，当前输入："chat"。'],
    [['my-app', '--server', 'http:/x'], '后端服务地址应为 http(s) URL，协议后要有 //'],
    [['my-app', '--server', 'https://cc.example.com/ x'], '后端服务地址不能包含空格、换行或控制字符'],
    [['$(touch X)/app'], '目录路径中不能包含“$”'],
    [['my-app', '--channel-id', ' '], 'IVR 入口 ID（channelId）不能为空'],
    [['my-app', '--appid', 'wx1'], 'AppID 应为 wx 加 16 位十六进制数字'],
    [['my-app', '--use-pnpm', '--use-yarn'], '--use-npm、--use-pnpm、--use-yarn 只能选一个。'],
  ])('%j', async (args, message) => {
    const result = await cli([...args, '--skip-install'], zh);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('收到的是');
    expect(englishSentence(result.stderr)).toBeUndefined();
  });

  test('--help: no space after a full-width colon, the usage line in Chinese', async () => {
    const help = (await cli(['--help'], zh)).stdout;
    expect(help.split('\n')[0]).toBe('用法：create-tccc-miniprogram [选项] [dir]');
    expect(help).not.toMatch(/： /);
  });

  test('a yes/no answer is echoed as 是 or 否', async () => {
    fs.mkdirSync(path.join(cwd, 'desk'));
    fs.writeFileSync(path.join(cwd, 'desk', 'keep.txt'), 'mine');
    const session = runInPty([process.execPath, CLI, 'desk', '--core', 'open', '--template', 'audio', '--sdk-app-id', '1400000001', '--channel-id', 'audio-support', '--appid', 'touristappid', '--server', 'http://127.0.0.1:5700', '--skip-install'], {
      cwd,
      env: { ...scaffoldEnv(DEAD_REGISTRY, cwd), ...zh },
    });
    await session.waitFor('是否清空该目录并在此创建项目？');
    session.type(`y${KEYS.enter}`);
    await session.waitFor('使用 TypeScript？');
    session.type(KEYS.enter);
    expect(await session.exit).toBe(0);
    expect(session.output()).toContain('是否清空该目录并在此创建项目？ 是');
    expect(session.output()).toContain('使用 TypeScript？ 否');
    expect(session.output()).not.toMatch(/？ (Yes|No)/);
  });

  /** The overwrite question, then the TypeScript one, in `env`'s language: `overwrite` typed at the first, each of `typescriptAnswers` at the second in turn. */
  async function answerYesNo(env: NodeJS.ProcessEnv, overwrite: string, typescriptAnswers: string[], questions: { overwrite: string; typescript: string }) {
    fs.mkdirSync(path.join(cwd, 'desk'));
    fs.writeFileSync(path.join(cwd, 'desk', 'keep.txt'), 'mine');
    const session = runInPty([process.execPath, CLI, 'desk', '--core', 'open', '--template', 'audio', '--sdk-app-id', '1400000001', '--channel-id', 'audio-support', '--appid', 'touristappid', '--server', 'http://127.0.0.1:5700', '--skip-install'], {
      cwd,
      env: { ...scaffoldEnv(DEAD_REGISTRY, cwd), ...env },
    });
    await session.waitFor(questions.overwrite);
    session.type(`${overwrite}${KEYS.enter}`);
    for (const answer of typescriptAnswers) {
      await session.waitFor(questions.typescript);
      session.type(`${answer}${KEYS.enter}`);
    }
    return { code: await session.exit, output: session.output() };
  }

  test.each([
    ['是', '好', true],
    ['确定', '对', true],
    ['是的', '否', false],
    ['y', '不', false],
  ])('a yes/no question takes %p and %p as a Chinese speaker means them', async (yes, typescript, expected) => {
    const answered = await answerYesNo(zh, yes, [typescript], { overwrite: '是否清空该目录并在此创建项目？', typescript: '使用 TypeScript？' });
    expect(answered.code).toBe(0);
    expect(answered.output).toContain('是否清空该目录并在此创建项目？ 是');
    expect(answered.output).toContain(`使用 TypeScript？ ${expected ? '是' : '否'}`);
    expect(fs.existsSync(path.join(cwd, 'desk', 'keep.txt'))).toBe(false);
    expect(fs.existsSync(path.join(cwd, 'desk', 'config.ts'))).toBe(expected);
  });

  test('an answer that is neither yes nor no is asked again with what is taken, not read as the default', async () => {
    const answered = await answerYesNo(zh, '是', ['也许', '好'], { overwrite: '是否清空该目录并在此创建项目？', typescript: '使用 TypeScript？' });
    expect(answered.code).toBe(0);
    expect(answered.output).toContain('请回答「是」或「否」（也可输入 y 或 n），直接回车为「否」。');
    expect(fs.existsSync(path.join(cwd, 'desk', 'config.ts'))).toBe(true);
    // In English too, 是 means yes: a Chinese speaker in an English terminal.
    fs.rmSync(path.join(cwd, 'desk'), { recursive: true });
    const english = await answerYesNo({}, '是', ['maybe', '否'], { overwrite: 'Empty this directory and create the project here?', typescript: 'TypeScript?' });
    expect(english.code).toBe(0);
    expect(english.output).toContain('Empty this directory and create the project here? Yes');
    expect(english.output).toContain('Answer yes or no (y or n; 是 or 否 work too); Enter alone means no.');
    expect(english.output).toContain('TypeScript? No');
    expect(fs.existsSync(path.join(cwd, 'desk', 'config.js'))).toBe(true);
  });
});

describe('--check-only (what npm run create runs before it builds)', () => {
  test('a bad argument is told and nothing is written; good ones pass and nothing is written either', async () => {
    const bad = await cli(['my-app', '--template', 'foo', '--check-only']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Template is one of audio, video, full');
    const good = await cli(['my-app', '--template', 'video', '--check-only', '--use-npm']);
    expect(good).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  test('a non-empty target without --overwrite is told on this pass; the default directory is the one given', async () => {
    fs.mkdirSync(path.join(cwd, 'beside'));
    fs.writeFileSync(path.join(cwd, 'beside', 'keep.txt'), 'mine');
    const taken = await cli(['--yes', '--default-directory', 'beside', '--check-only']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/beside is not empty:\s+keep\.txt/);
    const written = await cli(['--yes', '--default-directory', 'elsewhere', '--skip-install']);
    expect(written.code).toBe(0);
    expect(fs.readdirSync(cwd).sort()).toEqual(['beside', 'elsewhere']);
  });
});

test('a TypeScript app type-checks with its own compiler: typescript in devDependencies, npm run typecheck in its README', async () => {
  expect((await cli(['ts-app', '--typescript', '--skip-install'])).code).toBe(0);
  const manifest = json('ts-app', 'package.json') as { scripts: Record<string, string>; devDependencies: Record<string, string> };
  expect(manifest.scripts.typecheck).toBe('tsc -p .');
  expect(manifest.devDependencies.typescript).toMatch(/^\^5\./);
  expect(read('ts-app', 'README.md')).toContain('`npm run typecheck`');
  expect(read('ts-app', 'README.md')).not.toContain('npx tsc');
});

describe('--core tccc where the registry has no tccc-wx-sdk', () => {
  let registry: LocalRegistry;
  beforeAll(async () => {
    // Everything a tccc-core app installs but Tencent's package (the double stands in for it elsewhere).
    const { all, double } = packedTarballs();
    // Everything else an app installs is there, its own test's tools included (from this repository's lockfile).
    registry = await startLocalRegistry(all.filter((tarball) => tarball !== double), { lockfile: path.resolve(__dirname, '../../package-lock.json') });
  });
  afterAll(() => registry.close());

  test.each([
    ['en-US', {}, 'Once that is fixed:', "npm could not get Tencent's tccc-wx-sdk from", '--core open'],
    ['zh-CN', zh, '解决上面的问题后：', 'npm 无法从', '用 --core open 创建项目'],
  ])('%s: the cause, what to check, what works now; the install is offered only as a retry after the fix', async (_language, env, afterFix, cause, instead) => {
    const result = await runCli(['tccc-app', '--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '123', '--yes', '--use-npm'], cwd, { ...scaffoldEnv(registry.url, cwd), ...env });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${cause} ${registry.url}`);
    expect(result.stdout).toContain(`npm view tccc-wx-sdk version --registry ${registry.url}`);
    expect(result.stdout).toContain('npm view tccc-wx-sdk version --registry https://registry.npmjs.org/');
    expect(result.stdout).toContain(instead);
    expect(result.stdout).toMatch(new RegExp(`${afterFix}\\n\\s+cd tccc-app\\n\\s+npm install\\n`));
    expect(result.stdout).not.toMatch(/Next:|接下来：/);
    // An npm install against the local registry: about 10 s alone, three times that on a busy machine.
  }, 90000);
});
