import { createTwoFilesPatch } from 'diff';
import type { FileChange } from './file-change';

/** Bytes shown as text when they are text; a tarball is told by its size. */
function asText(bytes: Buffer | null): string | null {
  if (bytes === null) return '';
  return bytes.includes(0) ? null : bytes.toString('utf8');
}

/** Every change as a unified diff (a new file against nothing, a deleted one against nothing), as `git diff` shows them. */
export function unifiedDiff(changes: FileChange[], binary: (file: string, bytes: number) => string): string {
  return changes
    .map((change) => {
      const before = asText(change.before);
      const after = asText(change.after);
      if (before === null || after === null) return `${binary(change.file, (change.after ?? change.before)!.length)}\n`;
      const from = change.before === null ? '/dev/null' : `a/${change.file}`;
      const to = change.after === null ? '/dev/null' : `b/${change.file}`;
      return createTwoFilesPatch(from, to, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
    })
    .join('\n');
}
