// Bundles the Node-side programs (the simulator, the scaffolder) with their libraries into dist/, so the
// published package's `dependencies` hold only mini program runtime packages (see docs/architecture.md).
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = fs
  .readdirSync(path.join(root, 'bin'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => path.join(root, 'bin', name));

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
