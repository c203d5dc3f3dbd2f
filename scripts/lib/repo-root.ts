import fs from 'node:fs';
import path from 'node:path';

/** The repository's root: the nearest folder above this file (or its bundle in .tmp/) holding our package.json. */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'open-tccc-wx-sdk') return dir;
    if (path.dirname(dir) === dir) throw new Error(`No open-tccc-wx-sdk package.json above ${from}`);
  }
}
