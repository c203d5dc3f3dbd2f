import type { Messages } from './messages';
import { EN_US } from './messages';

/** Characters a shell or a path treats specially; none belongs in a project directory's name. */
const UNSAFE = /[\u0000-\u001f\u007f`$"'\\;&|<>(){}[\]*?!#~^]/u;

/** The segments of a target path as typed (`/` and `\` both separate, as on Windows). */
export function pathSegments(value: string): string[] {
  return value.split(/[/\\]/);
}

/**
 * Checks every segment of the target path, not only the last: `'$(touch X)/app'` is refused, so the
 * path can never run anything when the printed next steps are pasted into a shell. The message is in the
 * language of `m`.
 */
export function validateTargetPath(value: string, m: Messages = EN_US): string | null {
  if (value.trim() === '') return m.errors.directoryEmpty;
  if (value.length > 1024) return m.errors.pathTooLong;
  for (const segment of pathSegments(value)) {
    const bad = UNSAFE.exec(segment);
    const shownSegment = JSON.stringify(segment).slice(1, -1).slice(0, 60);
    if (bad) {
      const control = /[\u0000-\u001f\u007f]/.test(bad[0]) ? `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}` : null;
      return control ? m.errors.pathControl(control, shownSegment) : m.errors.pathUnsafe(bad[0], shownSegment);
    }
    if (segment !== segment.trim()) return m.errors.pathSpace(segment.slice(0, 60));
  }
  return null;
}
