import fs from 'node:fs';
import path from 'node:path';
import type { Messages } from '../messages';
import { EN_US } from '../messages';
import type { FileChange } from './file-change';
import { withTargetProblems } from '../target-problem';

/** Changes that were written and can be taken back, leaving every file and folder as it was. */
export interface Written {
  rollback(): void;
}

/** The folders `mkdir -p` of `dir` would create, outermost first. */
function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  for (let at = dir; !fs.existsSync(at); at = path.dirname(at)) missing.unshift(at);
  return missing;
}

/**
 * Writes every change, all or nothing: each file goes to a temporary name beside it and is renamed into
 * place, and when any step fails every change already made is undone (files given back their bytes, files
 * and folders that were not there removed) before the error is thrown on. The returned handle undoes it
 * all later too (an install that failed). A folder this created is removed whole on rollback, with
 * whatever was put into it since (node_modules).
 */
export function writeAll(dir: string, changes: FileChange[], m: Messages = EN_US): Written {
  const done: FileChange[] = [];
  const createdFolders: string[] = [];
  const rollback = () => {
    for (const change of [...done].reverse()) {
      const full = path.join(dir, ...change.file.split('/'));
      if (change.before) fs.writeFileSync(full, change.before);
      else fs.rmSync(full, { force: true });
    }
    for (const folder of [...createdFolders].reverse()) fs.rmSync(folder, { recursive: true, force: true });
  };
  try {
    withTargetProblems('write', m, () => {
      for (const change of changes) {
        const full = path.join(dir, ...change.file.split('/'));
        if (change.after === null) {
          done.push(change);
          fs.rmSync(full, { force: true });
          continue;
        }
        const folders = missingFolders(path.dirname(full));
        fs.mkdirSync(path.dirname(full), { recursive: true });
        createdFolders.push(...folders);
        const staged = `${full}.tccc-staged`;
        fs.writeFileSync(staged, change.after);
        done.push(change);
        fs.renameSync(staged, full);
      }
    });
  } catch (error) {
    for (const change of changes) fs.rmSync(path.join(dir, ...`${change.file}.tccc-staged`.split('/')), { force: true });
    rollback();
    throw error;
  }
  return { rollback };
}
