// Bundles the simulator (bin/tccc-dev-server.ts) with its libraries into dist/bin, with the agent console
// beside it in dist/console and the protocol's doc in dist/docs: what `npm start` and the tests run. The same files make the tccc-dev-server
// package (packages/tccc-dev-server/dist), a Node package of its own, so that no mini program package
// holds anything Node-only. Its testing entry (testing/, `tccc-dev-server/testing`) goes to dist/testing,
// with its declarations.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
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
await buildTesting(path.join(dist, 'testing'));
for (const entry of entries) {
  fs.chmodSync(path.join(dist, 'bin', path.basename(entry).replace(/\.ts$/, '.js')), 0o755);
}
fs.rmSync(packageDist, { recursive: true, force: true });
for (const folder of ['bin', 'console', 'docs', 'testing']) fs.cpSync(path.join(dist, folder), path.join(packageDist, folder), { recursive: true });
if (fs.existsSync(path.join(root, 'LICENSE'))) fs.copyFileSync(path.join(root, 'LICENSE'), path.join(root, 'packages', 'tccc-dev-server', 'LICENSE'));
if (!process.argv.includes('--quiet')) console.log(`dist/bin and packages/tccc-dev-server built in ${Date.now() - started} ms`);

/**
 * tccc-dev-server/testing: one bundle (ws inside); the packages an app installs for its own test
 * (miniprogram-ci, miniprogram-simulate, typescript) stay outside, loaded on first use. Beside it: the
 * code-quality worker and the jest preset with its resolver (plain scripts), the double of Tencent's
 * tccc-wx-sdk, and the declarations of testing/ alone (each checked to import nothing outside it).
 */
async function buildTesting(out) {
  const source = path.join(root, 'testing');
  fs.rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(source, 'index.ts')],
    outfile: path.join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: ['bufferutil', 'utf-8-validate', 'miniprogram-ci', 'miniprogram-simulate', 'typescript'],
    logLevel: 'warning',
  });
  for (const file of ['code-quality-worker.js', 'jest-preset.js', 'quiet-trtc.js', 'wechat-resolver.js']) fs.copyFileSync(path.join(source, file), path.join(out, file));
  for (const file of ['miniprogram_dist', 'README.md', 'README.zh-CN.md']) {
    fs.cpSync(path.join(source, 'tccc-wx-sdk-double', file), path.join(out, 'tccc-wx-sdk-double', file), { recursive: true });
  }
  for (const file of fs.readdirSync(testingDeclarations())) {
    const text = fs.readFileSync(path.join(testingDeclarations(), file), 'utf8');
    const outside = [...text.matchAll(/from ['"](\.\.\/[^'"]*)['"]/g)].map((match) => match[1]);
    if (outside.length > 0) throw new Error(`testing/${file} reaches outside testing/ (${outside.join(', ')}): its public types must be its own.`);
    fs.writeFileSync(path.join(out, file), text);
  }
}

/** The declarations of testing/*.ts (tsconfig.testing.json), emitted again only when a source is newer. */
function testingDeclarations() {
  const emitted = path.join(root, '.tmp', 'testing-types', 'testing');
  const newest = (dir, test) => Math.max(0, ...fs.readdirSync(dir).filter(test).map((file) => fs.statSync(path.join(dir, file)).mtimeMs));
  const sources = newest(path.join(root, 'testing'), (file) => file.endsWith('.ts'));
  if (!fs.existsSync(emitted) || newest(emitted, (file) => file.endsWith('.d.ts')) < sources) {
    fs.rmSync(path.dirname(emitted), { recursive: true, force: true });
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.testing.json')], { stdio: 'inherit' });
  }
  return emitted;
}
