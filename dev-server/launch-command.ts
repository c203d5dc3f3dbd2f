import path from 'node:path';
import { commandsFor, detectPackageManager } from '../create/package-manager';
import { shellQuote } from '../create/shell-quote';

export interface Launch {
  env: NodeJS.ProcessEnv;
  /** The script node runs (process.argv[1]). */
  script: string;
  cwd: string;
}

/**
 * The command that starts this server the way it was started, with `args` added: `npm run simulator -- --host
 * 0.0.0.0` in a scaffolded app, `npm start -- --host 0.0.0.0` in a clone of the repository (npm reads flags
 * before `--` as its own), `npx tccc-dev-server …` from npx, `node <script> …` otherwise. The package manager
 * that ran the script says how it passes arguments (npm_config_user_agent).
 */
export function commandWith(args: string[], { env, script, cwd }: Launch): string {
  const event = env.npm_lifecycle_event;
  if (event && event !== 'npx') return commandsFor(detectPackageManager(env.npm_config_user_agent)).run(event, args);
  const how = script.split(path.sep).includes('node_modules') || event === 'npx' ? 'npx tccc-dev-server' : `node ${shellQuote(path.relative(cwd, script))}`;
  return [how, ...args].join(' ');
}
