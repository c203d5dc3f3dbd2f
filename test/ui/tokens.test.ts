/**
 * The global tokens the top-level README lists keep their promise: each is read by some style the kit ships
 * (the built stylesheets, as an app gets them). A token set in app.wxss that no style reads would do nothing.
 * (test/unit/docs.test.ts checks the other way: every token the theme resolves is in the README.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../support/files-under';
import { KIT_DIST } from '../support/simulate-root';

const ROOT = path.resolve(__dirname, '../..');

function stylesheets(dir: string): string[] {
  return filesUnder(dir)
    .filter((file) => file.endsWith('.wxss'))
    .map((file) => fs.readFileSync(file, 'utf8'));
}

/** The README's global tokens: the first cell of each row of its tokens table (`--tccc-a` / `--tccc-b` rows split). */
function readmeTokens(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const rows = readme.split('\n').filter((line) => /^\| `--tccc-(color|radius|space|font-size|unit)/.test(line));
  return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`(--tccc-[a-z-]+)`/g)].map(([, token]) => token));
}

test('every global token the README lists is read by a style the kit ships', () => {
  const css = stylesheets(KIT_DIST).join('\n');
  const tokens = readmeTokens();
  expect(tokens.length).toBeGreaterThan(25);
  const unread = tokens.filter((token) => {
    // Resolved once into a private variable (`--_radius-sm: var(--tccc-radius-sm, …)`): read where that one is.
    const privates = [...css.matchAll(new RegExp(`(--_[a-z-]+):\\s*var\\(${token}[,)]`, 'g'))].map(([, name]) => name);
    const readers = privates.length > 0 ? privates : [token];
    return !readers.some((name) => css.includes(`var(${name})`) || css.includes(`var(${name},`));
  });
  expect(unread).toEqual([]);
});
