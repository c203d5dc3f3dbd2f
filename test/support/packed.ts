import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const PACKS = path.join(ROOT, '.tmp', 'packs');

/** What `npm pack` made of the SDK, the scaffolder, and the SDK's two runtime dependencies. */
export interface PackedTarballs {
  sdk: string;
  create: string;
  /** Everything a scaffolded project installs, for the local registry. */
  all: string[];
}

function pack(directory: string): string {
  const output = execFileSync('npm', ['pack', directory, '--pack-destination', PACKS, '--ignore-scripts', '--silent'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  return path.join(PACKS, output.trim().split('\n').pop()!);
}

/** Packs them (npm test has built dist/ and miniprogram_dist/ first). Run once, by jest's global setup. */
export function packAll(): PackedTarballs {
  fs.rmSync(PACKS, { recursive: true, force: true });
  fs.mkdirSync(PACKS, { recursive: true });
  const sdk = pack('.');
  const create = pack('./dist/create-tccc-miniprogram');
  const dependencies = ['./node_modules/@vant/weapp', './node_modules/trtc-wx-sdk'].map(pack);
  const packed = { sdk, create, all: [sdk, ...dependencies] };
  fs.writeFileSync(path.join(PACKS, 'packed.json'), JSON.stringify(packed));
  return packed;
}

export function packedTarballs(): PackedTarballs {
  const file = path.join(PACKS, 'packed.json');
  if (!fs.existsSync(file)) throw new Error('No packed tarballs: jest\'s global setup packs them (run the tests through `npm test`).');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PackedTarballs;
}
