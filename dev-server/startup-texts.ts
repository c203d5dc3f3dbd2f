import type { Language } from './language';
import type { Problem, ProblemCode, ProblemOf } from './startup-problem';

/** Every line tccc-dev-server prints in the terminal, per language. */
export interface StartupTexts {
  tagline: string;
  usage: string;
  optionsHeading: string;
  /** After an error: where the options are. */
  seeHelp: string;
  failedToStart: string;
  secretKeyOnCommandLine: string;
  agentTokenOnCommandLine: string;
  banner: {
    labels: { console: string; backend: string; channels: string; media: string; autoAnswer: string; agentApi: string };
    /** After the backend's address: the protocol it speaks and where its doc is (a path from where the server runs). */
    backendNote: (doc: string) => string;
    channelMedia: Record<'audio' | 'video' | 'both' | 'closed', string>;
    /** A channel in the list: its id, then what it takes (`audio`, `IVR`). */
    channel: (id: string, details: string[]) => string;
    /** What a channel takes, said after its id in config.js's list of channels. */
    channelCalls: { audio: string; video: string; both: string; ivr: string; closed: string };
    /** The config.js line that introduces the list of channels to choose from. */
    channelChoice: string;
    mediaReal: (sdkAppId: string) => string;
    mediaSimulated: string;
    autoAnswerOff: string;
    autoAnswerAfter: (seconds: number) => string;
    tokenMadeUp: (token: string) => string;
    tokenGiven: string;
    /** Where config.js is: a scaffolded app's own (config.ts in TypeScript), or the subpackage's that `create-tccc-miniprogram add` put in. */
    configIntro: string;
    devTools: string;
    /** The last line on loopback: the command that starts this server for a phone (how it was started, with --host 0.0.0.0). */
    phoneHintAndStop: (command: string) => string;
    stop: string;
  };
  exposure: {
    listeningEverywhere: (host: string, port: number) => string;
    listeningOn: (host: string, port: number) => string;
    anyone: string;
    trust: string;
    phoneAt: string;
    noLanAddress: string;
  };
  problems: { [C in ProblemCode]: (problem: ProblemOf<C>) => string };
}

const EN_US: StartupTexts = {
  tagline: 'a local contact center for tccc-wx-sdk',
  usage: 'Usage: tccc-dev-server [options]',
  optionsHeading: 'Options:',
  seeHelp: 'Run tccc-dev-server --help for the options.',
  failedToStart: 'tccc-dev-server failed to start:',
  secretKeyOnCommandLine:
    'warning: --trtc-secret-key puts the key on the command line, where every user of this machine can read it (ps, /proc). ' +
    'Prefer TRTC_SECRET_KEY=… or --trtc-secret-key-file <file>.',
  agentTokenOnCommandLine:
    'warning: --agent-token puts the token on the command line, where every user of this machine can read it (ps, /proc). Prefer TCCC_AGENT_TOKEN=….',
  banner: {
    labels: { console: 'Agent console', backend: 'Backend', channels: 'Channels', media: 'Media', autoAnswer: 'Auto-answer', agentApi: 'Agent API' },
    backendNote: (doc) => `(protocol v1, ${doc})`,
    channelMedia: { audio: 'audio', video: 'video', both: 'both', closed: 'closed' },
    channel: (id, details) => `${id} (${details.join(', ')})`,
    channelCalls: { audio: 'voice calls', video: 'video calls', both: 'voice and video calls', ivr: ', with an IVR menu', closed: ', outside hours: calls end as notWorkTime' },
    channelChoice: 'channelId: the channel for the calls your app makes, one of',
    mediaReal: (id) => `real TRTC rooms, SDKAppID ${id} (UserSigs and room tickets signed here)`,
    mediaSimulated: 'simulated: the whole call flow runs, no audio flows',
    autoAnswerOff: 'off (accept calls in the console)',
    autoAnswerAfter: (seconds) => `after ${seconds} s`,
    tokenMadeUp: (token) => `needs its token: ${token}`,
    tokenGiven: 'needs its token (the one you gave with --agent-token)',
    configIntro: 'config.js (config.ts in TypeScript; after add: packageTccc/config.js, or in your --root) takes:',
    devTools: 'In WeChat DevTools tick 详情 → 本地设置 → 不校验合法域名 (local addresses are not whitelisted).',
    phoneHintAndStop: (command) => `On a phone: start it with ${command}, and set endpoint to this computer's LAN address. Ctrl+C stops the server.`,
    stop: 'Ctrl+C stops the server.',
  },
  exposure: {
    listeningEverywhere: (host, port) => `WARNING: listening on every interface (${host}), port ${port}: reachable from your network.`,
    listeningOn: (host, port) => `WARNING: listening on ${host}, port ${port}: reachable from your network.`,
    anyone: 'Anyone who can reach it can log in and place calls; the agent API needs the token above.',
    trust: 'Use it on a network you trust only, and never expose it to the internet.',
    phoneAt: 'A phone on your LAN reaches it at:',
    noLanAddress: 'No LAN address found on this machine: is it connected to a network?',
  },
  problems: {
    'bad-argument': (p) => p.detail,
    'unknown-option': (p) => `Unknown option '${p.option}'.`,
    'option-needs-value': (p) => `Option '${p.option}' needs a value.`,
    'unexpected-argument': (p) => `Unexpected argument '${p.argument}': tccc-dev-server takes options only.`,
    'bad-language': (p) => `--lang takes zh-CN or en-US, got "${p.value}".`,
    'bad-number': (p) => `--${p.option} must be a number from ${p.min} to ${p.max}, got "${p.value}".`,
    'bad-origin': (p) => `--allow-origin takes an origin such as http://localhost:3000, got "${p.value}".`,
    'bad-agent-token': () => '--agent-token must be 8 to 200 visible ASCII characters.',
    'secret-key-twice': () => 'give the secret key once: --trtc-secret-key-file or --trtc-secret-key, not both.',
    'secret-key-file-unreadable': (p) => `cannot read the secret key file ${p.file} (${p.reason}).`,
    'secret-key-file-malformed': (p) => `${p.file} must hold the secret key alone, on one line.`,
    'media-needs-both': () => 'real media needs both the TRTC SDKAppID and its secret key.',
    'bad-sdk-app-id': (p) => `the TRTC SDKAppID is a number, got "${p.value}".`,
    'channels-unreadable': (p) => `${p.file}: cannot read it as JSON (${p.detail})`,
    'channels-empty': (p) => `${p.file}: expected a non-empty JSON array of channels`,
    'channel-not-object': (p) => `${p.file}: channel #${p.index} is not an object`,
    'channel-bad-id': (p) => `${p.file}: channel #${p.index}: "id" must be a non-empty string of at most 64 characters`,
    'channel-duplicate-id': (p) => `${p.file}: channel #${p.index}: duplicate id "${p.id}"`,
    'channel-bad-media': (p) => `${p.file}: channel #${p.index}: "media" must be audio, video or both`,
    'channel-bad-ivr': (p) => `${p.file}: channel #${p.index}: "ivr" must be { "prompt": string, "digits": 1..32 }`,
    'port-in-use': (p) => `port ${p.port} is in use. Pick another with --port, or stop the other server.`,
    'no-such-address': (p) => `cannot bind ${p.host}: no such address on this machine.`,
  },
};

const ZH_CN: StartupTexts = {
  tagline: 'tccc-wx-sdk 的本地联络中心',
  usage: '用法：tccc-dev-server [参数]',
  optionsHeading: '参数：',
  seeHelp: '运行 tccc-dev-server --help 查看全部参数。',
  failedToStart: 'tccc-dev-server 启动失败：',
  secretKeyOnCommandLine:
    '警告：--trtc-secret-key 把密钥放在了命令行上，本机的每个用户都能看到它（ps、/proc）。' +
    '请改用 TRTC_SECRET_KEY=… 或 --trtc-secret-key-file <file>。',
  agentTokenOnCommandLine: '警告：--agent-token 把令牌放在了命令行上，本机的每个用户都能看到它（ps、/proc）。请改用 TCCC_AGENT_TOKEN=…。',
  banner: {
    labels: { console: '座席控制台', backend: '后端地址', channels: '渠道', media: '音视频', autoAnswer: '自动接听', agentApi: '座席 API' },
    backendNote: (doc) => `（协议 v1，见 ${doc}）`,
    channelMedia: { audio: '音频', video: '视频', both: '音视频', closed: '不在服务时间' },
    channel: (id, details) => `${id}（${details.join('、')}）`,
    channelCalls: { audio: '语音通话', video: '视频通话', both: '语音和视频通话', ivr: '，带 IVR 按键菜单', closed: '，不在服务时间：呼叫以 notWorkTime 结束' },
    channelChoice: 'channelId：按小程序发起的通话选择一个渠道',
    mediaReal: (id) => `真实 TRTC 房间，SDKAppID ${id}（UserSig 和房间票据由本机签发）`,
    mediaSimulated: '模拟：完整的通话流程照常运行，但没有声音',
    autoAnswerOff: '关闭（在座席控制台中接听来电）',
    autoAnswerAfter: (seconds) => `振铃 ${seconds} 秒后`,
    tokenMadeUp: (token) => `需要令牌：${token}`,
    tokenGiven: '需要令牌（即 --agent-token 指定的令牌）',
    configIntro: '配置 config.js（TS 项目为 config.ts；add 接入的为 packageTccc/config.js 或 --root 下的）：',
    devTools: '在微信开发者工具中勾选「详情 → 本地设置 → 不校验合法域名」（本地地址无法配置为合法域名）。',
    phoneHintAndStop: (command) => `真机调试：请用 ${command} 启动，并把 endpoint 改为本机的局域网地址。按 Ctrl+C 停止服务。`,
    stop: '按 Ctrl+C 停止服务。',
  },
  exposure: {
    listeningEverywhere: (host, port) => `警告：正在监听所有网络接口（${host}）的 ${port} 端口，网络中的其他设备都能访问。`,
    listeningOn: (host, port) => `警告：正在监听 ${host} 的 ${port} 端口，网络中的其他设备都能访问。`,
    anyone: '能访问它的任何人都可以登录并发起通话；座席 API 需要上面的令牌。',
    trust: '只在可信的网络中使用，绝不要暴露到公网。',
    phoneAt: '同一局域网中的手机可通过以下地址访问：',
    noLanAddress: '本机没有找到局域网地址：是否已连接网络？',
  },
  problems: {
    'bad-argument': (p) => p.detail,
    'unknown-option': (p) => `未知参数 '${p.option}'。`,
    'option-needs-value': (p) => `参数 '${p.option}' 需要一个值。`,
    'unexpected-argument': (p) => `多余的参数 '${p.argument}'：tccc-dev-server 只接受选项参数。`,
    'bad-language': (p) => `--lang 只能是 zh-CN 或 en-US，当前输入："${p.value}"。`,
    'bad-number': (p) => `--${p.option} 应为 ${p.min} 到 ${p.max} 之间的数字，当前输入："${p.value}"。`,
    'bad-origin': (p) => `--allow-origin 需要一个来源（origin），例如 http://localhost:3000，当前输入："${p.value}"。`,
    'bad-agent-token': () => '--agent-token 必须是 8 到 200 个可见 ASCII 字符。',
    'secret-key-twice': () => '密钥只能给一次：--trtc-secret-key-file 和 --trtc-secret-key 二选一。',
    'secret-key-file-unreadable': (p) => `无法读取密钥文件 ${p.file}（${p.reason}）。`,
    'secret-key-file-malformed': (p) => `${p.file} 中只能有密钥本身，且只占一行。`,
    'media-needs-both': () => '真实音视频需要同时提供 TRTC SDKAppID 及其密钥。',
    'bad-sdk-app-id': (p) => `TRTC SDKAppID 应为数字，当前输入："${p.value}"。`,
    'channels-unreadable': (p) => `${p.file}：无法按 JSON 读取（${p.detail}）`,
    'channels-empty': (p) => `${p.file}：应为非空的渠道 JSON 数组`,
    'channel-not-object': (p) => `${p.file}：第 ${p.index} 个渠道不是对象`,
    'channel-bad-id': (p) => `${p.file}：第 ${p.index} 个渠道："id" 必须是不超过 64 个字符的非空字符串`,
    'channel-duplicate-id': (p) => `${p.file}：第 ${p.index} 个渠道：id "${p.id}" 重复`,
    'channel-bad-media': (p) => `${p.file}：第 ${p.index} 个渠道："media" 必须是 audio、video 或 both`,
    'channel-bad-ivr': (p) => `${p.file}：第 ${p.index} 个渠道："ivr" 必须是 { "prompt": string, "digits": 1..32 }`,
    'port-in-use': (p) => `端口 ${p.port} 已被占用。用 --port 换一个端口，或先停止另一个服务。`,
    'no-such-address': (p) => `无法绑定 ${p.host}：本机没有这个地址。`,
  },
};

export const STARTUP_TEXTS: Record<Language, StartupTexts> = { 'en-US': EN_US, 'zh-CN': ZH_CN };

/** A problem said in `language`. */
export function problemText(language: Language, problem: Problem): string {
  const say = STARTUP_TEXTS[language].problems[problem.code] as (p: Problem) => string;
  return say(problem);
}
