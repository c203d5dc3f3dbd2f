import fs from 'node:fs';
import path from 'node:path';
import type { Messages } from '../messages';
import { commandsFor } from '../package-manager';
import { ADD_RECORD } from './add-record';
import { filesOpening } from './call-links';
import { unifiedDiff } from './dry-run';
import { inMiniprogram, readHost } from './host-project';
import { installLeftovers } from './install-leftovers';
import { withTargetProblems } from '../target-problem';
import { planRemove } from './plan-remove';
import { assertRemovable } from './removable';
import { AddRefusal } from './refusal';
import { writeAll } from './staged-write';
import { callPageUrl } from './subpackage-files';
import { DEFAULT_ROOT, addedRoots, recordAt } from './subpackage-root';

export interface RemoveRun {
  root: string | undefined;
  dryRun: boolean;
  m: Messages;
  out(text: string): void;
}

/**
 * `create-tccc-miniprogram remove [dir]`: takes out what `add` put in. The host files come back byte for
 * byte where they are as add left it; a file changed since loses only add's edits, and the output says
 * so. Then the subpackage folder goes, with what installing a root package.json add created left beside
 * it; a folder it could not delete stops it before anything changes. Without --root, the one subpackage add
 * made is found in app.json.
 */
export async function runRemove(directory: string, run: RemoveRun): Promise<number> {
  const { m } = run;
  const host = readHost(path.resolve(directory), m);
  const found = addedRoots(host);
  const root = run.root ?? (found.length === 1 ? found[0] : DEFAULT_ROOT);
  const folder = inMiniprogram(host, root);
  const record = recordAt(host, root);
  if (!record || record.root !== root) throw new AddRefusal(m.add.noRecord(folder, ADD_RECORD));
  const { changes, report } = planRemove(host.dir, record, host.appJson.file);
  const manifest = record.files.find((entry) => entry.file === 'package.json');
  const devServer = manifest?.edits.find((edit) => edit.at[0] === 'devDependencies')?.at[1] ?? '';
  const packageJsonGoes = changes.some((change) => change.file === 'package.json' && change.after === null);
  const leftovers = installLeftovers(host.dir, manifest, packageJsonGoes, record.presentBefore, devServer);
  const opening = filesOpening(host.dir, host.miniprogramRoot, folder, callPageUrl(root));
  const lines = report.flatMap(({ file, how, taken, preloads }) => {
    const preload = preloads.length > 0 ? [m.add.preloadTaken(file, root, preloads)] : [];
    if (how === 'gone') return [m.add.goneSince(file)];
    if (how === 'edited') return [m.add.editedSince(file, taken.join(m.listSeparator)), ...preload];
    return [record.files.find((entry) => entry.file === file)?.before === null ? m.add.deletedCreated(file) : m.add.restored(file)];
  });
  lines.push(
    ...(leftovers.deleted.length > 0 ? [m.add.installDeleted(leftovers.deleted)] : []),
    ...(leftovers.prunedBy ? [m.add.installLeft(devServer, commandsFor(leftovers.prunedBy).install.text)] : []),
    ...(opening.length > 0 ? [m.add.stillOpened(callPageUrl(root), opening)] : []),
  );
  // What goes besides the host files' changes, relative to the project: one list for the dry run's text and the deletion.
  const deleted = [folder, ...leftovers.deleted];
  const absolute = (name: string) => path.join(host.dir, ...name.split('/'));
  if (run.dryRun) {
    const named = deleted.map((name) => `--- a/${name}${fs.lstatSync(absolute(name), { throwIfNoEntry: false })?.isDirectory() ? '/' : ''}`);
    run.out(`${m.add.removeDryRun}\n\n${unifiedDiff(changes, m.add.dryRunBinary)}\n${named.join('\n')}\n${lines.join('\n')}\n${m.add.dryRunEnd}\n`);
    return 0;
  }
  const targets = deleted.map(absolute);
  // All or nothing: a folder that could not be deleted would stay beside host files already restored.
  withTargetProblems('remove', m, () => targets.forEach(assertRemovable));
  writeAll(host.dir, changes, m);
  withTargetProblems('remove', m, () => {
    for (const target of targets) fs.rmSync(target, { recursive: true, force: true });
  });
  run.out(`\n${m.add.removed(folder)}\n${lines.join('\n')}\n`);
  return 0;
}
