/**
 * A target the filesystem refuses, as the user reads it in either language: the scaffolder's own words
 * (what it could not do, to which path, why, what to do), the errno code kept for searching, exit 1, no
 * stack trace, nothing of Node's English message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { copyLocalPackages } from '../../create/local-packages';
import { EN_US, ZH_CN } from '../../create/messages';
import { TargetProblem } from '../../create/target-problem';
import { CLI, UNPRIVILEGED, emptyFolderPerTest, runCli } from './scaffold-helpers';

const WORK = path.resolve(__dirname, '../../.tmp/create-filesystem');
const zh = { LANG: 'zh_CN.UTF-8' };
const caseFolder = emptyFolderPerTest(WORK);
let cwd: string;
beforeEach(() => (cwd = caseFolder()));

interface Told {
  code: number;
  said: string;
}

async function cli(args: string[], env: NodeJS.ProcessEnv, user = {}): Promise<Told> {
  const { code, stderr } = await runCli(args, cwd, { HOME: cwd, ...env }, CLI, user);
  return { code, said: stderr.trim() };
}

/** What Node says in English for these codes; none of it may reach the user. */
const NODE_WORDS = /permission denied, |not a directory, |name too long, |no such file or directory/;

function expectTold(told: Told, expected: RegExp): void {
  expect(told.code).toBe(1);
  expect(told.said).toMatch(expected);
  expect(told.said).not.toMatch(NODE_WORDS);
  expect(told.said).not.toMatch(/\n\s+at /);
}

describe.each([
  ['en-US', {}],
  ['zh-CN', zh],
] as const)('%s', (language, env) => {
  const chinese = language === 'zh-CN';

  test('a folder this user cannot write: EACCES, the path, what to do', async () => {
    const locked = path.join(cwd, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o555);
    const told = await cli(['locked/app', '--skip-install'], env, UNPRIVILEGED);
    expectTold(
      told,
      chinese
        ? /^无法写入 .*locked\/app：没有权限（EACCES）。请换一个当前用户可以读写的目录，或修改该目录的权限。$/
        : /^Cannot write .*locked\/app: permission denied \(EACCES\)\. Pick a folder your user can read and write, or change the permissions of this one\.$/,
    );
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  test('a file where a folder should be: ENOTDIR', async () => {
    fs.writeFileSync(path.join(cwd, 'blocker'), 'a file');
    expectTold(
      await cli(['blocker/app', '--skip-install'], env),
      chinese
        ? /^无法访问 .*blocker\/app：路径中本应是目录的位置是一个文件（ENOTDIR）。请移走或重命名这个文件，或换一个目录。$/
        : /^Cannot use .*blocker\/app: a file is in the way where a folder should be \(ENOTDIR\)\. Move or rename that file, or pick another directory\.$/,
    );
    expect(fs.readFileSync(path.join(cwd, 'blocker'), 'utf8')).toBe('a file');
  });

  test('a folder name longer than the filesystem takes: ENAMETOOLONG', async () => {
    expectTold(
      await cli([`${'a'.repeat(300)}/app`, '--skip-install'], env),
      chinese ? /^无法.* .*aaaa\/app：路径或其中的名称过长（ENAMETOOLONG）。请换一个更短的目录路径。$/ : /^Cannot .* .*aaaa\/app: a name in the path is too long \(ENAMETOOLONG\)\. Pick a shorter directory path\.$/,
    );
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  test('a symbolic link to nothing', async () => {
    fs.symlinkSync(path.join(cwd, 'gone'), path.join(cwd, 'dangling'));
    expectTold(
      await cli(['dangling', '--skip-install'], env),
      chinese ? /^.*dangling 是一个符号链接，它指向的 .*gone 不存在。请删除该链接，或换一个目录。$/ : /^.*dangling is a symbolic link to .*gone, which does not exist\. Remove the link or pick another directory\.$/,
    );
  });
});

// A clone's `npm run create`: the packed tarballs it checked for can go before they are copied in.
test.each([
  ['en-US', EN_US, /^Cannot write .*gone-0\.6\.0\.tgz: it is not there \(moved or deleted while this ran\?\) \(ENOENT\)\. Check the path, then run the command again\.$/],
  ['zh-CN', ZH_CN, /^无法写入 .*gone-0\.6\.0\.tgz：它不存在（可能在运行期间被移走或删除）（ENOENT）。请检查路径后重新运行命令。$/],
])('%s: a local package gone before it is copied in is told in the words of the scaffolder', (_language, messages, expected) => {
  const copy = () => copyLocalPackages(cwd, [{ source: path.join(cwd, 'gone-0.6.0.tgz'), target: 'local-packages/gone-0.6.0.tgz' }], messages);
  expect(copy).toThrow(TargetProblem);
  expect(copy).toThrow(expected);
});
