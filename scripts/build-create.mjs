// Builds the scaffolder package, create-tccc-miniprogram, in packages/create-tccc-miniprogram/: one bundle
// with its libraries (commander, @inquirer/prompts, ejs…), the templates, and the ranges of the packages a
// generated app installs, taken from this tree's package.json files. It is a separate package so that an
// app installing the SDK gets none of this.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = path.join(root, 'packages', 'create-tccc-miniprogram');
const manifestOf = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const core = manifestOf(root);
const kit = manifestOf(path.join(root, 'packages', 'tccc-call-kit'));
const devServer = manifestOf(path.join(root, 'packages', 'tccc-dev-server'));
const own = manifestOf(packageDir);

/** What a generated app depends on; create/release.ts reads it. */
const release = {
  version: own.version,
  openCore: { name: core.name, range: `^${core.version}` },
  kit: { name: kit.name, range: `^${kit.version}` },
  devServer: { name: devServer.name, range: `^${devServer.version}` },
};

const started = Date.now();
for (const name of ['index.js', 'ask.js', 'templates', 'LICENSE']) fs.rmSync(path.join(packageDir, name), { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { TCCC_RELEASE: JSON.stringify(release) },
  // jsonc-parser's main entry is a UMD build whose inner requires esbuild cannot follow; its ES module build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};
await build({ ...common, entryPoints: [path.join(root, 'bin', 'create-tccc.ts')], outfile: path.join(packageDir, 'index.js'), banner: { js: '#!/usr/bin/env node' } });
// The questions (@inquirer/prompts, most of the weight) in a second bundle, loaded only on a terminal.
await build({ ...common, entryPoints: [path.join(root, 'create', 'ask.ts')], outfile: path.join(packageDir, 'ask.js') });
fs.chmodSync(path.join(packageDir, 'index.js'), 0o755);
fs.cpSync(path.join(root, 'templates'), path.join(packageDir, 'templates'), { recursive: true });
if (fs.existsSync(path.join(root, 'LICENSE'))) fs.copyFileSync(path.join(root, 'LICENSE'), path.join(packageDir, 'LICENSE'));
if (!process.argv.includes('--quiet')) console.log(`packages/create-tccc-miniprogram built in ${Date.now() - started} ms`);
