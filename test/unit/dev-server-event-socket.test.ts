/**
 * The event socket's defences one by one (issue 24, N1 and N2): how a caller's frame is read, and the
 * cap on answers a client leaves unread.
 */
import { WebSocket } from 'ws';
import { MAX_FRAME_DEPTH, readClientFrame } from '../../dev-server/client-frames';
import { MAX_BUFFERED_BYTES, sendFrame, type FrameSink } from '../../dev-server/event-socket';
import { TokenBucket } from '../../dev-server/rate-limiter';

test('frames: ping and hello are read field by field; anything else is a problem, named without touching the value', () => {
  expect(readClientFrame('{"type":"ping"}')).toEqual({ type: 'ping' });
  expect(readClientFrame('{"type":"hello","token":"t","since":3}')).toEqual({ type: 'hello', token: 't', since: 3 });
  expect(readClientFrame('{"type":"hello","token":{"toString":1},"since":0}')).toEqual({ type: 'hello', token: undefined, since: 0 });
  const problems: Array<[string, RegExp]> = [
    ['{"type":{"toString":1}}', /must be a string, got an object/],
    ['{"type":["ping"]}', /got an array/],
    ['{"type":1}', /got a number/],
    ['{"type":null}', /got null/],
    ['{}', /got none/],
    ['{"type":"dance"}', /Unknown frame type "dance"/],
    ['{"type":"hello","since":-1}', /non-negative integer/],
    ['{"type":"hello","since":{"valueOf":1}}', /non-negative integer/],
    ['[1]', /JSON objects/],
    ['nope', /JSON objects/],
    [`{"type":${'['.repeat(8000)}${']'.repeat(8000)}}`, /nested at most/],
    [`${'{"a":'.repeat(MAX_FRAME_DEPTH + 1)}1${'}'.repeat(MAX_FRAME_DEPTH + 1)}`, /nested at most/],
  ];
  for (const [text, problem] of problems) expect(readClientFrame(text)).toEqual({ problem: expect.stringMatching(problem) });
  // Brackets inside strings are text, not nesting.
  expect(readClientFrame(JSON.stringify({ type: 'hello', token: '['.repeat(100), since: 0 }))).toEqual({ type: 'hello', token: '['.repeat(100), since: 0 });
  // Exactly as deep as allowed: parsed (and refused for having no type at its top).
  expect(readClientFrame(`${'{"a":'.repeat(MAX_FRAME_DEPTH - 1)}{"type":"ping"}${'}'.repeat(MAX_FRAME_DEPTH - 1)}`)).toEqual({ problem: expect.stringMatching(/got none/) });
});

function sink(bufferedAmount: number): FrameSink & { sent: string[]; terminated: boolean } {
  const fake = {
    readyState: WebSocket.OPEN,
    bufferedAmount,
    sent: [] as string[],
    terminated: false,
    send: (text: string) => void fake.sent.push(text),
    terminate: () => void (fake.terminated = true),
  };
  return fake as unknown as FrameSink & { sent: string[]; terminated: boolean };
}

test('answers: sent while the client reads; a client with more than 1 MB unread is cut off instead', () => {
  const reading = sink(MAX_BUFFERED_BYTES);
  expect(sendFrame(reading, { type: 'pong' })).toBe(true);
  expect(reading.sent).toEqual(['{"type":"pong"}']);
  const stalled = sink(MAX_BUFFERED_BYTES + 1);
  expect(sendFrame(stalled, { type: 'pong' })).toBe(false);
  expect(stalled.sent).toEqual([]);
  expect(stalled.terminated).toBe(true);
});

test('the frame budget: a burst, then the refill rate', () => {
  let now = 0;
  const bucket = new TokenBucket(3, 2, () => now);
  expect([1, 2, 3, 4].map(() => bucket.take())).toEqual([true, true, true, false]);
  now = 499;
  expect(bucket.take()).toBe(false);
  now = 500;
  expect(bucket.take()).toBe(true);
});
