import fs from 'node:fs';
import path from 'node:path';
import { terminalText } from '../dev-server/terminal-text';
import type { ProjectFiles } from './project-files';
import { TargetProblem, withTargetProblems } from './target-problem';

/** Entries that do not make a directory "in use" (create-next-app keeps a similar list). */
const HARMLESS = new Set(['.git', '.DS_Store', 'Thumbs.db', '.idea', '.vscode']);

/**
 * What already sits in `dir` and would be replaced or mixed in: top-level entries, sorted. A dangling
 * symbolic link is a TargetProblem (there is nowhere to write).
 */
export function existingEntries(dir: string): string[] {
  return withTargetProblems('use', () => {
    const link = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!link) return [];
    if (link.isSymbolicLink() && !fs.existsSync(dir)) {
      throw new TargetProblem(`${terminalText(dir)} is a symbolic link to ${terminalText(fs.readlinkSync(dir))}, which does not exist. Remove the link or pick another directory.`);
    }
    if (!fs.statSync(dir).isDirectory()) return [path.basename(dir)];
    return fs.readdirSync(dir).filter((name) => !HARMLESS.has(name)).sort();
  });
}

/**
 * Empties `dir` but for its .git, so an overwrite never takes the history with it. A symbolic link is
 * not followed: emptying it would empty the folder it points to, which the user never named.
 */
export function emptyDirectory(dir: string): void {
  if (fs.lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) {
    const to = terminalText(fs.readlinkSync(dir));
    throw new TargetProblem(`${terminalText(dir)} is a symbolic link (to ${to}); --overwrite does not empty what a link points to. Give the real directory, or remove the link.`);
  }
  withTargetProblems('empty', () => {
    for (const name of fs.readdirSync(dir)) {
      if (name !== '.git') fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  });
}

export function writeProject(dir: string, files: ProjectFiles): void {
  withTargetProblems('write', () => {
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, content] of files) {
      const target = path.join(dir, ...file.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  });
}
