import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * An npm registry on 127.0.0.1 serving packed tarballs, so that `npm install` in a scaffolded project
 * runs as a user's would (ranges in package.json resolved through a registry) without leaving loopback.
 * Anything it does not hold answers 404, so a dependency we forgot fails loudly instead of downloading.
 */
export interface LocalRegistry {
  url: string;
  close(): Promise<void>;
}

interface Packed {
  name: string;
  version: string;
  manifest: Record<string, unknown>;
  file: string;
}

function readPacked(tarball: string): Packed {
  const text = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' });
  const manifest = JSON.parse(text) as Record<string, unknown>;
  return { name: String(manifest.name), version: String(manifest.version), manifest, file: tarball };
}

export async function startLocalRegistry(tarballs: string[]): Promise<LocalRegistry> {
  const packages = new Map<string, Packed[]>();
  for (const tarball of tarballs) {
    const packed = readPacked(tarball);
    packages.set(packed.name, [...(packages.get(packed.name) ?? []), packed]);
  }
  const server = http.createServer((request, response) => {
    const url = decodeURIComponent((request.url ?? '/').split('?')[0]);
    const tarballMatch = /^\/(.+)\/-\/(.+\.tgz)$/.exec(url);
    if (tarballMatch) {
      const found = packages.get(tarballMatch[1])?.find((packed) => path.basename(packed.file) === tarballMatch[2]);
      if (!found) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/octet-stream' });
      return void fs.createReadStream(found.file).pipe(response);
    }
    const versions = packages.get(url.slice(1));
    if (!versions) return void response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const document = {
      name: versions[0].name,
      'dist-tags': { latest: versions[versions.length - 1].version },
      versions: Object.fromEntries(
        versions.map((packed) => {
          const data = fs.readFileSync(packed.file);
          return [
            packed.version,
            {
              ...packed.manifest,
              _id: `${packed.name}@${packed.version}`,
              dist: {
                tarball: `${base}/${packed.name}/-/${path.basename(packed.file)}`,
                shasum: crypto.createHash('sha1').update(data).digest('hex'),
                integrity: `sha512-${crypto.createHash('sha512').update(data).digest('base64')}`,
              },
            },
          ];
        }),
      ),
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
