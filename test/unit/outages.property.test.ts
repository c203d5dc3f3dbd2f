import fc from 'fast-check';
import { BackendClient } from '../../src/services/backend-client';
import type { SessionEndedDetail } from '../../src/services/call-controller';
import { CallController } from '../../src/services/call-controller';
import type { ConnectivitySignal } from '../../src/services/connectivity';
import { EventStream } from '../../src/services/event-stream';
import { TcccError } from '../../src/services/errors';
import type { MediaCallbacks, MediaSession } from '../../src/services/media';
import type { CallEvent, CloseBy, EndReason } from '../../src/services/protocol';
import { EndStatus } from '../../src/services/protocol';
import { TokenStore } from '../../src/services/token-store';
import type { HttpRequest, HttpResponse, SocketConnection, SocketHandlers, Transport } from '../../src/services/transport';

const WINDOW_MS = 1000;

/**
 * A contact center with the simulator's rule: a live call whose caller has had no event subscription for
 * the window ends with clientTimeout. The network between it and the SDK can go away at any time.
 */
class WindowedCenter implements Transport {
  reachable = true;
  live = true;
  log: CallEvent[] = [];
  /** The longest time the caller had no subscription while the call was live. */
  longestAbsence = 0;
  /** The longest time from the network coming back (and staying) to the caller subscribing again. */
  slowestRecovery = 0;
  private absentSince: number | null = null;
  private cameBackAt = 0;
  private subscribed = new Set<SocketHandlers>();
  private grace: ReturnType<typeof setTimeout> | null = null;

  request(request: HttpRequest): Promise<HttpResponse> {
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        if (!this.reachable) return reject(Object.assign(new Error('offline'), { code: 'network' }));
        if (request.method === 'POST') {
          return resolve({
            status: 201,
            body: { sessionId: 's-1', media: 'audio', phase: 'queued', rtc: { type: 'none' }, signaling: { type: 'websocket', url: 'ws://127.0.0.1:1/v1/events', since: 0 } },
          });
        }
        this.end('user', 'ok');
        const ended = this.log[this.log.length - 1] as Extract<CallEvent, { type: 'ended' }>;
        resolve({ status: 200, body: { sessionId: 's-1', closeBy: ended.closeBy, endStatus: ended.endStatus, reason: ended.reason } });
      }, 3),
    );
  }

  connect(_url: string, handlers: SocketHandlers): SocketConnection {
    let closed = false;
    setTimeout(() => {
      if (closed) return;
      if (!this.reachable) {
        closed = true;
        return handlers.onClose({ code: 1006, reason: 'offline' });
      }
      handlers.onOpen();
    }, 3);
    return {
      send: (text) => {
        const frame = JSON.parse(text) as { type: string; since: number };
        setTimeout(() => {
          if (closed || !this.reachable) return;
          if (frame.type === 'ping') return handlers.onMessage('{"type":"pong"}');
          this.subscribed.add(handlers);
          if (this.absentSince !== null) {
            const now = Date.now();
            if (this.live) this.longestAbsence = Math.max(this.longestAbsence, now - this.absentSince);
            this.slowestRecovery = Math.max(this.slowestRecovery, now - Math.max(this.cameBackAt, this.absentSince));
            this.absentSince = null;
          }
          if (this.grace) clearTimeout(this.grace);
          this.grace = null;
          handlers.onMessage(JSON.stringify({ type: 'welcome', seq: this.log.length, replayed: 0, callerTimeoutMs: WINDOW_MS }));
          // At least once: the replay overlaps what the caller already has by one event; the SDK drops the repeat.
          for (const event of this.log.filter((e) => e.seq >= frame.since)) handlers.onMessage(JSON.stringify(event));
        }, 3);
      },
      close: () => {
        closed = true;
        this.unsubscribe(handlers);
      },
    };
  }

  push(body: { type: 'ringing' | 'accepted'; seatName: string } | { type: 'ended'; closeBy: CloseBy; endStatus: number; reason: EndReason }): void {
    if (!this.live) return;
    if (body.type === 'ended') this.live = false;
    const event = { ...body, seq: this.log.length + 1, sessionId: 's-1', at: 0 } as CallEvent;
    this.log.push(event);
    for (const socket of Array.from(this.subscribed)) socket.onMessage(JSON.stringify(event));
  }

  end(closeBy: CloseBy, reason: EndReason): void {
    this.push({ type: 'ended', closeBy, endStatus: EndStatus[reason], reason });
  }

  up(): void {
    this.reachable = true;
    this.cameBackAt = Date.now();
  }

  down(): void {
    this.reachable = false;
    for (const socket of Array.from(this.subscribed)) {
      this.unsubscribe(socket);
      socket.onClose({ code: 1006, reason: 'network down' });
    }
  }

  private unsubscribe(socket: SocketHandlers): void {
    if (!this.subscribed.delete(socket) || this.subscribed.size > 0) return;
    this.absentSince = Date.now();
    if (this.grace || !this.live) return;
    this.grace = setTimeout(() => {
      this.grace = null;
      if (this.subscribed.size > 0) return;
      if (this.absentSince !== null) this.longestAbsence = Math.max(this.longestAbsence, Date.now() - this.absentSince);
      this.end('admin', 'clientTimeout');
    }, WINDOW_MS);
  }
}

type Action =
  | { kind: 'event'; type: 'ringing' | 'accepted' }
  | { kind: 'agentHangUp' }
  | { kind: 'outage'; ms: number; announce: boolean }
  | { kind: 'signal'; signal: ConnectivitySignal }
  /** TRTC gives up on the media (pusher -1307) for `ms`, then it is back. */
  | { kind: 'mediaDrop'; ms: number }
  | { kind: 'wait'; ms: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('event' as const), type: fc.constantFrom('ringing' as const, 'accepted' as const) }) },
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'agentHangUp' }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('outage' as const), ms: fc.integer({ min: 10, max: 1600 }), announce: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('signal' as const), signal: fc.constantFrom<ConnectivitySignal>('online', 'offline', 'network-changed', 'foreground', 'background') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mediaDrop' as const), ms: fc.integer({ min: 10, max: 1600 }) }) },
);

/** Media that reports remote audio and lets the test take it away, as TRTC giving up does. */
class DroppingMedia implements MediaSession {
  constructor(readonly callbacks: MediaCallbacks) {}
  join(): Promise<void> {
    return Promise.resolve();
  }
  update(): void {}
  leave(): void {}
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('random outages, signals and agent events: no event lost or doubled, one sessionEnded, clientTimeout only past the window', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 25 }), async (actions) => {
      const center = new WindowedCenter();
      const storage = new Map<string, string>();
      const tokens = new TokenStore({ get: (k) => storage.get(k), set: (k, v) => void storage.set(k, v), remove: (k) => void storage.delete(k) });
      tokens.save('1400000000', { token: 't', userId: 'u', expiresAt: Date.now() + 3600000, endpoint: 'http://127.0.0.1:1' });
      const dropping: { media: DroppingMedia | null } = { media: null };
      let longestMediaDrop = 0;
      const listeners = new Set<(s: ConnectivitySignal) => void>();
      const signal = (s: ConnectivitySignal) => Array.from(listeners).forEach((listener) => listener(s));
      const delivered: number[] = [];
      const controller = new CallController({
        sdkAppId: () => '1400000000',
        tokens,
        backendFor: (endpoint) => new BackendClient(endpoint, center, 200),
        permissions: { ensure: () => Promise.resolve() },
        createMedia: (_rtc, callbacks) => (dropping.media = new DroppingMedia(callbacks)),
        createSignaling: (descriptor, token, callbacks) =>
          new EventStream(
            center,
            descriptor as Extract<typeof descriptor, { type: 'websocket' }>,
            token,
            { ...callbacks, onEvent: (event) => (delivered.push(event.seq), callbacks.onEvent(event)) },
            { backoff: { initialMs: 20, maxMs: 300, jitter: 0.5 }, openTimeoutMs: 100, heartbeatMs: 1000, probeTimeoutMs: 100, callerTimeoutMs: 5000, afterWindowMs: 50 },
            { subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)) },
          ),
      });
      const ended: SessionEndedDetail[] = [];
      const errors: string[] = [];
      controller.events.on('sessionEnded', (detail) => ended.push(detail));
      controller.events.on('error', (error) => errors.push(error.code));

      const starting = controller.start('audio', { channelId: 'c1' });
      await jest.advanceTimersByTimeAsync(50);
      await starting;
      for (const action of actions) {
        if (action.kind === 'event') center.push({ type: action.type, seatName: 'Agent Lin' });
        else if (action.kind === 'agentHangUp') center.end('seat', 'ok');
        else if (action.kind === 'signal') signal(action.signal);
        else if (action.kind === 'wait') await jest.advanceTimersByTimeAsync(action.ms);
        else if (action.kind === 'mediaDrop') {
          if (ended.length === 0) longestMediaDrop = Math.max(longestMediaDrop, action.ms);
          dropping.media?.callbacks.onReconnecting?.(true, new TcccError('media', 'The media connection was lost (-1307).'));
          await jest.advanceTimersByTimeAsync(action.ms);
          dropping.media?.callbacks.onReconnecting?.(false);
        } else {
          center.down();
          if (action.announce) signal('offline');
          await jest.advanceTimersByTimeAsync(action.ms);
          center.up();
          if (action.announce) signal('online');
          // Quiet time after each outage, so the SDK must come back by its own backoff when nobody tells it.
          await jest.advanceTimersByTimeAsync(400);
        }
        await jest.advanceTimersByTimeAsync(5);
      }
      // The network stays; the agent hangs up if the call is still on; everything settles.
      signal('online');
      await jest.advanceTimersByTimeAsync(600);
      center.end('seat', 'ok');
      await jest.advanceTimersByTimeAsync(3000);

      // Every event of the call, in order, once: the server's log (all of it, unless the SDK gave up first).
      const logged = center.log.map((e) => e.seq);
      expect(delivered).toEqual(errors.length === 0 ? logged : logged.slice(0, delivered.length));
      expect(ended).toHaveLength(1);
      expect(controller.getView().phase).toBe('idle');
      // The call timed out only when the caller was away for the whole window…
      if (ended[0].reason === 'clientTimeout') expect(center.longestAbsence).toBeGreaterThanOrEqual(WINDOW_MS);
      // …and its media failed only when it stayed down for the whole window (the server's, from welcome).
      if (ended[0].reason === 'voipClientError') expect(longestMediaDrop).toBeGreaterThanOrEqual(WINDOW_MS);
      // …and the caller came back within one capped backoff step (300 ms) of the network, every time.
      expect(center.slowestRecovery).toBeLessThanOrEqual(300 + 30);
      controller.dispose();
    }),
    { numRuns: 150 },
  );
}, 60000);
