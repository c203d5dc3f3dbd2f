import path from 'node:path';
import type { Messages } from '../messages';
import type { CoreName, PackageManager } from '../options';
import { commandsFor } from '../package-manager';
import { shellQuote } from '../shell-quote';
import type { AppJson } from './host-project';
import { subpackageTestCommand } from './subpackage-files';
import { DEFAULT_ROOT } from './subpackage-root';

/** The domains Tencent's tccc-wx-sdk reaches, for the whitelist (as its doc lists them). */
export const TCCC_DOMAINS = {
  request: ['https://api.tccc.qcloud.com', 'https://yun.tim.qq.com', 'https://web.sdk.qcloud.com', 'https://webim.tim.qq.com'],
  socket: ['wss://api.tccc.qcloud.com', 'wss://wss.im.qcloud.com', 'wss://wss.tim.qq.com'],
};

/** What the steps after `add` are made of, in any language. */
export interface AddSteps {
  root: string;
  /** The subpackage folder, relative to the project. */
  folder: string;
  pageUrl: string;
  core: CoreName;
  media: 'audio' | 'video' | 'both';
  /** The commands to run, from where add was run. */
  commands: string[];
  firstPage: string;
  /** app.json settings a call wants that the app lacks: requiredBackgroundModes, __usePrivacyCheck__. */
  missing: string[];
  domains: typeof TCCC_DOMAINS;
  remove: string;
  /** `remove` is the clone's command, run where add was run (the steps above have left it for the project). */
  removeFromHere: boolean;
}

/** app.json settings a call wants that the host's app.json does not have. */
export function missingSettings(appJson: AppJson): string[] {
  const modes = Array.isArray(appJson.requiredBackgroundModes) ? appJson.requiredBackgroundModes : [];
  return [...(modes.includes('audio') ? [] : ['requiredBackgroundModes']), ...(appJson.__usePrivacyCheck__ === true ? [] : ['__usePrivacyCheck__'])];
}

export interface StepsInput {
  projectDir: string;
  folder: string;
  root: string;
  core: CoreName;
  media: AddSteps['media'];
  manager: PackageManager;
  /** Whether the subpackage's dependencies were installed. */
  installed: boolean;
  /** The root package.json's script that starts the simulator. */
  simulatorScript: string;
  appJson: AppJson;
  pageUrl: string;
  /** Run from a clone (`npm run create -- add`): the published package's `npx` command does not exist yet. */
  fromClone: boolean;
  /** The subpackage has its own test (not --no-tests). */
  tests: boolean;
}

/** The command that takes the call out again: the published CLI's in the project, or the clone's. */
function removeCommand(input: StepsInput, relative: string): string {
  const root = input.root === DEFAULT_ROOT ? '' : ` --root ${input.root}`;
  return input.fromClone ? `npm run create -- remove ${shellQuote(relative)}${root}` : `npx create-tccc-miniprogram remove${root}`;
}

/** The printed steps after `add`, in the user's language and the package manager's words. */
export function addSteps(input: StepsInput, m: Messages): string {
  const commands = commandsFor(input.manager);
  const relative = path.relative(process.cwd(), input.projectDir) || '.';
  const cd = relative === '.' ? [] : [`cd ${shellQuote(relative)}`];
  const install = input.installed ? [] : [`(cd ${shellQuote(input.folder)} && ${commands.install.text})`];
  const simulator = input.core === 'open' ? [commands.install.text, commands.run(input.simulatorScript)] : [];
  const firstPage = typeof input.appJson.pages?.[0] === 'string' ? input.appJson.pages[0] : 'pages/index/index';
  const steps: AddSteps = {
    root: input.root,
    folder: input.folder,
    pageUrl: input.pageUrl,
    core: input.core,
    media: input.media,
    commands: [...cd, ...install, ...simulator],
    firstPage,
    missing: missingSettings(input.appJson),
    domains: TCCC_DOMAINS,
    remove: removeCommand(input, relative),
    removeFromHere: input.fromClone && cd.length > 0,
  };
  // Last, as after creating an app: the call page's own test, which needs no DevTools.
  const test = input.tests ? [m.next.testTitle, `  ${subpackageTestCommand(input.folder, input.manager)}      ${m.next.testComment}`, ''] : [];
  return `\n${[...m.add.next(steps), ...test].join('\n')}`;
}
