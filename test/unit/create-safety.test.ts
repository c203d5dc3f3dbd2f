import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { ZH_CN } from '../../create/messages';
import { SECRET_REFUSAL, looksLikeSecret, validateDirectory, validateEndpoint } from '../../create/options';
import { validateServerUrl } from '../../create/server-url';
import { shellQuote } from '../../create/shell-quote';
import { acceptedAsItIsNow, changedSince } from '../../create/target-changes';
import { validateTargetPath } from '../../create/target-path';
import { targetProblemFrom } from '../../create/target-problem';
import { jsLiteral, terminalText } from '../../dev-server/terminal-text';

test('shellQuote: plain words stay, anything else is single-quoted so a shell reads it back unchanged and runs nothing', () => {
  expect(shellQuote('my-app')).toBe('my-app');
  expect(shellQuote('../apps/my-app')).toBe('../apps/my-app');
  for (const value of ['my dir/app', "it's", '$(touch X)/app', '`id`', 'a"b', 'a\\b', '*', '!x', "''", 'new\nline']) {
    const quoted = shellQuote(value);
    expect(quoted.startsWith("'")).toBe(true);
    expect(execFileSync('/bin/sh', ['-c', `printf %s ${quoted}`]).toString()).toBe(value);
  }
});

test('validateTargetPath checks every segment, not only the last', () => {
  for (const ok of ['my-app', 'apps/my-app', '../my-app', '/tmp/x/my-app', 'my projects/app', 'C:\\work\\app', 'été/app']) expect(validateTargetPath(ok)).toBeNull();
  for (const bad of ['$(touch X)/app', 'a;b/app', 'x/`id`/app', "o'neil/app", 'a|b/app', '~/app', 'a\u0000b/app', 'tab\there/app', ' lead/app', 'trail /app', '']) {
    expect(validateTargetPath(bad)).toEqual(expect.any(String));
  }
  expect(validateDirectory('$(touch X)/app')).toMatch(/must not contain "\$"/);
  expect(validateDirectory('apps/My App')).toBeNull();
  expect(validateDirectory('apps/node_modules')).toMatch(/which npm does not take/);
});

test('validateServerUrl: parsed with URL, http(s) spelled out, no credentials, no whitespace or control characters, no secret anywhere', () => {
  const rule = { looksLikeSecret, refusal: SECRET_REFUSAL };
  for (const ok of ['http://127.0.0.1:5700', 'https://cc.example.com/base', 'http://[::1]:5700', 'https://cc.example.com/a"b`c']) expect(validateServerUrl(ok, rule)).toBeNull();
  expect(validateServerUrl('http:/x', rule)).toMatch(/"\/\/" after the scheme/);
  expect(validateServerUrl('http:\\\\x', rule)).toMatch(/"\/\/" after the scheme/);
  expect(validateServerUrl('https://x.example/\r\n', rule)).toMatch(/control characters/);
  expect(validateServerUrl('https://x.example/\u2028', rule)).toMatch(/control characters/);
  expect(validateServerUrl('https://u:p@x.example', rule)).toMatch(/user name or password/);
  // Written as typed: so a backslash, which parsers disagree on, is refused; what they agree on stays.
  expect(validateServerUrl('http://cc.example\\evil', rule)).toMatch(/must not contain a backslash/);
  expect(validateServerUrl('http://cc.example/a\\b', rule)).toMatch(/must not contain a backslash/);
  for (const asTyped of ['HTTP://cc.example', 'http://0x7f.1/']) expect(validateServerUrl(asTyped, rule)).toBeNull();
  expect(validateServerUrl('https://x.example/#frag', rule)).toMatch(/no query or fragment/);
  expect(validateServerUrl('https://x.example/?', rule)).toMatch(/no query or fragment/);
  expect(validateServerUrl(`https://x.example/${'0f'.repeat(32)}`, rule)).toBe(SECRET_REFUSAL);
  expect(validateServerUrl('https://Gu5t9xGARNpq86cd98joQYCN3EXAMPLE.example', rule)).toBe(SECRET_REFUSAL);
  expect(validateEndpoint('ftp://x.example')).toMatch(/http or https/);
});

test('terminalText: C0 and C1 controls, DEL, bidi overrides and line separators written as escapes; everything else as it is', () => {
  expect(terminalText('plain-名字 é 😀 \\ \'')).toBe('plain-名字 é 😀 \\ \'');
  expect(terminalText('evil\u001b]0;PWNED\u0007\u001b[2J')).toBe('evil\\x1b]0;PWNED\\x07\\x1b[2J');
  expect(terminalText('a\u0000b\tc\nd\re\u007ff\u0085g\u009b31m')).toBe('a\\x00b\\x09c\\x0ad\\x0de\\x7ff\\x85g\\x9b31m');
  expect(terminalText('txt.exe\u202eabc\u2066\u2028')).toBe('txt.exe\\u202eabc\\u2066\\u2028');
  const everyCharacterUpToLetterlikeSymbols = Array.from({ length: 0x2100 }, (_, code) => String.fromCharCode(code)).join('');
  expect(terminalText(everyCharacterUpToLetterlikeSymbols)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
});

test('jsLiteral: a single-quoted JavaScript string that reads back as the value and prints as plain text', () => {
  for (const value of ["it's", 'back\\slash', 'esc\u001b[2J', 'line\nbreak\u2028sep', '</script>', '\u009b\u202e', '']) {
    const literal = jsLiteral(value);
    expect(literal).toMatch(/^'[\s\S]*'$/);
    expect(literal).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    expect(vm.runInNewContext(literal)).toBe(value);
  }
});

test('a target re-checked before writing: unchanged passes; what landed meanwhile is asked about again, and a "no" stops', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tccc-target-'));
  try {
    expect(changedSince(path.join(dir, 'absent'), [])).toBeNull();
    expect(changedSince(dir, [])).toBeNull();
    fs.writeFileSync(path.join(dir, 'important.txt'), 'work');
    expect(changedSince(dir, [])).toEqual(['important.txt']);
    expect(changedSince(dir, ['important.txt'])).toBeNull();

    const asked: string[][] = [];
    const answer = (yes: boolean) => async (entries: string[]) => (asked.push(entries), yes);
    expect(await acceptedAsItIsNow(dir, ['important.txt'], answer(false))).toBe(true);
    expect(asked).toEqual([]);
    expect(await acceptedAsItIsNow(dir, [], answer(false))).toBe(false);
    expect(await acceptedAsItIsNow(dir, [], answer(true))).toBe(true);
    expect(asked).toEqual([['important.txt'], ['important.txt']]);
    // Emptied meanwhile: nothing to ask about.
    fs.rmSync(path.join(dir, 'important.txt'));
    expect(await acceptedAsItIsNow(dir, ['keep.txt'], answer(false))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a filesystem error names its path escaped: an entry name from disk cannot reach the terminal raw', () => {
  const error = Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/tmp/app/evil\u001b[2J' });
  expect(targetProblemFrom(error, 'empty')?.message).toBe('Cannot empty /tmp/app/evil\\x1b[2J: permission denied (EACCES). Pick a folder your user can read and write, or change the permissions of this one.');
});

test('a filesystem error is told in the user\'s language, its code kept; a code without words of its own still names it', () => {
  const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/tmp/app/package.json' });
  expect(targetProblemFrom(full, 'write', ZH_CN)?.message).toBe('无法写入 /tmp/app/package.json：磁盘空间不足（ENOSPC）。请清理磁盘空间后重新运行命令。');
  const busy = Object.assign(new Error('EBUSY: resource busy or locked, rmdir'), { code: 'EBUSY', path: 'C:\\app\\tccc-call' });
  expect(targetProblemFrom(busy, 'remove', ZH_CN)?.message).toBe('无法删除 C:\\app\\tccc-call：它正被占用（EBUSY）。请关闭正在使用它的程序（微信开发者工具、编辑器、位于该目录的终端）后重新运行命令。');
  const odd = Object.assign(new Error('EMLINK: too many links, mkdir'), { code: 'EMLINK', path: '/tmp/app' });
  expect(targetProblemFrom(odd, 'write', ZH_CN)?.message).toBe('无法写入 /tmp/app：系统拒绝了这个操作（EMLINK）。请检查路径及其权限后重新运行命令；可用错误码搜索原因。');
  expect(targetProblemFrom(odd, 'write')?.message).not.toContain('too many links');
  expect(targetProblemFrom(new Error('not from the filesystem'), 'write', ZH_CN)).toBeNull();
});
