/**
 * The built `create-tccc-miniprogram` run on a copy of a fixture app, as a user runs it in a terminal: no
 * install reaches a registry (--skip-install, a dead one, or the packed tarballs with --local-packages).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { scaffoldEnv } from './scaffold-helpers';

const CLI = path.resolve(__dirname, '../../packages/create-tccc-miniprogram/index.js');
const FIXTURES = path.resolve(__dirname, '../fixtures');
export const WORK = path.resolve(__dirname, '../../.tmp/add-cli');
/** Nothing listens here: an install that needs a registry fails at once instead of leaving the machine. */
export const DEAD_REGISTRY = 'http://127.0.0.1:9/';
let count = 0;

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** A fresh copy of test/fixtures/<fixture>, in a folder of its own. */
export function copyFixture(fixture: string): string {
  const dir = path.join(WORK, `case-${process.pid}-${count++}`, path.basename(fixture));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

function exec(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, user: { uid?: number; gid?: number } = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...scaffoldEnv(DEAD_REGISTRY, WORK), ...env }, timeout: 60000, ...user }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The built scaffolder, as `user` if given (UNPRIVILEGED: so that file permissions apply). */
export function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, user: { uid?: number; gid?: number } = {}): Promise<Result> {
  return exec(process.execPath, [CLI, ...args], cwd, env, user);
}

/** npm in `cwd`, offline but for file: dependencies (the dead registry). */
export function npm(args: string[], cwd: string): Promise<Result> {
  return exec('npm', args, cwd, { npm_config_fetch_retries: '0' });
}

/** Every file under `dir`, path to content. */
export function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}
