// `npm run create -- <dir> [options]` in a clone: the scaffolder, with this clone's packages instead of a
// registry's. It checks the arguments first (the scaffolder's --check-only pass: its own build takes a
// fraction of a second), then builds the packages, packs open-tccc-wx-sdk, tccc-call-kit and tccc-dev-server,
// and runs create-tccc-miniprogram with --local-packages, which copies the tarballs into the new project and
// points its package.json at them (file: dependencies), so its `npm install` needs no registry for them.
// Without a directory the project goes beside the clone (../tccc-miniprogram), never inside it.
// Options are the scaffolder's (npm run create -- --help); --skip-build is for tests, which have built.
// `npm run create -- add <dir>` adds the call to an existing mini program the same way (the tarballs go into
// its subpackage); `npm run create -- remove <dir>` needs no packages.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DIRECTORY } from '../create/defaults';
import { languageInArgs } from '../create/help-texts';
import { currentTerminalLanguage } from '../dev-server/language';
import { PACKAGE_DIRS, packFolders } from './lib/pack';
import { repoRoot } from './lib/repo-root';

const ROOT = repoRoot();
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const scaffolderArgs = args.filter((arg) => arg !== '--skip-build');
const subcommand = ['add', 'remove'].includes(scaffolderArgs[0]) ? scaffolderArgs[0] : null;
const needsNoPackages = scaffolderArgs.some((arg) => ['-h', '--help', '-v', '--version'].includes(arg)) || subcommand === 'remove';
// npm run starts scripts in the repository; the user's paths are relative to where they typed it.
const cwd = process.env.INIT_CWD ?? process.cwd();
const cli = path.join(ROOT, PACKAGE_DIRS.create, 'index.js');
// A new app's default directory; `add` works on the project it is given (or the current folder).
const besideClone = subcommand ? [] : ['--default-directory', path.relative(cwd, path.join(ROOT, '..', DEFAULT_DIRECTORY))];

function build(script: string): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', script), '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300000 });
}

function scaffold(extra: string[]): number {
  return spawnSync(process.execPath, [cli, ...scaffolderArgs, ...extra], { cwd, stdio: 'inherit' }).status ?? 1;
}

if (!skipBuild) build('build-create.mjs');
if (needsNoPackages) process.exit(scaffold([]));
const checked = scaffold([...besideClone, '--check-only']);
if (checked !== 0) process.exit(checked);
if (!skipBuild) {
  // The scaffolder's language rule: --lang, else the terminal's.
  const lang = languageInArgs(args) ?? currentTerminalLanguage();
  process.stdout.write(lang === 'zh-CN' ? '正在构建本克隆中的包…\n' : "Building this clone's packages…\n");
  for (const script of ['build.mjs', 'build-node.mjs']) build(script);
}
const tarballs = fs.mkdtempSync(path.join(os.tmpdir(), 'tccc-local-packages-'));
let status = 1;
try {
  packFolders([PACKAGE_DIRS.core, PACKAGE_DIRS.kit, PACKAGE_DIRS.devServer].map((dir) => (dir === '.' ? '.' : `./${dir}`)), tarballs);
  status = scaffold([...besideClone, '--local-packages', tarballs]);
} finally {
  fs.rmSync(tarballs, { recursive: true, force: true });
}
process.exit(status);
