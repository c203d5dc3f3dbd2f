import fs from 'node:fs';
import path from 'node:path';

/** A built script of a package (`entry`, e.g. 'call-screen/audio') and every chunk it requires, transitively: what an app that uses it ships. */
export function shippedWith(dist: string, entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const pending = [path.join(dist, `${entry}.js`)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    files.set(file, text);
    for (const [, specifier] of text.matchAll(/require\("(\.[^"]+)"\)/g)) pending.push(path.resolve(path.dirname(file), `${specifier}.js`));
  }
  return files;
}
