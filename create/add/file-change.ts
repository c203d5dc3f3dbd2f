import fs from 'node:fs';
import path from 'node:path';

/** One file `add` or `remove` writes or deletes: what is there now and what will be. */
export interface FileChange {
  /** Posix path relative to the project folder. */
  file: string;
  /** What is there now; null when nothing is. */
  before: Buffer | null;
  /** What will be there; null to delete it. */
  after: Buffer | null;
}

export function changeOf(file: string, before: Buffer | null, after: Buffer | null): FileChange {
  return { file, before, after };
}

/** A project file's bytes, or null when there is no such file. */
export function readBytes(dir: string, file: string): Buffer | null {
  const full = path.join(dir, ...file.split('/'));
  return fs.existsSync(full) && fs.statSync(full).isFile() ? fs.readFileSync(full) : null;
}
