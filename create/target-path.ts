/** Characters a shell or a path treats specially; none belongs in a project directory's name. */
const UNSAFE = /[\u0000-\u001f\u007f`$"'\\;&|<>(){}[\]*?!#~^]/u;

/** The segments of a target path as typed (`/` and `\` both separate, as on Windows). */
export function pathSegments(value: string): string[] {
  return value.split(/[/\\]/);
}

/**
 * Checks every segment of the target path, not only the last: `'$(touch X)/app'` is refused, so the
 * path can never run anything when the printed next steps are pasted into a shell.
 */
export function validateTargetPath(value: string): string | null {
  if (value.trim() === '') return 'Give the project a directory name.';
  if (value.length > 1024) return 'The directory path is at most 1024 characters.';
  for (const segment of pathSegments(value)) {
    const bad = UNSAFE.exec(segment);
    if (bad) {
      const shown = /[\u0000-\u001f\u007f]/.test(bad[0]) ? `a control character (U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')})` : `"${bad[0]}"`;
      return `The directory path must not contain ${shown}: "${JSON.stringify(segment).slice(1, -1).slice(0, 60)}" is not a safe folder name. Use letters, digits, ".", "-" and "_".`;
    }
    if (segment !== segment.trim()) return `A folder name in the path starts or ends with a space: "${segment.slice(0, 60)}".`;
  }
  return null;
}
