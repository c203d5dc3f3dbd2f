/**
 * Ship size, per package: each template scaffolded for each core, installed (from a loopback registry of
 * the packed packages), packNpm'd and compiled offline with miniprogram-ci's getCompiledResult, split by
 * package: the core (miniprogram_npm/tccc-wx-sdk: ours, or on the tccc core the double of Tencent's, whose
 * size says nothing of Tencent's), the kit (tccc-call-kit), vant, trtc-wx-sdk, tim-wx-sdk and the app.
 * References in the same run: the audio app with IM signaling (tim-wx-sdk), compiled without WeChat's
 * ES6→ES5 step, and without `lazyCodeLoading`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PackedTarballs } from '../scripts/lib/pack';
import { npmEnvFor, startLocalRegistry } from '../scripts/lib/local-registry';
import { repoRoot } from '../scripts/lib/repo-root';
import { run } from './measure';
import type { Split } from './ship-budgets';
import { splitOf } from './ship-budgets';

/** KB per package: see ship-budgets.ts. */
export type PackageSplit = Split;

type Template = 'audio' | 'video' | 'full';
type Core = 'open' | 'tccc';

export interface ShipSizeReport {
  /** Compiled main package per core and template, in KB. */
  byCore: Record<Core, Record<Template, PackageSplit>>;
  /** The audio app's compiled files on each core, path to bytes. */
  audioFiles: Record<Core, Record<string, number>>;
  /** The audio app on our core with IM signaling (tim-wx-sdk), in KB. */
  reference: PackageSplit;
  /** The audio app on our core compiled without WeChat's ES6→ES5 step (our code is ES2015 already). */
  audioWithoutEs5: PackageSplit;
  /** The audio app on our core without `"lazyCodeLoading": "requiredComponents"` in app.json. */
  audioWithoutLazyCodeLoading: PackageSplit;
}

/** miniprogram-ci logs to the console (and fails to reach servicewechat.com, harmlessly): keep stdout for the report. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  console.log = console.info = console.warn = console.error = () => undefined;
  try {
    return await work();
  } finally {
    Object.assign(console, saved);
  }
}

/** 构建 npm (miniprogram-ci's packNpm), then what an upload would hold: path under miniprogramRoot to bytes. */
export async function packAndCompile(projectPath: string, keyFile: string, es6 = true): Promise<Record<string, number>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci');
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKeyPath: keyFile, ignores: ['node_modules/**/*'], attr: async () => ci.DefaultProjectAttr });
  // The compiler leaves an empty folder named by a hash of the project in the working directory: the bench's own.
  const cwd = process.cwd();
  process.chdir(path.dirname(keyFile));
  const compiled: Record<string, string | Buffer> = await quietly(async () => {
    await ci.packNpm(project, { reporter: () => undefined });
    return ci.getCompiledResult({ project, setting: { es6, minify: true, minifyWXML: true, minifyWXSS: true } });
  }).finally(() => process.chdir(cwd));
  return Object.fromEntries(Object.entries(compiled).map(([file, content]) => [file, Buffer.byteLength(content)]));
}

async function compiledSplit(projectPath: string, keyFile: string, es6 = true): Promise<PackageSplit> {
  return splitOf(await packAndCompile(projectPath, keyFile, es6));
}

const CORE_FLAGS: Record<Core, string[]> = {
  open: ['--core', 'open'],
  tccc: ['--core', 'tccc', '--sdk-app-id', '1400000001', '--channel-id', '12345'],
};

export async function measureShipSize(packed: PackedTarballs, cli: string, work: string): Promise<ShipSizeReport> {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const keyFile = path.join(work, 'unused-upload.key');
  // Only uploads use the key; the compiler insists on one that is not empty.
  fs.writeFileSync(keyFile, '-----BEGIN RSA PRIVATE KEY-----\nunused\n-----END RSA PRIVATE KEY-----\n');
  // The app's own test tools (devDependencies) come from the npm cache, as the lockfile pins them.
  const registry = await startLocalRegistry(packed.all, { lockfile: path.join(repoRoot(), 'package-lock.json') });
  const env = npmEnvFor(registry.url, path.join(work, '.npm-cache'));
  const scaffold = async (name: string, template: Template, core: Core): Promise<string> => {
    // --no-tests: the app's own test is left out of the upload (packOptions.ignore), so the compiled package is
    // the same without it, and its tools (test-tools-size.ts measures them) are not on this registry.
    await run(process.execPath, [cli, name, '--template', template, ...CORE_FLAGS[core], '--no-tests', '--yes', '--skip-install'], { cwd: work, env });
    const project = path.join(work, name);
    await run('npm', ['install'], { cwd: project, env });
    return project;
  };
  try {
    const byCore = { open: {}, tccc: {} } as ShipSizeReport['byCore'];
    const audioFiles = {} as ShipSizeReport['audioFiles'];
    for (const core of ['open', 'tccc'] as const) {
      for (const template of ['audio', 'video', 'full'] as const) {
        const files = await packAndCompile(await scaffold(`app-${template}-${core}`, template, core), keyFile);
        byCore[core][template] = splitOf(files);
        if (template === 'audio') audioFiles[core] = files;
      }
    }
    const reference = await scaffold('app-im', 'audio', 'open');
    await run('npm', ['install', 'tim-wx-sdk'], { cwd: reference, env });
    const appJs = path.join(reference, 'app.js');
    fs.writeFileSync(appJs, `require('tccc-wx-sdk/im');\n${fs.readFileSync(appJs, 'utf8')}`);
    const audioWithoutEs5 = await compiledSplit(path.join(work, 'app-audio-open'), keyFile, false);
    const eager = await scaffold('app-eager', 'audio', 'open');
    const appJson = path.join(eager, 'app.json');
    const { lazyCodeLoading: _dropped, ...withoutLazy } = JSON.parse(fs.readFileSync(appJson, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(appJson, JSON.stringify(withoutLazy, null, 2));
    return { byCore, audioFiles, reference: await compiledSplit(reference, keyFile), audioWithoutEs5, audioWithoutLazyCodeLoading: await compiledSplit(eager, keyFile) };
  } finally {
    await registry.close();
  }
}
