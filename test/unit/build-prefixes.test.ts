/**
 * WeChat's style completion (project setting `postcss`, on in every app we write) runs autoprefixer for iOS 8 and
 * Chrome 37 on each .wxss at upload. Our stylesheets switch it off (scripts/build.mjs, NO_PREFIXES): the copies it
 * adds are for WebViews that cannot draw them anyway. Checked with miniprogram-ci's own WXSS step, on the built files.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { filesUnder } from '../support/files-under';

const ROOT = path.resolve(__dirname, '../..');
const PACKAGES = [path.join(ROOT, 'miniprogram_dist'), path.join(ROOT, 'packages/tccc-call-kit/miniprogram_dist')];
// miniprogram-ci's own copies: the WXSS step WeChat runs, and the postcss and autoprefixer it runs it with.
const fromCi = createRequire(path.join(ROOT, 'node_modules', 'miniprogram-ci', 'package.json'));

type Plugin = unknown;

type CompileWxss = (input: { code: string; filePath: string; setting: { postcss: boolean; minifyWXSS: boolean } }) => Promise<{ code: string }>;
const compileWxss: CompileWxss = fromCi('./dist/modules/corecompiler/original/workerThread/task/compilewxss.js');
const postcss: (plugins: Plugin[]) => { process(css: string, options: { from: string }): Promise<{ css: string }> } = fromCi('postcss');
const autoprefixer: (options: { overrideBrowserslist: string[] }) => Plugin = fromCi('autoprefixer');

/** The oldest WebViews that draw our styles: CSS variables, grid, and min()/max() in the sizes (iOS 11.3, Chrome 79). */
const OUR_FLOOR = ['iOS >= 11.3', 'Chrome >= 79'];

function builtStylesheets(): string[] {
  return PACKAGES.flatMap(filesUnder).filter((file) => file.endsWith('.wxss'));
}

const prefixed = (css: string) => new Set(css.match(/-webkit-[a-z-]+/g) ?? []);

const stylesheets = builtStylesheets();

test('the built packages have stylesheets in both', () => {
  expect(stylesheets.some((file) => file.includes('tccc-call-kit'))).toBe(true);
  expect(stylesheets.some((file) => !file.includes('tccc-call-kit'))).toBe(true);
});

test.each(stylesheets.map((file) => [path.relative(ROOT, file), file]))('WeChat uploads %s with no prefixes but its own', async (_name, file) => {
  const written = fs.readFileSync(file, 'utf8');
  const { code } = await compileWxss({ code: written, filePath: path.basename(file), setting: { postcss: true, minifyWXSS: true } });
  expect(prefixed(code)).toEqual(prefixed(written));
  expect(code).not.toContain('autoprefixer');
});

test('no WebView that draws our styles needs a prefix WeChat would have added', async () => {
  let addedByWeChat = 0;
  for (const file of stylesheets) {
    const bare = fs.readFileSync(file, 'utf8').replace('/* autoprefixer: off */', '');
    const { code } = await compileWxss({ code: bare, filePath: path.basename(file), setting: { postcss: true, minifyWXSS: false } });
    addedByWeChat += prefixed(code).size - prefixed(bare).size;
    const { css } = await postcss([autoprefixer({ overrideBrowserslist: OUR_FLOOR })]).process(bare, { from: file });
    expect({ file: path.relative(ROOT, file), prefixes: [...prefixed(css)] }).toEqual({ file: path.relative(ROOT, file), prefixes: [...prefixed(bare)] });
  }
  // Without the switch WeChat adds some (the check above would pass on a build that never needed one).
  expect(addedByWeChat).toBeGreaterThan(0);
});
