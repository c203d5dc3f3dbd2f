/**
 * create/app-tests.ts: the test a call page gets (the scaffolder's, and `add`'s), its dev dependencies at
 * the ranges this repository tests with, and where it sits in the project.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { AppTestTarget } from '../../create/app-tests';
import { DEFAULT_TEST_FILE, TEST_DEPENDENCIES, TEST_TOOLS_SCRIPTS_DENIED, TEST_TYPESCRIPT, appTests } from '../../create/app-tests';

const ROOT = path.resolve(__dirname, '../..');
const TEMPLATES = path.join(ROOT, 'templates');
const BASE: AppTestTarget = {
  core: 'open',
  template: 'audio',
  typescript: false,
  miniprogramRoot: '',
  pagePath: 'pages/call/index',
  channelId: 'audio-support',
  endpoint: 'http://127.0.0.1:5700',
  devServer: { name: 'tccc-dev-server', range: '^0.3.0' },
};

function testOf(target: Partial<AppTestTarget>): string {
  const { files } = appTests({ ...BASE, ...target }, TEMPLATES);
  expect(files.size).toBe(1);
  const [content] = files.values();
  // Valid JavaScript, as written.
  expect(() => new vm.Script(content)).not.toThrow();
  return content;
}

test('the test tools are the ranges this repository itself tests with', () => {
  const { devDependencies } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  for (const [name, range] of Object.entries({ ...TEST_DEPENDENCIES, [TEST_TYPESCRIPT.name]: TEST_TYPESCRIPT.range })) expect([name, range]).toEqual([name, devDependencies[name]]);
  const devServer = JSON.parse(fs.readFileSync(path.join(ROOT, 'packages', 'tccc-dev-server', 'package.json'), 'utf8')) as { peerDependencies: Record<string, string> };
  expect(Object.keys(devServer.peerDependencies).sort()).toEqual([...Object.keys(TEST_DEPENDENCIES), TEST_TYPESCRIPT.name].sort());
});

test("the install scripts of the test tools' dependency tree, by this repository's lockfile, are the ones denied", () => {
  type Locked = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; hasInstallScript?: boolean };
  const { packages } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Locked> };
  // Node's resolution: the nearest node_modules/<name> up from the package that depends on it.
  const resolve = (from: string, name: string): string | undefined => {
    for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
      const candidate = `${at ? `${at}/` : ''}node_modules/${name}`;
      if (packages[candidate]) return candidate;
      if (!at) return undefined;
    }
  };
  const seen = new Set<string>();
  const queue = Object.keys(TEST_DEPENDENCIES).map((name) => resolve('', name)!);
  while (queue.length > 0) {
    const at = queue.pop()!;
    if (seen.has(at)) continue;
    seen.add(at);
    const { dependencies = {}, optionalDependencies = {} } = packages[at];
    for (const name of Object.keys({ ...dependencies, ...optionalDependencies })) {
      const found = resolve(at, name);
      if (found) queue.push(found);
    }
  }
  const withScripts = [...seen].filter((at) => packages[at].hasInstallScript).map((at) => at.slice(at.lastIndexOf('node_modules/') + 'node_modules/'.length));
  expect([...new Set(withScripts)].sort()).toEqual(Object.keys(TEST_TOOLS_SCRIPTS_DENIED).sort());
  expect(appTests(BASE, TEMPLATES).allowScripts).toEqual(TEST_TOOLS_SCRIPTS_DENIED);
});

test('dev dependencies only: jest and WeChat\'s tools, tccc-dev-server for its testing entry, typescript for a TypeScript app', () => {
  expect(appTests(BASE, TEMPLATES).devDependencies).toEqual({ 'tccc-dev-server': '^0.3.0', ...TEST_DEPENDENCIES });
  expect(appTests({ ...BASE, core: 'tccc', typescript: true }, TEMPLATES).devDependencies).toEqual({ 'tccc-dev-server': '^0.3.0', ...TEST_DEPENDENCIES, typescript: TEST_TYPESCRIPT.range });
  expect(appTests(BASE, TEMPLATES)).toMatchObject({ scripts: { test: 'jest' }, jest: { preset: 'tccc-dev-server/testing' } });
});

test('the test stays out of the mini program package: its folder ignored when inside miniprogramRoot', () => {
  expect(appTests(BASE, TEMPLATES).packIgnore).toEqual([{ type: 'folder', value: 'test' }]);
  expect([...appTests(BASE, TEMPLATES).files.keys()]).toEqual([DEFAULT_TEST_FILE]);
  // An existing app with its code in miniprogram/: a test at the project's root is outside the package already.
  expect(appTests({ ...BASE, miniprogramRoot: 'miniprogram' }, TEMPLATES).packIgnore).toEqual([]);
  const inSubpackage = appTests({ ...BASE, miniprogramRoot: 'miniprogram', pagePath: 'packageTccc/pages/call/index', testFile: 'miniprogram/packageTccc/test/call.test.js' }, TEMPLATES);
  expect(inSubpackage.packIgnore).toEqual([{ type: 'folder', value: 'packageTccc/test' }]);
  const content = [...inSubpackage.files.values()][0];
  expect(content).toContain("const PROJECT = path.resolve(__dirname, '../../..');");
  expect(content).toContain("const CALL_PAGE = 'packageTccc/pages/call/index';");
});

test('in a subpackage add made: WeChat\'s code-quality check judges that subpackage only, and the test says where it runs', () => {
  const target = { miniprogramRoot: 'miniprogram', pagePath: 'packageTccc/pages/call/index', testFile: 'miniprogram/packageTccc/test/call.test.js', subpackage: 'packageTccc' };
  const content = testOf(target);
  expect(content).toContain("test('the WeChat code-quality check passes for packageTccc', async () => {");
  expect(content).toContain("expect(await codeQuality(PROJECT, { subpackage: 'packageTccc' })).toEqual([]);");
  expect(content.split('\n')[0]).toBe("// The call subpackage's own test (npm test in packageTccc): WeChat's 构建 npm and code-quality check, then the call page in a");
  const chinese = testOf({ ...target, language: 'zh-CN' });
  expect(chinese).toContain("test('packageTccc 通过微信代码质量检查'");
  expect(chinese.split('\n')[0]).toBe('// 通话分包自带的测试（在 packageTccc 中运行 npm test）：先执行微信的「构建 npm」和代码质量检查，再在模拟的微信环境');
  // A new app's test judges the whole app.
  expect(testOf(BASE)).toContain('expect(await codeQuality(PROJECT)).toEqual([]);');
});

test('open core: the simulator\'s own entries for its channels (the IVR key of audio-support), an entry of its own for any other', () => {
  const builtIn = testOf(BASE);
  expect(builtIn).toContain('simulator = await startSimulator();');
  // The keypad opens by itself for the IVR's prompt: the test taps the key.
  expect(builtIn).toContain("await page.waitForStatus('请按键选择服务');\n    await page.tap('1');");
  expect(builtIn).toContain("renderPage(PROJECT, CALL_PAGE, { routes: { [ENDPOINT]: simulator.url } })");
  const video = testOf({ template: 'video', channelId: 'video-support' });
  expect(video).not.toContain('请按键选择服务');
  expect(video).toContain("await page.tap('视频呼叫');");
  const own = testOf({ template: 'full', channelId: "sales'\n", endpoint: 'https://api.example.com' });
  expect(own).toContain("const CHANNEL_ID = 'sales\\'\\n';");
  expect(own).toContain("startSimulator({ channels: [{ id: CHANNEL_ID, media: 'both' }] })");
  expect(own.match(/^test\(/gm)).toHaveLength(3);
});

test('tccc core: the double of Tencent\'s tccc-wx-sdk, said to follow the public doc; no simulator, no endpoint', () => {
  const content = testOf({ core: 'tccc', template: 'full', channelId: '12345', endpoint: '' });
  expect(content).toContain("renderPage(PROJECT, CALL_PAGE, { tcccWxSdk: 'double' })");
  expect(content).toContain("written from\n// Tencent's public doc");
  expect(content).not.toMatch(/startSimulator|ENDPOINT|请按键选择服务/);
  expect([...content.matchAll(/await page\.tap\('([^']+)'\)/g)].map((match) => match[1])).toEqual(['语音呼叫', '视频呼叫']);
});

test('the comments and test names in Chinese for a Chinese scaffold', () => {
  const content = testOf({ language: 'zh-CN' });
  expect(content).toContain("test('微信代码质量检查通过'");
  expect(content).toContain("test('点击「语音呼叫」发起呼叫，座席接听后挂断'");
  expect(content).not.toMatch(/[a-z]+ the [a-z]+/i);
});
