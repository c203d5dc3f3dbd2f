import fs from 'node:fs';
import path from 'node:path';

/**
 * Throws the filesystem's own error (EACCES, EPERM…, with the path) for the first folder under `target` whose
 * entries could not be deleted, or for the folder holding `target`: checked before anything is changed, so
 * that `remove` is all or nothing. Links are not followed (deleting one deletes only the link).
 */
export function assertRemovable(target: string): void {
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!stat) return;
  const deletable = fs.constants.W_OK | fs.constants.X_OK;
  fs.accessSync(path.dirname(target), deletable);
  const pending = stat.isDirectory() ? [target] : [];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    fs.accessSync(dir, deletable | fs.constants.R_OK);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) pending.push(path.join(dir, entry.name));
    }
  }
}
