import { MAX_EVENT_SOCKETS_PER_ADDRESS } from './event-socket';
import type { Language } from './language';
import { DEFAULT_HOST, DEFAULT_PORT } from './server';

/** One command-line option of tccc-dev-server: the source of both `--help` and the README's table. */
export interface CliOption {
  name: string;
  short?: string;
  /** Placeholder of the value; none for a switch. */
  value?: string;
  multiple?: boolean;
  /** One line for `--help`. */
  help: string;
  /** The README's wording, when it says more than `help`. */
  readme?: string;
  /** The same in Chinese: `--help` in a Chinese terminal, and README.zh-CN.md's table. */
  zh: { help: string; readme?: string };
}

export const CLI_OPTIONS: CliOption[] = [
  {
    name: 'port',
    value: 'n',
    help: `port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`,
    zh: { help: `监听的端口（默认 ${DEFAULT_PORT}；0 表示任选一个空闲端口）` },
  },
  {
    name: 'host',
    value: 'addr',
    help: `address to bind (default ${DEFAULT_HOST}; 0.0.0.0 lets a phone on your LAN in, with a warning)`,
    readme: `address to bind (default ${DEFAULT_HOST}). Anything beyond loopback (\`0.0.0.0\` for a phone) prints a warning with the LAN addresses to use and turns on the agent token`,
    zh: {
      help: `绑定的地址（默认 ${DEFAULT_HOST}；0.0.0.0 让同一局域网的手机也能访问，并打印警告）`,
      readme: `绑定的地址（默认 ${DEFAULT_HOST}）。绑定到回环地址以外（真机调试用 \`0.0.0.0\`）时会打印警告和可用的局域网地址，并启用座席令牌`,
    },
  },
  {
    name: 'channels',
    value: 'file',
    help: 'JSON array of channels (IVR entries) instead of the built-in ones',
    readme: "a JSON array of `{ id, name, media: 'audio'\\|'video'\\|'both', open, ivr?: { prompt, digits } }`",
    zh: { help: '用一个渠道（IVR 入口）JSON 数组代替内置的渠道', readme: "一个 JSON 数组，元素为 `{ id, name, media: 'audio'\\|'video'\\|'both', open, ivr?: { prompt, digits } }`" },
  },
  {
    name: 'auto-answer',
    value: 'seconds',
    help: 'seats accept ringing calls after this many seconds',
    readme: 'seats accept ringing calls by themselves (also a switch in the console)',
    zh: { help: '座席在振铃这么多秒后自动接听', readme: '座席自动接听振铃中的来电（控制台中也有开关）' },
  },
  { name: 'seats', value: 'n', help: 'number of agents (default 2)', zh: { help: '座席数量（默认 2）' } },
  {
    name: 'caller-timeout',
    value: 's',
    help: 'a call whose caller lost the event connection this long ends with clientTimeout (default 30; the SDK reconnects until then)',
    zh: { help: '用户的事件连接断开这么多秒后，通话以 clientTimeout 结束（默认 30；在此之前 SDK 会一直重连）' },
  },
  {
    name: 'calls-per-address',
    value: 'n',
    help: 'live calls one client address may hold (default 1000; past it 429, so one client cannot fill the center)',
    zh: { help: '同一个客户端地址最多同时进行的通话数（默认 1000；超出返回 429，一个客户端无法占满整个联络中心）' },
  },
  {
    name: 'sockets-per-address',
    value: 'n',
    help: `event sockets one client address may hold open (default ${MAX_EVENT_SOCKETS_PER_ADDRESS}; past it close 1008). Each call holds one: raise it with --calls-per-address for load tests`,
    zh: {
      help: `同一个客户端地址最多同时打开的事件连接数（默认 ${MAX_EVENT_SOCKETS_PER_ADDRESS}；超出以 1008 关闭）。每个通话占一个：做压力测试时与 --calls-per-address 一起调大`,
    },
  },
  {
    name: 'allow-host',
    value: 'name',
    multiple: true,
    help: 'also accept this name in the Host header (repeatable; loopback names and the bound address always pass)',
    zh: { help: '额外接受 Host 头中的这个名字（可重复；回环名称和绑定的地址总是放行）' },
  },
  {
    name: 'allow-origin',
    value: 'origin',
    multiple: true,
    help: 'also accept browser requests from this origin, e.g. http://localhost:3000 (repeatable)',
    zh: { help: '额外接受来自这个来源的浏览器请求，例如 http://localhost:3000（可重复）' },
  },
  {
    name: 'agent-token',
    value: 'token',
    help: 'require this token for the agent API and console (or env TCCC_AGENT_TOKEN; made up and printed when binding beyond loopback)',
    readme:
      'require this token for the agent API and console (made up and printed when binding beyond loopback). Or env `TCCC_AGENT_TOKEN`: on the command line it shows in `ps` (a warning says so)',
    zh: {
      help: '座席 API 和控制台需要这个令牌（或环境变量 TCCC_AGENT_TOKEN；绑定到回环地址以外时会自动生成并打印）',
      readme: '座席 API 和控制台需要这个令牌（绑定到回环地址以外时会自动生成并打印）。也可以用环境变量 `TCCC_AGENT_TOKEN`：放在命令行上会出现在 `ps` 中（会打印警告）',
    },
  },
  {
    name: 'trtc-sdk-app-id',
    value: 'id',
    help: 'TRTC SDKAppID for real audio/video rooms (or env TRTC_SDK_APP_ID)',
    zh: { help: '真实音视频房间使用的 TRTC SDKAppID（或环境变量 TRTC_SDK_APP_ID）' },
  },
  {
    name: 'trtc-secret-key-file',
    value: 'file',
    help: 'file holding its secret key (or env TRTC_SECRET_KEY); used on this server only',
    readme: 'a file holding its secret key; or env `TRTC_SECRET_KEY`. Sessions get TRTC rooms with UserSigs and room-bound `privateMapKey`s signed here; the key never reaches a client',
    zh: {
      help: '存放其密钥的文件（或环境变量 TRTC_SECRET_KEY）；密钥只在本服务中使用',
      readme: '存放其密钥的文件；或环境变量 `TRTC_SECRET_KEY`。会话会获得 TRTC 房间，UserSig 和绑定房间的 `privateMapKey` 都在这里签发；密钥从不发给任何客户端',
    },
  },
  {
    name: 'trtc-secret-key',
    value: 'key',
    help: 'the secret key itself: visible to every local user in `ps` (a warning says so)',
    zh: { help: '密钥本身：本机每个用户都能在 `ps` 中看到它（会打印警告）' },
  },
  {
    name: 'lang',
    value: 'lang',
    help: 'language of these lines, errors and the seat names phones hear: zh-CN or en-US (default: the terminal locale)',
    readme:
      'language of the startup lines, errors and the seat names phones hear: `zh-CN` or `en-US` (default: the terminal locale, `LC_ALL` / `LC_MESSAGES` / `LANG`, or the system language on Windows). The console follows the browser and has a switch',
    zh: {
      help: '启动信息、错误提示和手机上显示的座席名称的语言：zh-CN 或 en-US（默认跟随终端的语言环境）',
      readme:
        '启动信息、错误提示和手机上显示的座席名称的语言：`zh-CN` 或 `en-US`（默认跟随终端的语言环境：`LC_ALL` / `LC_MESSAGES` / `LANG`，Windows 上跟随系统语言）。座席控制台跟随浏览器的语言，并有切换按钮',
    },
  },
  { name: 'help', short: 'h', help: 'show this help', zh: { help: '显示本帮助' } },
  { name: 'version', short: 'v', help: 'show the version', zh: { help: '显示版本号' } },
];

function flagsOf(option: CliOption): string {
  const long = `--${option.name}${option.value ? ` <${option.value}>` : ''}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

function wordsOf(option: CliOption, language: Language): { help: string; readme?: string } {
  return language === 'zh-CN' ? option.zh : option;
}

/** The options block of `--help`. */
export function optionsHelp(language: Language = 'en-US'): string {
  const width = Math.max(...CLI_OPTIONS.map((option) => flagsOf(option).length)) + 2;
  return CLI_OPTIONS.map((option) => `  ${flagsOf(option).padEnd(width)}${wordsOf(option, language).help}`).join('\n');
}

/** The options table (Markdown) of README.md, or of README.zh-CN.md in Chinese, from the same list. */
export function optionsTable(language: Language = 'en-US'): string {
  const rows = CLI_OPTIONS.map((option) => {
    const words = wordsOf(option, language);
    return `| \`${flagsOf(option).replace(/\|/g, '\\|')}\` | ${words.readme ?? words.help} |`;
  });
  return [language === 'zh-CN' ? '| 参数 | |' : '| Option | |', '|---|---|', ...rows].join('\n');
}

/** The shape `node:util` parseArgs takes. */
export function parseArgsOptions(): Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> {
  return Object.fromEntries(
    CLI_OPTIONS.map((option) => [option.name, { type: option.value ? 'string' : 'boolean', ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) }]),
  );
}
