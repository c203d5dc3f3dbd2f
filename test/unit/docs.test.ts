import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const KIT = ['call-bar', 'keypad', 'call-timer', 'video-panel', 'call-screen', 'privacy-consent'];

/** A component's stylesheets: index.less and what it is made of (call-screen's _screen.less and _video.less). */
const stylesOf = (name: string) =>
  fs.readdirSync(path.join(ROOT, 'src/components', name)).filter((file) => file.endsWith('.less')).map((file) => read(`src/components/${name}/${file}`)).join('\n');

test.each(KIT)('%s: its README lists every component token its stylesheet reads', (name) => {
  const tokens = new Set(stylesOf(name).match(new RegExp(`--tccc-${name}-[a-z-]+`, 'g')));
  expect(tokens.size).toBeGreaterThan(0);
  const readme = read(`src/components/${name}/README.md`);
  for (const token of tokens) expect(readme).toContain(`\`${token}\``);
});

/** The shared stylesheet compiled, as the build does: every token it resolves, by name. */
function themeCss(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const less = require('less') as { render(input: string, options: { filename: string; syncImport: boolean }, done: (error: Error | null, output?: { css: string }) => void): void };
  const file = path.join(ROOT, 'src/common/style/theme.less');
  let css = '';
  less.render(fs.readFileSync(file, 'utf8'), { filename: file, syncImport: true }, (error, output) => {
    if (error) throw error;
    css = output!.css;
  });
  return css;
}

test('the top-level README lists every global token', () => {
  // Named in _tokens.less as they are, or put together there by a mixin (`--tccc-color-@{name}`): the compiled theme has them all.
  const literal = read('src/common/style/_tokens.less').match(/--tccc-[a-z]+(?:-[a-z]+)*(?![-@a-z])/g) ?? [];
  const resolved = [...themeCss().matchAll(/var\((--tccc-[a-z-]+)/g)].map(([, name]) => name);
  const tokens = new Set([...literal, ...resolved]);
  expect(tokens.size).toBeGreaterThan(25);
  const readme = read('README.md');
  for (const token of tokens) expect(readme).toContain(`\`${token}\``);
});

test('the README shows every screenshot kept in docs/screenshots', () => {
  const readme = read('README.md');
  for (const file of fs.readdirSync(path.join(ROOT, 'docs/screenshots'))) expect(readme).toContain(`docs/screenshots/${file}`);
});
