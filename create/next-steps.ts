import path from 'node:path';
import type { CoreName, PackageManager } from './options';
import { commandsFor } from './package-manager';
import { shellQuote } from './shell-quote';

/** What to do after the project is written, for the chosen core, in the words of the package manager in use. */
export function nextSteps(dir: string, manager: PackageManager, installed: boolean, core: CoreName = 'open'): string {
  const commands = commandsFor(manager);
  const relative = path.relative(process.cwd(), path.resolve(dir)) || '.';
  const cd = relative === '.' ? [] : [`cd ${shellQuote(relative)}`];
  const install = installed ? [] : [commands.install.text];
  if (core === 'tccc') {
    return [
      '',
      'Next:',
      ...[...cd, ...install].map((step) => `  ${step}`),
      '',
      '  Open the folder in WeChat DevTools with your AppID, then 工具 → 构建 npm.',
      '  Calls go to your TCCC application through Tencent\'s tccc-wx-sdk. Before the first call, do the',
      '  README\'s checklist: an enterprise mini program in a category that allows live-pusher, 实时播放/录制',
      '  音视频流 enabled, and the seven TCCC domains whitelisted.',
      '  Then call from a real device (预览 / 真机调试): WeChat DevTools cannot run a TCCC call.',
      '',
    ].join('\n');
  }
  return [
    '',
    'Next:',
    ...[...cd, ...install, `${commands.run('simulator')}      # the local contact center; its agent console answers your calls`].map((step) => `  ${step}`),
    '',
    '  Open the folder in WeChat DevTools, tick 详情 → 本地设置 → 不校验合法域名, then 工具 → 构建 npm.',
    '  Tap the call button, and answer it in the agent console.',
    '',
    '  Your own backend: set endpoint in config.js (it speaks the protocol of open-tccc-wx-sdk). For',
    '  calls to Tencent Cloud Contact Center, see "Switch core" in the README.',
    '',
  ].join('\n');
}
