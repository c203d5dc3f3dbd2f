import { terminalText } from '../dev-server/terminal-text';
import type { Messages } from './messages';
import { EN_US } from './messages';

/** A problem with the target directory, told in one line: the CLI prints it and exits 1, no stack trace. */
export class TargetProblem extends Error {
  override readonly name = 'TargetProblem';
}

/** What the scaffolder was doing to a path when the filesystem refused. */
export type FileAction = 'use' | 'empty' | 'write' | 'remove';

/** The errno codes told in the scaffolder's own words; any other is told as `other`, its code still shown. */
export const FILE_ERROR_CODES = ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EEXIST', 'EISDIR', 'ELOOP', 'ENAMETOOLONG', 'EBUSY', 'ENOENT'] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

/** Why a filesystem step failed and what the user can do about it. */
export interface FileErrorText {
  why: string;
  todo: string;
}

const isKnown = (code: string): code is FileErrorCode => (FILE_ERROR_CODES as readonly string[]).includes(code);

/** Node's filesystem error as one line in the user's language: what failed on which path, why, what to do, the code. */
export function targetProblemFrom(error: unknown, action: FileAction, m: Messages = EN_US): TargetProblem | null {
  const { code, path: where } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return null;
  const { why, todo } = m.fileSystem.codes[isKnown(code) ? code : 'other'];
  // The path holds names from disk (an entry being removed): escaped, like every name printed.
  return new TargetProblem(m.fileSystem.problem(action, where ? terminalText(where) : '', why, code, todo));
}

/** Runs a filesystem step; its errors become a TargetProblem in the language of `m`. */
export function withTargetProblems<T>(action: FileAction, m: Messages, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw targetProblemFrom(error, action, m) ?? error;
  }
}
