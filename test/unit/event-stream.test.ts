import { backoffDelay } from '../../src/services/backoff';
import type { ConnectivitySignal } from '../../src/services/connectivity';
import type { EventStreamOptions } from '../../src/services/event-stream';
import { EventStream } from '../../src/services/event-stream';
import type { CallEvent } from '../../src/services/protocol';
import type { SocketConnection, SocketHandlers, Transport } from '../../src/services/transport';

/**
 * The event stream against a scripted server on fake timers: outages of any length cost no real time.
 * The server keeps a per-caller log and replays it after `since`, as docs/protocol.md says.
 */
class FakeEventServer implements Transport {
  reachable = true;
  /** When false, sockets stay open but the server never answers (a socket the OS killed silently). */
  answering = true;
  callerTimeoutMs: number | undefined = 1000;
  welcomeSeq: number | null = null;
  refuse: string | null = null;
  /** When set, the runtime refuses to open sockets (as WeChat does for a domain outside the whitelist), with this message. */
  refusedBy: string | null = null;
  seq = 0;
  connects = 0;
  open = new Set<{ handlers: SocketHandlers; closed: boolean }>();
  closedByClient = 0;
  private log: CallEvent[] = [];

  request(): Promise<never> {
    return Promise.reject(new Error('the event stream makes no HTTP requests'));
  }

  connect(_url: string, handlers: SocketHandlers): SocketConnection {
    this.connects += 1;
    const socket = { handlers, closed: false };
    setTimeout(() => {
      if (socket.closed) return;
      if (this.refusedBy) {
        socket.closed = true;
        return handlers.onClose({ code: 1006, reason: this.refusedBy, refused: true });
      }
      if (!this.reachable) {
        socket.closed = true;
        return handlers.onClose({ code: 1006, reason: 'unreachable' });
      }
      this.open.add(socket);
      handlers.onOpen();
    }, 5);
    return {
      send: (text) => {
        const frame = JSON.parse(text) as { type: string; since?: number };
        if (socket.closed || !this.answering) return;
        setTimeout(() => {
          if (socket.closed) return;
          if (frame.type === 'ping') return handlers.onMessage(JSON.stringify({ type: 'pong' }));
          if (this.refuse) return handlers.onMessage(JSON.stringify({ type: 'error', code: this.refuse, message: 'refused' }));
          handlers.onMessage(JSON.stringify({ type: 'welcome', seq: this.welcomeSeq ?? this.seq, replayed: 0, callerTimeoutMs: this.callerTimeoutMs }));
          for (const event of this.log.filter((e) => e.seq > (frame.since ?? 0))) handlers.onMessage(JSON.stringify(event));
        }, 5);
      },
      close: () => {
        if (!socket.closed) this.closedByClient += 1;
        socket.closed = true;
        this.open.delete(socket);
      },
    };
  }

  push(body: { type: 'accepted'; seatName: string } | { type: 'ended'; closeBy: 'seat'; endStatus: 1; reason: 'ok' }, seq = this.seq + 1): void {
    this.seq = seq;
    const event = { ...body, seq, sessionId: 's-1', at: 0 } as CallEvent;
    this.log.push(event);
    if (!this.answering) return;
    for (const socket of this.open) socket.handlers.onMessage(JSON.stringify(event));
  }

  /** A frame the server sends on every open socket. */
  send(frame: Record<string, unknown>): void {
    for (const socket of this.open) socket.handlers.onMessage(JSON.stringify(frame));
  }

  /** The network goes: every open socket breaks, new ones fail. */
  down(): void {
    this.reachable = false;
    for (const socket of Array.from(this.open)) {
      socket.closed = true;
      this.open.delete(socket);
      socket.handlers.onClose({ code: 1006, reason: 'network down' });
    }
  }
}

const OPTIONS: EventStreamOptions = {
  backoff: { initialMs: 100, maxMs: 400, jitter: 0 },
  openTimeoutMs: 300,
  heartbeatMs: 1000,
  probeTimeoutMs: 200,
  callerTimeoutMs: 5000,
  afterWindowMs: 100,
};

function streamOn(server: FakeEventServer, options: Partial<EventStreamOptions> = {}) {
  const events: CallEvent[] = [];
  const lost: string[] = [];
  const reconnecting: boolean[] = [];
  let signal: (s: ConnectivitySignal) => void = () => undefined;
  const connectivity = {
    subscribe: (listener: (s: ConnectivitySignal) => void) => {
      signal = listener;
      return () => (signal = () => undefined);
    },
  };
  const stream = new EventStream(
    server,
    { type: 'websocket', url: 'ws://127.0.0.1:1/v1/events', since: 0 },
    'token',
    { onEvent: (e) => events.push(e), onLost: (e) => lost.push(e.code), onReconnecting: (r) => reconnecting.push(r) },
    { ...OPTIONS, ...options },
    connectivity,
  );
  return { stream, events, lost, reconnecting, signal: (s: ConnectivitySignal) => signal(s) };
}

async function opened(server: FakeEventServer, options?: Partial<EventStreamOptions>) {
  const handle = streamOn(server, options);
  const opening = handle.stream.open();
  await jest.advanceTimersByTimeAsync(20);
  await opening;
  return handle;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('an outage shorter than the server window is survived; the events of the outage arrive once, afterwards', async () => {
  const server = new FakeEventServer();
  const { stream, events, lost, reconnecting } = await opened(server);
  server.down();
  expect(reconnecting).toEqual([true]);
  await jest.advanceTimersByTimeAsync(500);
  server.push({ type: 'accepted', seatName: 'A' });
  await jest.advanceTimersByTimeAsync(400);
  server.reachable = true;
  await jest.advanceTimersByTimeAsync(500);
  expect(reconnecting).toEqual([true, false]);
  expect(lost).toEqual([]);
  expect(events.map((e) => e.type)).toEqual(['accepted']);
  server.push({ type: 'ended', closeBy: 'seat', endStatus: 1, reason: 'ok' });
  expect(events.map((e) => e.seq)).toEqual([1, 2]);
  stream.close();
});

test('the window comes from welcome: the stream keeps trying until it has passed, then gives up once', async () => {
  const server = new FakeEventServer();
  server.callerTimeoutMs = 3000;
  const { lost } = await opened(server, { callerTimeoutMs: 100 });
  server.down();
  await jest.advanceTimersByTimeAsync(2900);
  expect(lost).toEqual([]);
  const attemptsInWindow = server.connects;
  expect(attemptsInWindow).toBeGreaterThan(5);
  await jest.advanceTimersByTimeAsync(3000);
  expect(lost).toEqual(['network']);
  // Bounded: no attempt after giving up.
  const attempts = server.connects;
  await jest.advanceTimersByTimeAsync(10000);
  expect(server.connects).toBe(attempts);
});

test('the last attempt comes after the window, so a server that ended the call can say so', async () => {
  const server = new FakeEventServer();
  const { events, lost } = await opened(server);
  server.down();
  await jest.advanceTimersByTimeAsync(990);
  server.reachable = true;
  server.answering = true;
  // The server has ended the call meanwhile; the client learns it from the replay, not from its own clock.
  server.push({ type: 'ended', closeBy: 'seat', endStatus: 1, reason: 'ok' });
  await jest.advanceTimersByTimeAsync(600);
  expect(lost).toEqual([]);
  expect(events.map((e) => e.type)).toEqual(['ended']);
});

test('the backoff is capped and jittered', () => {
  const options = { initialMs: 250, maxMs: 5000, jitter: 0.5 };
  expect([0, 1, 2, 3, 4, 5, 10, 100].map((n) => backoffDelay(n, options, () => 0))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  expect(backoffDelay(3, options, () => 0.999)).toBe(1001);
  for (let i = 0; i < 50; i += 1) {
    const delay = backoffDelay(i % 8, options);
    expect(delay).toBeGreaterThanOrEqual(125);
    expect(delay).toBeLessThanOrEqual(5000);
  }
});

test('back online: the stream retries at once instead of waiting out its backoff', async () => {
  const server = new FakeEventServer();
  const { stream, reconnecting, signal } = await opened(server, { backoff: { initialMs: 4000, maxMs: 4000, jitter: 0 } });
  server.down();
  await jest.advanceTimersByTimeAsync(50);
  server.reachable = true;
  const before = server.connects;
  signal('online');
  await jest.advanceTimersByTimeAsync(30);
  expect(server.connects).toBe(before + 1);
  expect(reconnecting).toEqual([true, false]);
  stream.close();
});

test('foreground with a socket the OS killed silently: a ping goes unanswered, and the stream resumes', async () => {
  const server = new FakeEventServer();
  const handle = await opened(server);
  server.answering = false;
  server.push({ type: 'accepted', seatName: 'A' });
  handle.signal('foreground');
  await jest.advanceTimersByTimeAsync(150);
  expect(handle.reconnecting).toEqual([]);
  server.answering = true;
  await jest.advanceTimersByTimeAsync(100);
  expect(handle.reconnecting).toEqual([true]);
  await jest.advanceTimersByTimeAsync(200);
  expect(handle.reconnecting).toEqual([true, false]);
  expect(handle.events.map((e) => e.type)).toEqual(['accepted']);
  handle.stream.close();
});

test('a socket that still answers is kept after foreground and background', async () => {
  const server = new FakeEventServer();
  const handle = await opened(server);
  handle.signal('background');
  handle.signal('foreground');
  handle.signal('network-changed');
  await jest.advanceTimersByTimeAsync(1000);
  expect(server.connects).toBe(1);
  expect(handle.reconnecting).toEqual([]);
  handle.stream.close();
});

test('offline: reconnecting is shown at once, before the socket notices', async () => {
  const server = new FakeEventServer();
  const handle = await opened(server);
  handle.signal('offline');
  expect(handle.reconnecting).toEqual([true]);
  await jest.advanceTimersByTimeAsync(200);
  expect(handle.reconnecting).toEqual([true, false]);
  handle.stream.close();
});

test('a reconnect refused before welcome closes its socket (WeChat allows 5)', async () => {
  const server = new FakeEventServer();
  const { stream } = await opened(server);
  server.refuse = 'unavailable';
  server.down();
  server.reachable = true;
  await jest.advanceTimersByTimeAsync(1000);
  expect(server.connects).toBeGreaterThan(2);
  expect(server.open.size).toBe(0);
  server.refuse = null;
  await jest.advanceTimersByTimeAsync(500);
  expect(server.open.size).toBe(1);
  stream.close();
  expect(server.open.size).toBe(0);
});

test('a welcome seq below the last one seen (a restarted server) is followed: its events are not dropped', async () => {
  const server = new FakeEventServer();
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const { stream, events } = await opened(server);
  server.push({ type: 'accepted', seatName: 'A' }, 7);
  server.down();
  server.reachable = true;
  server.welcomeSeq = 0;
  await jest.advanceTimersByTimeAsync(300);
  server.push({ type: 'ended', closeBy: 'seat', endStatus: 1, reason: 'ok' }, 1);
  expect(events.map((e) => [e.type, e.seq])).toEqual([['accepted', 7], ['ended', 1]]);
  expect(warn).toHaveBeenCalledTimes(1);
  warn.mockRestore();
  stream.close();
});

test('a refused credential on resume ends at once (login-expired), without retrying out the window', async () => {
  const server = new FakeEventServer();
  const { lost } = await opened(server);
  server.refuse = 'unauthenticated';
  server.down();
  server.reachable = true;
  await jest.advanceTimersByTimeAsync(300);
  expect(lost).toEqual(['login-expired']);
});

test('close() during the first open settles it with cancelled', async () => {
  const server = new FakeEventServer();
  const { stream } = streamOn(server);
  const opening = stream.open();
  stream.close();
  await expect(opening).rejects.toMatchObject({ code: 'cancelled' });
});

describe('the first connection, while the call is set up', () => {
  const settle = (promise: Promise<void>) => promise.then(() => 'open', (error: { code: string; message: string }) => `${error.code}: ${error.message}`);

  test('a failed first attempt (a momentary reset) is retried like any later drop: open() resolves on the next welcome', async () => {
    const server = new FakeEventServer();
    server.reachable = false;
    const { stream, reconnecting } = streamOn(server);
    const opening = settle(stream.open());
    await jest.advanceTimersByTimeAsync(10);
    server.reachable = true;
    await jest.advanceTimersByTimeAsync(300);
    expect(await opening).toBe('open');
    expect(server.connects).toBe(2);
    expect(reconnecting).toEqual([true, false]);
    stream.close();
  });

  test('a first connection that never comes is given up once the window (and the last attempt after it) has passed', async () => {
    const server = new FakeEventServer();
    server.reachable = false;
    const { stream, lost } = streamOn(server);
    const opening = settle(stream.open());
    await jest.advanceTimersByTimeAsync(OPTIONS.callerTimeoutMs);
    expect(server.connects).toBeGreaterThan(5);
    await jest.advanceTimersByTimeAsync(OPTIONS.afterWindowMs + OPTIONS.backoff.maxMs + 50);
    expect(await opening).toMatch(/^network: /);
    const connects = server.connects;
    await jest.advanceTimersByTimeAsync(5000);
    expect(server.connects).toBe(connects);
    expect(lost).toEqual([]);
    expect(server.open.size).toBe(0);
  });

  test('a socket the runtime refuses (a domain outside the whitelist) fails at once, with the runtime’s message', async () => {
    const server = new FakeEventServer();
    server.refusedBy = 'url not in domain list. Add the domain to the socket whitelist.';
    const { stream } = streamOn(server);
    const opening = settle(stream.open());
    await jest.advanceTimersByTimeAsync(10);
    expect(await opening).toBe('network: The event connection to ws://127.0.0.1:1/v1/events could not open: url not in domain list. Add the domain to the socket whitelist.');
    expect(server.connects).toBe(1);
  });
});

test('an error frame after welcome (invalid-argument: protocol.md keeps the socket) is logged; events keep coming', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const server = new FakeEventServer();
  const { stream, events, lost, reconnecting } = await opened(server);
  server.send({ type: 'error', code: 'invalid-argument', message: 'malformed frame' });
  server.push({ type: 'accepted', seatName: 'A' });
  await jest.advanceTimersByTimeAsync(3000);
  expect(events.map((e) => e.type)).toEqual(['accepted']);
  expect(lost).toEqual([]);
  expect(reconnecting).toEqual([]);
  expect(server.open.size).toBe(1);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('invalid-argument'));
  warn.mockRestore();
  stream.close();
});

test('an unauthenticated error frame after welcome still ends the stream (login-expired)', async () => {
  const server = new FakeEventServer();
  const { lost } = await opened(server);
  server.send({ type: 'error', code: 'unauthenticated', message: 'token revoked' });
  expect(lost).toEqual(['login-expired']);
  expect(server.open.size).toBe(0);
});
