/**
 * Scaffold time: create-tccc-miniprogram --yes --skip-install against create-vite (vanilla), both run from
 * installed packages (ours from its packed tarball) with node, alternating, in the same run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { median, round, run } from './measure';

export interface ScaffoldTimeReport {
  runs: number;
  oursMs: { min: number; median: number };
  createViteMs: { min: number; median: number };
  /** ours / create-vite, by median. */
  ratio: number;
}

export async function measureScaffoldTime(root: string, createTarball: string, work: string, runs = 10): Promise<ScaffoldTimeReport> {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  // Installed as a user's npx would: the packed package in a node_modules of its own (the package.json
  // keeps npm from walking up to the repository's).
  fs.writeFileSync(path.join(work, 'package.json'), '{ "private": true }\n');
  await run('npm', ['install', '--no-audit', '--no-fund', '--offline', createTarball], { cwd: work });
  const ours = path.join(work, 'node_modules', 'create-tccc-miniprogram', 'index.js');
  const viteDir = path.join(root, 'node_modules', 'create-vite');
  const viteBin = path.join(viteDir, JSON.parse(fs.readFileSync(path.join(viteDir, 'package.json'), 'utf8')).bin['create-vite']);
  const times = { ours: [] as number[], vite: [] as number[] };
  const env = { ...process.env, CI: '1' };
  for (let i = 0; i < runs + 1; i += 1) {
    for (const [name, argv] of [
      ['ours', [ours, `tccc-${i}`, '--yes', '--skip-install']],
      ['vite', [viteBin, `vite-${i}`, '--template', 'vanilla', '--no-interactive', '--no-immediate']],
    ] as const) {
      const started = process.hrtime.bigint();
      await run(process.execPath, [...argv], { cwd: work, env });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (i > 0) times[name].push(ms); // the first round warms the file cache
    }
  }
  const summary = (values: number[]) => ({ min: round(Math.min(...values), 1), median: round(median(values), 1) });
  return { runs, oursMs: summary(times.ours), createViteMs: summary(times.vite), ratio: round(median(times.ours) / median(times.vite)) };
}
