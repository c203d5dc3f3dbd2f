import { looksLikeSecret, normalizeInput, packageNameOf, validateAppId, validateDirectory, validateEndpoint, validateSdkAppId } from '../../create/options';
import { jsString, markdownText } from '../../create/serialize';
import { detectPackageManager } from '../../create/package-manager';
import { readYesNo } from '../../create/yes-no';

test('secrets are recognised; the values the scaffolder asks for are not', () => {
  const secrets = ['AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE', 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', 'a3f1c2e4b5d6978800112233445566778899aabbccddeeff0011223344556677'];
  for (const secret of secrets) expect(looksLikeSecret(secret)).toBe(true);
  const ordinary = ['1400000001', 'audio-support', 'video-support', 'wx0123456789abcdef', 'touristappid', '0f8fad5bd9cb469fa16570867728950e', 'http://127.0.0.1:5700', 'ACME_SUPPORT_LINE_2026'];
  for (const value of ordinary) expect(looksLikeSecret(value)).toBe(false);
});

test('validators accept the right shapes and explain the wrong ones', () => {
  expect(validateSdkAppId('1400000001')).toBeNull();
  expect(validateSdkAppId('1600012345')).toBeNull();
  for (const wrong of ['', '12', '0400000001', '14000000011', '１４００００００01']) expect(validateSdkAppId(wrong)).toMatch(/10 digits/);
  expect(normalizeInput('\u3000１４００００００01 ')).toBe('1400000001');
  expect(validateAppId('wx0123456789abcdef')).toBeNull();
  expect(validateAppId('touristappid')).toBeNull();
  expect(validateAppId('wx0123456789abcdeg')).toMatch(/16 hex/);
  expect(validateEndpoint('https://cc.example.com:8443/base')).toBeNull();
  expect(validateEndpoint('https://cc.example.com/?token=1')).toMatch(/no query/);
  expect(validateDirectory('apps/my-app')).toBeNull();
  expect(packageNameOf('apps/my-app/')).toBe('my-app');
  expect(packageNameOf('./x/../y')).toBe('y');
  expect(packageNameOf('我的小程序')).toBe('tccc-miniprogram');
  expect(packageNameOf('My  App (2)')).toBe('my-app-2');
  expect(packageNameOf('_x.')).toBe('x.');
});

test('string literals survive any input; Markdown text stays inert', () => {
  for (const value of ['a"b', "a'b", 'a`${b}`', '</script>', 'line\nbreak', '\u2028\u2029', '\\']) {
    const literal = jsString(value);
    expect(literal).not.toMatch(/[\u2028\u2029]/);
    expect(Function(`return ${literal}`)()).toBe(value);
  }
  expect(markdownText('a|b`c<d>\ne')).toBe('a&#124;b&#96;c&#60;d&#62;&#10;e');
});

test('the package manager comes from npm_config_user_agent', () => {
  expect(detectPackageManager('pnpm/9.12.0 npm/? node/v20.20.2 linux x64')).toBe('pnpm');
  expect(detectPackageManager('yarn/1.22.22 npm/? node/v20.20.2 linux x64')).toBe('yarn');
  expect(detectPackageManager('npm/11.19.1 node/v20.20.2 linux x64')).toBe('npm');
  expect(detectPackageManager(undefined)).toBe('npm');
  expect(detectPackageManager('bun/1.1.0')).toBe('npm');
});

test('a yes/no answer is read as a Chinese or an English speaker means it; anything else is neither', () => {
  for (const yes of ['是', '是的', '好', '好的', '对', '确定', '确认', '要', '可以', 'y', 'Yes', 'ｙ', ' 是 ']) expect([yes, readYesNo(yes)]).toEqual([yes, true]);
  for (const no of ['否', '不', '不是', '不对', '不确定', '不要', 'n', 'No', 'ｎ']) expect([no, readYesNo(no)]).toEqual([no, false]);
  for (const neither of ['也许', 'maybe', '？', '1']) expect([neither, readYesNo(neither)]).toEqual([neither, undefined]);
});
