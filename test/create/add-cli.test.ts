/**
 * The built `create-tccc-miniprogram add` / `remove` as a user meets them on the fixture apps: each refusal
 * (not a mini program, JSON that does not parse, a uni-app or Taro build, a root in use) leaving the tree
 * as it was, --dry-run writing nothing, a failed install rolled back, remove after the app.json was edited,
 * the messages in Chinese. No install reaches a registry: --skip-install, or a dead one for the rollback.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WORK, cli, copyFixture, tree } from './add-cli-helpers';
import { UNPRIVILEGED } from './scaffold-helpers';

test.each([
  ['add-refusals/not-a-mini-program', /is not a mini program project: there is no project\.config\.json/],
  ['add-refusals/broken-project-config', /project\.config\.json does not parse as JSON/],
  ['add-refusals/broken-app-json', /app\.json does not parse as JSON/],
  ['add-refusals/no-app-json', /There is no miniprogram\/app\.json/],
  ['add-refusals/root-taken', /packageTccc already exists and was not made by add/],
  ['add-refusals/uni-app-output', /uni-app's build output/],
  ['add-refusals/taro-output', /Taro's build output/],
  ['add-refusals/plugin-project', /compileType "plugin"/],
])('%s: add refuses, says why, and leaves every file as it was', async (fixture, message) => {
  const dir = copyFixture(fixture);
  const before = tree(dir);
  const result = await cli(['add', '--yes', '--skip-install'], dir);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toContain('Nothing was changed');
  expect(tree(dir)).toEqual(before);
});

test.each([
  [['--root', '../outside'], /--root "\.\.\/outside" is not a folder name add can use/],
  [['--root', 'news/call'], /"news\/call" and the subpackage "news" would be inside one another/],
  [['--root', 'pages'], /The main package's page pages\/index\/index is inside "pages"/],
  [['--root', 'news'], /app\.json already declares a subpackage at "news"/],
])('add %j refuses a subpackage root that does not fit the app', async (flags, message) => {
  const dir = copyFixture('add-plain');
  const before = tree(dir);
  const result = await cli(['add', dir, ...flags, '--yes', '--skip-install'], WORK);
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(tree(dir)).toEqual(before);
});

test('run inside a project\'s folders, add points at the project root', async () => {
  const dir = copyFixture('add-ts');
  const result = await cli(['add', '--yes', '--skip-install'], path.join(dir, 'miniprogram'));
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(`whose project.config.json is in ${dir}: run add there`);
});

test('--dry-run prints every file add would write or change, as a diff, and writes nothing', async () => {
  const dir = copyFixture('add-plain');
  const before = tree(dir);
  const result = await cli(['add', '--dry-run', '--yes'], dir);
  expect(result.code).toBe(0);
  expect(tree(dir)).toEqual(before);
  for (const file of ['app.json', 'project.config.json']) expect(result.stdout).toContain(`--- a/${file}\n+++ b/${file}`);
  for (const file of ['package.json', 'packageTccc/pages/call/index.js', 'packageTccc/config.js', 'packageTccc/package.json', 'packageTccc/README.md', 'packageTccc/test/call.test.js']) expect(result.stdout).toContain(`--- /dev/null\n+++ b/${file}`);
  // The call page's own test: its tools as the subpackage's dev dependencies, its folder left out of the upload.
  expect(result.stdout).toMatch(/^\+ {2}"devDependencies": \{\n(\+ {4}"[^"]+": "[^"]+",?\n)*\+ {4}"jest": "/m);
  expect(result.stdout).toContain('+\t\t\t{\n+\t\t\t\t"type": "folder",\n+\t\t\t\t"value": "packageTccc/test"\n+\t\t\t}');
  // The host's own lines are context, never changed: its lower-case "subpackages" key gains our entry.
  expect(result.stdout).toContain('+\t\t{\n+\t\t\t"root": "packageTccc",');
  expect(result.stdout).not.toMatch(/^-\t"pages"/m);
  expect(result.stdout).toContain('nothing was written');
});

test("--no-tests: no test, none of its tools or its packOptions line; a later add without it adds them, and one with it again takes the test out", async () => {
  const dir = copyFixture('add-plain');
  const before = tree(dir);
  const bare = await cli(['add', '--yes', '--skip-install', '--no-tests'], dir);
  expect(bare.code).toBe(0);
  expect(bare.stdout).not.toContain('npm run test');
  const files = tree(dir);
  expect(Object.keys(files).filter((file) => file.includes('/test/'))).toEqual([]);
  const subpackageJson = () => JSON.parse(fs.readFileSync(path.join(dir, 'packageTccc/package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies?: Record<string, string> };
  expect(subpackageJson().scripts).toEqual({ postinstall: 'node scripts/name-core.js' });
  expect(subpackageJson()).not.toHaveProperty('devDependencies');
  expect(files['project.config.json']).not.toContain('packageTccc/test');
  expect(JSON.parse(files['packageTccc/scripts/add-record.json']).answers.tests).toBe(false);

  const withTests = await cli(['add', '--yes', '--skip-install'], dir);
  expect(withTests.stdout).toContain('the app tests its call page:\n  (cd packageTccc && npm run test)      # 构建 npm');
  expect(fs.existsSync(path.join(dir, 'packageTccc/test/call.test.js'))).toBe(true);
  expect(subpackageJson().devDependencies).toHaveProperty('jest');
  expect(fs.readFileSync(path.join(dir, 'project.config.json'), 'utf8')).toContain('"value": "packageTccc/test"');

  expect((await cli(['add', '--yes', '--skip-install', '--no-tests'], dir)).code).toBe(0);
  expect(fs.existsSync(path.join(dir, 'packageTccc/test/call.test.js'))).toBe(false);
  expect(subpackageJson()).not.toHaveProperty('devDependencies');
  expect((await cli(['remove'], dir)).code).toBe(0);
  expect(tree(dir)).toEqual(before);
});

test('an install that fails takes every change back: the project is as it was', async () => {
  const dir = copyFixture('add-plain');
  const before = tree(dir);
  const result = await cli(['add', '--yes', '--use-npm'], dir, { npm_config_fetch_retries: '0' });
  expect(result.code).toBe(1);
  expect(result.stdout).toContain('npm install failed');
  expect(result.stderr).toContain('Nothing was changed: every file is as it was before add.');
  expect(tree(dir)).toEqual(before);
}, 90000);

test('remove after app.json was edited: only what add put in comes out, the rest stays, and it says so', async () => {
  const dir = copyFixture('add-shop');
  const before = tree(dir);
  expect((await cli(['add', '--yes', '--skip-install', '--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '7'], dir)).code).toBe(0);
  // The team adds a page after add, in its own style.
  const appJson = path.join(dir, 'app.json');
  fs.writeFileSync(appJson, fs.readFileSync(appJson, 'utf8').replace('"pages/me/index"', '"pages/me/index",\n    "pages/help/index"'));
  const result = await cli(['remove'], dir);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain('app.json was changed since add: took out only what add put in (subPackages)');
  expect(result.stdout).toContain('project.config.json: given back byte for byte');
  expect(tree(dir)).toEqual({ ...before, 'app.json': before['app.json'].replace('"pages/me/index"', '"pages/me/index",\n    "pages/help/index"') });
});

test('remove where add made nothing refuses, and changes nothing', async () => {
  const dir = copyFixture('add-plain');
  const result = await cli(['remove'], dir);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('packageTccc was not made by create-tccc-miniprogram add');
});

test('in Chinese: refusals, the steps after add, and remove', async () => {
  const refused = await cli(['add', '--yes', '--skip-install', '--lang', 'zh-CN'], copyFixture('add-refusals/uni-app-output'));
  expect(refused.stderr).toContain('这个小程序是 uni-app 的编译产物');
  const dir = copyFixture('add-plain');
  const added = await cli(['add', '--yes', '--skip-install'], dir, { LANG: 'zh_CN.UTF-8' });
  expect(added.code).toBe(0);
  expect(added.stdout).toContain('✔ 已把通话（audio、open-tccc-wx-sdk）加为分包 packageTccc：');
  expect(added.stdout).toContain('并修改了 app.json、project.config.json、package.json。');
  expect(added.stdout).toContain('在任意页面打开通话：');
  expect(added.stdout).toContain('应用可以自己测试通话页面：\n  (cd packageTccc && npm run test)');
  expect(added.stdout).toContain('"preloadRule": { "pages/index/index"');
  // The app already keeps audio in the background: only the privacy check is suggested.
  expect(added.stdout).not.toContain('requiredBackgroundModes');
  expect(fs.readFileSync(path.join(dir, 'packageTccc/README.md'), 'utf8')).toContain('# 通话分包');
  const removed = await cli(['remove', '--lang', 'zh-CN'], dir);
  expect(removed.stdout).toContain('已删除分包 packageTccc');
});

test.each([
  ['a project this user cannot write: add says which file, why (EACCES) and what to do', '.', 0o555, /^无法写入 .*add-plain\/\S+：没有权限（EACCES）。请换一个当前用户可以读写的目录，或修改该目录的权限。$/],
  ["an app.json this user cannot read: add says so in the user's words", 'app.json', 0o000, /^无法访问 .*add-plain\/app\.json：没有权限（EACCES）。/],
])('in Chinese, %s, and changes nothing', async (_, locked, mode, message) => {
  const dir = copyFixture('add-plain');
  const target = path.join(dir, locked);
  const before = tree(dir);
  const { mode: was } = fs.statSync(target);
  fs.chmodSync(target, mode);
  try {
    const result = await cli(['add', '--yes', '--skip-install'], dir, { LANG: 'zh_CN.UTF-8', HOME: dir }, UNPRIVILEGED);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr).not.toMatch(/permission denied|\n\s+at /);
  } finally {
    fs.chmodSync(target, was);
  }
  expect(tree(dir)).toEqual(before);
});

test('remove that could not delete the subpackage folder changes nothing, and says which folder, in Chinese', async () => {
  const dir = copyFixture('add-plain');
  expect((await cli(['add', '--yes', '--skip-install'], dir)).code).toBe(0);
  // A folder in the subpackage its user cannot empty (made by another user, or read-only).
  const stuck = path.join(dir, 'packageTccc', 'stuck');
  fs.mkdirSync(stuck);
  fs.writeFileSync(path.join(stuck, 'kept.txt'), 'x');
  if (UNPRIVILEGED.uid !== undefined) {
    for (const file of [dir, ...fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => path.join(dir, name))]) {
      if (!file.startsWith(stuck)) fs.chownSync(file, UNPRIVILEGED.uid, UNPRIVILEGED.gid!);
    }
  }
  fs.chmodSync(stuck, 0o555);
  const before = tree(dir);
  try {
    const result = await cli(['remove'], dir, { LANG: 'zh_CN.UTF-8', HOME: dir }, UNPRIVILEGED);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^无法删除 .*packageTccc\/stuck：没有权限（EACCES）。/);
    expect(tree(dir)).toEqual(before);
  } finally {
    fs.chmodSync(stuck, 0o755);
  }
});

test("the subpackage's README in each language: the same sections, code spans and links, on each core; how to run its test, unless --no-tests", async () => {
  const shapeOf = async (flags: string[]) => {
    const dir = copyFixture('add-ts');
    expect((await cli(['add', '--yes', '--skip-install', ...flags], dir)).code).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'miniprogram/packageTccc/README.md'), 'utf8');
    return {
      headings: text.match(/^#+ .*$/gm)!.length,
      // Code spans, but for those with words of the language in them (a placeholder such as <project>).
      code: text.match(/`[^`\n]+`/g)!.filter((span) => !/[\u4e00-\u9fff]|<[a-z]+>/.test(span)).sort(),
      links: text.match(/\]\([^)]+\)/g)!.sort(),
      text,
    };
  };
  const tccc = ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '12345'];
  for (const flags of [tccc, ['--core', 'open'], ['--core', 'open', '--no-tests']]) {
    const [english, chinese] = [await shapeOf([...flags, '--lang', 'en-US']), await shapeOf([...flags, '--lang', 'zh-CN'])];
    expect({ ...chinese, text: '' }).toEqual({ ...english, text: '' });
    const tests = !flags.includes('--no-tests');
    expect(english.text.includes('## Test it without DevTools')).toBe(tests);
    expect(chinese.text.includes('## 不用开发者工具测试')).toBe(tests);
    expect(english.text.includes('`(cd miniprogram/packageTccc && npm run test)`')).toBe(tests);
  }
});

test('add --help and remove --help list their options, in English and Chinese', async () => {
  const english = await cli(['add', '--help'], WORK);
  for (const flag of ['--root', '--dry-run', '--core', '--template', '--skip-install']) expect(english.stdout).toContain(flag);
  expect(english.stdout.replace(/\s+/g, ' ')).toContain("--no-tests leave out the call page's own test (npm test in the subpackage,");
  expect(english.stdout).not.toContain('--appid');
  // add writes a call page, in the project's language unless told: not "the app", not "the default".
  expect(english.stdout.replace(/\s+/g, ' ')).toContain('--no-typescript write the call page in JavaScript (default: as the project is written)');
  const englishRemove = (await cli(['remove', '--help'], WORK)).stdout;
  expect(englishRemove).toContain('--root');
  // remove asks nothing and writes no README: its --lang is for its messages alone.
  expect(englishRemove.replace(/\s+/g, ' ')).toContain('--lang <lang> zh-CN | en-US: the language of its messages');
  expect((await cli(['--help', '--lang', 'zh-CN'], WORK)).stdout).toContain('命令：');
  const chinese = (await cli(['add', '--help', '--lang', 'zh-CN'], WORK)).stdout;
  expect(chinese).toContain('以 diff 列出');
  expect(chinese.replace(/\s+/g, '')).toContain('--no-tests不生成呼叫页自带的测试（在分包中运行npmtest');
  expect(chinese.replace(/\s+/g, '')).toContain('--no-typescript用JavaScript编写呼叫页（默认：和项目一致）');
  const chineseRemove = (await cli(['remove', '--help', '--lang', 'zh-CN'], WORK)).stdout;
  expect(chinese).toMatch(/^用法：create-tccc-miniprogram add \[选项\] \[dir\]$/m);
  expect(chineseRemove).toMatch(/^用法：create-tccc-miniprogram remove \[选项\] \[dir\]$/m);
  expect(chineseRemove.replace(/\s+/g, '')).toContain('--lang<lang>zh-CN|en-US：提示所用的语言');
  for (const text of [chinese, chineseRemove]) expect(text).not.toMatch(/：[ ]/);
});
