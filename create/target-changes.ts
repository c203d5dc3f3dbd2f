import type { Messages } from './messages';
import { existingEntries } from './write-project';

/**
 * The target's entries now, when they differ from `accepted` (what the user was shown, or found empty,
 * before the questions); null while they are the same.
 */
export function changedSince(dir: string, accepted: string[], m?: Messages): string[] | null {
  const now = existingEntries(dir, m);
  return now.length === accepted.length && now.every((name, i) => name === accepted[i]) ? null : now;
}

/**
 * Re-checks the target just before anything is written: while it changed since it was accepted (something
 * landed in it while the questions were open), `askAgain` shows what is there now and resolves whether
 * to go on. So nothing the user has not seen is ever removed unasked. Resolves whether to go on.
 */
export async function acceptedAsItIsNow(dir: string, accepted: string[], askAgain: (entries: string[]) => Promise<boolean>, m?: Messages): Promise<boolean> {
  let seen = accepted;
  for (let now = changedSince(dir, seen, m); now !== null; now = changedSince(dir, seen, m)) {
    if (now.length > 0 && !(await askAgain(now))) return false;
    seen = now;
  }
  return true;
}
