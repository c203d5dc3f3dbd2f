import fs from 'node:fs';
import path from 'node:path';
import { terminalText } from '../dev-server/terminal-text';
import type { Messages } from './messages';
import { EN_US } from './messages';
import type { ProjectFiles } from './project-files';
import { TargetProblem, withTargetProblems } from './target-problem';

/** Entries that do not make a directory "in use" (create-next-app keeps a similar list). */
const HARMLESS = new Set(['.git', '.DS_Store', 'Thumbs.db', '.idea', '.vscode']);

/**
 * What already sits in `dir` and would be replaced or mixed in: top-level entries, sorted. A dangling
 * symbolic link is a TargetProblem (there is nowhere to write).
 */
export function existingEntries(dir: string, m: Messages = EN_US): string[] {
  return withTargetProblems('use', m, () => {
    const link = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!link) return [];
    if (link.isSymbolicLink() && !fs.existsSync(dir)) {
      throw new TargetProblem(m.fileSystem.danglingLink(terminalText(dir), terminalText(fs.readlinkSync(dir))));
    }
    if (!fs.statSync(dir).isDirectory()) return [path.basename(dir)];
    return fs.readdirSync(dir).filter((name) => !HARMLESS.has(name)).sort();
  });
}

/**
 * Empties `dir` but for its .git, so an overwrite never takes the history with it. A symbolic link is
 * not followed: emptying it would empty the folder it points to, which the user never named.
 */
export function emptyDirectory(dir: string, m: Messages = EN_US): void {
  if (fs.lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink()) {
    throw new TargetProblem(m.fileSystem.linkNotEmptied(terminalText(dir), terminalText(fs.readlinkSync(dir))));
  }
  withTargetProblems('empty', m, () => {
    for (const name of fs.readdirSync(dir)) {
      if (name !== '.git') fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  });
}

export function writeProject(dir: string, files: ProjectFiles, m: Messages = EN_US): void {
  withTargetProblems('write', m, () => {
    fs.mkdirSync(dir, { recursive: true });
    for (const [file, content] of files) {
      const target = path.join(dir, ...file.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
    }
  });
}
