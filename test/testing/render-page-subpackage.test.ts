/**
 * renderPage in an existing app whose call page sits in a subpackage with its own package.json and
 * miniprogram_npm (as `create-tccc-miniprogram add` lays it out), its code under `miniprogramRoot`, on the
 * double of Tencent's tccc-wx-sdk. Components resolve as WeChat's own compiler resolves them (checked
 * against it): a subpackage's miniprogram_npm serves that subpackage's pages, and not the main package's.
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RenderedPage } from '../../testing';
import { buildNpm, renderPage, tcccWxSdkDouble } from '../../testing';
import { installCallPackages } from '../support/installed';
import { compiledFiles, placeholderKey } from '../support/wechat-build';

const WORK = path.resolve(__dirname, '../../.tmp/testing-render-subpackage');
const PROJECT = path.join(WORK, 'shop');
const ROOT = path.join(PROJECT, 'miniprogram');
const CALL_PAGE = 'packageTccc/pages/call/index';
let page: RenderedPage | null = null;

function write(file: string, content: unknown): void {
  fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
  fs.writeFileSync(path.join(ROOT, file), typeof content === 'string' ? content : JSON.stringify(content));
}

/** The shop's own page in the main package; `using` is what its JSON asks for. */
function shopPage(using: Record<string, string>): void {
  write('pages/index/index.json', { usingComponents: using });
}

beforeAll(async () => {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(PROJECT, { recursive: true });
  fs.writeFileSync(path.join(PROJECT, 'project.config.json'), JSON.stringify({ appid: 'touristappid', compileType: 'miniprogram', miniprogramRoot: 'miniprogram/' }));
  write('app.json', { pages: ['pages/index/index'], subpackages: [{ root: 'packageTccc', pages: ['pages/call/index'] }] });
  write('app.js', 'App({ onLaunch() { this.globalData.launched = true; } });\n');
  write('pages/index/index.js', 'Page({});\n');
  write('pages/index/index.wxml', '<view>shop</view>\n');
  shopPage({});
  // The call page written with Page(), as an existing app's pages are.
  write(`${CALL_PAGE}.js`, "Page({ data: { channelId: 'sales' }, onLoad() { const app = getApp(); this.setData({ launched: Boolean(app && app.globalData.launched) }); } });\n");
  write(`${CALL_PAGE}.json`, { usingComponents: { 'tccc-call-screen': 'tccc-call-kit/call-screen' } });
  write(`${CALL_PAGE}.wxml`, '<tccc-call-screen sdk-app-id="1400000001" channel-id="{{ channelId }}" media="both" />\n');
  write('packageTccc/package.json', { name: 'package-tccc', dependencies: { 'tccc-call-kit': '^0.3.0', 'tccc-wx-sdk': '*' } });
  installCallPackages(path.join(ROOT, 'packageTccc'), 'double');
  await buildNpm(PROJECT);
}, 60000);
afterEach(() => {
  page?.close();
  page = null;
});

test('the call page of the subpackage, on the double: app.js first, the agent answers, hangs up, then transfers a second call to no one', async () => {
  page = await renderPage(PROJECT, CALL_PAGE, { tcccWxSdk: 'double' });
  expect(page.root.instance.data).toMatchObject({ launched: true });
  const tccc = tcccWxSdkDouble();
  tccc.reset();
  await page.tap('视频呼叫');
  const call = await tccc.agent.waitForCall();
  expect(call).toMatchObject({ channelId: 'sales', media: 'video', phase: 'ringing', end: null });
  await page.waitForStatus('等待客服接听…');
  expect(await tccc.agent.accept(call)).toMatchObject({ phase: 'active' });
  await page.waitForStatus('通话中');
  expect(await tccc.agent.hangUp(call)).toMatchObject({ phase: 'ended', end: { closeBy: 'seat' } });
  await page.waitForStatus('通话已结束');

  await page.tap('语音呼叫');
  const second = await tccc.agent.waitForCall();
  expect(second).toMatchObject({ media: 'audio', phase: 'ringing' });
  await page.waitForStatus('等待客服接听…');
  expect(await tccc.agent.transferToNoSeat(second)).toMatchObject({ phase: 'ended', end: { closeBy: 'admin' } });
  // The doc's sessionEnded carries closeBy alone, so the screen cannot say why: it says the call ended.
  await page.waitForStatus('通话已结束');
  expect(page.controls()).toEqual([{ name: '语音呼叫', disabled: false }, { name: '视频呼叫', disabled: false }]);
  expect(tccc.methodCalls().map((entry) => entry.method)).toEqual(['startSession', 'startCall']);
  await expect(tccc.agent.accept(second)).rejects.toThrow('The double has no live call double-session-');
});

test('an independent subpackage\'s page opens as WeChat opens it: without the main package (no app.js, none of its global components)', async () => {
  const appJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'));
  // A global component of the shop's own UI library, which the main package would need built.
  const withGlobal = { ...appJson, usingComponents: { 'shop-badge': 'shop-ui/badge' } };
  write('app.json', withGlobal);
  try {
    await expect(renderPage(PROJECT, CALL_PAGE, { tcccWxSdk: 'double' })).rejects.toThrow(/app\.json: "shop-badge": "shop-ui\/badge"/);
    write('app.json', { ...withGlobal, subpackages: [{ ...appJson.subpackages[0], independent: true }] });
    page = await renderPage(PROJECT, CALL_PAGE, { tcccWxSdk: 'double' });
    expect(page.root.instance.data).toMatchObject({ launched: false });
    expect(page.controls().map((control) => control.name)).toEqual(['语音呼叫', '视频呼叫']);
  } finally {
    write('app.json', appJson);
  }
});

test('the main package has no miniprogram_npm: its page cannot use the kit, and WeChat\'s compiler says the same', async () => {
  shopPage({ 'tccc-call-screen': 'tccc-call-kit/call-screen' });
  try {
    await expect(renderPage(PROJECT, 'pages/index/index')).rejects.toThrow(/would not find[^]*pages\/index\/index\.json: "tccc-call-screen": "tccc-call-kit\/call-screen"/);
    const withKitInMain = await compile(PROJECT);
    expect(withKitInMain).toMatch(/pages\/index\/index\.json: \["usingComponents"\]\["tccc-call-screen"\]: "tccc-call-kit\/call-screen", component not found/);
  } finally {
    shopPage({});
  }
  expect(await compile(PROJECT)).toBeNull();
}, 180000);

test('a page app.json does not list is refused before anything loads', async () => {
  await expect(renderPage(PROJECT, 'pages/call/index')).rejects.toThrow(/app\.json lists no page pages\/call\/index \(it has: pages\/index\/index, packageTccc\/pages\/call\/index\)/);
});

/** WeChat's compiler on the project: null when it compiles, else its message. */
function compile(project: string): Promise<string | null> {
  return compiledFiles(project, placeholderKey(WORK)).then(
    () => null,
    (error: Error) => error.message,
  );
}
