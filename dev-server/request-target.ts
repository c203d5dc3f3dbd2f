import { CenterError } from './contact-center';

/** Longest request target the simulator reads; its routes are far shorter. */
const MAX_TARGET_LENGTH = 2048;

/**
 * The path of a request target, without building a URL from it: `//a:99999/` or `http://[` make
 * `new URL` throw, and origin-form is all this server speaks. Anything else is a 400.
 */
export function requestPath(target: string | undefined): string {
  if (!target || target.length > MAX_TARGET_LENGTH) throw new CenterError('invalid-argument', 'The request target must be a path of at most 2048 characters.');
  if (!target.startsWith('/')) throw new CenterError('invalid-argument', 'The request target must be a path starting with "/".');
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  // `//host/…` is a URL with another authority to URL parsers, and no route has an empty segment.
  if (path.includes('//')) throw new CenterError('invalid-argument', 'The request path has an empty segment ("//").');
  return path;
}

/** A percent-decoded path segment; bad encoding (`%`, `%E0%A4%A`, `%ZZ`) is a 400, never a 500. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new CenterError('invalid-argument', `The path segment "${segment.slice(0, 40)}" is not valid percent-encoding.`);
  }
}
