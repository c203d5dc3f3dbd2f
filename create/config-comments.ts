import type { Language } from '../dev-server/language';

/** The comments of the generated config.js / config.ts, in each language the scaffolder speaks (lines joined by \n). */
const EN_US = {
  openIntro: [
    'Where the app calls: the local simulator (npm run simulator) or your own backend that speaks',
    "open-tccc-wx-sdk's protocol. A secret key never goes here (everything in a mini program can be read by",
    'its users): it stays on your server.',
  ],
  openSdkAppId: ['SDKAppID of your application (10 digits). The local simulator accepts any.'],
  openChannelId: ["IVR entry ID: where the call comes in (one of the simulator's channels, or your backend's)."],
  endpoint: ["Your backend that speaks open-tccc-wx-sdk's protocol; the default is the local simulator."],
  tcccIntro: [
    "Your TCCC application. Tencent's tccc-wx-sdk reaches TCCC itself (api.tccc.qcloud.com), so there is no",
    'endpoint to set. A secret key never goes here (everything in a mini program can be read by its users).',
  ],
  tcccSdkAppId: ['SDKAppID of your TCCC application (TCCC console).'],
  tcccChannelId: [
    "IVR entry ID (IVR 入口 ID in Tencent's tccc-wx-sdk doc): the ID of your 音频客服 or 视频客服 channel on the",
    "TCCC console (Tencent's docs: 使用音频客服 / 使用视频客服).",
  ],
};

export type ConfigComment = keyof typeof EN_US;

const ZH_CN: Record<ConfigComment, string[]> = {
  openIntro: [
    '呼叫目标：本地模拟器（npm run simulator），或实现了 open-tccc-wx-sdk 协议的自建后端。',
    '密钥绝不能写在这里（小程序中的所有内容，用户都能读到）：密钥只留在服务端。',
  ],
  openSdkAppId: ['应用的 SDKAppID（10 位数字）。本地模拟器接受任意值。'],
  openChannelId: ['IVR 入口 ID：通话从这里接入（模拟器的渠道之一，或自建后端的渠道）。'],
  endpoint: ['实现了 open-tccc-wx-sdk 协议的后端地址；默认为本地模拟器。'],
  tcccIntro: [
    '你的 TCCC 应用。腾讯的 tccc-wx-sdk 会自己连接 TCCC（api.tccc.qcloud.com），所以不需要设置',
    'endpoint。密钥绝不能写在这里（小程序中的所有内容，用户都能读到）。',
  ],
  tcccSdkAppId: ['TCCC 应用的 SDKAppID（在 TCCC 控制台查看）。'],
  tcccChannelId: ['IVR 入口 ID（腾讯 tccc-wx-sdk 文档的叫法）：TCCC 控制台中音频客服或视频客服渠道的 ID', '（见腾讯云文档「使用音频客服」「使用视频客服」）。'],
};

/** Each comment as `// ` lines, ready for a template. */
function asComments(texts: Record<ConfigComment, string[]>): Record<ConfigComment, string> {
  return Object.fromEntries(Object.entries(texts).map(([key, lines]) => [key, lines.map((line) => `// ${line}`).join('\n')])) as Record<ConfigComment, string>;
}

export const CONFIG_COMMENTS: Record<Language, Record<ConfigComment, string>> = { 'en-US': asComments(EN_US), 'zh-CN': asComments(ZH_CN) };
