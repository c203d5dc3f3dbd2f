import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { lockedPackages, npmCacheDir, uncached } from './locked-packages';

/**
 * An npm registry on 127.0.0.1 serving packed tarballs, so that `npm install` in a scaffolded project
 * runs as a user's would (ranges in package.json resolved through a registry) without leaving loopback.
 * With `lockfile`, it also serves every package that package-lock.json names, from npm's cache (see
 * locked-packages.ts): what an app's dev dependencies (jest, miniprogram-ci…) need. Anything it does not
 * hold answers 404, so a dependency we forgot fails loudly instead of downloading.
 */
export interface LocalRegistry {
  url: string;
  close(): Promise<void>;
}

/** One version the registry serves: its manifest, and its tarball (null: none to serve). */
interface Served {
  name: string;
  version: string;
  manifest: Record<string, unknown>;
  file: string | null;
  /** The tarball's name in its URL. */
  fileName: string;
  /** Known up front (a lockfile's), else computed from the file. */
  integrity?: string;
}

function readPacked(tarball: string): Served {
  const text = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
  const manifest = JSON.parse(text) as Record<string, unknown>;
  return { name: String(manifest.name), version: String(manifest.version), manifest, file: tarball, fileName: path.basename(tarball) };
}

function fromLockfile(lockfile: string): Map<string, Served[]> {
  const locked = lockedPackages(lockfile);
  const missing = uncached(locked);
  if (missing.length > 0) {
    throw new Error(`npm's cache (${npmCacheDir()}) lacks ${missing.length} installed packages of ${lockfile}, e.g. ${missing.slice(0, 3).join(', ')}: run \`npm ci\` (it fills the cache), or point npm_config_cache at the cache that installed them.`);
  }
  const served = new Map<string, Served[]>();
  for (const [name, versions] of locked) {
    served.set(
      name,
      versions.map((locked) => ({ ...locked, file: locked.tarball, fileName: `${name.split('/').pop()}-${locked.version}.tgz` })),
    );
  }
  return served;
}

function dist(packed: Served, base: string): Record<string, string> {
  const tarball = `${base}/${packed.name}/-/${packed.fileName}`;
  if (packed.integrity) return { tarball, integrity: packed.integrity };
  const data = fs.readFileSync(packed.file!);
  return { tarball, shasum: crypto.createHash('sha1').update(data).digest('hex'), integrity: `sha512-${crypto.createHash('sha512').update(data).digest('base64')}` };
}

/** Highest first by major.minor.patch; a prerelease below its release. */
function newest(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.+-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return y[i] - x[i];
  return Number(a.includes('-')) - Number(b.includes('-'));
}

export async function startLocalRegistry(tarballs: string[], options: { lockfile?: string } = {}): Promise<LocalRegistry> {
  const packages = options.lockfile ? fromLockfile(options.lockfile) : new Map<string, Served[]>();
  const given = new Map<string, Served[]>();
  for (const tarball of tarballs) {
    const packed = readPacked(tarball);
    given.set(packed.name, [...(given.get(packed.name) ?? []), packed]);
  }
  // A tarball we give takes the place of the lockfile's entry of the same version; the lockfile's other versions stay.
  for (const [name, versions] of given) {
    const kept = (packages.get(name) ?? []).filter((locked) => !versions.some((packed) => packed.version === locked.version));
    packages.set(name, [...kept, ...versions]);
  }
  const server = http.createServer((request, response) => {
    const url = decodeURIComponent((request.url ?? '/').split('?')[0]);
    const tarballMatch = /^\/(.+)\/-\/(.+\.tgz)$/.exec(url);
    if (tarballMatch) {
      const found = packages.get(tarballMatch[1])?.find((packed) => packed.fileName === tarballMatch[2]);
      if (!found?.file) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void fs.createReadStream(found.file).pipe(response);
    }
    const versions = packages.get(url.slice(1));
    if (!versions) return void response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const document = {
      name: versions[0].name,
      'dist-tags': { latest: versions.map((packed) => packed.version).sort(newest)[0] },
      versions: Object.fromEntries(versions.map((packed) => [packed.version, { ...packed.manifest, _id: `${packed.name}@${packed.version}`, dist: dist(packed, base) }])),
    };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The environment for npm run against a local registry: the parent's npm settings dropped (an `npm run`
 * sets many), the registry and a cache of its own, and no audit, fund or update checks, which would
 * leave loopback.
 */
export function npmEnvFor(registryUrl: string, cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  return {
    ...env,
    npm_config_registry: registryUrl,
    npm_config_cache: cacheDir,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}
