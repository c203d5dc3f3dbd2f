import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_TEST_FILE } from '../../create/app-tests';
import type { CoreName, TemplateName } from '../../create/options';
import { GENERATED_JSON_FILES, templateSources } from '../../create/project-files';
import { npmEnvFor } from '../../scripts/lib/local-registry';
import { scratchRoot } from '../support/scratch';

const TEMPLATES = path.resolve(__dirname, '../../templates');

/**
 * The npm cache the journeys share: the test's tools are the same 1,400 packages in each app. Emptied by
 * jest's global setup, so that within a run npm may trust what it cached (`prefer-offline`) without ever
 * serving a previous build of our own packages, which keep their version from build to build; then given
 * the tools' tarballs from npm's own cache (seedNpmCache). Removed by the teardown (it may be in memory,
 * see scratchRoot).
 */
export const JOURNEY_NPM_CACHE = path.join(scratchRoot(), 'npm-cache');

/** How jest's global setup tells the journeys where their registry is, or why there is none. */
export const JOURNEY_REGISTRY_VARIABLE = 'TCCC_JOURNEY_REGISTRY';
export const JOURNEY_REGISTRY_ERROR_VARIABLE = 'TCCC_JOURNEY_REGISTRY_ERROR';

/**
 * The loopback registry the journeys share (our packs, and the packages of this repository's lockfile):
 * started by jest's global setup, stopped by its teardown. One address for the whole run, so that what npm
 * asked it once, JOURNEY_NPM_CACHE keeps for the next journey (1,400 documents of the test's tools).
 */
export function journeyRegistryUrl(): string {
  const url = process.env[JOURNEY_REGISTRY_VARIABLE];
  if (!url) throw new Error(`No journey registry: ${process.env[JOURNEY_REGISTRY_ERROR_VARIABLE] ?? `jest's global setup starts it (test/support/global-setup.ts) and sets ${JOURNEY_REGISTRY_VARIABLE}.`}`);
  return url;
}

/** What a project of `template` must hold: the template's files (renamed, .ejs dropped), the JSON files, and its test unless `--no-tests`. */
export function expectedFileList(template: TemplateName, core: CoreName = 'open', typescript = false, tests = true): string[] {
  const fromTemplates = templateSources(TEMPLATES, template, core, typescript).map(({ target }) => target);
  return [...new Set([...fromTemplates, ...GENERATED_JSON_FILES, ...(tests ? [DEFAULT_TEST_FILE] : [])])].sort();
}

/** A package installed in this repository, packed into `work` for the loopback registry. */
export function packInstalled(name: string, work: string): string {
  const source = path.resolve(__dirname, '../../node_modules', name);
  const output = execFileSync('npm', ['pack', source, '--pack-destination', work, '--ignore-scripts', '--silent'], { encoding: 'utf8', timeout: 60000 });
  return path.join(work, output.trim().split('\n').pop()!);
}

/**
 * The environment child processes of the scaffolder tests get: npm pointed at the loopback registry, a
 * cache of their own (in `work`, unless `cache` names one to share), no audit, fund or update checks (they
 * would leave loopback), no CI flag, and an English locale.
 */
export function scaffoldEnv(registryUrl: string, work: string, cache = path.join(work, '.npm-cache')): NodeJS.ProcessEnv {
  const env = npmEnvFor(registryUrl, cache);
  delete env.CI;
  // The scaffolder speaks the terminal's language: English here, whatever the machine's locale (tests of
  // Chinese set it themselves).
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return { ...env, LANG: 'C.UTF-8', npm_config_loglevel: 'error' };
}

/** The built scaffolder (packages/create-tccc-miniprogram), as `npm test` leaves it. */
export const CLI = path.resolve(__dirname, '../../packages/create-tccc-miniprogram/index.js');
/** Nothing listens here: a registry request, if any, fails at once instead of leaving the machine. */
export const DEAD_REGISTRY = 'http://127.0.0.1:9/';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Who runs a CLI so that file permissions apply: as root they do not, so then "nobody". */
export const UNPRIVILEGED: { uid?: number; gid?: number } = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** Runs a Node CLI (the scaffolder unless `bin` says otherwise) in `cwd` with the scaffold tests' environment plus `env`; as `user` if given. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, bin = CLI, user: { uid?: number; gid?: number } = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { ...scaffoldEnv(DEAD_REGISTRY, cwd), ...env }, timeout: 60000, ...user }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Gives each test of a file an empty folder of its own under `work` (jest hooks); the function returned names the current one. */
export function emptyFolderPerTest(work: string): () => string {
  let folder = '';
  let count = 0;
  beforeAll(() => fs.mkdirSync(work, { recursive: true }));
  beforeEach(() => {
    folder = path.join(work, `case-${process.pid}-${count++}`);
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
  });
  return () => folder;
}
