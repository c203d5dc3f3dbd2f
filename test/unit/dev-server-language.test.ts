/**
 * Which language tccc-dev-server speaks in the terminal: POSIX locale variables in their order, Intl on Windows,
 * `--lang` values; and the width a Chinese label takes in a terminal column.
 */
import { parseLanguage, terminalLanguage } from '../../dev-server/language';
import { padToWidth, terminalWidth } from '../../dev-server/terminal-width';

const linux = (env: NodeJS.ProcessEnv) => terminalLanguage({ env, platform: 'linux', intlLocale: () => 'zh-CN' });

test('the first of LC_ALL, LC_MESSAGES and LANG that is set decides; zh… is Chinese, anything else English', () => {
  expect(linux({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
  expect(linux({ LANG: 'zh_TW.UTF-8' })).toBe('zh-CN');
  expect(linux({ LANG: 'en_US.UTF-8' })).toBe('en-US');
  expect(linux({ LANG: 'C.UTF-8' })).toBe('en-US');
  expect(linux({ LANG: 'de_DE.UTF-8' })).toBe('en-US');
  expect(linux({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
  expect(linux({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en-US');
  expect(linux({ LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
});

test('with none of them set: English, except on Windows, where the system locale (Intl) decides', () => {
  expect(linux({})).toBe('en-US');
  expect(terminalLanguage({ env: {}, platform: 'win32', intlLocale: () => 'zh-CN' })).toBe('zh-CN');
  expect(terminalLanguage({ env: {}, platform: 'win32', intlLocale: () => 'en-GB' })).toBe('en-US');
  // A Windows shell that sets LANG (Git Bash, MSYS) is taken at its word.
  expect(terminalLanguage({ env: { LANG: 'en_US.UTF-8' }, platform: 'win32', intlLocale: () => 'zh-CN' })).toBe('en-US');
});

test('--lang takes zh-CN or en-US, forgiving case, underscores and a bare language', () => {
  expect(['zh-CN', 'zh_cn', 'ZH', 'en-US', 'en', 'EN_us'].map(parseLanguage)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'en-US', 'en-US', 'en-US']);
  expect(['fr', 'zh-TW-x', '', 'chinese'].map(parseLanguage)).toEqual([null, null, null, null]);
});

test('a Chinese character takes two terminal cells, so labels line up', () => {
  expect(terminalWidth('Agent console')).toBe(13);
  expect(terminalWidth('坐席控制台')).toBe(10);
  expect(terminalWidth('坐席 API')).toBe(8);
  expect(terminalWidth('（协议）')).toBe(8);
  expect(padToWidth('渠道', 8)).toBe('渠道    ');
  expect(padToWidth('too long', 4)).toBe('too long');
});
