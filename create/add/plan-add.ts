import fs from 'node:fs';
import path from 'node:path';
import type { AppTests } from '../app-tests';
import { DEFAULT_TEST_FILE } from '../app-tests';
import type { Messages } from '../messages';
import type { ProjectOptions } from '../options';
import type { ProjectFiles } from '../project-files';
import type { Release } from '../release';
import { jsonFile } from '../serialize';
import type { AddRecord, RecordedFile } from './add-record';
import { ADD_RECORD } from './add-record';
import type { FileChange } from './file-change';
import { changeOf, readBytes } from './file-change';
import type { HostProject } from './host-project';
import { PROJECT_CONFIG, inMiniprogram, subpackagesKey } from './host-project';
import type { JsonEdit } from './json-edits';
import { applyEdit } from './json-edits';
import { installOutputsIn } from './install-leftovers';
import { AddRefusal } from './refusal';

/** A root package.json that `add` creates for the open core's simulator, where the project has none. */
const NEW_PACKAGE_JSON = jsonFile({ private: true });

/** The script that starts the simulator: `simulator`, unless the host uses that name for something else. */
export function simulatorScript(host: HostProject): string {
  const scripts = (host.packageJson?.json?.scripts ?? {}) as Record<string, unknown>;
  return scripts.simulator === undefined || scripts.simulator === 'tccc-dev-server' ? 'simulator' : 'tccc-simulator';
}

export interface AddInput {
  host: HostProject;
  root: string;
  options: ProjectOptions;
  /** The subpackage's files, relative to its root. */
  files: ProjectFiles;
  /** The call page's own test among them (subpackageTests), or null with --no-tests. */
  tests: AppTests | null;
  /** Our packed packages, from a clone (--local-packages): source, and target relative to the subpackage root. */
  copies: Array<{ source: string; target: string }>;
  release: Release;
  /** The record of an earlier add here, whose `before` texts stay the ones to give back. */
  earlier: AddRecord | null;
}

/** The edits each host file gets: the subpackage in app.json; its Node-side folders and its test left out of the upload and, where 构建 npm is manual, its npm built; the simulator for the open core. */
function hostEdits(input: AddInput): Array<{ file: string; edits: JsonEdit[] }> {
  const { host, root, options, release, copies, tests } = input;
  const folder = inMiniprogram(host, root);
  const append = (at: string[], value: unknown, match: Record<string, unknown>): JsonEdit => ({ kind: 'append', at, value, match });
  const appJson = append([subpackagesKey(host.appJson.json)], { root, pages: ['pages/call/index'], independent: true }, { root });
  const nodeSide = ['scripts', ...(copies.length > 0 ? [path.posix.dirname(copies[0].target)] : [])].map((inner) => ({ type: 'folder', value: `${root}/${inner}` }));
  const ignored = [...nodeSide, ...(tests?.packIgnore ?? [])].map((value) => append(['packOptions', 'ignore'], value, value));
  const relation = { packageJsonPath: `./${folder}/package.json`, miniprogramNpmDistDir: `./${folder}/` };
  const manual = host.packNpmManually ? [append(['setting', 'packNpmRelationList'], relation, { packageJsonPath: relation.packageJsonPath })] : [];
  const edits: Array<{ file: string; edits: JsonEdit[] }> = [
    { file: host.appJson.file, edits: [appJson] },
    { file: PROJECT_CONFIG, edits: [...ignored, ...manual] },
  ];
  if (options.core === 'open') {
    const range = release.devServer.range.startsWith('file:') ? `file:${folder}/${release.devServer.range.slice('file:'.length)}` : release.devServer.range;
    edits.push({
      file: 'package.json',
      edits: [
        { kind: 'set', at: ['scripts', simulatorScript(host)], value: 'tccc-dev-server' },
        { kind: 'set', at: ['devDependencies', release.devServer.name], value: range },
      ],
    });
  }
  return edits;
}

function sameEdit(a: JsonEdit, b: JsonEdit): boolean {
  const key = (edit: JsonEdit) => JSON.stringify([edit.kind, edit.at, edit.kind === 'append' ? edit.match : edit.value]);
  return key(a) === key(b);
}

/** The host files' changes and their entries in the record (the first add's `before` kept). */
function editHostFiles(input: AddInput, m: Messages): { changes: FileChange[]; recorded: RecordedFile[] } {
  const { host, earlier } = input;
  const changes: FileChange[] = [];
  const recorded: RecordedFile[] = [];
  for (const { file, edits } of hostEdits(input)) {
    const current = readBytes(host.dir, file)?.toString('utf8') ?? null;
    if (file === 'package.json' && current !== null && host.packageJson?.json === null) throw new AddRefusal(m.add.unparsable(file, m.add.notAnObject));
    let text = current ?? NEW_PACKAGE_JSON;
    const made: JsonEdit[] = [];
    for (const edit of edits) {
      let result: ReturnType<typeof applyEdit>;
      try {
        result = applyEdit(text, edit);
      } catch (error) {
        throw new AddRefusal(m.add.jsonShape(file, (error as Error).message));
      }
      text = result.text;
      if (result.made) made.push(result.made);
    }
    if (text !== current) changes.push(changeOf(file, current === null ? null : Buffer.from(current), Buffer.from(text)));
    const before = earlier?.files.find((entry) => entry.file === file);
    if (before) recorded.push({ ...before, after: text, edits: [...before.edits, ...made.filter((edit) => !before.edits.some((old) => sameEdit(old, edit)))] });
    else if (made.length > 0) recorded.push({ file, before: current, after: text, edits: made });
  }
  return { changes, recorded };
}

/**
 * Every change `add` makes, none made yet: the subpackage's files that differ from what is there, the
 * host files' edits that are missing, and the record. Empty when an earlier add with the same answers left
 * everything as it would be.
 */
export function planAdd(input: AddInput, m: Messages): { changes: FileChange[]; record: AddRecord } {
  const { host, root, options, files, copies, release, tests } = input;
  const folder = inMiniprogram(host, root);
  const changes: FileChange[] = [];
  const wanted = [...[...files].map(([file, content]) => [file, Buffer.from(content)] as const), ...copies.map(({ source, target }) => [target, fs.readFileSync(source)] as const)];
  for (const [file, content] of wanted) {
    const at = `${folder}/${file}`;
    const current = readBytes(host.dir, at);
    if (!current || !current.equals(content)) changes.push(changeOf(at, current, content));
  }
  // An earlier add wrote the test that this one, with --no-tests, does not.
  const earlierTest = input.earlier && !tests ? readBytes(host.dir, `${folder}/${DEFAULT_TEST_FILE}`) : null;
  if (earlierTest) changes.push(changeOf(`${folder}/${DEFAULT_TEST_FILE}`, earlierTest, null));
  const edited = editHostFiles(input, m);
  changes.push(...edited.changes);
  const { core, template, typescript, sdkAppId, channelId, endpoint } = options;
  const answers = { core, template, typescript, sdkAppId, channelId, endpoint, tests: tests !== null };
  // The first add's view of the root stays the one remove goes by.
  const presentBefore = input.earlier ? input.earlier.presentBefore : installOutputsIn(host.dir);
  const record: AddRecord = { tool: 'create-tccc-miniprogram', version: release.version, root, answers, files: edited.recorded, presentBefore };
  const recordFile = `${folder}/${ADD_RECORD}`;
  const recordText = Buffer.from(jsonFile(record));
  const currentRecord = readBytes(host.dir, recordFile);
  if (changes.length > 0 || !currentRecord?.equals(recordText)) changes.push(changeOf(recordFile, currentRecord, recordText));
  return { changes, record };
}
