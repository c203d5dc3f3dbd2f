import type { Language } from '../dev-server/language';
import type { AddSteps } from './add/add-steps';

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
    /** The target changed while the questions were open: it is listed and asked about again. */
    changedMeanwhile(directory: string): string;
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
  add: {
    notAnObject: string;
    notAMiniProgram(dir: string): string;
    runAtProjectRoot(dir: string, projectDir: string): string;
    unparsable(file: string, reason: string): string;
    notMiniprogramType(compileType: string): string;
    noAppJson(file: string): string;
    rootOutsideProject(value: string): string;
    buildOutput(framework: string): string;
    rootInvalid(root: string): string;
    rootTaken(folder: string): string;
    rootDeclared(root: string): string;
    rootOverlaps(root: string, other: string): string;
    rootHoldsPage(root: string, page: string): string;
    jsonShape(file: string, reason: string): string;
    dryRun: string;
    dryRunBinary(file: string, bytes: number): string;
    dryRunEnd: string;
    unchanged(folder: string): string;
    added(folder: string, details: string, files: number, hostFiles: string[]): string;
    rolledBack: string;
    noRecord(folder: string, record: string): string;
    removed(folder: string): string;
    restored(file: string): string;
    deletedCreated(file: string): string;
    editedSince(file: string, taken: string): string;
    goneSince(file: string): string;
    preloadTaken(file: string, root: string, pages: string[]): string;
    stillOpened(pageUrl: string, files: string[]): string;
    installDeleted(files: string[]): string;
    installLeft(name: string, install: string): string;
    next(steps: AddSteps): string[];
  };
  next: {
    title: string;
    tcccDevTools: string;
    tcccLines: string[];
    simulatorComment: string;
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
    changedMeanwhile: (directory) => `${directory} changed while the questions were open.`,
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
  add: {
    notAnObject: 'it is not a JSON object',
    notAMiniProgram: (dir) => `${dir} is not a mini program project: there is no project.config.json. Run add where WeChat DevTools opens the project. Nothing was changed.`,
    runAtProjectRoot: (dir, projectDir) => `${dir} is inside a mini program project whose project.config.json is in ${projectDir}: run add there. Nothing was changed.`,
    unparsable: (file, reason) => `${file} does not parse as JSON (${reason}). Fix it (WeChat DevTools shows where), then run add again. Nothing was changed.`,
    notMiniprogramType: (compileType) => `project.config.json says compileType "${compileType}": add puts a call into a mini program ("miniprogram"), not a plugin or a game. Nothing was changed.`,
    noAppJson: (file) => `There is no ${file}: project.config.json's miniprogramRoot points at a folder without a mini program. Nothing was changed.`,
    rootOutsideProject: (value) => `project.config.json's miniprogramRoot "${value}" leaves the project folder: add writes only inside it. Nothing was changed.`,
    buildOutput: (framework) =>
      `This mini program is ${framework}'s build output: ${framework} writes it again at its next build, and the call would be lost. Add the call in the ${framework} project's source instead (the README's manual steps). Nothing was changed.`,
    rootInvalid: (root) => `--root "${root}" is not a folder name add can use: letters, digits, "-" and "_", folders separated by "/" (not node_modules or miniprogram_npm). Nothing was changed.`,
    rootTaken: (folder) => `${folder} already exists and was not made by add. Pick another subpackage root with --root. Nothing was changed.`,
    rootDeclared: (root) => `app.json already declares a subpackage at "${root}", which add did not make. Pick another root with --root. Nothing was changed.`,
    rootOverlaps: (root, other) => `"${root}" and the subpackage "${other}" would be inside one another, which WeChat does not allow. Pick another root with --root. Nothing was changed.`,
    rootHoldsPage: (root, page) => `The main package's page ${page} is inside "${root}": a subpackage there would take it. Pick another root with --root. Nothing was changed.`,
    jsonShape: (file, reason) => `${file}: ${reason}, so add cannot put its entry there. Nothing was changed.`,
    dryRun: 'Dry run: nothing is written. add would make these changes:',
    dryRunBinary: (file, bytes) => `+++ b/${file} (binary, ${bytes} bytes)`,
    dryRunEnd: 'Dry run: nothing was written. Run the same command without --dry-run to make these changes.',
    unchanged: (folder) => `✔ ${folder} is already there with these answers: no file changed.`,
    added: (folder, details, files, hostFiles) => `✔ Added the call (${details}) as the subpackage ${folder}: ${files} files there, and ${hostFiles.join(', ') || '—'} edited.`,
    rolledBack: 'Nothing was changed: every file is as it was before add.',
    noRecord: (folder, record) => `${folder} was not made by create-tccc-miniprogram add (it has no ${record}): nothing was removed.`,
    removed: (folder) => `✔ Removed the subpackage ${folder}.`,
    restored: (file) => `  ${file}: given back byte for byte, as it was before add`,
    deletedCreated: (file) => `  ${file}: deleted (add had created it)`,
    editedSince: (file, taken) => `  ${file} was changed since add: took out only what add put in (${taken}); your own changes stay`,
    goneSince: (file) => `  ${file} is gone since add: nothing to give back`,
    preloadTaken: (file, root, pages) => `  ${file}: took ${root} out of preloadRule (${pages.join(', ')}): a rule naming a subpackage that is gone fails WeChat's build`,
    stillOpened: (pageUrl, files) => `  These files still open ${pageUrl}, which is gone: ${files.join(', ')}`,
    installDeleted: (files) => `  ${files.join(', ')}: deleted (made by installing the package.json add had created)`,
    installLeft: (name, install) => `  node_modules still holds ${name}, which package.json no longer lists: ${install} prunes it`,
    next: (s) => [
      'Next:',
      ...s.commands.map((line) => `  ${line}`),
      `  In WeChat DevTools: 工具 → 构建 npm (it also builds ${s.folder}/miniprogram_npm, the subpackage's own)${s.core === 'open' ? ', and tick 详情 → 本地设置 → 不校验合法域名 while you call the simulator' : ''}.`,
      '',
      'Open the call from any page:',
      `  wx.navigateTo({ url: '${s.pageUrl}' })`,
      `  <navigator url="${s.pageUrl}">联系客服</navigator>`,
      '',
      'Suggested for app.json (not written):',
      `  "preloadRule": { "${s.firstPage}": { "network": "all", "packages": ["${s.root}"] } }   downloads the call ahead, on the page that links to it`,
      ...(s.missing.includes('requiredBackgroundModes') ? ['  "requiredBackgroundModes": ["audio"]   keeps a call going while the app is in the background'] : []),
      ...(s.missing.includes('__usePrivacyCheck__') ? ['  "__usePrivacyCheck__": true   WeChat DevTools runs the privacy check a phone runs'] : []),
      '',
      'Before the first call on a phone:',
      `  - Privacy guide (微信公众平台 → 设置 → 服务内容声明 → 用户隐私保护指引): declare 麦克风${s.media === 'audio' ? '' : ' and 摄像头'}, used to talk with customer service.`,
      '  - An enterprise mini program in a category that allows <live-pusher> / <live-player>; 开发管理 → 接口设置: enable 实时播放音视频流 and 实时录制音视频流.',
      ...(s.core === 'open'
        ? ["  - Domains (开发管理 → 开发设置 → 服务器域名): your backend's https:// and wss:// host; none for the simulator with 不校验合法域名."]
        : [
            `  - Domains (开发管理 → 开发设置 → 服务器域名): request 合法域名 ${s.domains.request.join(', ')}; socket 合法域名 ${s.domains.socket.join(', ')}.`,
            '  - A real device (预览 / 真机调试): WeChat DevTools cannot run a TCCC call.',
          ]),
      '',
      `${s.folder}/README.md says all this again. To take the call out: ${s.remove} (app.json and project.config.json come back as they were).`,
      '',
    ],
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
    changedMeanwhile: (directory) => `回答问题期间，${directory} 中的内容发生了变化。`,
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
  add: {
    notAnObject: '它不是一个 JSON 对象',
    notAMiniProgram: (dir) => `${dir} 不是小程序项目：里面没有 project.config.json。请在微信开发者工具打开的项目目录中运行 add。没有做任何改动。`,
    runAtProjectRoot: (dir, projectDir) => `${dir} 位于一个小程序项目之内，它的 project.config.json 在 ${projectDir}：请在那里运行 add。没有做任何改动。`,
    unparsable: (file, reason) => `${file} 不是合法的 JSON（${reason}）。请先修正（微信开发者工具会指出位置），再运行 add。没有做任何改动。`,
    notMiniprogramType: (compileType) => `project.config.json 的 compileType 是 "${compileType}"：add 只能把通话加入小程序（"miniprogram"），不能加入插件或小游戏。没有做任何改动。`,
    noAppJson: (file) => `找不到 ${file}：project.config.json 的 miniprogramRoot 指向的目录里没有小程序。没有做任何改动。`,
    rootOutsideProject: (value) => `project.config.json 的 miniprogramRoot "${value}" 指向项目目录之外：add 只在项目目录内写入。没有做任何改动。`,
    buildOutput: (framework) => `这个小程序是 ${framework} 的编译产物：${framework} 下次编译时会重新生成它，加入的通话会丢失。请在 ${framework} 项目的源码中接入（见 README 的手动步骤）。没有做任何改动。`,
    rootInvalid: (root) => `--root "${root}" 不能用作分包目录：只能用字母、数字、"-" 和 "_"，多级目录用 "/" 分隔（不能是 node_modules 或 miniprogram_npm）。没有做任何改动。`,
    rootTaken: (folder) => `${folder} 已经存在，而且不是 add 创建的。请用 --root 换一个分包目录。没有做任何改动。`,
    rootDeclared: (root) => `app.json 已经声明了一个位于 "${root}" 的分包，它不是 add 创建的。请用 --root 换一个目录。没有做任何改动。`,
    rootOverlaps: (root, other) => `"${root}" 和分包 "${other}" 会互相嵌套，微信不允许这样。请用 --root 换一个目录。没有做任何改动。`,
    rootHoldsPage: (root, page) => `主包页面 ${page} 位于 "${root}" 之内：在那里建分包会把它划进去。请用 --root 换一个目录。没有做任何改动。`,
    jsonShape: (file, reason) => `${file}：${reason}，add 无法在那里加入它的配置。没有做任何改动。`,
    dryRun: '试运行：不写入任何文件。add 将做出以下改动：',
    dryRunBinary: (file, bytes) => `+++ b/${file}（二进制文件，${bytes} 字节）`,
    dryRunEnd: '试运行：没有写入任何文件。去掉 --dry-run 再运行同一条命令，即可做出这些改动。',
    unchanged: (folder) => `✔ ${folder} 已经按这些选项加好了：没有改动任何文件。`,
    added: (folder, details, files, hostFiles) => `✔ 已把通话（${details}）加为分包 ${folder}：分包中 ${files} 个文件，并修改了 ${hostFiles.join('、') || '—'}。`,
    rolledBack: '没有做任何改动：所有文件都和运行 add 之前一样。',
    noRecord: (folder, record) => `${folder} 不是 create-tccc-miniprogram add 创建的（里面没有 ${record}）：没有删除任何内容。`,
    removed: (folder) => `✔ 已删除分包 ${folder}。`,
    restored: (file) => `  ${file}：已逐字节恢复为 add 之前的样子`,
    deletedCreated: (file) => `  ${file}：已删除（它是 add 创建的）`,
    editedSince: (file, taken) => `  ${file} 在 add 之后被改过：只删除了 add 加入的内容（${taken}），你自己的改动都保留`,
    goneSince: (file) => `  ${file} 在 add 之后已被删除：无需恢复`,
    preloadTaken: (file, root, pages) => `  ${file}：已从 preloadRule（${pages.join('、')}）中去掉 ${root}，否则规则指向已删除的分包，微信编译会报错`,
    stillOpened: (pageUrl, files) => `  这些文件仍会打开已删除的 ${pageUrl}：${files.join('、')}`,
    installDeleted: (files) => `  ${files.join('、')}：已删除（它们是安装 add 创建的 package.json 时生成的）`,
    installLeft: (name, install) => `  node_modules 中还有 ${name}，package.json 已不再列出它：运行 ${install} 即可清理`,
    next: (s) => [
      '接下来：',
      ...s.commands.map((line) => `  ${line}`),
      `  在微信开发者工具中：工具 → 构建 npm（它会同时构建分包自己的 ${s.folder}/miniprogram_npm）${s.core === 'open' ? '；连接模拟器期间，勾选 详情 → 本地设置 → 不校验合法域名' : ''}。`,
      '',
      '在任意页面打开通话：',
      `  wx.navigateTo({ url: '${s.pageUrl}' })`,
      `  <navigator url="${s.pageUrl}">联系客服</navigator>`,
      '',
      '建议加入 app.json（add 没有写入）：',
      `  "preloadRule": { "${s.firstPage}": { "network": "all", "packages": ["${s.root}"] } }   在链接到通话的页面上提前下载通话分包`,
      ...(s.missing.includes('requiredBackgroundModes') ? ['  "requiredBackgroundModes": ["audio"]   小程序切到后台时通话继续'] : []),
      ...(s.missing.includes('__usePrivacyCheck__') ? ['  "__usePrivacyCheck__": true   让微信开发者工具执行和手机上一样的隐私检查'] : []),
      '',
      '在手机上第一次呼叫之前：',
      `  - 隐私保护指引（微信公众平台 → 设置 → 服务内容声明 → 用户隐私保护指引）：声明麦克风${s.media === 'audio' ? '' : '和摄像头'}，用途写“与客服通话”。`,
      '  - 企业主体的小程序，服务类目允许使用 <live-pusher> / <live-player>；开发管理 → 接口设置：开通 实时播放音视频流 和 实时录制音视频流。',
      ...(s.core === 'open'
        ? ['  - 服务器域名（开发管理 → 开发设置 → 服务器域名）：你的后台的 https:// 和 wss:// 域名；勾选 不校验合法域名 连接模拟器时不需要。']
        : [
            `  - 服务器域名（开发管理 → 开发设置 → 服务器域名）：request 合法域名 ${s.domains.request.join('、')}；socket 合法域名 ${s.domains.socket.join('、')}。`,
            '  - 真机（预览 / 真机调试）：微信开发者工具无法进行 TCCC 通话。',
          ]),
      '',
      `${s.folder}/README.md 里也写了这些。要撤下通话：${s.remove}（app.json 和 project.config.json 会恢复原样）。`,
      '',
    ],
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
