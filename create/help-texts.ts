import type { Language } from '../dev-server/language';
import { parseLanguage } from '../dev-server/language';

/** The flags `--help` describes, each once. */
export type HelpFlag =
  | 'core' | 'template' | 'sdkAppId' | 'channelId' | 'appid' | 'server' | 'typescript' | 'noTypescript' | 'noTests'
  | 'lang' | 'yes' | 'overwrite' | 'skipInstall' | 'useNpm' | 'usePnpm' | 'useYarn' | 'version' | 'help';

/** `--help` and commander's own errors, in the language of the rest of the scaffolder. */
export interface HelpTexts {
  description: string;
  /** The usage line after the command's name. */
  usage: string;
  dir: string;
  options: Record<HelpFlag, string>;
  /** `add`: the call as a subpackage of an existing mini program. */
  add: { description: string; dir: string; typescript: string; noTypescript: string; noTests: string; root: string; dryRun: string };
  /** `remove`: takes out what add put in. */
  remove: { description: string; dir: string; root: string; dryRun: string; lang: string };
  /** The section titles commander prints ("Usage:", "Arguments:", "Options:"). */
  titles: Record<string, string>;
  /** Commander's English error lines, reworded; null leaves the line as commander wrote it. */
  error(line: string): string | null;
  /** The help text as printed: commander puts a space after every title, which a full-width colon does not take. */
  tidy(text: string): string;
}

const EN_US: HelpTexts = {
  description: 'Create a WeChat mini program that calls your contact center (tccc-wx-sdk).',
  usage: '[options] [dir]',
  dir: 'directory to create the project in',
  options: {
    core: "where calls go: tccc (Tencent Cloud Contact Center, with Tencent's tccc-wx-sdk) | open (the local simulator or your own backend; the default)",
    template: 'audio | video | full (voice and video)',
    sdkAppId: 'SDKAppID of your TCCC application, 10 digits (default: 1400000001; the simulator does not check it)',
    channelId: 'the IVR entry ID to call (default: the simulator channel of the template)',
    appid: 'WeChat AppID (default: touristappid, to try it without one)',
    server: 'backend endpoint of the open core (default: the local simulator, http://127.0.0.1:5700)',
    typescript: 'write the app in TypeScript (compiled by WeChat DevTools; npm run typecheck type-checks it)',
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
  add: {
    description: 'Add the call to an existing mini program, as a subpackage with its own npm (its main package grows only by the app.json lines).',
    dir: 'the mini program project (where project.config.json is; default: here)',
    typescript: 'write the call page in TypeScript (default: as the project is written)',
    noTypescript: 'write the call page in JavaScript (default: as the project is written)',
    noTests: "leave out the call page's own test (npm test in the subpackage, with jest, miniprogram-ci and miniprogram-simulate as the subpackage's dev dependencies)",
    root: 'the subpackage folder, under miniprogramRoot (default: packageTccc)',
    dryRun: 'print every file add would write or change, as a diff, and write nothing',
  },
  remove: {
    description: 'Take out what add put in: the subpackage goes, app.json and project.config.json come back as they were.',
    dir: 'the mini program project (default: here)',
    root: 'the subpackage folder add made (default: the one app.json lists)',
    dryRun: 'print what remove would change, and change nothing',
    lang: 'zh-CN | en-US: the language of its messages (default: from LC_ALL, LC_MESSAGES, LANG)',
  },
  titles: {},
  error: () => null,
  tidy: (text) => text,
};

const ZH_CN: HelpTexts = {
  description: '创建一个可呼叫联络中心座席的微信小程序（tccc-wx-sdk）。',
  usage: '[选项] [dir]',
  dir: '创建项目的目录',
  options: {
    core: '通话接入到哪里：tccc（腾讯云联络中心，使用腾讯的 tccc-wx-sdk）| open（本地模拟器或自建后端；默认）',
    template: 'audio | video | full（语音和视频）',
    sdkAppId: 'TCCC 应用的 SDKAppID，10 位数字（默认：1400000001，模拟器不校验这个值）',
    channelId: 'IVR 入口 ID（默认：模板对应的模拟器渠道）',
    appid: '小程序 AppID（默认：touristappid，即游客模式）',
    server: '开放内核的后端地址（默认：本地模拟器 http://127.0.0.1:5700）',
    typescript: '用 TypeScript 编写小程序（由微信开发者工具编译；npm run typecheck 做类型检查）',
    noTypescript: '用 JavaScript 编写小程序（默认）',
    noTests: '不生成应用自带的测试（npm test，以 jest、miniprogram-ci、miniprogram-simulate 为开发依赖）',
    lang: 'zh-CN | en-US：提问、提示和生成的 README 所用的语言（默认取自 LC_ALL、LC_MESSAGES、LANG）',
    yes: '未指定的选项均取默认值，不再提问',
    overwrite: '先清空非空目录',
    skipInstall: '不安装依赖',
    useNpm: '用 npm 安装',
    usePnpm: '用 pnpm 安装',
    useYarn: '用 yarn 安装',
    version: '显示版本号',
    help: '显示本帮助',
  },
  add: {
    description: '把通话加入已有的小程序：作为一个自带 npm 的分包（主包只多出 app.json 的几行）。',
    dir: '小程序项目目录（project.config.json 所在的目录；默认：当前目录）',
    typescript: '用 TypeScript 编写呼叫页（默认：和项目一致）',
    noTypescript: '用 JavaScript 编写呼叫页（默认：和项目一致）',
    noTests: '不生成呼叫页自带的测试（在分包中运行 npm test，以 jest、miniprogram-ci、miniprogram-simulate 为分包的开发依赖）',
    root: '分包目录，位于 miniprogramRoot 之下（默认：packageTccc）',
    dryRun: '以 diff 列出 add 将写入或修改的每个文件，不写入任何内容',
  },
  remove: {
    description: '撤下 add 加入的内容：删除分包，app.json 和 project.config.json 恢复原样。',
    dir: '小程序项目目录（默认：当前目录）',
    root: 'add 创建的分包目录（默认：app.json 中列出的那个）',
    dryRun: '列出 remove 将做的改动，不做任何改动',
    lang: 'zh-CN | en-US：提示所用的语言（默认取自 LC_ALL、LC_MESSAGES、LANG）',
  },
  titles: { 'Usage:': '用法：', 'Arguments:': '参数：', 'Options:': '选项：', 'Commands:': '命令：' },
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
  tidy: (text) => text.replace(/：[ ]+/g, '：'),
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
