/** Characters every POSIX shell reads literally outside quotes. */
const PLAIN = /^[A-Za-z0-9._/@%+=:,-]+$/;

/**
 * A word for a POSIX shell: as is when plain, else in single quotes (inside which nothing is special),
 * each `'` written as `'\''`. Pasting `cd <word>` then never runs anything.
 */
export function shellQuote(value: string): string {
  if (PLAIN.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
