import { BROWSER_PATHS, findBrowser } from '../../scripts/lib/browser.cjs';

const only = (...files: string[]) => (file: string) => files.includes(file);

test('CHROME_PATH wins when it names a file', () => {
  const found = findBrowser({ env: { CHROME_PATH: '/opt/chrome/chrome' }, platform: 'linux', exists: only('/opt/chrome/chrome', '/usr/bin/chromium') });
  expect(found).toBe('/opt/chrome/chrome');
});

test('a CHROME_PATH that names no file finds nothing, rather than another browser behind the user’s back', () => {
  expect(findBrowser({ env: { CHROME_PATH: '/nope' }, platform: 'linux', exists: only('/usr/bin/chromium') })).toBeUndefined();
});

test('the usual install paths, per platform, in order', () => {
  expect(findBrowser({ env: {}, platform: 'linux', exists: only('/usr/bin/google-chrome', '/snap/bin/chromium') })).toBe('/usr/bin/google-chrome');
  expect(findBrowser({ env: {}, platform: 'darwin', exists: only(BROWSER_PATHS.darwin[1]) })).toBe(BROWSER_PATHS.darwin[1]);
  expect(findBrowser({ env: {}, platform: 'linux', exists: () => false })).toBeUndefined();
  expect(findBrowser({ env: {}, platform: 'aix', exists: () => true })).toBeUndefined();
});
