import fs from 'node:fs';
import path from 'node:path';
import type { CoreName, TemplateName } from '../options';
import type { JsonEdit } from './json-edits';

/**
 * What `add` did to a project, kept in the subpackage (beside the Node-side scripts, left out of the
 * upload): each host file it changed, as it was before and as add left it, and the edits. `remove`
 * gives a file back byte for byte when it is still as add left it, and otherwise takes out only the edits.
 */
export interface AddRecord {
  tool: 'create-tccc-miniprogram';
  /** The scaffolder's version that wrote it. */
  version: string;
  /** The subpackage root, relative to miniprogramRoot. */
  root: string;
  /** The answers add went by; `tests` false with --no-tests (absent in older records). */
  answers: { core: CoreName; template: TemplateName; typescript: boolean; sdkAppId: string; channelId: string; endpoint: string; tests?: boolean };
  files: RecordedFile[];
  /**
   * What of a root install's output (lockfiles, node_modules) was at the project root at the first add:
   * remove deletes only the rest, and only with a root package.json add created. Absent in older records.
   */
  presentBefore?: string[];
}

export interface RecordedFile {
  /** Posix path relative to the project folder. */
  file: string;
  /** The text before the first add; null when add created the file. */
  before: string | null;
  /** The text as add left it. */
  after: string;
  edits: JsonEdit[];
}

/** The record's path inside the subpackage root. */
export const ADD_RECORD = 'scripts/add-record.json';

/** The record in `subpackageDir`; null when there is none (or it is not one of ours). */
export function readRecord(subpackageDir: string): AddRecord | null {
  const file = path.join(subpackageDir, ...ADD_RECORD.split('/'));
  if (!fs.existsSync(file)) return null;
  try {
    const record = JSON.parse(fs.readFileSync(file, 'utf8')) as AddRecord;
    return record.tool === 'create-tccc-miniprogram' && Array.isArray(record.files) ? record : null;
  } catch {
    return null;
  }
}
