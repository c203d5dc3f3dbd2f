import type { Language } from '../dev-server/language';

/** The comments of the generated config.js / config.ts, in each language the scaffolder speaks (lines joined by \n). */
const EN_US = {
  openIntro: [
    'Where the app calls: the local simulator (npm run simulator) or your own backend that speaks',
    "open-tccc-wx-sdk's protocol. A secret key never goes here (everything in a mini program can be read by",
    'its users): it stays on your server.',
  ],
  openSdkAppId: ['SDKAppID of your application. The local simulator accepts any.'],
  openChannelId: ["The IVR entry the call goes to (the simulator's channels, or your backend's)."],
  endpoint: ["Your backend that speaks open-tccc-wx-sdk's protocol; the default is the local simulator."],
  tcccIntro: [
    "Your TCCC application. Tencent's tccc-wx-sdk reaches TCCC itself (api.tccc.qcloud.com), so there is no",
    'endpoint to set. A secret key never goes here (everything in a mini program can be read by its users).',
  ],
  tcccSdkAppId: ['SDKAppID of your TCCC application (TCCC console).'],
  tcccChannelId: ['The IVR entry the call goes to (TCCC console → 电话客服 → IVR 管理).'],
};

export type ConfigComment = keyof typeof EN_US;

const ZH_CN: Record<ConfigComment, string[]> = {
  openIntro: [
    '小程序呼叫到哪里：本地模拟器（npm run simulator），或实现了 open-tccc-wx-sdk 协议的你自己的后台。',
    '密钥绝不能写在这里（小程序里的所有内容，用户都能读到）：它只留在你的服务器上。',
  ],
  openSdkAppId: ['应用的 SDKAppID。本地模拟器接受任意值。'],
  openChannelId: ['通话接入的 IVR 入口（模拟器的渠道，或你的后台的渠道）。'],
  endpoint: ['实现了 open-tccc-wx-sdk 协议的后台地址；默认是本地模拟器。'],
  tcccIntro: [
    '你的 TCCC 应用。腾讯的 tccc-wx-sdk 会自己连接 TCCC（api.tccc.qcloud.com），所以不需要设置',
    'endpoint。密钥绝不能写在这里（小程序里的所有内容，用户都能读到）。',
  ],
  tcccSdkAppId: ['TCCC 应用的 SDKAppID（在 TCCC 控制台查看）。'],
  tcccChannelId: ['通话接入的 IVR 入口（TCCC 控制台 → 电话客服 → IVR 管理）。'],
};

/** Each comment as `// ` lines, ready for a template. */
function asComments(texts: Record<ConfigComment, string[]>): Record<ConfigComment, string> {
  return Object.fromEntries(Object.entries(texts).map(([key, lines]) => [key, lines.map((line) => `// ${line}`).join('\n')])) as Record<ConfigComment, string>;
}

export const CONFIG_COMMENTS: Record<Language, Record<ConfigComment, string>> = { 'en-US': asComments(EN_US), 'zh-CN': asComments(ZH_CN) };
