import type { Language } from '../dev-server/language';
import { parseLanguage } from '../dev-server/language';

/** The flags `--help` describes, each once. */
export type HelpFlag =
  | 'core' | 'template' | 'sdkAppId' | 'channelId' | 'appid' | 'server' | 'typescript' | 'noTypescript' | 'noTests'
  | 'lang' | 'yes' | 'overwrite' | 'skipInstall' | 'useNpm' | 'usePnpm' | 'useYarn' | 'version' | 'help';

/** `--help` and commander's own errors, in the language of the rest of the scaffolder. */
export interface HelpTexts {
  description: string;
  dir: string;
  options: Record<HelpFlag, string>;
  /** The section titles commander prints ("Usage:", "Arguments:", "Options:"). */
  titles: Record<string, string>;
  /** Commander's English error lines, reworded; null leaves the line as commander wrote it. */
  error(line: string): string | null;
}

const EN_US: HelpTexts = {
  description: 'Create a WeChat mini program that calls your contact center (tccc-wx-sdk).',
  dir: 'directory to create the project in',
  options: {
    core: "where calls go: tccc (Tencent Cloud Contact Center, with Tencent's tccc-wx-sdk) | open (the local simulator or your own backend; the default)",
    template: 'audio | video | full (voice and video)',
    sdkAppId: 'SDKAppID of your TCCC application (default: one the simulator accepts)',
    channelId: 'the IVR entry to call (default: the simulator channel of the template)',
    appid: 'WeChat AppID (default: touristappid, to try it without one)',
    server: 'backend endpoint of the open core (default: the local simulator, http://127.0.0.1:5700)',
    typescript: 'write the app in TypeScript (compiled by WeChat DevTools; typed by miniprogram-api-typings)',
    noTypescript: 'write the app in JavaScript (the default)',
    noTests: "leave out the app's own test (npm test, with jest, miniprogram-ci and miniprogram-simulate as dev dependencies)",
    lang: 'zh-CN | en-US: the language of the questions, messages and generated README (default: from LC_ALL, LC_MESSAGES, LANG)',
    yes: 'take the defaults for everything not given, without asking',
    overwrite: 'empty a non-empty directory first',
    skipInstall: 'do not install the dependencies',
    useNpm: 'install with npm',
    usePnpm: 'install with pnpm',
    useYarn: 'install with yarn',
    version: 'show the version',
    help: 'show this help',
  },
  titles: {},
  error: () => null,
};

const ZH_CN: HelpTexts = {
  description: '创建一个能呼叫联络中心坐席的微信小程序（tccc-wx-sdk）。',
  dir: '创建项目的目录',
  options: {
    core: '通话接到哪里：tccc（腾讯云联络中心，使用腾讯的 tccc-wx-sdk）| open（本地模拟器或你自己的后台；默认）',
    template: 'audio | video | full（语音和视频）',
    sdkAppId: '你的 TCCC 应用的 SDKAppID（默认：模拟器接受的一个）',
    channelId: '要呼叫的 IVR 入口（默认：模板对应的模拟器渠道）',
    appid: '微信小程序 AppID（默认：touristappid，没有 AppID 也能试用）',
    server: 'open 内核的后台地址（默认：本地模拟器 http://127.0.0.1:5700）',
    typescript: '用 TypeScript 编写小程序（由微信开发者工具编译；类型来自 miniprogram-api-typings）',
    noTypescript: '用 JavaScript 编写小程序（默认）',
    noTests: '不生成应用自带的测试（npm test，以 jest、miniprogram-ci、miniprogram-simulate 为开发依赖）',
    lang: 'zh-CN | en-US：提问、提示和生成的 README 所用的语言（默认：取自 LC_ALL、LC_MESSAGES、LANG）',
    yes: '未指定的选项都取默认值，不再提问',
    overwrite: '先清空非空目录',
    skipInstall: '不安装依赖',
    useNpm: '用 npm 安装',
    usePnpm: '用 pnpm 安装',
    useYarn: '用 yarn 安装',
    version: '显示版本号',
    help: '显示本帮助',
  },
  titles: { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：' },
  error(line) {
    const unknown = /^error: unknown option '([^']+)'/.exec(line);
    if (unknown) return `错误：未知选项 ${unknown[1]}`;
    const suggestion = /^\(Did you mean (.+)\?\)$/.exec(line);
    if (suggestion) return `（你是想用 ${suggestion[1]} 吗？）`;
    const missing = /^error: option '([^']+)' argument missing/.exec(line);
    if (missing) return `错误：选项 ${missing[1]} 缺少参数值`;
    const tooMany = /^error: too many arguments/.exec(line);
    if (tooMany) return '错误：参数太多，只接受一个目录';
    return null;
  },
};

export function helpTextsFor(language: Language): HelpTexts {
  return language === 'zh-CN' ? ZH_CN : EN_US;
}

/** `--lang` as given on the command line (`--lang x` or `--lang=x`), before commander has parsed anything. */
export function languageInArgs(args: readonly string[]): Language | null {
  for (let i = 0; i < args.length; i += 1) {
    const value = args[i] === '--lang' ? args[i + 1] : args[i].startsWith('--lang=') ? args[i].slice('--lang='.length) : undefined;
    if (value !== undefined) return parseLanguage(value);
  }
  return null;
}
