import path from 'node:path';
import type { Messages } from './messages';
import { EN_US } from './messages';
import type { CoreName, PackageManager, TemplateName } from './options';
import { commandsFor } from './package-manager';
import { shellQuote } from './shell-quote';

/** What became of the install: done, skipped (--skip-install), or failed (then its command is a retry, not a next step). */
export type InstallOutcome = 'done' | 'skipped' | 'failed';

export interface NextStepsFor {
  dir: string;
  manager: PackageManager;
  install: InstallOutcome;
  core: CoreName;
  template: TemplateName;
  configFile: string;
  /** The app has its own test (`npm test`): said last, after what DevTools needs. */
  tests?: boolean;
}

/** What to do after the project is written, for the chosen core, in the words of the package manager in use and the user's language. */
export function nextSteps({ dir, manager, install, core, template, configFile, tests = false }: NextStepsFor, m: Messages = EN_US): string {
  const commands = commandsFor(manager);
  const relative = path.relative(process.cwd(), path.resolve(dir)) || '.';
  const cd = relative === '.' ? [] : [`cd ${shellQuote(relative)}`];
  const installLine = install === 'done' ? [] : [commands.install.text];
  const title = install === 'failed' ? m.next.afterFix : m.next.title;
  const indent = (line: string) => (line === '' ? '' : `  ${line}`);
  // Last, after what DevTools needs: the app's own test, which needs none of it.
  const test = tests ? ['', m.next.testTitle, `${commands.run('test')}      ${m.next.testComment}`].map(indent) : [];
  if (core === 'tccc') {
    return ['', title, ...[...cd, ...installLine].map(indent), '', ...[m.next.tcccDevTools, ...m.next.tcccLines].map(indent), ...test, ''].join('\n');
  }
  return [
    '',
    title,
    ...[...cd, ...installLine, `${commands.run('simulator')}      ${m.next.simulatorComment}`].map(indent),
    '',
    ...m.next.openLines(configFile, m.next.callButtons[template]).map(indent),
    ...test,
    '',
  ].join('\n');
}
