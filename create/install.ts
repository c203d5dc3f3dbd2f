import { spawn } from 'node:child_process';
import type { Messages } from './messages';
import { EN_US } from './messages';
import type { CoreName, PackageManager } from './options';
import { commandsFor } from './package-manager';
import { progress } from './progress';
import { TENCENT_CORE } from './release';

/** Whether the install worked, and everything it printed (for telling why it did not). */
export interface InstallResult {
  ok: boolean;
  output: string;
}

/** Installs the new project's dependencies with a progress line. */
export function install(dir: string, manager: PackageManager, m: Messages = EN_US): Promise<InstallResult> {
  const { command, args, text } = commandsFor(manager).install;
  const line = progress(m.progress.installing(text));
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      line.stop(m.progress.couldNotRun(command, error.message));
      resolve({ ok: false, output: error.message });
    });
    child.on('close', (code) => {
      if (code === 0) line.stop(m.progress.installed);
      else line.stop(m.progress.installFailed(text, code, output.trim().split('\n').slice(-15).join('\n')));
      resolve({ ok: code === 0, output });
    });
  });
}

/**
 * The registry an install asked for `name` and was told it has no such package (npm: `404 Not Found - GET
 * <registry>/<name>`; pnpm: `GET <registry>/<name>: Not Found - 404`), else null.
 */
export function registryWithout(output: string, name: string): string | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const found = new RegExp(`404 Not Found - GET (\\S+?)/${escaped}(?=[\\s:])|GET (\\S+?)/${escaped}: Not Found - 404`).exec(output);
  return found ? `${found[1] ?? found[2]}/` : null;
}


const PUBLIC_REGISTRY = 'https://registry.npmjs.org/';

/**
 * When a failed install's `output` says the registry has no Tencent's core: why, what to check (the public
 * registry too, when the one asked is a mirror) and what works now for what was run. Null otherwise.
 */
export function coreMissingLines(output: string, m: Messages, ran: 'create' | 'add'): string[] | null {
  const registry = registryWithout(output, TENCENT_CORE.name);
  if (!registry) return null;
  const check = (at: string) => `npm view ${TENCENT_CORE.name} version --registry ${at}`;
  return m.progress.tencentCoreMissing(registry, check(registry), registry === PUBLIC_REGISTRY ? null : check(PUBLIC_REGISTRY), ran);
}

/**
 * Installs, and when the install could not get Tencent's core, says why, what to check and what works now
 * (written with `write`). True when the install worked.
 */
export async function installExplained(dir: string, manager: PackageManager, core: CoreName, m: Messages, write: (text: string) => void, ran: 'create' | 'add'): Promise<boolean> {
  const result = await install(dir, manager, m);
  if (result.ok) return true;
  const lines = core === 'tccc' ? coreMissingLines(result.output, m, ran) : null;
  if (lines) write(`\n${lines.join('\n')}\n`);
  return false;
}
