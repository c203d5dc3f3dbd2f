/**
 * Fuzzing a running simulator (fast-check, bounded runs and a time cap): random methods, targets (with
 * `%`, `//`, `[`, unicode, NUL), Host / Origin / content-type headers and bodies over raw sockets, and
 * WebSocket frames: random text, JSON, fields of any kind (`{"type":{"toString":1}}`), nesting thousands
 * deep, thousands of frames at once, from clients that read and clients that stop reading. The properties:
 * every answer is a 2xx or 4xx with a JSON body (the console's own files and its event stream aside),
 * never a 5xx, never a dropped connection, never an internal error; after every run the server answers,
 * holds a bounded backlog for its clients, and the process has not grown without bound.
 */
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { FRAME_BURST, FRAMES_PER_SECOND, MAX_BUFFERED_BYTES } from '../../dev-server/event-socket';
import type { DevServer } from '../../dev-server/server';
import { MAX_BODY_BYTES, startDevServer } from '../../dev-server/server';
import { rawRequest } from '../support/raw-http';
import { httpJson } from '../../testing/http';

const HTTP_RUNS = 300;
const WS_RUNS = 80;
/** Each property stops here even if its runs are not done; the suite stays far under a minute. */
const TIME_CAP_MS = 15000;
const CONSOLE_FILES = /^text\/(html|css|javascript)/;
/** The whole test process (server and clients) may grow this much over a property, no more: 1.9 GB is what a non-reading client once cost. */
const MAX_RSS_GROWTH = 300 * 1024 * 1024;

let server: DevServer;
let errors: jest.SpyInstance;
beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000, ringTimeoutMs: 60000 } });
  errors = jest.spyOn(console, 'error');
});
afterAll(async () => {
  errors.mockRestore();
  await server.close();
});

const pieces = ['%', '%E0%A4%A', '%ZZ', '%C0%AF', '%2F', '%00', '//', '/', '[', ']', ':', '@', '?', '#', '..', ' ', '\u0000', 'é', '中', '😀', 'a', 's-1', 'accept', 'hangup', 'digits'];
const junk = fc
  .tuple(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), fc.string({ maxLength: 8 }))
  .map(([middle, tail]) => middle.join('') + tail.replace(/[\r\n]/g, ''));
const anyMethod = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'FROB');
const request = fc.oneof(
  fc.tuple(
    anyMethod,
    fc.constantFrom('/', '/index.html', '/console.js', '/v1/login', '/v1/sessions', '/v1/events', '/agent/sessions', '/agent/settings', '/agent/stream', '//a:99999/', '//[', 'http://[', '*', ''),
  ),
  // Route-shaped, with the route's method, so the odd segment reaches the routes' own decoding.
  fc
    .tuple(
      fc.constantFrom(['DELETE', '/v1/sessions/{}'], ['POST', '/v1/sessions/{}/digits'], ['POST', '/agent/sessions/{}/accept'], ['POST', '/agent/sessions/{}/hangup'], ['POST', '/agent/sessions/{}/transfer-no-agent']),
      junk,
    )
    .map(([[method, shape], segment]) => [method, shape.replace('{}', segment)] as [string, string]),
  fc.tuple(anyMethod, fc.tuple(fc.constantFrom('/', '/v1/', '/agent/', '//', 'http://'), junk).map(([head, rest]) => head + rest)),
);
/** Header values cannot hold CR or LF (that would be other headers); anything else goes. */
const headerValue = fc.string({ maxLength: 40, unit: 'binary' }).map((value) => value.replace(/[\r\n]/g, ''));
/** Mostly the valid value, so requests get past the first check and reach the later ones. */
const mostly = <T>(valid: T, others: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(valid), weight: 3 }, { arbitrary: others, weight: 1 });

function requestArbitrary(port: number) {
  const own = `127.0.0.1:${port}`;
  return fc.record({
    request,
    host: fc.option(mostly(own, fc.oneof(fc.constantFrom(`localhost:${port}`, `[::1]:${port}`, 'attacker.example', '', '[', 'a@b', `${own}.evil.example`), headerValue)), { nil: undefined, freq: 10 }),
    origin: fc.option(fc.oneof(fc.constantFrom(`http://${own}`, 'http://evil.example', 'null', 'https://servicewechat.com'), headerValue), { nil: undefined, freq: 2 }),
    contentType: fc.option(mostly('application/json', fc.oneof(fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'APPLICATION/JSON'), headerValue)), { nil: undefined, freq: 5 }),
    authorization: fc.option(fc.oneof(fc.constant('Bearer x'), headerValue), { nil: undefined }),
    body: fc.oneof(
      fc.constant(''),
      fc.json({ maxDepth: 3 }),
      fc.string({ maxLength: 200 }),
      fc.constant('x'.repeat(17 * 1024)),
      deepNesting.map((frame) => frame.text),
      fc.dictionary(fc.constantFrom('sdkAppId', 'jsCode', 'channelId', 'media', 'digits', 'autoAnswerMs', 'seatsOnline'), hostileValue).map((body) => JSON.stringify(body)),
    ),
  });
}

test('HTTP: any request gets a 2xx or 4xx with a JSON body, never a 5xx or a dropped connection', async () => {
  await fc.assert(
    fc.asyncProperty(requestArbitrary(server.port), async (r) => {
      const headers: Array<[string, string]> = [];
      if (r.host !== undefined) headers.push(['host', r.host]);
      if (r.origin !== undefined) headers.push(['origin', r.origin]);
      if (r.contentType !== undefined) headers.push(['content-type', r.contentType]);
      if (r.authorization !== undefined) headers.push(['authorization', r.authorization]);
      const [method, target] = r.request;
      const res = await rawRequest(server.port, { method, target, headers, body: r.body }, { timeoutMs: 5000 });
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(500);
      const type = res.headers['content-type'] ?? '';
      if (method === 'HEAD' || type === 'text/event-stream') return;
      if (res.status === 200 && CONSOLE_FILES.test(type)) return;
      expect(type).toMatch(/^application\/json/);
      const body: unknown = JSON.parse(res.body);
      if (res.status >= 400) expect(body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
      else expect(typeof body).toBe('object');
    }),
    { numRuns: HTTP_RUNS, interruptAfterTimeLimit: TIME_CAP_MS, markInterruptAsFailure: false },
  );
  expect(errors).not.toHaveBeenCalled();
  const page = await httpJson('GET', `${server.url}/`);
  expect(page.status).toBe(200);
  expect(String(page.body)).toContain('<script src="/console.js"></script>');
}, 40000);

type Frame = { text: string } | { binary: Uint8Array };
/** Values with no string form (`{"toString":1}`), and anything else JSON can hold, for every field. */
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>({ toString: 1 }, { valueOf: 1, toString: 1 }, ['ping'], [], {}, null, 0, true, { __proto__: { type: 'ping' } }),
  fc.anything({ maxDepth: 3, key: fc.constantFrom('toString', 'valueOf', 'type', 'token', 'since', '__proto__', 'constructor', 'a') }),
);
/** `[[[…]]]` or `{"a":{"a":…}}` thousands deep, as the type or as the whole frame. */
const deepNesting = fc
  .record({ depth: fc.integer({ min: 2, max: 8000 }), kind: fc.constantFrom('array', 'object'), asType: fc.boolean() })
  .map(({ depth, kind, asType }) => {
    const nested = kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    return { text: asType ? `{"type":${nested}}` : nested };
  });
const frameArbitrary: fc.Arbitrary<Frame> = fc.oneof(
  fc.string({ maxLength: 100 }).map((text) => ({ text })),
  fc.json({ maxDepth: 3 }).map((text) => ({ text })),
  fc
    .record({
      type: fc.oneof(fc.constantFrom('hello', 'ping', 'pong', 'welcome', 'dance'), fc.string({ maxLength: 10 }), hostileValue),
      token: fc.option(fc.oneof(fc.constant('valid'), fc.string({ maxLength: 30 }), hostileValue), { nil: undefined }),
      since: fc.option(fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double(), fc.string({ maxLength: 5 }), hostileValue), { nil: undefined }),
    })
    .map((frame) => ({ text: JSON.stringify(frame) })),
  deepNesting,
  fc.uint8Array({ maxLength: 64 }).map((binary) => ({ binary })),
  fc.constant({ text: 'y'.repeat(17 * 1024) }),
);

interface SocketRun {
  frames: Frame[];
  /** The frames are sent this many times over (a volume: up to 20,000 times, at most about 2 MB in all). */
  repeat: number;
  /** False: a client that never reads until everything is sent. */
  reads: boolean;
}
const socketRun: fc.Arbitrary<SocketRun> = fc.record({
  frames: fc.array(frameArbitrary, { minLength: 1, maxLength: 8 }),
  repeat: fc.oneof({ arbitrary: fc.constant(1), weight: 3 }, { arbitrary: fc.integer({ min: 2, max: 20000 }), weight: 1 }),
  reads: fc.boolean(),
});
const MAX_RUN_BYTES = 2 * 1024 * 1024;
const sizeOf = (frame: Frame) => ('binary' in frame ? frame.binary.length : frame.text.length);

/** What the server holds unread for its clients, once it has stopped changing (at most 2 s). */
async function settledBacklog(): Promise<number> {
  let last = -1;
  for (let i = 0; i < 100; i += 1) {
    const now = server.stats().bufferedBytes;
    if (now === last) return now;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return last;
}

/** Sends the frames, then a ping; resolves with what came back and how the socket ended. */
function exchange({ frames, repeat, reads }: SocketRun, validToken: string): Promise<{ received: unknown[]; pong: boolean; closeCode: number | null; unreadBytes: number; seconds: number }> {
  const times = Math.max(1, Math.min(repeat, Math.floor(MAX_RUN_BYTES / frames.reduce((sum, frame) => sum + sizeOf(frame), 1))));
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/v1/events`);
    const received: unknown[] = [];
    const started = Date.now();
    let unreadBytes = 0;
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('no pong and no close within 8 s'));
    }, 8000);
    const done = (pong: boolean, closeCode: number | null) => {
      clearTimeout(timer);
      resolve({ received, pong, closeCode, unreadBytes, seconds: (Date.now() - started) / 1000 });
    };
    ws.on('open', () => {
      if (!reads) ws.pause();
      for (let i = 0; i < times; i += 1) {
        for (const frame of frames) {
          if ('binary' in frame) ws.send(frame.binary);
          else ws.send(frame.text.replace('"valid"', JSON.stringify(validToken)));
        }
      }
      ws.send('{"type":"ping"}', () => {
        if (reads) return;
        // Everything is out; what the server holds for this client that never read is bounded. Then it reads.
        void settledBacklog().then((bytes) => {
          unreadBytes = bytes;
          ws.resume();
        });
      });
    });
    ws.on('message', (data) => {
      const frame: unknown = JSON.parse(String(data));
      received.push(frame);
      if ((frame as { type?: unknown }).type === 'pong') {
        ws.close();
        done(true, null);
      }
    });
    ws.on('close', (code) => done(false, code));
    ws.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** After every run: the server answers, holds a bounded backlog, and the process has not grown without bound. */
async function expectAliveAndBounded(baselineRss: number): Promise<void> {
  expect((await httpJson('GET', `${server.url}/agent/settings`)).status).toBe(200);
  const { eventSockets, bufferedBytes } = server.stats();
  expect(bufferedBytes).toBeLessThanOrEqual((eventSockets + 1) * (MAX_BUFFERED_BYTES + MAX_BODY_BYTES));
  expect(process.memoryUsage().rss - baselineRss).toBeLessThan(MAX_RSS_GROWTH);
}

test('WebSocket: random, hostile, deep and voluminous frames, from clients that read or not, get JSON frames back; the socket answers the next ping unless a bad hello, an oversized frame or too many frames closed it', async () => {
  const login = await httpJson('POST', `${server.url}/v1/login`, { sdkAppId: '1400000013', jsCode: 'fuzz-socket' });
  const baselineRss = process.memoryUsage().rss;
  await fc.assert(
    fc.asyncProperty(socketRun, async (run) => {
      const { received, pong, closeCode, unreadBytes, seconds } = await exchange(run, login.body.token as string);
      for (const frame of received) expect(frame).toEqual(expect.objectContaining({ type: expect.stringMatching(/^(error|pong|welcome|ivr|queued|ringing|accepted|ended)$/) }));
      if (!pong) expect([4001, 1009, 1008]).toContain(closeCode);
      // However many frames went in, the answers are within the frame budget (plus the welcome and the last error).
      expect(received.length).toBeLessThanOrEqual(FRAME_BURST + Math.ceil(FRAMES_PER_SECOND * seconds) + 2);
      expect(unreadBytes).toBeLessThanOrEqual(2 * (MAX_BUFFERED_BYTES + MAX_BODY_BYTES));
      await expectAliveAndBounded(baselineRss);
    }),
    { numRuns: WS_RUNS, interruptAfterTimeLimit: TIME_CAP_MS, markInterruptAsFailure: false },
  );
  expect(errors).not.toHaveBeenCalled();
}, 40000);
