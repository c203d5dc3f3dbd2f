import fs from 'node:fs';
import path from 'node:path';
import type { Messages } from '../messages';
import { ADD_RECORD } from './add-record';
import { unifiedDiff } from './dry-run';
import { inMiniprogram, readHost } from './host-project';
import { planRemove } from './plan-remove';
import { AddRefusal } from './refusal';
import { writeAll } from './staged-write';
import { DEFAULT_ROOT, addedRoots, recordAt, subpackageDir } from './subpackage-root';

export interface RemoveRun {
  root: string | undefined;
  dryRun: boolean;
  m: Messages;
  out(text: string): void;
}

/**
 * `create-tccc-miniprogram remove [dir]`: takes out what `add` put in. The host files come back byte for
 * byte where they are as add left them; a file changed since loses only add's edits, and the output says
 * so. Then the subpackage folder goes. Without --root, the one subpackage add made is found in app.json.
 */
export async function runRemove(directory: string, run: RemoveRun): Promise<number> {
  const { m } = run;
  const host = readHost(path.resolve(directory), m);
  const found = addedRoots(host);
  const root = run.root ?? (found.length === 1 ? found[0] : DEFAULT_ROOT);
  const folder = inMiniprogram(host, root);
  const record = recordAt(host, root);
  if (!record || record.root !== root) throw new AddRefusal(m.add.noRecord(folder, ADD_RECORD));
  const { changes, report } = planRemove(host.dir, record);
  const lines = report.map(({ file, how, taken }) => {
    if (how === 'gone') return m.add.goneSince(file);
    if (how === 'edited') return m.add.editedSince(file, taken.join(', '));
    return record.files.find((entry) => entry.file === file)?.before === null ? m.add.deletedCreated(file) : m.add.restored(file);
  });
  if (run.dryRun) {
    run.out(`${m.add.dryRun}\n\n${unifiedDiff(changes, m.add.dryRunBinary)}\n--- a/${folder}/\n${lines.join('\n')}\n${m.add.dryRunEnd}\n`);
    return 0;
  }
  writeAll(host.dir, changes);
  fs.rmSync(subpackageDir(host, root), { recursive: true, force: true });
  run.out(`\n${m.add.removed(folder)}\n${lines.join('\n')}\n`);
  return 0;
}
