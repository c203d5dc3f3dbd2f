import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../scripts/lib/repo-root';

export const BENCH_DIR = path.join(repoRoot(), '.tmp', 'bench');

export function writePart(name: string, value: unknown): void {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  fs.writeFileSync(path.join(BENCH_DIR, `${name}.json`), JSON.stringify(value, null, 2));
}

export function readPart<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(BENCH_DIR, `${name}.json`), 'utf8')) as T;
}
