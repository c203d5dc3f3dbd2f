/** Arrays and objects a caller's frame may nest: a `hello` nests one. */
export const MAX_FRAME_DEPTH = 16;

/** What a caller may send on its event socket, checked field by field. */
export type ClientFrame = { type: 'ping' } | { type: 'hello'; token: string | undefined; since: number };

/** Why a frame was refused: the message of the `error` frame that answers it. */
export interface FrameProblem {
  problem: string;
}

const NOT_AN_OBJECT = 'Frames are JSON objects: {"type":"hello",...} or {"type":"ping"}.';

/**
 * Reads one text frame without trusting anything in it: its nesting is measured before it is parsed, and
 * every field is type-checked before use (a `type` of `{"toString":1}` has no string form at all).
 */
export function readClientFrame(text: string): ClientFrame | FrameProblem {
  if (nestingDepth(text, MAX_FRAME_DEPTH) > MAX_FRAME_DEPTH) return { problem: `Frames are nested at most ${MAX_FRAME_DEPTH} deep.` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: NOT_AN_OBJECT };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: NOT_AN_OBJECT };
  const { type, token, since } = value as Record<string, unknown>;
  if (typeof type !== 'string') return { problem: `The frame type must be a string, got ${kindOf(type)}.` };
  if (type === 'ping') return { type };
  if (type !== 'hello') return { problem: `Unknown frame type ${JSON.stringify(type.slice(0, 40))}.` };
  if (typeof since !== 'number' || !Number.isInteger(since) || since < 0) return { problem: 'hello.since must be a non-negative integer.' };
  return { type, token: typeof token === 'string' ? token : undefined, since };
}

export function isFrameProblem(frame: ClientFrame | FrameProblem): frame is FrameProblem {
  return 'problem' in frame;
}

/** What a JSON value is, for a message: JSON has no other kinds. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'none';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** How deep `[` and `{` nest in JSON text (outside strings), counted only up to just past `limit`. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '[' || char === '{') {
      depth += 1;
      deepest = Math.max(deepest, depth);
      if (deepest > limit) return deepest;
    } else if (char === ']' || char === '}') {
      depth -= 1;
    }
  }
  return deepest;
}
