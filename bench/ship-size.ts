/**
 * Ship size: each template scaffolded, installed (from a loopback registry of the packed packages),
 * packNpm'd and compiled offline with miniprogram-ci's getCompiledResult, split by origin. Reference in the
 * same run: the audio app as IM-signalling call kits build it, with tim-wx-sdk beside trtc-wx-sdk.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PackedTarballs } from '../scripts/lib/pack';
import { npmEnvFor, startLocalRegistry } from '../scripts/lib/local-registry';
import { kb, run } from './measure';

export interface PackageSplit {
  /** tccc-wx-sdk: the whole package, and its UI kit part (the components on vant, their shared code). */
  ours: number;
  oursKit: number;
  vant: number;
  trtc: number;
  tim: number;
  app: number;
  total: number;
}

export interface ShipSizeReport {
  /** Compiled main package per template, in KB. */
  templates: Record<string, PackageSplit>;
  /** The audio app with IM signaling (tim-wx-sdk), in KB. */
  reference: PackageSplit;
  /** The audio app compiled without WeChat's ES6→ES5 step (our code is ES2015 already). */
  audioWithoutEs5: PackageSplit;
}

const KIT = /^miniprogram_npm\/tccc-wx-sdk\/(call-bar|keypad|call-timer|video-panel|call-screen|config-provider)\/|^miniprogram_npm\/tccc-wx-sdk\/common\/(locale|locale-behavior|bem|format|select)\./;

const ORIGINS: Array<[keyof Omit<PackageSplit, 'total' | 'app' | 'oursKit'>, string]> = [
  ['ours', 'miniprogram_npm/tccc-wx-sdk/'],
  ['vant', 'miniprogram_npm/@vant/weapp/'],
  ['trtc', 'miniprogram_npm/trtc-wx-sdk/'],
  ['tim', 'miniprogram_npm/tim-wx-sdk/'],
];

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

async function compiledSplit(projectPath: string, keyFile: string, es6 = true): Promise<PackageSplit> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci');
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKeyPath: keyFile, ignores: ['node_modules/**/*'], attr: async () => ci.DefaultProjectAttr });
  const compiled: Record<string, string | Buffer> = await quietly(async () => {
    await ci.packNpm(project, { reporter: () => undefined });
    return ci.getCompiledResult({ project, setting: { es6, minify: true, minifyWXML: true, minifyWXSS: true } });
  });
  const split: PackageSplit = { ours: 0, oursKit: 0, vant: 0, trtc: 0, tim: 0, app: 0, total: 0 };
  for (const [file, content] of Object.entries(compiled)) {
    const bytes = Buffer.byteLength(content);
    const origin = ORIGINS.find(([, prefix]) => file.startsWith(prefix))?.[0] ?? 'app';
    split[origin] += bytes;
    if (KIT.test(file)) split.oursKit += bytes;
    split.total += bytes;
  }
  return Object.fromEntries(Object.entries(split).map(([key, bytes]) => [key, kb(bytes)])) as unknown as PackageSplit;
}

export async function measureShipSize(packed: PackedTarballs, cli: string, work: string): Promise<ShipSizeReport> {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const keyFile = path.join(work, 'unused-upload.key');
  // Only uploads use the key; the compiler insists on one that is not empty.
  fs.writeFileSync(keyFile, '-----BEGIN RSA PRIVATE KEY-----\nunused\n-----END RSA PRIVATE KEY-----\n');
  const registry = await startLocalRegistry(packed.all);
  const env = npmEnvFor(registry.url, path.join(work, '.npm-cache'));
  try {
    const templates: Record<string, PackageSplit> = {};
    for (const template of ['audio', 'video', 'full']) {
      await run(process.execPath, [cli, `app-${template}`, '--template', template, '--yes', '--skip-install'], { cwd: work, env });
      const project = path.join(work, `app-${template}`);
      await run('npm', ['install'], { cwd: project, env });
      templates[template] = await compiledSplit(project, keyFile);
    }
    await run(process.execPath, [cli, 'app-im', '--template', 'audio', '--yes', '--skip-install'], { cwd: work, env });
    const reference = path.join(work, 'app-im');
    await run('npm', ['install', 'tim-wx-sdk'], { cwd: reference, env });
    const appJs = path.join(reference, 'app.js');
    fs.writeFileSync(appJs, `require('tccc-wx-sdk/im');\n${fs.readFileSync(appJs, 'utf8')}`);
    const audioWithoutEs5 = await compiledSplit(path.join(work, 'app-audio'), keyFile, false);
    return { templates, reference: await compiledSplit(reference, keyFile), audioWithoutEs5 };
  } finally {
    await registry.close();
  }
}
