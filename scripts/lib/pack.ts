import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo-root';

const ROOT = repoRoot();

/** What `npm pack` made of the SDK, the scaffolder, and the packages a scaffolded project installs. */
export interface PackedTarballs {
  sdk: string;
  create: string;
  /** tim-wx-sdk, for apps that opt into IM signaling (the benchmark's reference). */
  tim: string;
  /** Everything a scaffolded project installs, for the local registry. */
  all: string[];
}

function pack(directory: string, destination: string): string {
  const output = execFileSync('npm', ['pack', directory, '--pack-destination', destination, '--ignore-scripts', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  return path.join(destination, output.trim().split('\n').pop()!);
}

/** Packs the built SDK and scaffolder (run `npm run build` first) and their dependencies from node_modules. */
export function packInto(destination: string): PackedTarballs {
  fs.rmSync(destination, { recursive: true, force: true });
  fs.mkdirSync(destination, { recursive: true });
  const sdk = pack('.', destination);
  const create = pack('./dist/create-tccc-miniprogram', destination);
  const [vant, trtc, tim] = ['./node_modules/@vant/weapp', './node_modules/trtc-wx-sdk', './node_modules/tim-wx-sdk'].map((dir) => pack(dir, destination));
  return { sdk, create, tim, all: [sdk, vant, trtc, tim] };
}
