// Runs a TypeScript script (bench, load) by bundling it with esbuild into .tmp/ first.
// Usage: node scripts/run-ts.mjs scripts/load.ts [args...]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const [entry, ...args] = process.argv.slice(2);
const outfile = path.join('.tmp', 'scripts', `${path.basename(entry, '.ts')}.js`);
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node18', format: 'cjs', external: ['bufferutil', 'utf-8-validate', 'miniprogram-ci', 'playwright-core'], logLevel: 'warning' });
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
process.exit(result.status ?? 1);
