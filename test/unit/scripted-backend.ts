import { BackendClient } from '../../src/services/backend-client';
import type { CallControllerDeps } from '../../src/services/call-controller';
import { CallController } from '../../src/services/call-controller';
import { EventStream } from '../../src/services/event-stream';
import type { MediaCallbacks, MediaSession, MediaSettings } from '../../src/services/media';
import type { CallEvent, RtcDescriptor, ServerPhase } from '../../src/services/protocol';
import type { KeyValueStorage } from '../../src/services/token-store';
import { TokenStore } from '../../src/services/token-store';
import type { HttpRequest, HttpResponse, SocketHandlers, Transport } from '../../src/services/transport';

/** Where a test may step in while the controller waits: see ScriptedBackend.at. */
export type AwaitPoint = 'permission' | 'create' | 'created' | 'welcome' | 'join' | 'delete';

/**
 * A scripted backend behind a fake Transport: the real BackendClient and EventStream run on top of it.
 * Faults: requests that fail, sockets that drop, events for the wrong session. Hooks run at each point
 * where the controller awaits something, so a test can hang up exactly there.
 */
export class ScriptedBackend implements Transport {
  faulty = false;
  /** When set, the runtime refuses event sockets with this message (a domain outside WeChat's socket whitelist). */
  refuseSockets: string | null = null;
  /** DELETEs still to fail (as with no network), before the faulty flag is consulted. */
  failingDeletes = 0;
  createdPhase: ServerPhase = 'queued';
  rtc: RtcDescriptor = { type: 'none' };
  seq = 0;
  /** Create requests sent, counted when the client sends them. */
  createRequests = 0;
  sessions = 0;
  live: string | null = null;
  deletes: string[] = [];
  sockets = new Set<SocketHandlers>();
  /** Runs once at its point, then is removed. */
  hooks = new Map<AwaitPoint, () => void>();
  /** Holds the answer to a create, or the welcome, until the returned function is called. */
  gates = new Map<'create' | 'welcome', Promise<void>>();
  private log: CallEvent[] = [];

  at(point: AwaitPoint): void {
    const hook = this.hooks.get(point);
    if (!hook) return;
    this.hooks.delete(point);
    hook();
  }

  hold(what: 'create' | 'welcome'): () => void {
    let release!: () => void;
    this.gates.set(what, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.gates.delete(what);
      release();
    };
  }

  private gate(what: 'create' | 'welcome'): Promise<void> {
    return this.gates.get(what) ?? Promise.resolve();
  }

  request(request: HttpRequest): Promise<HttpResponse> {
    if (request.method === 'POST' && request.url.endsWith('/v1/sessions')) this.createRequests += 1;
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        if (request.method === 'POST' && request.url.endsWith('/v1/sessions')) {
          if (this.faulty) return reject(Object.assign(new Error('network down'), { code: 'network' }));
          this.at('create');
          if (this.live) return resolve({ status: 409, body: { error: { code: 'conflict', message: 'callConflict' } } });
          this.sessions += 1;
          const sessionId = `s-${this.sessions}`;
          this.live = sessionId;
          const body = {
            sessionId,
            media: (request.body as { media: string }).media,
            phase: this.createdPhase,
            rtc: this.rtc,
            signaling: { type: 'websocket', url: 'ws://127.0.0.1:1/v1/events', since: this.seq },
          };
          void this.gate('create').then(() => resolve({ status: 201, body }));
          return;
        }
        if (request.method === 'DELETE') {
          const id = decodeURIComponent(request.url.split('/').pop() ?? '');
          this.at('delete');
          if (this.failingDeletes > 0 || this.faulty) {
            this.failingDeletes = Math.max(0, this.failingDeletes - 1);
            return reject(Object.assign(new Error('network down'), { code: 'network' }));
          }
          this.deletes.push(id);
          if (this.live === id) this.serverEnds('user', 'ok');
          return resolve({ status: 200, body: { sessionId: id, closeBy: 'user', endStatus: 1, reason: 'ok' } });
        }
        if (this.faulty) return reject(Object.assign(new Error('network down'), { code: 'network' }));
        resolve({ status: 200, body: { ok: true } });
      }, 1);
    });
  }

  connect(_url: string, handlers: SocketHandlers) {
    let open = true;
    setTimeout(() => {
      if (!open) return;
      if (this.refuseSockets) {
        open = false;
        return handlers.onClose({ code: 1006, reason: this.refuseSockets, refused: true });
      }
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
          this.at('welcome');
          void this.gate('welcome').then(() => {
            if (!open) return;
            handlers.onMessage(JSON.stringify({ type: 'welcome', seq: this.seq, replayed: 0 }));
            for (const event of this.log.filter((e) => e.seq > (frame.since ?? 0))) handlers.onMessage(JSON.stringify(event));
          });
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

/** Media that joins after a tick; records its settings and keeps its callbacks for the test to fire. */
export class FakeMedia implements MediaSession {
  static active = new Set<FakeMedia>();
  static all: FakeMedia[] = [];
  /** The next join rejects with this (the room could not be entered). */
  static failNextJoin: Error | null = null;
  joined: MediaSettings | null = null;

  constructor(
    readonly callbacks: MediaCallbacks,
    private readonly backend?: ScriptedBackend,
  ) {
    FakeMedia.all.push(this);
  }

  join(settings: MediaSettings): Promise<void> {
    FakeMedia.active.add(this);
    this.joined = settings;
    this.backend?.at('join');
    const failure = FakeMedia.failNextJoin;
    FakeMedia.failNextJoin = null;
    return new Promise((resolve, reject) => setTimeout(() => (failure ? reject(failure) : resolve()), 1));
  }

  update(): void {}

  leave(): void {
    FakeMedia.active.delete(this);
  }

  static reset(): void {
    FakeMedia.active.clear();
    FakeMedia.all = [];
    FakeMedia.failNextJoin = null;
  }
}

export const memoryStorage = (): KeyValueStorage => {
  const map = new Map<string, string>();
  return { get: (k) => map.get(k), set: (k, v) => void map.set(k, v), remove: (k) => void map.delete(k) };
};

export const SDK_APP_ID = '1400000000';

/**
 * A BackendClient whose create answer also runs the backend's `created` hook, registered after the
 * controller's own handlers: it runs once the controller's guard has resolved, before start() resumes.
 */
export function clientWithCreatedHook(endpoint: string, backend: ScriptedBackend): BackendClient {
  const client = new BackendClient(endpoint, backend, 50);
  const create = client.createSession.bind(client);
  client.createSession = (...args) => {
    const answer = create(...args);
    queueMicrotask(() => void answer.then(() => backend.at('created'), () => undefined));
    return answer;
  };
  return client;
}

/** A controller on the scripted backend, logged in, with fast retries; `overrides` replace any dependency. */
export function scriptedController(backend: ScriptedBackend, overrides: Partial<CallControllerDeps> = {}): CallController {
  const tokens = new TokenStore(memoryStorage());
  tokens.save(SDK_APP_ID, { token: 't', userId: 'u', expiresAt: Date.now() + 3600000, localExpiresAt: Date.now() + 3600000, endpoint: 'http://127.0.0.1:1' });
  return new CallController({
    sdkAppId: () => SDK_APP_ID,
    tokens,
    backendFor: (endpoint) => clientWithCreatedHook(endpoint, backend),
    permissions: {
      ensure: () => {
        backend.at('permission');
        return Promise.resolve();
      },
    },
    createMedia: (_rtc, callbacks) => new FakeMedia(callbacks, backend),
    createSignaling: (descriptor, token, callbacks) =>
      new EventStream(backend, descriptor as Extract<typeof descriptor, { type: 'websocket' }>, token, callbacks, {
        backoff: { initialMs: 1, maxMs: 2, jitter: 0 },
        openTimeoutMs: 40,
        heartbeatMs: 1000,
        probeTimeoutMs: 40,
        callerTimeoutMs: 3,
        afterWindowMs: 1,
      }),
    endRetryDelaysMs: [2, 4, 8],
    roomLostGraceMs: 30,
    ...overrides,
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil(check: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(2);
  }
}

/** Everything the controller emitted, in order. */
export function record(controller: CallController) {
  const seen = {
    sessionStart: [] as string[],
    accepted: [] as Array<{ sessionId: string; seatName: string }>,
    sessionEnded: [] as Array<{ sessionId: string; closeBy: string; endStatus: number; reason: string }>,
    error: [] as Array<{ code: string; message: string }>,
    phases: [] as string[],
  };
  controller.events.on('sessionStart', ({ sessionId }) => seen.sessionStart.push(sessionId));
  controller.events.on('accepted', (detail) => seen.accepted.push(detail));
  controller.events.on('sessionEnded', (detail) => seen.sessionEnded.push(detail));
  controller.events.on('error', (error) => seen.error.push({ code: error.code, message: error.message }));
  controller.events.on('change', ({ phase }) => {
    if (seen.phases[seen.phases.length - 1] !== phase) seen.phases.push(phase);
  });
  return seen;
}
