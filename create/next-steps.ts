import path from 'node:path';
import type { Messages } from './messages';
import { EN_US } from './messages';
import type { CoreName, PackageManager } from './options';
import { commandsFor } from './package-manager';
import { shellQuote } from './shell-quote';

/** What to do after the project is written, for the chosen core, in the words of the package manager in use and the user's language. */
export function nextSteps(dir: string, manager: PackageManager, installed: boolean, core: CoreName = 'open', m: Messages = EN_US, configFile = 'config.js', tests = false): string {
  const commands = commandsFor(manager);
  const relative = path.relative(process.cwd(), path.resolve(dir)) || '.';
  const cd = relative === '.' ? [] : [`cd ${shellQuote(relative)}`];
  const install = installed ? [] : [commands.install.text];
  const test = tests ? [`${commands.run('test')}           ${m.next.testComment}`] : [];
  const indent = (line: string) => (line === '' ? '' : `  ${line}`);
  if (core === 'tccc') {
    return ['', m.next.title, ...[...cd, ...install, ...test].map(indent), '', ...[m.next.tcccDevTools, ...m.next.tcccLines].map(indent), ''].join('\n');
  }
  return [
    '',
    m.next.title,
    ...[...cd, ...install, ...test, `${commands.run('simulator')}      ${m.next.simulatorComment}`].map(indent),
    '',
    ...m.next.openLines(configFile).map(indent),
    '',
  ].join('\n');
}
