import { terminalText } from '../dev-server/terminal-text';

/** A problem with the target directory, told in one line: the CLI prints it and exits 1, no stack trace. */
export class TargetProblem extends Error {
  override readonly name = 'TargetProblem';
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOTDIR: 'a file is in the way where a folder should be',
  EEXIST: 'something that is not a folder is in the way',
  EISDIR: 'a folder is in the way where a file should be',
  ELOOP: 'symbolic links loop',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'it is in use',
};

/** Node's filesystem error as one readable line about `what` (the path that failed, as Node reports it). */
export function targetProblemFrom(error: unknown, action: string): TargetProblem | null {
  const { code, path: where } = error as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return null;
  const reason = REASONS[code] ?? (error as Error).message;
  // The path holds names from disk (an entry being removed): escaped, like every name printed.
  return new TargetProblem(`Cannot ${action}${where ? ` ${terminalText(where)}` : ''}: ${reason} (${code}).`);
}

/** Runs a filesystem step; its errors become a TargetProblem. */
export function withTargetProblems<T>(action: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw targetProblemFrom(error, action) ?? error;
  }
}
