/**
 * What a terminal may act on or reorder: C0 and C1 controls (ESC starts a sequence that sets the title or
 * clears the screen, U+009B is CSI on its own), DEL, bidirectional overrides and isolates, and the line and
 * paragraph separators JavaScript strings cannot hold raw.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escaped(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `value` as the terminal may print it: each unprintable character written as its escape (`\x1b`,
 * `\u202e`). For names that come from disk or from a file: a folder entry, a link target, a channel id.
 */
export function terminalText(value: string): string {
  return value.replace(UNPRINTABLE, escaped);
}

/** A single-quoted JavaScript string literal that reads back as `value` and prints as plain text. */
export function jsLiteral(value: string): string {
  return `'${terminalText(value.replace(/[\\']/g, '\\$&'))}'`;
}
