import fs from 'node:fs';
import path from 'node:path';
import type { PackedTarballs } from '../../scripts/lib/pack';
import { packInto } from '../../scripts/lib/pack';

export const PACKS = path.resolve(__dirname, '../../.tmp/packs');

/** Packs them (npm test has built dist/ and miniprogram_dist/ first). Run once, by jest's global setup. */
export function packAll(): PackedTarballs {
  const packed = packInto(PACKS);
  fs.writeFileSync(path.join(PACKS, 'packed.json'), JSON.stringify(packed));
  return packed;
}

export function packedTarballs(): PackedTarballs {
  const file = path.join(PACKS, 'packed.json');
  if (!fs.existsSync(file)) throw new Error('No packed tarballs: jest\'s global setup packs them (run the tests through `npm test`).');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PackedTarballs;
}
