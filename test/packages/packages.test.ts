/**
 * The packages this tree emits, as npm packs them: each tarball holds what its package.json points at
 * (miniprogram, types, bin), each package's prepack builds it from a clean clone, and the UI kit holds none
 * of the core's files and reaches the core by package name only.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_DIRS } from '../../scripts/lib/pack';
import { packedTarballs } from '../support/packed';

const ROOT = path.resolve(__dirname, '../..');
type Role = keyof typeof PACKAGE_DIRS;
const ROLES = Object.keys(PACKAGE_DIRS) as Role[];

interface Manifest {
  name: string;
  version: string;
  miniprogram?: string;
  types?: string;
  typesVersions?: Record<string, Record<string, string[]>>;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''));
}

function tarballManifest(tarball: string): Manifest {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Manifest;
}

/** The files a package.json points at, which its tarball must hold (a core's root component, not a kit's). */
function pointedAt(manifest: Manifest): string[] {
  const files: string[] = [];
  if (manifest.miniprogram && manifest.name !== 'tccc-call-kit') files.push(`${manifest.miniprogram}/index.json`, `${manifest.miniprogram}/index.js`);
  if (manifest.name === 'tccc-call-kit') files.push(`${manifest.miniprogram}/call-screen/index.json`, `${manifest.miniprogram}/call-screen/index.js`);
  if (manifest.types) files.push(manifest.types);
  for (const targets of Object.values(manifest.typesVersions?.['*'] ?? {})) files.push(...targets);
  files.push(...Object.values(manifest.bin ?? {}));
  for (const target of Object.values(manifest.exports ?? {})) files.push(...(typeof target === 'string' ? [target] : Object.values(target)));
  // Each README links its Chinese twin from its first lines.
  files.push('README.md', 'README.zh-CN.md');
  return files.map((file) => path.posix.normalize(file));
}

const KIT_COMPONENTS = ['call-screen', 'call-bar', 'keypad', 'call-timer', 'video-panel', 'config-provider'];

describe('each packed tarball holds what its package.json points at', () => {
  test.each(ROLES)('%s', (role) => {
    const tarball = packedTarballs()[role];
    const files = tarballFiles(tarball);
    const manifest = tarballManifest(tarball);
    expect(manifest.scripts?.prepack).toBeTruthy();
    const pointers = pointedAt(manifest);
    if (role === 'core' || role === 'kit') expect(manifest.miniprogram).toBe('miniprogram_dist');
    if (role === 'devServer' || role === 'create') expect(Object.keys(manifest.bin ?? {})).toHaveLength(1);
    for (const pointer of pointers) expect(files).toContain(pointer);
  });

  test('the kit\'s components are in the kit, each whole, and the core holds none of them', () => {
    const kit = tarballFiles(packedTarballs().kit);
    const core = tarballFiles(packedTarballs().core);
    for (const component of KIT_COMPONENTS) {
      for (const ext of ['js', 'json', 'wxml', 'wxss']) expect(kit).toContain(`miniprogram_dist/${component}/index.${ext}`);
      expect(core.filter((file) => file.includes(`/${component}/`))).toEqual([]);
    }
    for (const file of ['miniprogram_dist/index.json', 'miniprogram_dist/pusher/index.json', 'miniprogram_dist/player/index.json', 'miniprogram_dist/login/index.js']) {
      expect(core).toContain(file);
      expect(kit).not.toContain(file);
    }
  });
});

describe('the kit reaches the core only by package name', () => {
  const kitDist = path.join(ROOT, 'packages', 'tccc-call-kit', 'miniprogram_dist');
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));

  test('every relative require, import and component of the kit stays inside the kit; package names are vant and tccc-wx-sdk', () => {
    const outside: string[] = [];
    const packagesNamed = new Set<string>();
    for (const file of walk(kitDist)) {
      const text = fs.readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/require\(["']([^"']+)["']\)/g), ...text.matchAll(/\bsrc=["'](\.[^"']+)["']/g)].map((match) => match[1]);
      if (file.endsWith('.json')) specifiers.push(...Object.values<string>(JSON.parse(text).usingComponents ?? {}));
      for (const specifier of specifiers) {
        if (!specifier.startsWith('.')) {
          packagesNamed.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
          continue;
        }
        const target = path.resolve(path.dirname(file), specifier);
        if (!target.startsWith(kitDist + path.sep)) outside.push(`${path.relative(kitDist, file)} → ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
    expect([...packagesNamed].sort()).toEqual(['@vant/weapp', 'tccc-wx-sdk']);
  });

  test('the kit names the core with the doc\'s paths, and lists it as a peer', () => {
    const json = JSON.parse(fs.readFileSync(path.join(kitDist, 'call-screen', 'index.json'), 'utf8'));
    expect(json.usingComponents).toMatchObject({ 'tccc-wx-sdk': 'tccc-wx-sdk', 'tccc-wx-sdk-pusher': 'tccc-wx-sdk/pusher', 'tccc-wx-sdk-player': 'tccc-wx-sdk/player' });
    const manifest = tarballManifest(packedTarballs().kit);
    expect(manifest.peerDependencies).toEqual({ 'tccc-wx-sdk': '*' });
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['@vant/weapp']);
  });
});

test('the packages share one version, and the core is not published under Tencent\'s name', () => {
  const versions = ROLES.map((role) => tarballManifest(packedTarballs()[role]).version);
  expect(new Set(versions).size).toBe(1);
  expect(tarballManifest(packedTarballs().core).name).toBe('open-tccc-wx-sdk');
  expect(Object.keys(tarballManifest(packedTarballs().core).dependencies ?? {})).toEqual(['trtc-wx-sdk']);
});

/**
 * A clean clone has no build output: `npm pack` must build each package through its prepack, or it would
 * ship a package.json that points at nothing. Packed (dry run) from a copy of the tracked files.
 */
test('from a clean clone, npm pack of each package builds it first (prepack)', () => {
  const clone = path.join(ROOT, '.tmp', 'clean-clone');
  fs.rmSync(clone, { recursive: true, force: true });
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked.filter((name) => /^(package\.json|LICENSE|README(\.zh-CN)?\.md|CHANGELOG\.md|tsconfig.*\.json|scripts\/|src\/|bin\/|create\/|templates\/|dev-server\/|testing\/|packages\/|docs\/protocol)/.test(name))) {
    if (!fs.existsSync(path.join(ROOT, file))) continue;
    fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(clone, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'));
  for (const role of ROLES) {
    const dir = path.join(clone, PACKAGE_DIRS[role]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
    expect(fs.existsSync(path.join(dir, manifest.miniprogram ?? Object.values(manifest.bin ?? {})[0]))).toBe(false);
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: dir, encoding: 'utf8', timeout: 120000, env: { ...process.env, npm_config_loglevel: 'silent' } });
    const files = (JSON.parse(output.slice(output.indexOf('['))) as Array<{ files: Array<{ path: string }> }>)[0].files.map((entry) => entry.path);
    for (const pointer of pointedAt(manifest)) expect(files).toContain(pointer);
  }
  fs.rmSync(clone, { recursive: true, force: true });
}, 180000);

test('every README names the kit\'s components by the kit\'s package, and the core\'s by tccc-wx-sdk', () => {
  const readmes = ['README.md', ...fs.readdirSync(path.join(ROOT, 'src', 'components')).map((name) => `src/components/${name}/README.md`), ...fs.readdirSync(path.join(ROOT, 'packages')).map((name) => `packages/${name}/README.md`)];
  const stale = readmes
    .filter((file) => fs.existsSync(path.join(ROOT, file)))
    .flatMap((file) => [...fs.readFileSync(path.join(ROOT, file), 'utf8').matchAll(new RegExp(`tccc-wx-sdk/(${KIT_COMPONENTS.join('|')})\\b`, 'g'))].map((match) => `${file}: ${match[0]}`));
  expect(stale).toEqual([]);
});
