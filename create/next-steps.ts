import path from 'node:path';
import type { PackageManager } from './options';
import { commandsFor } from './package-manager';
import { shellQuote } from './shell-quote';

/** What to do after the project is written, in the words of the package manager in use. */
export function nextSteps(dir: string, manager: PackageManager, installed: boolean): string {
  const commands = commandsFor(manager);
  const relative = path.relative(process.cwd(), path.resolve(dir)) || '.';
  const cd = relative === '.' ? [] : [`cd ${shellQuote(relative)}`];
  const steps = [
    ...cd,
    ...(installed ? [] : [commands.install.text]),
    `${commands.exec('tccc-dev-server')}      # the local contact center; its agent console answers your calls`,
  ];
  return [
    '',
    'Next:',
    ...steps.map((step) => `  ${step}`),
    '',
    '  Open the folder in WeChat DevTools, tick 详情 → 本地设置 → 不校验合法域名, then 工具 → 构建 npm.',
    '  Tap the call button, and answer it in the agent console.',
    '',
    '  Switch to TCCC: put your SDKAppID, ChannelId and backend in config.js, and whitelist the',
    '  domains listed in the README. Then test on a real device (预览 / 真机调试): DevTools shows',
    '  placeholders instead of live audio and video.',
    '',
  ].join('\n');
}
