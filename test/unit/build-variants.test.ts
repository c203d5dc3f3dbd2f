/**
 * A component's variant (call-screen/audio) shares its folder's markup, less the elements of the components
 * its usingComponents leaves out (scripts/build.mjs, variantMarkup). The build is ES modules: run in a Node child.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function variantOf(markup: string, left: string[]): { text?: string; error?: string } {
  const script = `
    import { variantMarkup } from './scripts/build.mjs';
    try { process.stdout.write(JSON.stringify({ text: variantMarkup(${JSON.stringify(markup)}, ${JSON.stringify(left)}, 'x/audio.json') })); }
    catch (error) { process.stdout.write(JSON.stringify({ error: error.message })); }
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30000 }));
}

const MARKUP = [
  '<view class="a">',
  '  <tccc-wx-sdk id="root">',
  '    <tccc-video-panel wx:if="{{ kind === \'video\' }}" status="{{ s }}">',
  '      <tccc-wx-sdk-player slot="remote" />',
  '    </tccc-video-panel>',
  '  </tccc-wx-sdk>',
  '  <tccc-badge text="1"/>',
  '  <scroll-view />',
  '</view>',
  '',
].join('\n');

test('the elements of the components left out go with their children; every other element stays, built-in tags too', () => {
  expect(variantOf(MARKUP, ['tccc-wx-sdk-player', 'tccc-video-panel', 'tccc-badge'])).toEqual({
    text: ['<view class="a">', '  <tccc-wx-sdk id="root">', '  </tccc-wx-sdk>', '  <scroll-view />', '</view>', ''].join('\n'),
  });
  // A tag that starts another's name is its own: leaving out tccc-wx-sdk-player keeps tccc-wx-sdk.
  expect(variantOf(MARKUP, ['tccc-wx-sdk-player']).text).toContain('<tccc-wx-sdk id="root">');
});

test('an element it cannot take out (an open tag without its close) stops the build, naming it', () => {
  const broken = MARKUP.replace('</tccc-video-panel>', '');
  expect(variantOf(broken, ['tccc-video-panel'])).toEqual({ error: expect.stringContaining('x/audio.json: its markup (index.wxml) still uses tccc-video-panel') });
});
