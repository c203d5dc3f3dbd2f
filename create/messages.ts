import type { Language } from '../dev-server/language';
import type { AddSteps } from './add/add-steps';
import type { ProjectOptions } from './options';
import type { FileAction, FileErrorCode, FileErrorText } from './target-problem';

/** Everything the scaffolder says to a person, in one language: questions, validation errors, progress, next steps. */
export interface Messages {
  /** How a list of a few items is joined in a sentence ("a, b" / "a、b"). */
  listSeparator: string;
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
    /** A yes/no answer as the prompt shows it once given. */
    yes: string;
    no: string;
    /** Under a yes/no question whose answer was neither; `defaultAnswer` is what Enter alone answers. */
    yesNoUnclear(defaultAnswer: boolean): string;
    /** The words of a list's key help ("↑↓ navigate • ⏎ select"), by the prompt library's English word; empty: its own. */
    keyActions: Record<string, string>;
  };
  errors: {
    sdkAppId(got: string): string;
    channelIdEmpty: string;
    channelIdLong: string;
    appId(testAppId: string, got: string): string;
    endpointNotUrl(example: string, got: string): string;
    endpointSlashes(example: string, got: string): string;
    endpointScheme(protocol: string): string;
    endpointWhitespace(got: string): string;
    endpointBackslash(got: string): string;
    endpointCredentials: string;
    endpointQuery: string;
    core(got: string): string;
    template(names: readonly string[], got: string): string;
    directoryEmpty: string;
    /** A folder whose derived package name npm still refuses (a reserved name, or longer than 214). */
    packageName(folder: string, name: string): string;
    pathTooLong: string;
    pathUnsafe(char: string, segment: string): string;
    pathControl(codePoint: string, segment: string): string;
    pathSpace(segment: string): string;
    secret: string;
    serverWithTccc: string;
    tcccIdsMissing: string;
    oneManager: string;
    managerMissing(manager: string, others: readonly string[]): string;
    isAFile(directory: string): string;
    language(got: string): string;
    localPackageMissing(file: string, dir: string): string;
  };
  /** What the filesystem refused, in the scaffolder's words; the errno code stays in the line, for searching. */
  fileSystem: {
    problem(action: FileAction, path: string, why: string, code: string, todo: string): string;
    codes: Record<FileErrorCode | 'other', FileErrorText>;
    danglingLink(link: string, to: string): string;
    linkNotEmptied(link: string, to: string): string;
  };
  progress: {
    notEmpty(directory: string, list: string): string;
    /** The target changed while the questions were open: it is listed and asked about again. */
    changedMeanwhile(directory: string): string;
    andMore(count: number): string;
    cancelledNothingChanged: string;
    nothingChanged: string;
    cancelled: string;
    created(folder: string, details: string, target: string): string;
    /** Said when package.json's name is not the folder's own (`我的小程序` → `tccc-miniprogram`). */
    packageNamed(name: string): string;
    typescript: string;
    tencentCore: string;
    installing(command: string): string;
    installed: string;
    installFailed(command: string, code: number | null, output: string): string;
    couldNotRun(command: string, reason: string): string;
    /** Why an install of a tccc-core app could not get Tencent's package, what to check, and the way that works now. */
    /**
     * Tencent's core was not on `registry`: how to check it (`publicCheck`, the public registry's answer,
     * when `registry` is a mirror), and what works now for what was run (a new app, or add).
     */
    tencentCoreMissing(registry: string, check: string, publicCheck: string | null, ran: 'create' | 'add'): string[];
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
    /** remove --dry-run's first line. */
    removeDryRun: string;
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
    /** In place of the title when the install failed: the steps are for after the problem above is fixed. */
    afterFix: string;
    tcccDevTools: string;
    tcccLines: string[];
    simulatorComment: string;
    /** The app's own test in the next steps: what it is, then after its command. */
    testTitle: string;
    testComment: string;
    /** The start buttons of the template, as the call screen labels them. */
    callButtons: Record<'audio' | 'video' | 'full', string>;
    openLines(configFile: string, callButton: string): string[];
  };
}

export const EN_US: Messages = {
  listSeparator: ', ',
  questions: {
    core: 'Where do calls go?',
    coreTccc: "Tencent Cloud Contact Center (Tencent's tccc-wx-sdk)",
    coreOpen: 'The local simulator or your own backend (open core)',
    directory: 'Project directory:',
    template: 'Template:',
    templateAudio: 'audio  voice calls with the call screen',
    templateVideo: 'video  video calls: the agent large, your camera small',
    templateFull: 'full   both: the caller picks voice or video',
    sdkAppIdOpen: 'SDKAppID (keep the default for the simulator):',
    sdkAppIdTccc: 'SDKAppID of your TCCC application (TCCC console, such as 1400000000):',
    channelId: 'IVR entry ID (channelId):',
    appId: (testAppId) => `Mini program AppID (${testAppId} to try it without one):`,
    endpoint: 'Backend server (endpoint):',
    typescript: 'TypeScript?',
    overwrite: 'Empty this directory and create the project here?',
    yes: 'Yes',
    no: 'No',
    yesNoUnclear: (defaultAnswer) => `Answer yes or no (y or n; 是 or 否 work too); Enter alone means ${defaultAnswer ? 'yes' : 'no'}.`,
    keyActions: {},
  },
  errors: {
    sdkAppId: (got) => `SDKAppID is 10 digits (your application's SDKAppID on the TCCC console, such as 1400000000), got ${got}.`,
    channelIdEmpty: 'The IVR entry ID (channelId) must not be empty: it is where your calls come in.',
    channelIdLong: 'The IVR entry ID (channelId) is at most 128 characters.',
    appId: (testAppId, got) => `AppID is "wx" followed by 16 hex digits (or ${testAppId} to try it without one), got ${got}.`,
    endpointNotUrl: (example, got) => `The server must be an http(s) URL such as ${example}, got ${got}.`,
    endpointSlashes: (example, got) => `The server must be an http(s) URL such as ${example}, with "//" after the scheme, got ${got}.`,
    endpointScheme: (protocol) => `The server must be http or https, got ${protocol}`,
    endpointWhitespace: (got) => `The server URL must not contain spaces, line breaks or control characters, got ${got}.`,
    endpointBackslash: (got) => `The server URL must not contain a backslash: write "/" (URL reads one as the other, not every HTTP client does), got ${got}.`,
    endpointCredentials: 'The server URL must not carry a user name or password: it ships inside the app.',
    endpointQuery: 'The server URL takes no query or fragment.',
    core: (got) => `Core is tccc (Tencent's tccc-wx-sdk, calls to TCCC) or open (the simulator or your own backend), got ${got}.`,
    template: (names, got) => `Template is one of ${names.join(', ')}, got ${got}.`,
    directoryEmpty: 'Give the project a directory name.',
    packageName: (folder, name) =>
      `"${folder}" makes the package name "${name}", which npm does not take (a reserved name, or longer than 214 characters). Pick another directory name, such as my-miniprogram.`,
    pathTooLong: 'The directory path is at most 1024 characters.',
    pathUnsafe: (char, segment) => `The directory path must not contain "${char}": "${segment}" is not a safe folder name. Use letters, digits, ".", "-" and "_".`,
    pathControl: (codePoint, segment) => `The directory path must not contain a control character (${codePoint}): "${segment}" is not a safe folder name. Use letters, digits, ".", "-" and "_".`,
    pathSpace: (segment) => `A folder name in the path starts or ends with a space: "${segment}".`,
    secret: [
      'That looks like a secret key. It does not go into a mini program: everything in the app package can be',
      'read by anyone who has the app, so a key there lets strangers sign in as you and run up your bill.',
      'Keep it on your server, which signs UserSigs and calls TCCC for the app (for the local simulator:',
      'TRTC_SECRET_KEY=… npx tccc-dev-server). The app only needs the SDKAppID and the IVR entry ID (channelId).',
    ].join('\n'),
    serverWithTccc: "--server is for the open core. With --core tccc the app talks to TCCC itself, through Tencent's tccc-wx-sdk; there is no backend to set.",
    tcccIdsMissing:
      'With --core tccc, give --sdk-app-id and --channel-id: the SDKAppID and the IVR entry ID of your TCCC application, from the TCCC console. They have no defaults.',
    oneManager: 'Choose one of --use-npm, --use-pnpm and --use-yarn.',
    managerMissing: (manager, others) =>
      `${manager} was asked for but does not run here (\`${manager} --version\` failed). Install it (corepack enable, or npm install -g ${manager}), pass ${others.join(' or ')}, or --skip-install. Nothing was written.`,
    isAFile: (directory) => `${directory} is a file.`,
    language: (got) => `--lang is zh-CN or en-US, got ${got}.`,
    localPackageMissing: (file, dir) => `--local-packages: no ${file} in ${dir} (npm pack makes it).`,
  },
  fileSystem: {
    problem: (action, path, why, code, todo) => `Cannot ${action}${path ? ` ${path}` : ''}: ${why} (${code}). ${todo}`,
    codes: {
      EACCES: { why: 'permission denied', todo: 'Pick a folder your user can read and write, or change the permissions of this one.' },
      EPERM: { why: 'not permitted', todo: 'Another program may hold it (an editor, WeChat DevTools, antivirus), or the system protects it: close that program and run the command again, or pick another folder.' },
      EROFS: { why: 'the file system is read-only', todo: 'Pick a folder on a disk you can write to.' },
      ENOSPC: { why: 'the disk is full', todo: 'Free some space, then run the command again.' },
      EDQUOT: { why: 'the disk quota is used up', todo: 'Free some space (or ask for a larger quota), then run the command again.' },
      ENOTDIR: { why: 'a file is in the way where a folder should be', todo: 'Move or rename that file, or pick another directory.' },
      EEXIST: { why: 'something that is not a folder is in the way', todo: 'Move or rename it, or pick another directory.' },
      EISDIR: { why: 'a folder is in the way where a file should be', todo: 'Move or rename that folder, or pick another directory.' },
      ELOOP: { why: 'symbolic links loop', todo: 'Fix or remove the link, or pick another directory.' },
      ENAMETOOLONG: { why: 'a name in the path is too long', todo: 'Pick a shorter directory path.' },
      EBUSY: { why: 'it is in use', todo: 'Close what uses it (WeChat DevTools, an editor, a terminal in that folder), then run the command again.' },
      ENOENT: { why: 'it is not there (moved or deleted while this ran?)', todo: 'Check the path, then run the command again.' },
      other: { why: 'the system refused', todo: 'Check the path and its permissions, then run the command again; search the error code for more.' },
    },
    danglingLink: (link, to) => `${link} is a symbolic link to ${to}, which does not exist. Remove the link or pick another directory.`,
    linkNotEmptied: (link, to) => `${link} is a symbolic link (to ${to}); --overwrite does not empty what a link points to. Give the real directory, or remove the link.`,
  },
  progress: {
    notEmpty: (directory, list) => `${directory} is not empty:\n${list}`,
    changedMeanwhile: (directory) => `${directory} changed while the questions were open.`,
    andMore: (count) => `  … and ${count} more`,
    cancelledNothingChanged: 'Cancelled; nothing was changed.',
    nothingChanged: 'Nothing was changed. Pick another directory, or pass --overwrite to empty this one.',
    cancelled: 'Cancelled.',
    created: (folder, details, target) => `✔ Created ${folder} (${details}) in ${target}`,
    packageNamed: (name) => `  Its package.json name is ${name}: npm package names take no spaces, capitals or non-ASCII letters.`,
    typescript: 'TypeScript',
    tencentCore: "Tencent's tccc-wx-sdk",
    installing: (command) => `Installing dependencies (${command})…`,
    installed: '✔ Dependencies installed',
    installFailed: (command, code, output) => `✖ ${command} failed (exit ${code}):\n${output}`,
    couldNotRun: (command, reason) => `✖ Could not run ${command}: ${reason}`,
    tencentCoreMissing: (registry, check, publicCheck, ran) => [
      `npm could not get Tencent's tccc-wx-sdk from ${registry}: that registry${publicCheck ? ' (or mirror)' : ''} does not have the`,
      `package, or not under this name. Check what ${publicCheck ? 'it and the public registry answer' : 'it answers'}:`,
      `  ${check}`,
      ...(publicCheck ? [`  ${publicCheck}`, "If only the public registry has it, have your mirror sync it, or set registry= in the project's .npmrc."] : []),
      ...(ran === 'create'
        ? [
            'To start now without it: create the project with --core open, which calls the local simulator and',
            "needs neither Tencent's package nor a TCCC account; switching core later is described in its README.",
          ]
        : [
            'To start now without it: run add again with --core open, which calls the local simulator and needs',
            "neither Tencent's package nor a TCCC account; later, remove takes it out and add --core tccc puts Tencent's in.",
          ]),
    ],
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
    removeDryRun: 'Dry run: nothing is changed. remove would make these changes:',
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
      `${s.folder}/README.md says all this again. To take the call out${s.removeFromHere ? ', from the folder you ran add in' : ''}: ${s.remove} (app.json and project.config.json come back as they were).`,
      '',
    ],
  },
  next: {
    title: 'Next:',
    afterFix: 'Once that is fixed:',
    tcccDevTools: 'Open the folder in WeChat DevTools with your AppID, then 工具 → 构建 npm.',
    tcccLines: [
      "Calls go to your TCCC application through Tencent's tccc-wx-sdk. Before the first call, do the",
      "README's checklist: an enterprise mini program in a category that allows live-pusher, 实时播放音视频流",
      'and 实时录制音视频流 enabled, and the seven TCCC domains whitelisted.',
      'Then call from a real device (预览 / 真机调试): WeChat DevTools cannot run a TCCC call.',
    ],
    simulatorComment: '# the local contact center; answer your calls in its agent console',
    testTitle: 'Without WeChat DevTools (on Linux and in CI too), the app tests its call page:',
    testComment: "# 构建 npm, WeChat's code-quality check, a call from the page that an agent answers",
    // The kit's labels are Chinese by default: the app shows 语音呼叫 / 视频呼叫.
    callButtons: { audio: '"Voice call" (语音呼叫)', video: '"Video call" (视频呼叫)', full: '"Voice call" (语音呼叫) or "Video call" (视频呼叫)' },
    openLines: (configFile, callButton) => [
      'Open the folder in WeChat DevTools, tick 详情 → 本地设置 → 不校验合法域名, then 工具 → 构建 npm.',
      `Tap ${callButton}, and answer the call in the agent console.`,
      '',
      `Your own backend: set endpoint in ${configFile} (it speaks the protocol of open-tccc-wx-sdk). For`,
      'calls to Tencent Cloud Contact Center, see "Switch core" in the README.',
    ],
  },
};

export const ZH_CN: Messages = {
  listSeparator: '、',
  questions: {
    core: '通话要接入到哪里？',
    coreTccc: '腾讯云联络中心 TCCC（腾讯的 tccc-wx-sdk）',
    coreOpen: '本地模拟器或自建后端（开放内核）',
    directory: '项目目录：',
    template: '模板：',
    templateAudio: 'audio  语音通话，带通话界面',
    templateVideo: 'video  视频通话：大画面显示客服，小画面显示自己',
    templateFull: 'full   语音和视频：由用户选择',
    sdkAppIdOpen: 'SDKAppID（使用模拟器时保留默认值即可）：',
    sdkAppIdTccc: 'TCCC 应用的 SDKAppID（在 TCCC 控制台查看，如 1400000000）：',
    channelId: 'IVR 入口 ID（channelId）：',
    appId: (testAppId) => `小程序 AppID（暂无可先用 ${testAppId}，即游客模式）：`,
    endpoint: '后端服务地址（endpoint）：',
    typescript: '使用 TypeScript？',
    overwrite: '是否清空该目录并在此创建项目？',
    yes: '是',
    no: '否',
    yesNoUnclear: (defaultAnswer) => `请回答「是」或「否」（也可输入 y 或 n），直接回车为「${defaultAnswer ? '是' : '否'}」。`,
    keyActions: { navigate: '上下移动', select: '确认' },
  },
  errors: {
    sdkAppId: (got) => `SDKAppID 应为 10 位数字（TCCC 控制台中应用的 SDKAppID，如 1400000000），当前输入：${got}。`,
    channelIdEmpty: 'IVR 入口 ID（channelId）不能为空：通话从这个入口接入。',
    channelIdLong: 'IVR 入口 ID（channelId）最多 128 个字符。',
    appId: (testAppId, got) => `AppID 应为 wx 加 16 位十六进制数字（还没有 AppID 时可用 ${testAppId} 试用），当前输入：${got}。`,
    endpointNotUrl: (example, got) => `后端服务地址应为 http(s) URL，例如 ${example}，当前输入：${got}。`,
    endpointSlashes: (example, got) => `后端服务地址应为 http(s) URL，协议后要有 //，例如 ${example}，当前输入：${got}。`,
    endpointScheme: (protocol) => `后端服务地址只能使用 http 或 https，当前为 ${protocol}`,
    endpointWhitespace: (got) => `后端服务地址不能包含空格、换行或控制字符，当前输入：${got}。`,
    endpointBackslash: (got) => `后端服务地址不能包含反斜杠，请改用「/」（URL 会把两者视为相同，但并非所有 HTTP 客户端都这样处理），当前输入：${got}。`,
    endpointCredentials: '后端服务地址中不能包含用户名或密码：它会被打包进小程序。',
    endpointQuery: '后端服务地址不能带查询参数（?）或片段（#）。',
    core: (got) => `core 只能是 tccc（腾讯的 tccc-wx-sdk，接入 TCCC）或 open（本地模拟器或自建后端），当前输入：${got}。`,
    template: (names, got) => `模板只能是 ${names.join('、')} 之一，当前输入：${got}。`,
    directoryEmpty: '请给项目起一个目录名。',
    packageName: (folder, name) =>
      `目录名“${folder}”对应的 npm 包名“${name}”不可用（是保留名称，或超过 214 个字符）。请换一个目录名，例如 my-miniprogram。`,
    pathTooLong: '目录路径最多 1024 个字符。',
    pathUnsafe: (char, segment) => `目录路径中不能包含“${char}”：“${segment}”不是安全的文件夹名。请使用汉字、字母、数字、.、- 和 _。`,
    pathControl: (codePoint, segment) => `目录路径中不能包含控制字符（${codePoint}）：“${segment}”不是安全的文件夹名。请使用汉字、字母、数字、.、- 和 _。`,
    pathSpace: (segment) => `路径中的文件夹名首尾有空格：“${segment}”。`,
    secret: [
      '这看起来是一个密钥。密钥不能放进小程序：小程序包中的内容，任何拿到小程序的人都能读到；',
      '密钥一旦放进去，别人就能冒用你的身份登录，费用由你承担。',
      '请把密钥留在服务端，由服务端为小程序签发 UserSig、调用 TCCC（本地模拟器的用法：',
      'TRTC_SECRET_KEY=… npx tccc-dev-server）。小程序只需要 SDKAppID 和 IVR 入口 ID（channelId）。',
    ].join('\n'),
    serverWithTccc: '--server 只用于开放内核（--core open）。使用 --core tccc 时，小程序通过腾讯的 tccc-wx-sdk 直接连接 TCCC，不需要设置后端。',
    tcccIdsMissing: '使用 --core tccc 时，请提供 --sdk-app-id 和 --channel-id：即 TCCC 控制台中应用的 SDKAppID 和 IVR 入口 ID。二者没有默认值。',
    oneManager: '--use-npm、--use-pnpm、--use-yarn 只能选一个。',
    managerMissing: (manager, others) =>
      `指定了 ${manager}，但本机无法运行它（\`${manager} --version\` 失败）。请先安装（corepack enable，或 npm install -g ${manager}），或改用 ${others.join(' 或 ')}，或加上 --skip-install。没有写入任何文件。`,
    isAFile: (directory) => `${directory} 是一个文件，不是目录。`,
    language: (got) => `--lang 只能是 zh-CN 或 en-US，当前输入：${got}。`,
    localPackageMissing: (file, dir) => `--local-packages：${dir} 中没有 ${file}（由 npm pack 生成）。`,
  },
  fileSystem: {
    problem: (action, path, why, code, todo) => `无法${{ use: '访问', empty: '清空', write: '写入', remove: '删除' }[action]}${path ? ` ${path}` : ''}：${why}（${code}）。${todo}`,
    codes: {
      EACCES: { why: '没有权限', todo: '请换一个当前用户可以读写的目录，或修改该目录的权限。' },
      EPERM: { why: '操作不被允许', todo: '它可能被其他程序（编辑器、微信开发者工具、杀毒软件）占用，或受系统保护：请关闭该程序后重新运行命令，或换一个目录。' },
      EROFS: { why: '文件系统是只读的', todo: '请换一个可写磁盘上的目录。' },
      ENOSPC: { why: '磁盘空间不足', todo: '请清理磁盘空间后重新运行命令。' },
      EDQUOT: { why: '磁盘配额已用完', todo: '请清理磁盘空间（或申请更大的配额）后重新运行命令。' },
      ENOTDIR: { why: '路径中本应是目录的位置是一个文件', todo: '请移走或重命名这个文件，或换一个目录。' },
      EEXIST: { why: '该位置已有一个不是目录的同名项', todo: '请移走或重命名它，或换一个目录。' },
      EISDIR: { why: '本应写入文件的位置是一个目录', todo: '请移走或重命名这个目录，或换一个目录。' },
      ELOOP: { why: '符号链接形成了循环', todo: '请修正或删除该链接，或换一个目录。' },
      ENAMETOOLONG: { why: '路径或其中的名称过长', todo: '请换一个更短的目录路径。' },
      EBUSY: { why: '它正被占用', todo: '请关闭正在使用它的程序（微信开发者工具、编辑器、位于该目录的终端）后重新运行命令。' },
      ENOENT: { why: '它不存在（可能在运行期间被移走或删除）', todo: '请检查路径后重新运行命令。' },
      other: { why: '系统拒绝了这个操作', todo: '请检查路径及其权限后重新运行命令；可用错误码搜索原因。' },
    },
    danglingLink: (link, to) => `${link} 是一个符号链接，它指向的 ${to} 不存在。请删除该链接，或换一个目录。`,
    linkNotEmptied: (link, to) => `${link} 是一个符号链接（指向 ${to}）；--overwrite 不会清空链接指向的目录。请直接指定实际目录，或删除该链接。`,
  },
  progress: {
    notEmpty: (directory, list) => `${directory} 不是空目录：\n${list}`,
    changedMeanwhile: (directory) => `回答问题期间，${directory} 中的内容发生了变化。`,
    andMore: (count) => `  … 还有 ${count} 项`,
    cancelledNothingChanged: '已取消，没有做任何改动。',
    nothingChanged: '没有做任何改动。请换一个目录，或加上 --overwrite 清空该目录。',
    cancelled: '已取消。',
    created: (folder, details, target) => `✔ 已在 ${target} 创建 ${folder}（${details}）`,
    packageNamed: (name) => `  package.json 中的包名为 ${name}：npm 包名不能包含汉字、空格或大写字母。`,
    typescript: 'TypeScript',
    tencentCore: '腾讯的 tccc-wx-sdk',
    installing: (command) => `正在安装依赖（${command}）…`,
    installed: '✔ 依赖安装完成',
    installFailed: (command, code, output) => `✖ ${command} 失败（退出码 ${code}）：\n${output}`,
    couldNotRun: (command, reason) => `✖ 无法运行 ${command}：${reason}`,
    tencentCoreMissing: (registry, check, publicCheck, ran) => [
      `npm 无法从 ${registry} 获取腾讯的 tccc-wx-sdk：这个 registry${publicCheck ? '（或镜像）' : ' '}中没有这个包，或包名不对。`,
      publicCheck ? '请分别查看它和公共 registry 的结果：' : '请查看它的结果：',
      `  ${check}`,
      ...(publicCheck ? [`  ${publicCheck}`, '如果只有公共 registry 有这个包，请让镜像同步它，或在项目的 .npmrc 中设置 registry=。'] : []),
      ...(ran === 'create'
        ? ['想先开始开发：用 --core open 创建项目，它连接本地模拟器，不需要腾讯的包，也不需要 TCCC 账号；', '之后如何切换内核，见生成的 README。']
        : ['想先开始开发：用 --core open 重新运行 add，它连接本地模拟器，不需要腾讯的包，也不需要 TCCC 账号；', '之后用 remove 撤下，再用 add --core tccc 接入腾讯的包。']),
    ],
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
    removeDryRun: '试运行：不做任何改动。remove 将做出以下改动：',
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
      `  在微信开发者工具中：点击「工具 → 构建 npm」（它会同时构建分包自己的 ${s.folder}/miniprogram_npm）${s.core === 'open' ? '；连接模拟器期间，勾选「详情 → 本地设置 → 不校验合法域名」' : ''}。`,
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
      '  - 企业主体的小程序，服务类目允许使用 <live-pusher> / <live-player>；「开发管理 → 接口设置」中开通「实时播放音视频流」和「实时录制音视频流」。',
      ...(s.core === 'open'
        ? ['  - 服务器域名（「开发管理 → 开发设置 → 服务器域名」）：自建后端的 https:// 和 wss:// 域名；勾选「不校验合法域名」连接模拟器时不需要。']
        : [
            `  - 服务器域名（开发管理 → 开发设置 → 服务器域名）：request 合法域名 ${s.domains.request.join('、')}；socket 合法域名 ${s.domains.socket.join('、')}。`,
            '  - 真机（预览 / 真机调试）：微信开发者工具无法进行 TCCC 通话。',
          ]),
      '',
      `${s.folder}/README.md 里也写了这些。要撤下通话${s.removeFromHere ? '（在运行 add 的目录中）' : ''}：${s.remove}（app.json 和 project.config.json 会恢复原样）。`,
      '',
    ],
  },
  next: {
    title: '接下来：',
    afterFix: '解决上面的问题后：',
    tcccDevTools: '用你的 AppID 在微信开发者工具中打开该目录，然后点击菜单「工具 → 构建 npm」。',
    tcccLines: [
      '通话将通过腾讯的 tccc-wx-sdk 接入你的 TCCC 应用。首次呼叫前，请按 README 中的清单完成准备：',
      '企业主体的小程序、允许使用 live-pusher 的服务类目、开通「实时播放音视频流」和「实时录制音视频流」，',
      '并把 TCCC 的七个域名加入服务器域名。',
      '然后在真机上呼叫（「预览」或「真机调试」）：微信开发者工具无法进行 TCCC 通话。',
    ],
    simulatorComment: '# 启动本地联络中心，在座席控制台中接听呼叫',
    testTitle: '不用微信开发者工具（在 Linux 和 CI 中也能运行），应用可以自己测试通话页面：',
    testComment: '# 「构建 npm」、微信代码质量检查、从页面发起呼叫并由座席接听',
    callButtons: { audio: '「语音呼叫」', video: '「视频呼叫」', full: '「语音呼叫」或「视频呼叫」' },
    openLines: (configFile, callButton) => [
      '在微信开发者工具中打开该目录，勾选「详情 → 本地设置 → 不校验合法域名」，然后点击菜单「工具 → 构建 npm」。',
      `点击${callButton}按钮，在座席控制台中接听。`,
      '',
      `如需对接自建后端：在 ${configFile} 中设置 endpoint（后端需实现 open-tccc-wx-sdk 协议）。`,
      '如需接入腾讯云联络中心，请参阅 README 的「切换内核」一节。',
    ],
  },
};

/** What a create or an add made, for its ✔ line: the template, TypeScript, the core ("audio, open-tccc-wx-sdk" / "audio、open-tccc-wx-sdk"). */
export function madeDetails(m: Messages, { template, typescript, core }: Pick<ProjectOptions, 'template' | 'typescript' | 'core'>): string {
  return [template, ...(typescript ? [m.progress.typescript] : []), core === 'tccc' ? m.progress.tencentCore : 'open-tccc-wx-sdk'].join(m.listSeparator);
}

export function messagesFor(language: Language): Messages {
  return language === 'zh-CN' ? ZH_CN : EN_US;
}
