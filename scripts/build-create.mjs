// Builds the scaffolder package, create-tccc-miniprogram, into dist/create-tccc-miniprogram/: one bundle
// with its libraries (commander, @inquirer/prompts, ejs…), the templates, and a package.json that pins the
// SDK release built from this tree. It is a separate package so that an app installing tccc-wx-sdk gets
// none of this.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'create-tccc-miniprogram');
const sdk = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const source = JSON.parse(fs.readFileSync(path.join(root, 'packages', 'create-tccc-miniprogram', 'package.json'), 'utf8'));

const started = Date.now();
fs.rmSync(out, { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, legalComments: 'none', logLevel: 'warning' };
await build({ ...common, entryPoints: [path.join(root, 'bin', 'create-tccc.ts')], outfile: path.join(out, 'index.js'), banner: { js: '#!/usr/bin/env node' } });
// The questions (@inquirer/prompts, most of the weight) in a second bundle, loaded only on a terminal.
await build({ ...common, entryPoints: [path.join(root, 'create', 'ask.ts')], outfile: path.join(out, 'ask.js') });
fs.chmodSync(path.join(out, 'index.js'), 0o755);
fs.cpSync(path.join(root, 'templates'), path.join(out, 'templates'), { recursive: true });
for (const file of ['README.md']) fs.copyFileSync(path.join(root, 'packages', 'create-tccc-miniprogram', file), path.join(out, file));
if (fs.existsSync(path.join(root, 'LICENSE'))) fs.copyFileSync(path.join(root, 'LICENSE'), path.join(out, 'LICENSE'));
const manifest = {
  ...source,
  version: sdk.version,
  tcccDependencies: { 'tccc-wx-sdk': `^${sdk.version}`, '@vant/weapp': sdk.dependencies['@vant/weapp'] },
};
fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
if (!process.argv.includes('--quiet')) console.log(`dist/create-tccc-miniprogram built in ${Date.now() - started} ms`);
