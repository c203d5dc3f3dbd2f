/**
 * What `create-tccc-miniprogram add` costs an existing app, on the largest fixture (test/fixtures/add-shop:
 * a TDesign shop with three subpackages): the app installed and built with 构建 npm, compiled with
 * miniprogram-ci's getCompiledResult; then add on each core (with its own install from a loopback registry),
 * built and compiled again; the main package's growth in bytes and the call subpackage's compiled size.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PackedTarballs } from '../scripts/lib/pack';
import { pack } from '../scripts/lib/pack';
import { npmEnvFor, startLocalRegistry } from '../scripts/lib/local-registry';
import { mainPackageBytes } from '../test/support/wechat-build';
import { kb, run } from './measure';
import { packAndCompile } from './ship-size';

const ROOT = 'packageTccc';

export interface AddSizeReport {
  fixture: string;
  /** The app's compiled main package before add, in bytes. */
  mainBefore: number;
  byCore: Record<'open' | 'tccc', { mainGrowthBytes: number; subpackageKB: number }>;
}

function rootsOf(project: string): string[] {
  const app = JSON.parse(fs.readFileSync(path.join(project, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
  return (app.subPackages ?? []).map((entry) => entry.root);
}

export async function measureAddSize(packed: PackedTarballs, cli: string, work: string, repoRoot: string): Promise<AddSizeReport> {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const keyFile = path.join(work, 'unused-upload.key');
  fs.writeFileSync(keyFile, '-----BEGIN RSA PRIVATE KEY-----\nunused\n-----END RSA PRIVATE KEY-----\n');
  const tdesign = pack('./node_modules/tdesign-miniprogram', work);
  const registry = await startLocalRegistry([...packed.all, tdesign]);
  const env = npmEnvFor(registry.url, path.join(work, '.npm-cache'));
  const base = path.join(work, 'shop');
  try {
    fs.cpSync(path.join(repoRoot, 'test/fixtures/add-shop'), base, { recursive: true });
    await run('npm', ['install'], { cwd: base, env });
    const mainBefore = mainPackageBytes(await packAndCompile(base, keyFile), rootsOf(base));
    const byCore = {} as AddSizeReport['byCore'];
    const flags = { open: ['--core', 'open'], tccc: ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '12345'] };
    for (const core of ['open', 'tccc'] as const) {
      // A copy of the built app per core: the compiler caches by project folder.
      const project = path.join(work, `shop-${core}`);
      fs.cpSync(base, project, { recursive: true });
      // --no-tests: the call page's own test is left out of the upload (packOptions.ignore), so it changes no
      // compiled byte; its tools (jest, miniprogram-ci…) are not what this registry serves.
      await run(process.execPath, [cli, 'add', ...flags[core], '--no-tests', '--yes', '--use-npm'], { cwd: project, env });
      const files = await packAndCompile(project, keyFile);
      const subpackage = Object.entries(files).filter(([file]) => file.startsWith(`${ROOT}/`)).reduce((sum, [, bytes]) => sum + bytes, 0);
      byCore[core] = { mainGrowthBytes: mainPackageBytes(files, rootsOf(project)) - mainBefore, subpackageKB: kb(subpackage) };
    }
    return { fixture: 'test/fixtures/add-shop', mainBefore, byCore };
  } finally {
    await registry.close();
  }
}
