import { execFileSync } from 'node:child_process';
import { SECRET_REFUSAL, looksLikeSecret, validateDirectory, validateEndpoint } from '../../create/options';
import { validateServerUrl } from '../../create/server-url';
import { shellQuote } from '../../create/shell-quote';
import { validateTargetPath } from '../../create/target-path';

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
  expect(validateServerUrl('https://x.example/#frag', rule)).toMatch(/no query or fragment/);
  expect(validateServerUrl('https://x.example/?', rule)).toMatch(/no query or fragment/);
  expect(validateServerUrl(`https://x.example/${'0f'.repeat(32)}`, rule)).toBe(SECRET_REFUSAL);
  expect(validateServerUrl('https://Gu5t9xGARNpq86cd98joQYCN3EXAMPLE.example', rule)).toBe(SECRET_REFUSAL);
  expect(validateEndpoint('ftp://x.example')).toMatch(/http or https/);
});
