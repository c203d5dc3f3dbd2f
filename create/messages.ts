import type { Language } from '../dev-server/language';

/** Everything the scaffolder says to a person, in one language: questions, validation errors, progress, next steps. */
export interface Messages {
  questions: {
    core: string;
    coreTccc: string;
    coreOpen: string;
    directory: string;
    template: string;
    templateAudio: string;
    templateVideo: string;
    templateFull: string;
    sdkAppIdOpen: string;
    sdkAppIdTccc: string;
    channelId: string;
    appId(testAppId: string): string;
    endpoint: string;
    typescript: string;
    overwrite: string;
    /** The words of a list's key help ("↑↓ navigate • ⏎ select"), by the prompt library's English word; empty: its own. */
    keyActions: Record<string, string>;
  };
  errors: {
    sdkAppId(got: string): string;
    channelIdEmpty: string;
    channelIdLong: string;
    appId(testAppId: string, got: string): string;
    endpointNotUrl(example: string, got: string): string;
    endpointScheme(protocol: string): string;
    endpointCredentials: string;
    endpointQuery: string;
    core(got: string): string;
    template(list: string, got: string): string;
    directoryEmpty: string;
    packageName(name: string, problems: string): string;
    secret: string;
    serverWithTccc: string;
    tcccIdsMissing: string;
    oneManager: string;
    managerMissing(manager: string, others: string): string;
    isAFile(directory: string): string;
    language(got: string): string;
  };
  progress: {
    notEmpty(directory: string, list: string): string;
    andMore(count: number): string;
    cancelledNothingChanged: string;
    nothingChanged: string;
    cancelled: string;
    created(name: string, details: string, target: string): string;
    typescript: string;
    tencentCore: string;
    installing(command: string): string;
    installed: string;
    installFailed(command: string, code: number | null, output: string): string;
    couldNotRun(command: string, reason: string): string;
  };
  next: {
    title: string;
    tcccDevTools: string;
    tcccLines: string[];
    simulatorComment: string;
    /** After `npm test` in the next steps, when the app has its own test. */
    testComment: string;
    openLines(configFile: string): string[];
  };
}

export const EN_US: Messages = {
  questions: {
    core: 'Where do calls go?',
    coreTccc: "Tencent Cloud Contact Center (Tencent's tccc-wx-sdk)",
    coreOpen: 'the local simulator and your own backend (open SDK)',
    directory: 'Project directory:',
    template: 'Template:',
    templateAudio: 'audio  voice calls with the call screen',
    templateVideo: 'video  video calls: the agent large, your camera small',
    templateFull: 'full   both: the caller picks voice or video',
    sdkAppIdOpen: 'SDKAppID (any for the simulator):',
    sdkAppIdTccc: 'TCCC SDKAppID (TCCC console):',
    channelId: 'ChannelId (the IVR entry to call):',
    appId: (testAppId) => `WeChat AppID (${testAppId} to try it without one):`,
    endpoint: 'Backend server:',
    typescript: 'TypeScript?',
    overwrite: 'Remove these and create the project here?',
    keyActions: {},
  },
  errors: {
    sdkAppId: (got) => `SDKAppID must be digits (the number on the TCCC console), got ${got}.`,
    channelIdEmpty: 'ChannelId must not be empty: it is the IVR entry your calls go to.',
    channelIdLong: 'ChannelId is at most 128 characters.',
    appId: (testAppId, got) => `AppID is "wx" followed by 16 hex digits (or ${testAppId} to try it without one), got ${got}.`,
    endpointNotUrl: (example, got) => `The server must be an http(s) URL such as ${example}, got ${got}.`,
    endpointScheme: (protocol) => `The server must be http or https, got ${protocol}`,
    endpointCredentials: 'The server URL must not carry a user name or password: it ships inside the app.',
    endpointQuery: 'The server URL takes no query or fragment.',
    core: (got) => `Core is tccc (Tencent's tccc-wx-sdk, calls to TCCC) or open (the simulator and your own backend), got ${got}.`,
    template: (list, got) => `Template is one of ${list}, got ${got}.`,
    directoryEmpty: 'Give the project a directory name.',
    packageName: (name, problems) => `"${name}" cannot be a package name: ${problems}.`,
    secret: [
      'That looks like a secret key. It does not go into a mini program: everything in the app package can be',
      'read by anyone who has the app, so a key there lets strangers sign in as you and run up your bill.',
      'Keep it on your server, which signs UserSigs and calls TCCC for the app (for the local simulator:',
      'TRTC_SECRET_KEY=… npx tccc-dev-server). The app only needs the SDKAppID and a ChannelId.',
    ].join('\n'),
    serverWithTccc: "--server is for the open core. With --core tccc the app talks to TCCC itself, through Tencent's tccc-wx-sdk; there is no backend to set.",
    tcccIdsMissing: 'With --core tccc, give --sdk-app-id and --channel-id: the SDKAppID and the IVR entry (ChannelId) of your TCCC application, from the TCCC console. They have no defaults.',
    oneManager: 'Choose one of --use-npm, --use-pnpm and --use-yarn.',
    managerMissing: (manager, others) =>
      `${manager} was asked for but does not run here (\`${manager} --version\` failed). Install it (corepack enable, or npm install -g ${manager}), pass ${others}, or --skip-install. Nothing was written.`,
    isAFile: (directory) => `${directory} is a file.`,
    language: (got) => `--lang is zh-CN or en-US, got ${got}.`,
  },
  progress: {
    notEmpty: (directory, list) => `${directory} is not empty:\n${list}`,
    andMore: (count) => `  … and ${count} more`,
    cancelledNothingChanged: 'Cancelled; nothing was changed.',
    nothingChanged: 'Nothing was changed. Pick another directory, or pass --overwrite to empty this one.',
    cancelled: 'Cancelled.',
    created: (name, details, target) => `✔ Created ${name} (${details}) in ${target}`,
    typescript: 'TypeScript',
    tencentCore: "Tencent's tccc-wx-sdk",
    installing: (command) => `Installing dependencies (${command})…`,
    installed: '✔ Dependencies installed',
    installFailed: (command, code, output) => `✖ ${command} failed (exit ${code}):\n${output}`,
    couldNotRun: (command, reason) => `✖ Could not run ${command}: ${reason}`,
  },
  next: {
    title: 'Next:',
    tcccDevTools: 'Open the folder in WeChat DevTools with your AppID, then 工具 → 构建 npm.',
    tcccLines: [
      "Calls go to your TCCC application through Tencent's tccc-wx-sdk. Before the first call, do the",
      "README's checklist: an enterprise mini program in a category that allows live-pusher, 实时播放/录制",
      '音视频流 enabled, and the seven TCCC domains whitelisted.',
      'Then call from a real device (预览 / 真机调试): WeChat DevTools cannot run a TCCC call.',
    ],
    simulatorComment: '# the local contact center; its agent console answers your calls',
    testComment: '# checks the call page without DevTools: builds npm, places a call, an agent answers',
    openLines: (configFile) => [
      'Open the folder in WeChat DevTools, tick 详情 → 本地设置 → 不校验合法域名, then 工具 → 构建 npm.',
      'Tap the call button, and answer it in the agent console.',
      '',
      `Your own backend: set endpoint in ${configFile} (it speaks the protocol of open-tccc-wx-sdk). For`,
      'calls to Tencent Cloud Contact Center, see "Switch core" in the README.',
    ],
  },
};

export const ZH_CN: Messages = {
  questions: {
    core: '通话接到哪里？',
    coreTccc: '腾讯云联络中心 TCCC（腾讯的 tccc-wx-sdk）',
    coreOpen: '本地模拟器或你自己的后台（开放 SDK）',
    directory: '项目目录：',
    template: '模板：',
    templateAudio: 'audio  语音通话，带通话界面',
    templateVideo: 'video  视频通话：客服画面大，你的摄像头画面小',
    templateFull: 'full   两者都有：由用户选择语音或视频',
    sdkAppIdOpen: 'SDKAppID（模拟器接受任意值）：',
    sdkAppIdTccc: 'TCCC SDKAppID（在 TCCC 控制台查看）：',
    channelId: 'ChannelId（要呼入的 IVR 入口）：',
    appId: (testAppId) => `微信小程序 AppID（没有的话用 ${testAppId} 先试用）：`,
    endpoint: '后台服务地址：',
    typescript: '使用 TypeScript？',
    overwrite: '删除这些内容，在这里创建项目？',
    keyActions: { navigate: '上下移动', select: '确认' },
  },
  errors: {
    sdkAppId: (got) => `SDKAppID 只能是数字（TCCC 控制台上的那串数字），收到的是 ${got}。`,
    channelIdEmpty: 'ChannelId 不能为空：它是通话要接入的 IVR 入口。',
    channelIdLong: 'ChannelId 最多 128 个字符。',
    appId: (testAppId, got) => `AppID 是 "wx" 加 16 位十六进制数字（没有的话用 ${testAppId} 试用），收到的是 ${got}。`,
    endpointNotUrl: (example, got) => `后台服务地址必须是 http(s) URL，例如 ${example}，收到的是 ${got}。`,
    endpointScheme: (protocol) => `后台服务地址只能用 http 或 https，收到的是 ${protocol}`,
    endpointCredentials: '后台服务地址里不能带用户名或密码：它会打包进小程序。',
    endpointQuery: '后台服务地址不能带查询参数（?）或片段（#）。',
    core: (got) => `core 只能是 tccc（腾讯的 tccc-wx-sdk，呼叫 TCCC）或 open（模拟器和你自己的后台），收到的是 ${got}。`,
    template: (list, got) => `模板只能是 ${list} 之一，收到的是 ${got}。`,
    directoryEmpty: '请给项目起一个目录名。',
    packageName: (name, problems) => `"${name}" 不能用作 npm 包名：${problems}。`,
    secret: [
      '这看起来是一个密钥。密钥不能放进小程序：小程序包里的所有内容，拿到小程序的人都能读到，',
      '密钥放在里面，别人就能冒用你的身份登录，并产生由你承担的费用。',
      '请把它留在你的服务器上，由服务器为小程序签发 UserSig、调用 TCCC（本地模拟器的用法：',
      'TRTC_SECRET_KEY=… npx tccc-dev-server）。小程序只需要 SDKAppID 和 ChannelId。',
    ].join('\n'),
    serverWithTccc: '--server 只用于开放内核（open）。使用 --core tccc 时，小程序通过腾讯的 tccc-wx-sdk 直接连接 TCCC，没有需要设置的后台。',
    tcccIdsMissing: '使用 --core tccc 时，请提供 --sdk-app-id 和 --channel-id：即你在 TCCC 控制台上的应用 SDKAppID 和 IVR 入口（ChannelId）。它们没有默认值。',
    oneManager: '--use-npm、--use-pnpm、--use-yarn 只能选一个。',
    managerMissing: (manager, others) =>
      `指定了 ${manager}，但这台机器上无法运行它（\`${manager} --version\` 失败）。请先安装（corepack enable，或 npm install -g ${manager}），或者改用 ${others}，或者加 --skip-install。没有写入任何文件。`,
    isAFile: (directory) => `${directory} 是一个文件。`,
    language: (got) => `--lang 只能是 zh-CN 或 en-US，收到的是 ${got}。`,
  },
  progress: {
    notEmpty: (directory, list) => `${directory} 不是空目录：\n${list}`,
    andMore: (count) => `  … 还有 ${count} 项`,
    cancelledNothingChanged: '已取消，没有做任何改动。',
    nothingChanged: '没有做任何改动。请换一个目录，或者加 --overwrite 清空这个目录。',
    cancelled: '已取消。',
    created: (name, details, target) => `✔ 已创建 ${name}（${details}），位置：${target}`,
    typescript: 'TypeScript',
    tencentCore: '腾讯的 tccc-wx-sdk',
    installing: (command) => `正在安装依赖（${command}）…`,
    installed: '✔ 依赖安装完成',
    installFailed: (command, code, output) => `✖ ${command} 失败（退出码 ${code}）：\n${output}`,
    couldNotRun: (command, reason) => `✖ 无法运行 ${command}：${reason}`,
  },
  next: {
    title: '接下来：',
    tcccDevTools: '用你的 AppID 在微信开发者工具中打开这个目录，然后点 工具 → 构建 npm。',
    tcccLines: [
      '通话会通过腾讯的 tccc-wx-sdk 接到你的 TCCC 应用。第一次呼叫前，请按 README 的清单完成准备：',
      '企业主体的小程序、类目允许使用 live-pusher、开通 实时播放/录制音视频流，并把 TCCC 的七个域名',
      '加入服务器合法域名。',
      '然后在真机上呼叫（预览 / 真机调试）：微信开发者工具无法进行 TCCC 通话。',
    ],
    simulatorComment: '# 本地联络中心；在它的坐席控制台接听你的呼叫',
    testComment: '# 不用开发者工具检查通话页面：构建 npm、发起呼叫、坐席接听',
    openLines: (configFile) => [
      '在微信开发者工具中打开这个目录，勾选 详情 → 本地设置 → 不校验合法域名，然后点 工具 → 构建 npm。',
      '点呼叫按钮，在坐席控制台接听。',
      '',
      `接你自己的后台：在 ${configFile} 中设置 endpoint（后台需实现 open-tccc-wx-sdk 的协议）。`,
      '要呼叫腾讯云联络中心，请看 README 中的「切换内核」。',
    ],
  },
};

export function messagesFor(language: Language): Messages {
  return language === 'zh-CN' ? ZH_CN : EN_US;
}
