import ejs from 'ejs';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_CHANNELS } from '../dev-server/channels';
import type { Language } from '../dev-server/language';
import type { CoreName, TemplateName } from './options';
import type { PackageRange } from './release';
import { TYPESCRIPT } from './release';
import { jsString } from './serialize';

/**
 * The packages an app's own test runs on (jest, its jsdom environment, WeChat's miniprogram-ci and
 * miniprogram-simulate), at the ranges this repository tests with; test/unit/app-tests.test.ts keeps them
 * in step with its package.json. Dev dependencies only: 构建 npm builds `dependencies` alone.
 */
export const TEST_DEPENDENCIES: Record<string, string> = {
  jest: '^30.5.2',
  'jest-environment-jsdom': '^30.5.2',
  'miniprogram-ci': '^2.1.42',
  'miniprogram-simulate': '^1.6.2',
};

/**
 * The install scripts among the test tools' own dependencies (miniprogram-ci's): npm runs none of them unless
 * allowed, and the test needs none. Denied in package.json's `allowScripts`, as this repository's are, so an
 * install no longer warns of them (`npm install-scripts ls` lists them).
 */
export const TEST_TOOLS_SCRIPTS_DENIED: Record<string, false> = {
  '@parcel/watcher': false,
  '@swc/core': false,
  'core-js': false,
  less: false,
  protobufjs: false,
};

/** A TypeScript app's test compiles its pages as DevTools does: with the app's own compiler (a scaffolded TypeScript app has it already, for `npm run typecheck`). */
export const TEST_TYPESCRIPT: PackageRange = TYPESCRIPT;

/** Where the test goes, from the project folder, unless told otherwise. */
export const DEFAULT_TEST_FILE = 'test/call.test.js';

/** What the test of a call page needs to know about the app. */
export interface AppTestTarget {
  core: CoreName;
  /** Which start buttons the page has: audio, video, or both (full). */
  template: TemplateName;
  typescript: boolean;
  /** project.config.json's `miniprogramRoot`, from the project folder ('' when app.json sits beside it). */
  miniprogramRoot: string;
  /** The call page as app.json names it: `pages/call/index`, `packageTccc/pages/call/index` in a subpackage. */
  pagePath: string;
  /** The IVR entry config.js calls. The test pins it: a page that calls another fails. */
  channelId: string;
  /** The open core's backend in config.js ('' on the tccc core); the test sends it to its own simulator. */
  endpoint: string;
  /** tccc-dev-server at the release's range: its testing entry runs the test. */
  devServer: PackageRange;
  /** The language of the test's comments and names. Default en-US. */
  language?: Language;
  /** The test file, from the project folder. Default `test/call.test.js`. */
  testFile?: string;
  /**
   * The root of the subpackage the page is in, when `add` put it into an existing app: the test judges
   * only what that subpackage is responsible for in WeChat's code-quality check, not the app's own rules.
   */
  subpackage?: string;
}

/** Everything the test adds to a project; the caller writes the files and merges the rest into package.json and project.config.json. */
export interface AppTests {
  /** Path from the project folder → content. */
  files: Map<string, string>;
  /** For the package.json that runs the test. */
  devDependencies: Record<string, string>;
  scripts: { test: string };
  /** package.json's `jest`: the testing entry's preset (jsdom, WeChat's module resolution, timeouts). */
  jest: { preset: string };
  /** package.json's `allowScripts`: the test tools' install scripts, denied. */
  allowScripts: Record<string, false>;
  /** For project.config.json's `packOptions.ignore`: the test is not mini program code. */
  packIgnore: Array<{ type: 'folder' | 'file'; value: string }>;
}

const TEXTS = {
  'en-US': {
    intro1: "This app's own test (npm test): WeChat's 构建 npm and code-quality check, then the call page in a",
    introSubpackage1: (root: string) => `The call subpackage's own test (npm test in ${root}): WeChat's 构建 npm and code-quality check, then the call page in a`,
    intro2: 'simulated WeChat (miniprogram-simulate), where a tap places a call that the agent answers and hangs up.',
    intro3: 'It proves the page can place a call; the audio and video themselves still need a phone (预览 / 真机调试).',
    pinned: 'What config.js calls. Changed on purpose there? Change it here too: a page that calls elsewhere fails.',
    simulator: 'The local contact center (tccc-dev-server), on a free port; the test plays its agent.',
    routes: 'What the app sends to its endpoint goes to this test\'s simulator instead.',
    double1: "Tencent's tccc-wx-sdk runs only inside WeChat: the page gets a double of it instead, written from",
    double2: "Tencent's public doc (its methods and events), not from Tencent's code. The test plays the agent through it.",
    quality: 'the WeChat code-quality check passes',
    qualityOf: (root: string) => `the WeChat code-quality check passes for ${root}`,
    scope1: "Only what this subpackage is responsible for (files and components of its own, its size, its images): the app's",
    scope2: "settings and other code may fail rules already, which are the app's to judge (codeQuality in tccc-dev-server's README).",
    ivr: "The simulator's audio-support entry asks for a key first (the keypad opens by itself): 1.",
    call: (button: string) => `tapping 「${button}」 places a call that the agent answers, then hangs up`,
  },
  'zh-CN': {
    intro1: '本应用自带的测试（npm test）：先执行微信的「构建 npm」和代码质量检查，再在模拟的微信环境',
    introSubpackage1: (root: string) => `通话分包自带的测试（在 ${root} 中运行 npm test）：先执行微信的「构建 npm」和代码质量检查，再在模拟的微信环境`,
    intro2: '（miniprogram-simulate）中打开通话页面：点击后发起呼叫，由座席接听再挂断。',
    intro3: '它证明页面能发起通话；真正的音视频仍需在手机上验证（预览 / 真机调试）。',
    pinned: 'config.js 呼叫的目标。若有意修改了那里，这里也要同步修改：页面呼叫到别处时测试会失败。',
    simulator: '本地联络中心（tccc-dev-server），占用一个空闲端口；座席由测试扮演。',
    routes: '小程序发往 endpoint 的请求，改由本测试的模拟器接收。',
    double1: '腾讯的 tccc-wx-sdk 只能在微信中运行：测试中页面改用它的测试替身，替身依据腾讯的公开文档（方法和事件）',
    double2: '编写，而不是腾讯的代码。测试通过它扮演座席。',
    quality: '微信代码质量检查通过',
    qualityOf: (root: string) => `${root} 通过微信代码质量检查`,
    scope1: '只检查本分包自己负责的规则（分包自己的文件和组件、分包大小、分包的图片）：应用自身的设置和其他代码',
    scope2: '可能原本就有未通过的规则，由应用自己判断（见 tccc-dev-server 的 README 中的 codeQuality）。',
    ivr: '模拟器的 audio-support 入口先要求按键（键盘会自动打开）：按 1。',
    call: (button: string) => `点击「${button}」发起呼叫，座席接听后挂断`,
  },
};

const BUTTONS = { audio: '语音呼叫', video: '视频呼叫' } as const;

/** A JavaScript string literal in single quotes, as the app's own code writes them. */
function quoted(value: string): string {
  return `'${jsString(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** The calls the test places: one per start button of the template, with the keys an IVR asks for first. */
function callsOf(target: AppTestTarget, texts: (typeof TEXTS)['en-US']) {
  const media: Array<'audio' | 'video'> = target.template === 'full' ? ['audio', 'video'] : [target.template];
  const builtIn = target.core === 'open' ? DEFAULT_CHANNELS.find((channel) => channel.id === target.channelId) : undefined;
  const ivrKeys = builtIn?.ivr ? Array.from({ length: builtIn.ivr.digits }, () => '1') : [];
  return media.map((kind) => ({ media: kind, button: BUTTONS[kind], title: texts.call(BUTTONS[kind]), ivrKeys }));
}

/**
 * The simulator the open core's test starts: its own entries when config.js calls one of them, else one
 * entry of that id, taking the template's calls.
 */
function simulatorOptionsOf(target: AppTestTarget): string {
  if (DEFAULT_CHANNELS.some((channel) => channel.id === target.channelId)) return '';
  const media = target.template === 'full' ? 'both' : target.template;
  return `{ channels: [{ id: CHANNEL_ID, media: ${quoted(media)} }] }`;
}

/**
 * The test of a call page, and what it needs: jest and WeChat's tools as dev dependencies, `npm test`, the
 * preset, and the test's folder left out of the mini program package. Used by the scaffolder for a new app
 * and by `add` for a call page added to an existing one.
 */
export function appTests(target: AppTestTarget, templatesDir: string): AppTests {
  const testFile = target.testFile ?? DEFAULT_TEST_FILE;
  const texts = TEXTS[target.language ?? 'en-US'];
  const source = path.join(templatesDir, 'tests', 'call.test.js.ejs');
  const content = ejs.render(
    fs.readFileSync(source, 'utf8'),
    {
      t: texts,
      js: quoted,
      intro1: target.subpackage ? texts.introSubpackage1(target.subpackage) : texts.intro1,
      quality: target.subpackage ? texts.qualityOf(target.subpackage) : texts.quality,
      subpackage: target.subpackage ?? null,
      isOpen: target.core === 'open',
      toProject: path.posix.relative(path.posix.dirname(testFile), '.') || '.',
      pagePath: target.pagePath,
      channelId: target.channelId,
      endpoint: target.endpoint,
      simulatorOptions: simulatorOptionsOf(target),
      calls: callsOf(target, texts),
    },
    { filename: source },
  );
  const testFolder = path.posix.relative(target.miniprogramRoot, path.posix.dirname(testFile));
  const outside = testFolder.startsWith('..');
  return {
    files: new Map([[testFile, content]]),
    devDependencies: {
      [target.devServer.name]: target.devServer.range,
      ...TEST_DEPENDENCIES,
      ...(target.typescript ? { [TEST_TYPESCRIPT.name]: TEST_TYPESCRIPT.range } : {}),
    },
    scripts: { test: 'jest' },
    jest: { preset: 'tccc-dev-server/testing' },
    allowScripts: TEST_TOOLS_SCRIPTS_DENIED,
    packIgnore: outside ? [] : testFolder === '' ? [{ type: 'file', value: path.posix.basename(testFile) }] : [{ type: 'folder', value: testFolder }],
  };
}
