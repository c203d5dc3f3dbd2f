// Bundles the simulator (bin/tccc-dev-server.ts) with its libraries into dist/bin, so the published
// package's `dependencies` hold only mini program runtime packages. The scaffolder is its own package:
// scripts/build-create.mjs.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = [path.join(root, 'bin', 'tccc-dev-server.ts')];

const started = Date.now();
await build({
  entryPoints: entries,
  outdir: path.join(root, 'dist', 'bin'),
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
fs.cpSync(path.join(root, 'dev-server', 'console'), path.join(root, 'dist', 'console'), { recursive: true });
for (const entry of entries) {
  fs.chmodSync(path.join(root, 'dist', 'bin', path.basename(entry).replace(/\.ts$/, '.js')), 0o755);
}
if (!process.argv.includes('--quiet')) console.log(`dist/bin built in ${Date.now() - started} ms`);
