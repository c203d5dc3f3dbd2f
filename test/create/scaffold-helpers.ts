import fs from 'node:fs';
import path from 'node:path';
import { GENERATED_JSON_FILES, targetPathOf } from '../../create/project-files';

const TEMPLATES = path.resolve(__dirname, '../../templates');

function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** What a project of `template` must hold: the template's files (renamed, .ejs dropped) and the JSON files. */
export function expectedFileList(template: string): string[] {
  const fromTemplates = ['common', template].flatMap((folder) => walk(path.join(TEMPLATES, folder))).filter((file) => file !== 'template.json').map(targetPathOf);
  return [...new Set([...fromTemplates, ...GENERATED_JSON_FILES])].sort();
}

/**
 * The environment child processes of the scaffolder tests get: npm pointed at the loopback registry, a
 * cache of their own, no audit, fund or update checks (they would leave loopback), and no CI flag.
 */
export function scaffoldEnv(registryUrl: string, work: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_/i.test(key) || key === 'CI') delete env[key];
  return {
    ...env,
    npm_config_registry: registryUrl,
    npm_config_cache: path.join(work, '.npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
  };
}
