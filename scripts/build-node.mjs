// Bundles the simulator (bin/tccc-dev-server.ts) with its libraries into dist/bin, with the agent console
// beside it in dist/console and the protocol's doc in dist/docs: what `npm start` and the tests run. The same files make the tccc-dev-server
// package (packages/tccc-dev-server/dist), a Node package of its own, so that no mini program package
// holds anything Node-only.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = [path.join(root, 'bin', 'tccc-dev-server.ts')];
const dist = path.join(root, 'dist');
const packageDist = path.join(root, 'packages', 'tccc-dev-server', 'dist');

const started = Date.now();
await build({
  entryPoints: entries,
  outdir: path.join(dist, 'bin'),
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // ws optionally loads native helpers; the pure JS paths are used without them.
  external: ['bufferutil', 'utf-8-validate'],
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
// The agent console is served from files beside the bundle: dist/console.
fs.cpSync(path.join(root, 'dev-server', 'console'), path.join(dist, 'console'), { recursive: true });
// The protocol the simulator speaks, in both languages, shipped with it: the banner points an app at dist/docs.
fs.mkdirSync(path.join(dist, 'docs'), { recursive: true });
for (const doc of ['protocol.md', 'protocol.zh-CN.md']) fs.copyFileSync(path.join(root, 'docs', doc), path.join(dist, 'docs', doc));
for (const entry of entries) {
  fs.chmodSync(path.join(dist, 'bin', path.basename(entry).replace(/\.ts$/, '.js')), 0o755);
}
fs.rmSync(packageDist, { recursive: true, force: true });
for (const folder of ['bin', 'console', 'docs']) fs.cpSync(path.join(dist, folder), path.join(packageDist, folder), { recursive: true });
if (fs.existsSync(path.join(root, 'LICENSE'))) fs.copyFileSync(path.join(root, 'LICENSE'), path.join(root, 'packages', 'tccc-dev-server', 'LICENSE'));
if (!process.argv.includes('--quiet')) console.log(`dist/bin and packages/tccc-dev-server built in ${Date.now() - started} ms`);
