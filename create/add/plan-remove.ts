import type { AddRecord } from './add-record';
import type { FileChange } from './file-change';
import { changeOf, readBytes } from './file-change';
import { withoutEdit } from './json-edits';
import { withoutPreloadOf } from './preload-rule';

/** What `remove` does to one host file `add` changed. */
export interface RemovedEdits {
  file: string;
  /** restored: given back byte for byte; edited: changed since add, so only add's edits were taken out; gone: deleted since add. */
  how: 'restored' | 'edited' | 'gone';
  /** The edits taken out, for an edited file: where each was (`subPackages`, `packOptions.ignore`…). */
  taken: string[];
  /** app.json's preloadRule pages whose rule named the subpackage, taken out of them (the host wrote those). */
  preloads: string[];
}

/**
 * The host files' changes that undo an add: a file still as add left it gets its old bytes back (or is
 * deleted, when add created it); a file changed since loses only what add put in, the rest kept, and
 * `appJsonFile` any preloadRule naming the subpackage, which would not build once it is gone.
 */
export function planRemove(dir: string, record: AddRecord, appJsonFile: string): { changes: FileChange[]; report: RemovedEdits[] } {
  const changes: FileChange[] = [];
  const report: RemovedEdits[] = [];
  for (const entry of record.files) {
    const bytes = readBytes(dir, entry.file);
    if (bytes === null) {
      report.push({ file: entry.file, how: 'gone', taken: [], preloads: [] });
      continue;
    }
    const current = bytes.toString('utf8');
    if (current === entry.after) {
      changes.push(changeOf(entry.file, bytes, entry.before === null ? null : Buffer.from(entry.before)));
      report.push({ file: entry.file, how: 'restored', taken: [], preloads: [] });
      continue;
    }
    let text = current;
    const taken: string[] = [];
    for (const edit of [...entry.edits].reverse()) {
      const without = withoutEdit(text, edit);
      if (without !== text) taken.unshift(edit.at.join('.'));
      text = without;
    }
    const preload = entry.file === appJsonFile ? withoutPreloadOf(text, record.root) : { text, pages: [] };
    text = preload.text;
    if (text !== current) changes.push(changeOf(entry.file, bytes, Buffer.from(text)));
    report.push({ file: entry.file, how: 'edited', taken, preloads: preload.pages });
  }
  return { changes, report };
}
