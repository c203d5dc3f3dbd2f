import fs from 'node:fs';
import path from 'node:path';
import type { ProjectFiles } from './project-files';

/** Entries that do not make a directory "in use" (create-next-app keeps a similar list). */
const HARMLESS = new Set(['.git', '.DS_Store', 'Thumbs.db', '.idea', '.vscode']);

/** What already sits in `dir` and would be replaced or mixed in: top-level entries, sorted. */
export function existingEntries(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  if (!fs.statSync(dir).isDirectory()) return [path.basename(dir)];
  return fs.readdirSync(dir).filter((name) => !HARMLESS.has(name)).sort();
}

/** Empties `dir` but for its .git, so an overwrite never takes the history with it. */
export function emptyDirectory(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (name !== '.git') fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

export function writeProject(dir: string, files: ProjectFiles): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, content] of files) {
    const target = path.join(dir, ...file.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
}
