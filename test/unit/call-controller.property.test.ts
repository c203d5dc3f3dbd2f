import fc from 'fast-check';
import { BackendClient } from '../../src/services/backend-client';
import { CallController } from '../../src/services/call-controller';
import { EventStream } from '../../src/services/event-stream';
import type { MediaSession } from '../../src/services/media';
import type { CallEvent } from '../../src/services/protocol';
import type { KeyValueStorage } from '../../src/services/token-store';
import { TokenStore } from '../../src/services/token-store';
import type { HttpRequest, HttpResponse, SocketHandlers, Transport } from '../../src/services/transport';

/**
 * A scripted backend behind a fake Transport: the real BackendClient and EventStream run on top of it.
 * Faults: requests that fail or time out, sockets that drop, events for the wrong session.
 */
class ScriptedBackend implements Transport {
  faulty = false;
  seq = 0;
  sessions = 0;
  live: string | null = null;
  sockets = new Set<SocketHandlers>();
  private log: CallEvent[] = [];

  request(request: HttpRequest): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        if (this.faulty) return reject(Object.assign(new Error('network down'), { code: 'network' }));
        if (request.method === 'POST' && request.url.endsWith('/v1/sessions')) {
          if (this.live) return resolve({ status: 409, body: { error: { code: 'conflict', message: 'callConflict' } } });
          this.sessions += 1;
          this.live = `s-${this.sessions}`;
          return resolve({
            status: 201,
            body: {
              sessionId: this.live,
              media: (request.body as { media: string }).media,
              phase: 'queued',
              rtc: { type: 'none' },
              signaling: { type: 'websocket', url: 'ws://127.0.0.1:1/v1/events', since: this.seq },
            },
          });
        }
        if (request.method === 'DELETE') {
          const id = decodeURIComponent(request.url.split('/').pop() ?? '');
          if (this.live === id) this.serverEnds('user', 'ok');
          return resolve({ status: 200, body: { sessionId: id, closeBy: 'user', endStatus: 1, reason: 'ok' } });
        }
        resolve({ status: 200, body: { ok: true } });
      }, 1);
    });
  }

  connect(_url: string, handlers: SocketHandlers) {
    let open = true;
    setTimeout(() => {
      if (!open) return;
      if (this.faulty) {
        open = false;
        return handlers.onClose({ code: 1006, reason: 'down' });
      }
      this.sockets.add(handlers);
      handlers.onOpen();
    }, 1);
    return {
      send: (text: string) => {
        const frame = JSON.parse(text) as { type: string; since?: number };
        if (frame.type !== 'hello' || !open) return;
        setTimeout(() => {
          if (!open) return;
          handlers.onMessage(JSON.stringify({ type: 'welcome', seq: this.seq, replayed: 0 }));
          for (const event of this.log.filter((e) => e.seq > (frame.since ?? 0))) handlers.onMessage(JSON.stringify(event));
        }, 1);
      },
      close: () => {
        open = false;
        this.sockets.delete(handlers);
      },
    };
  }

  push(body: Record<string, unknown>, sessionId = this.live): void {
    if (!sessionId) return;
    this.seq += 1;
    const event = { ...body, seq: this.seq, sessionId, at: Date.now() } as CallEvent;
    this.log.push(event);
    for (const socket of this.sockets) socket.onMessage(JSON.stringify(event));
  }

  serverEnds(closeBy: string, reason: string): void {
    const id = this.live;
    if (!id) return;
    this.live = null;
    this.push({ type: 'ended', closeBy, endStatus: 1, reason }, id);
  }

  dropSockets(): void {
    for (const socket of Array.from(this.sockets)) {
      this.sockets.delete(socket);
      socket.onClose({ code: 1006, reason: 'dropped' });
    }
  }
}

class FakeMedia implements MediaSession {
  static active = new Set<FakeMedia>();
  join(): Promise<void> {
    FakeMedia.active.add(this);
    return new Promise((resolve) => setTimeout(resolve, 1));
  }
  update(): void {}
  leave(): void {
    FakeMedia.active.delete(this);
  }
}

const memoryStorage = (): KeyValueStorage => {
  const map = new Map<string, string>();
  return { get: (k) => map.get(k), set: (k, v) => void map.set(k, v), remove: (k) => void map.delete(k) };
};

type Action =
  | { kind: 'method'; name: string; args: unknown[] }
  | { kind: 'server'; event: 'queued' | 'ringing' | 'accepted' | 'ended' | 'stray' }
  | { kind: 'drop' }
  | { kind: 'fault'; on: boolean }
  | { kind: 'wait'; ms: number };

/** Mostly valid arguments, sometimes bad ones; starts and server events often enough to reach every phase. */
const VALID_ARGS: Record<string, unknown[]> = { startCall: [{ channelId: 'c1' }], startSession: [{ channelId: 'c1' }], sendDigits: ['12#'], setSoundMode: ['ear'] };
const BAD_ARGS: Record<string, unknown[]> = { startCall: [{}], startSession: [{ channelId: 42 }], sendDigits: ['12a'], setSoundMode: ['loud'] };
const methodArb = fc
  .tuple(
    fc.constantFrom('startCall', 'startCall', 'startSession', 'endCall', 'sendDigits', 'mute', 'unmute', 'setSoundMode', 'switchCamera', 'disableCamera', 'enableCamera'),
    fc.integer({ min: 0, max: 4 }),
  )
  .map(([name, dice]): Action => ({ kind: 'method', name, args: (dice === 0 ? BAD_ARGS[name] : VALID_ARGS[name]) ?? [] }));

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: methodArb },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('server' as const), event: fc.constantFrom('queued' as const, 'ringing' as const, 'accepted' as const, 'ended' as const, 'stray' as const) }) },
  { weight: 1, arbitrary: fc.constant<Action>({ kind: 'drop' }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fault' as const), on: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 20 }) }) },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('random calls, server events and faults keep the invariants', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 30 }), async (actions) => {
      const backend = new ScriptedBackend();
      const tokens = new TokenStore(memoryStorage());
      tokens.save('1400000000', { token: 't', userId: 'u', expiresAt: Date.now() + 3600000, endpoint: 'http://127.0.0.1:1' });
      FakeMedia.active.clear();
      const controller = new CallController({
        sdkAppId: () => '1400000000',
        tokens,
        backendFor: (endpoint) => new BackendClient(endpoint, backend, 50),
        permissions: { ensure: () => Promise.resolve() },
        createMedia: () => new FakeMedia(),
        createSignaling: (descriptor, token, callbacks) =>
          new EventStream(backend, descriptor as Extract<typeof descriptor, { type: 'websocket' }>, token, callbacks, {
            backoff: { initialMs: 1, maxMs: 2, jitter: 0 },
            openTimeoutMs: 40,
            heartbeatMs: 1000,
            probeTimeoutMs: 40,
            callerTimeoutMs: 10,
            afterWindowMs: 2,
          }),
      });

      const started: string[] = [];
      const ended: string[] = [];
      const violations: string[] = [];
      controller.events.on('sessionStart', ({ sessionId }) => {
        if (started.length !== ended.length) violations.push(`sessionStart ${sessionId} while another call is live`);
        started.push(sessionId);
      });
      controller.events.on('sessionEnded', ({ sessionId }) => {
        if (started[started.length - 1] !== sessionId || ended.includes(sessionId)) violations.push(`unexpected sessionEnded ${sessionId}`);
        ended.push(sessionId);
        if (FakeMedia.active.size > 0) violations.push(`media still active after ${sessionId} ended`);
      });

      const pending: Array<{ settled: boolean }> = [];
      const call = (promise: Promise<unknown>) => {
        const entry = { settled: false };
        pending.push(entry);
        promise.then(
          () => (entry.settled = true),
          (error: { code?: string }) => {
            entry.settled = true;
            if (typeof error?.code !== 'string') violations.push(`untyped rejection: ${String(error)}`);
          },
        );
      };

      for (const action of actions) {
        if (action.kind === 'method') {
          const c = controller;
          const methods: Record<string, () => Promise<unknown>> = {
            startCall: () => c.start('audio', action.args[0]),
            startSession: () => c.start('video', action.args[0]),
            endCall: () => c.hangUp(),
            sendDigits: () => c.sendDigits(action.args[0]),
            setSoundMode: () => c.setSoundMode(action.args[0]),
            mute: () => c.adjustMedia('mute'),
            unmute: () => c.adjustMedia('unmute'),
            switchCamera: () => c.adjustMedia('switchCamera'),
            disableCamera: () => c.adjustMedia('disableCamera'),
            enableCamera: () => c.adjustMedia('enableCamera'),
          };
          call(methods[action.name]());
        } else if (action.kind === 'server') {
          if (action.event === 'ended') backend.serverEnds('seat', 'ok');
          else if (action.event === 'stray') backend.push({ type: 'accepted', seatName: 'x' }, 's-unknown');
          else backend.push({ type: action.event, position: 1, seatName: 'A' });
        } else if (action.kind === 'drop') backend.dropSockets();
        else if (action.kind === 'fault') backend.faulty = action.on;
        // Time passes between actions, so requests, socket frames and media joins interleave with them.
        await sleep(action.kind === 'wait' ? action.ms : 2);
      }

      backend.faulty = false;
      call(controller.hangUp());
      const deadline = Date.now() + 2000;
      while ((pending.some((p) => !p.settled) || controller.getView().phase !== 'idle') && Date.now() < deadline) await sleep(5);

      expect(violations).toEqual([]);
      expect(pending.filter((p) => !p.settled)).toHaveLength(0);
      expect(controller.getView().phase).toBe('idle');
      expect(ended).toEqual(started);
      expect(FakeMedia.active.size).toBe(0);
      controller.dispose();
    }),
    { numRuns: 120 },
  );
}, 120000);
