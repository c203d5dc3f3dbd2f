import { spawnSync } from 'node:child_process';
import type { PackageManager } from './options';

/** The package manager that ran us, from `npm_config_user_agent` ("pnpm/9.1.0 npm/? node/v20…"); npm otherwise. */
export function detectPackageManager(userAgent: string | undefined = process.env.npm_config_user_agent): PackageManager {
  const name = userAgent?.split(' ')[0]?.split('/')[0];
  return name === 'pnpm' || name === 'yarn' ? name : 'npm';
}

export interface Commands {
  /** argv of the install, and how to write it in instructions. */
  install: { command: string; args: string[]; text: string };
  /** Runs a bin of an installed package. */
  exec(bin: string): string;
  /** Runs a script of the project's package.json, with arguments for it (npm takes them after `--`). */
  run(script: string, args?: string[]): string;
}

/** `<run script>` followed by its arguments, with npm's `--` between them where npm needs it. */
function withArgs(run: string, args: string[], separator: string): string {
  return args.length === 0 ? run : `${run}${separator}${args.join(' ')}`;
}

export function commandsFor(manager: PackageManager): Commands {
  switch (manager) {
    case 'pnpm':
      return { install: { command: 'pnpm', args: ['install'], text: 'pnpm install' }, exec: (bin) => `pnpm exec ${bin}`, run: (script, args = []) => withArgs(`pnpm run ${script}`, args, ' ') };
    case 'yarn':
      return { install: { command: 'yarn', args: [], text: 'yarn' }, exec: (bin) => `yarn ${bin}`, run: (script, args = []) => withArgs(`yarn ${script}`, args, ' ') };
    default:
      return {
        install: { command: 'npm', args: ['install', '--no-audit', '--no-fund'], text: 'npm install' },
        exec: (bin) => `npx ${bin}`,
        // `npm start` is npm's own short form; for any other script npm reads flags before `--` as its own.
        run: (script, args = []) => withArgs(script === 'start' ? 'npm start' : `npm run ${script}`, args, ' -- '),
      };
  }
}

/** Whether `manager` runs here (`<manager> --version` exits 0 within 15 s): checked before anything is written. */
export function isAvailable(manager: PackageManager): boolean {
  const result = spawnSync(manager, ['--version'], { stdio: 'ignore', timeout: 15000, shell: process.platform === 'win32' });
  return result.status === 0;
}
