import { spawn } from 'node:child_process';
import type { Messages } from './messages';
import { EN_US } from './messages';
import type { PackageManager } from './options';
import { commandsFor } from './package-manager';
import { progress } from './progress';

/** Installs the new project's dependencies with a progress line; resolves whether it worked. */
export function install(dir: string, manager: PackageManager, m: Messages = EN_US): Promise<boolean> {
  const { command, args, text } = commandsFor(manager).install;
  const line = progress(m.progress.installing(text));
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      line.stop(m.progress.couldNotRun(command, error.message));
      resolve(false);
    });
    child.on('close', (code) => {
      if (code === 0) line.stop(m.progress.installed);
      else line.stop(m.progress.installFailed(text, code, output.trim().split('\n').slice(-15).join('\n')));
      resolve(code === 0);
    });
  });
}
