import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const KIT = ['call-bar', 'keypad', 'call-timer', 'video-panel', 'call-screen', 'privacy-consent'];

test.each(KIT)('%s: its README lists every component token its stylesheet reads', (name) => {
  const tokens = new Set(read(`src/components/${name}/index.less`).match(new RegExp(`--tccc-${name}-[a-z-]+`, 'g')));
  expect(tokens.size).toBeGreaterThan(0);
  const readme = read(`src/components/${name}/README.md`);
  for (const token of tokens) expect(readme).toContain(`\`${token}\``);
});

test('the top-level README lists every global token', () => {
  const tokens = new Set(read('src/common/style/_tokens.less').match(/--tccc-(?!default-)[a-z-]+/g));
  const readme = read('README.md');
  for (const token of tokens) expect(readme).toContain(`\`${token}\``);
});

test('the README shows every screenshot kept in docs/screenshots', () => {
  const readme = read('README.md');
  for (const file of fs.readdirSync(path.join(ROOT, 'docs/screenshots'))) expect(readme).toContain(`docs/screenshots/${file}`);
});
