// `npm run create -- <dir> [options]` in a clone: the scaffolder, with this clone's packages instead of a
// registry's. It builds them, packs open-tccc-wx-sdk, tccc-call-kit and tccc-dev-server, and runs
// create-tccc-miniprogram with --local-packages, which copies the tarballs into the new project and
// points its package.json at them (file: dependencies), so its `npm install` needs no registry for them.
// Options are the scaffolder's (npm run create -- --help); --skip-build is for tests, which have built.
// `npm run create -- add <dir>` adds the call to an existing mini program the same way (the tarballs go into
// its subpackage); `npm run create -- remove <dir>` needs no packages.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentTerminalLanguage, parseLanguage } from '../dev-server/language';
import { PACKAGE_DIRS, pack } from './lib/pack';
import { repoRoot } from './lib/repo-root';

const ROOT = repoRoot();
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const scaffolderArgs = args.filter((arg) => arg !== '--skip-build');
const needsNoPackages = scaffolderArgs.some((arg) => ['-h', '--help', '-v', '--version'].includes(arg)) || scaffolderArgs[0] === 'remove';

if (!skipBuild && !needsNoPackages) {
  // The scaffolder's language rule: --lang, else the terminal's.
  const lang = args.includes('--lang') ? parseLanguage(args[args.indexOf('--lang') + 1] ?? '') : currentTerminalLanguage();
  process.stdout.write(lang === 'zh-CN' ? '正在构建这个克隆仓库中的包…\n' : "Building this clone's packages…\n");
  for (const script of ['build.mjs', 'build-node.mjs', 'build-create.mjs']) execFileSync(process.execPath, [path.join(ROOT, 'scripts', script), '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300000 });
}
const tarballs = fs.mkdtempSync(path.join(os.tmpdir(), 'tccc-local-packages-'));
let status = 1;
try {
  if (!needsNoPackages) for (const dir of [PACKAGE_DIRS.core, PACKAGE_DIRS.kit, PACKAGE_DIRS.devServer]) pack(dir === '.' ? '.' : `./${dir}`, tarballs);
  // npm run starts scripts in the repository; the user's paths are relative to where they typed it.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const cli = path.join(ROOT, PACKAGE_DIRS.create, 'index.js');
  const result = spawnSync(process.execPath, [cli, ...scaffolderArgs, ...(needsNoPackages ? [] : ['--local-packages', tarballs])], { cwd, stdio: 'inherit' });
  status = result.status ?? 1;
} finally {
  fs.rmSync(tarballs, { recursive: true, force: true });
}
process.exit(status);
