/**
 * What an app's own test costs in node_modules: the audio app on our core scaffolded twice, with its test and
 * with `--no-tests`, each installed through a loopback registry (our packed packages, and the packages of
 * this repository's lockfile from npm's cache), then built as WeChat's 构建 npm builds it. Reported: the
 * difference in packages, files and bytes (apparent size, and blocks on this disk), and whether the two
 * `miniprogram_npm` folders hold the same files (the test's tools must add nothing there).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PackedTarballs } from '../scripts/lib/pack';
import { npmEnvFor, startLocalRegistry } from '../scripts/lib/local-registry';
import { buildNpm } from '../testing';
import { round, run } from './measure';

interface Tree {
  packages: number;
  files: number;
  bytes: number;
  /** Bytes of the blocks the files take on this disk. */
  diskBytes: number;
}

export interface TestToolsReport {
  withTests: Tree;
  withoutTests: Tree;
  added: { packages: number; files: number; mb: number; diskMb: number };
  /** The same files in miniprogram_npm with and without the test. */
  miniprogramNpmUnchanged: boolean;
}

function measure(dir: string): Tree {
  const tree: Tree = { packages: 0, files: 0, bytes: 0, diskBytes: 0 };
  const visit = (at: string) => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile()) {
        const stat = fs.statSync(full);
        tree.files += 1;
        tree.bytes += stat.size;
        tree.diskBytes += stat.blocks * 512;
        if (entry.name === 'package.json' && path.basename(path.dirname(at)) === 'node_modules') tree.packages += 1;
        else if (entry.name === 'package.json' && path.basename(path.dirname(path.dirname(at))) === 'node_modules' && path.basename(path.dirname(at)).startsWith('@')) tree.packages += 1;
      }
    }
  };
  visit(dir);
  return tree;
}

function filesUnder(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name), base) : [path.relative(base, path.join(dir, entry.name))])).sort();
}

export async function measureTestTools(packed: PackedTarballs, cli: string, lockfile: string, work: string): Promise<TestToolsReport> {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const registry = await startLocalRegistry(packed.all, { lockfile });
  const env = npmEnvFor(registry.url, path.join(work, '.npm-cache'));
  try {
    const trees: Record<'withTests' | 'withoutTests', { tree: Tree; npm: string[] }> = {} as never;
    for (const [key, flags] of [['withTests', []], ['withoutTests', ['--no-tests']]] as const) {
      const name = key === 'withTests' ? 'with-tests' : 'without-tests';
      await run(process.execPath, [cli, name, '--template', 'audio', '--core', 'open', ...flags, '--yes', '--skip-install'], { cwd: work, env });
      const project = path.join(work, name);
      await run('npm', ['install'], { cwd: project, env, timeoutMs: 600000 });
      await buildNpm(project);
      trees[key] = { tree: measure(path.join(project, 'node_modules')), npm: filesUnder(path.join(project, 'miniprogram_npm')) };
    }
    const [a, b] = [trees.withTests.tree, trees.withoutTests.tree];
    return {
      withTests: a,
      withoutTests: b,
      added: { packages: a.packages - b.packages, files: a.files - b.files, mb: round((a.bytes - b.bytes) / 2 ** 20, 1), diskMb: round((a.diskBytes - b.diskBytes) / 2 ** 20, 1) },
      miniprogramNpmUnchanged: JSON.stringify(trees.withTests.npm) === JSON.stringify(trees.withoutTests.npm),
    };
  } finally {
    await registry.close();
  }
}
