import type { BackoffOptions } from './backoff';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff';
import type { Connectivity, ConnectivitySignal } from './connectivity';
import { NO_CONNECTIVITY_SIGNALS } from './connectivity';
import { ErrorCode, TcccError } from './errors';
import type { ClientFrame, SignalingDescriptor } from './protocol';
import type { Signaling, SignalingCallbacks } from './signaling';
import { DEFAULT_CALLER_WINDOW_MS, parseCallEvent, registerSignaling } from './signaling';
import type { SocketConnection, Transport } from './transport';

export interface EventStreamOptions {
  /** Delays between reconnect attempts while the caller window lasts. */
  backoff: BackoffOptions;
  /** How long one connection may take from connect to `welcome`. */
  openTimeoutMs: number;
  /** A ping is sent this often; a connection silent for twice as long is treated as dropped. */
  heartbeatMs: number;
  /** After the app comes back or the network changes, how long a ping may go unanswered before the socket counts as dead. */
  probeTimeoutMs: number;
  /** The caller window when the server's `welcome` does not give one (docs/protocol.md: 30 s). */
  callerTimeoutMs: number;
  /**
   * The last attempt is made this long after the window: a server that has ended the call by then replays
   * its `ended` (clientTimeout), so the call ends the way the server recorded it.
   */
  afterWindowMs: number;
}

export const DEFAULT_EVENT_STREAM_OPTIONS: EventStreamOptions = {
  backoff: DEFAULT_BACKOFF,
  openTimeoutMs: 8000,
  heartbeatMs: 5000,
  probeTimeoutMs: 2500,
  callerTimeoutMs: DEFAULT_CALLER_WINDOW_MS,
  afterWindowMs: 1000,
};

/** A `welcome.callerTimeoutMs` outside this range is ignored (a typo on a server must not keep calls for days). */
const MAX_CALLER_TIMEOUT_MS = 10 * 60 * 1000;

type WebSocketDescriptor = Extract<SignalingDescriptor, { type: 'websocket' }>;
type Frame = Record<string, unknown> & { type?: unknown; code?: unknown; message?: unknown; seq?: unknown; callerTimeoutMs?: unknown };

/**
 * The event WebSocket of docs/protocol.md: `hello {token, since}` → `welcome`, then call events with
 * per-user sequence numbers. After a drop it keeps reconnecting, on a capped jittered backoff, until the
 * server's caller window has passed; `hello` carries `since` = the last seq delivered, so the server replays
 * what was missed, and duplicates are dropped by seq. A network or foreground signal retries at once.
 */
export class EventStream implements Signaling {
  private lastSeq: number;
  private windowMs: number;
  private connection: SocketConnection | null = null;
  /** Bumped whenever a connection is dropped, so late callbacks of an old socket are ignored. */
  private generation = 0;
  private welcomed = false;
  private closed = false;
  /** When the connection was lost; null while connected (or before the first welcome). */
  private lostAt: number | null = null;
  private failures = 0;
  private framesReceived = 0;
  private lastFrameAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private probeTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private pendingOpen: { resolve(): void; reject(error: TcccError): void } | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly descriptor: WebSocketDescriptor,
    private readonly token: string,
    private readonly callbacks: SignalingCallbacks,
    private readonly options: EventStreamOptions = DEFAULT_EVENT_STREAM_OPTIONS,
    private readonly connectivity: Connectivity = NO_CONNECTIVITY_SIGNALS,
    private readonly random: () => number = Math.random,
  ) {
    this.lastSeq = descriptor.since;
    this.windowMs = options.callerTimeoutMs;
  }

  /** Resolves at the first `welcome`; rejects (and closes) when that first connection fails. */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pendingOpen = { resolve, reject };
      this.unsubscribe = this.connectivity.subscribe((signal) => this.onSignal(signal));
      this.connect();
    });
  }

  callerWindowMs(): number {
    return this.windowMs;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.clearTimers();
    this.dropConnection();
    const pending = this.pendingOpen;
    this.pendingOpen = null;
    pending?.reject(new TcccError(ErrorCode.Cancelled, 'The event connection was closed while opening.'));
  }

  private connect(): void {
    this.clearTimer('retryTimer');
    this.clearTimer('openTimer');
    this.clearTimer('probeTimer');
    this.dropConnection();
    if (this.closed) return;
    const generation = this.generation;
    const current = () => generation === this.generation && !this.closed;
    let opened = false;
    this.openTimer = setTimeout(() => {
      this.openTimer = null;
      if (current()) this.connectionGone(new TcccError(ErrorCode.Timeout, `The event connection did not open within ${this.options.openTimeoutMs} ms.`));
    }, this.options.openTimeoutMs);
    const connection = this.transport.connect(this.descriptor.url, {
      onOpen: () => {
        opened = true;
        if (current()) this.send({ type: 'hello', token: this.token, since: this.lastSeq });
      },
      onMessage: (text) => {
        if (current()) this.onFrame(text);
      },
      onClose: ({ reason, refused }) => {
        if (!current()) return;
        this.connection = null;
        const message = opened ? 'The event connection to the server closed.' : `The event connection to ${this.descriptor.url} could not open: ${(reason || 'no answer').replace(/\.?$/, '.')}`;
        this.connectionGone(new TcccError(ErrorCode.Network, message), refused === true);
      },
    });
    // A transport that failed synchronously has already moved on; never keep its socket.
    if (current()) this.connection = connection;
    else connection.close();
  }

  private onFrame(text: string): void {
    this.framesReceived += 1;
    this.lastFrameAt = Date.now();
    const frame = safeParse(text);
    if (!frame) return;
    if (frame.type === 'welcome') this.onWelcome(frame);
    else if (frame.type === 'error') this.onErrorFrame(frame);
    else if (frame.type !== 'pong') this.deliver(frame);
  }

  private onWelcome(frame: Frame): void {
    this.clearTimer('openTimer');
    this.welcomed = true;
    if (typeof frame.seq === 'number' && Number.isInteger(frame.seq) && frame.seq >= 0 && frame.seq < this.lastSeq) {
      // The server's log starts lower than what we saw: it restarted or failed over. Its new events count.
      console.warn(`[tccc-wx-sdk] The server's event sequence restarted (${frame.seq} < ${this.lastSeq}); following it.`);
      this.lastSeq = frame.seq;
    }
    const window = frame.callerTimeoutMs;
    if (typeof window === 'number' && Number.isFinite(window) && window > 0 && window <= MAX_CALLER_TIMEOUT_MS) this.windowMs = window;
    const wasLost = this.lostAt !== null;
    this.lostAt = null;
    this.failures = 0;
    this.startHeartbeat();
    const pending = this.pendingOpen;
    this.pendingOpen = null;
    pending?.resolve();
    if (wasLost) this.callbacks.onReconnecting?.(false);
  }

  /**
   * A refused `hello` ends this attempt. After `welcome` only a refused credential ends the stream; any other
   * error frame (a malformed frame: protocol.md keeps the socket) is logged.
   */
  private onErrorFrame(frame: Frame): void {
    const serverCode = String(frame.code);
    const code = serverCode === 'unauthenticated' ? ErrorCode.LoginExpired : ErrorCode.Server;
    const error = new TcccError(code, `Event connection refused: ${String(frame.message).slice(0, 200)}`, { serverCode });
    if (!this.welcomed) this.connectionGone(error);
    else if (code === ErrorCode.LoginExpired) this.lose(error);
    else console.warn(`[tccc-wx-sdk] The server reported ${serverCode} on the event connection, which stays open: ${error.message}`);
  }

  private deliver(frame: Frame): void {
    const event = parseCallEvent(frame);
    if (!event || event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    this.callbacks.onEvent(event);
  }

  /**
   * The current connection (or attempt) is over; decide whether to retry, and when. The first connection
   * is retried like any later drop; `final`: retrying cannot help (the runtime refused the socket).
   */
  private connectionGone(error: TcccError, final = false): void {
    this.clearTimer('openTimer');
    this.clearTimer('probeTimer');
    this.stopHeartbeat();
    this.dropConnection();
    if (this.closed) return;
    // The server refused this call's credential (or the first hello): resuming cannot work, however long we try.
    if (final || error.code === ErrorCode.LoginExpired || (this.pendingOpen && error.code === ErrorCode.Server)) return this.giveUp(error);
    if (this.lostAt === null) {
      this.lostAt = Date.now();
      this.failures = 0;
      this.callbacks.onReconnecting?.(true);
    }
    this.scheduleRetry(error);
  }

  private scheduleRetry(error: TcccError): void {
    const lostAt = this.lostAt ?? Date.now();
    const lastChance = lostAt + this.windowMs + this.options.afterWindowMs;
    const now = Date.now();
    if (now >= lastChance) {
      const seconds = Math.round(this.windowMs / 1000);
      const what = this.pendingOpen ? `Could not reach the server's event connection within ${seconds} s: ${error.message}` : `Lost the connection to the server and could not reach it again within ${seconds} s.`;
      this.giveUp(new TcccError(ErrorCode.Network, what));
      return;
    }
    const delay = Math.min(backoffDelay(this.failures, this.options.backoff, this.random), lastChance - now);
    this.failures += 1;
    this.clearTimer('retryTimer');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  /** No more attempts: a pending first open rejects, an established stream is lost. */
  private giveUp(error: TcccError): void {
    const pending = this.pendingOpen;
    this.pendingOpen = null;
    if (!pending) return this.lose(error);
    this.close();
    pending.reject(error);
  }

  private onSignal(signal: ConnectivitySignal): void {
    // The first attempt in flight settles by itself; once it is being retried, signals count as after a drop.
    if (this.closed || (this.pendingOpen && this.lostAt === null)) return;
    if (signal === 'background') return;
    if (signal === 'offline') {
      if (this.lostAt === null) this.connectionGone(new TcccError(ErrorCode.Network, 'The phone went offline.'));
      return;
    }
    // online, network-changed, foreground: retry now when reconnecting; otherwise make sure the socket still answers.
    if (this.lostAt !== null) this.connect();
    else this.probe();
  }

  /** Sends a ping; a connection that says nothing back within `probeTimeoutMs` is treated as dropped. */
  private probe(): void {
    if (this.probeTimer || !this.connection) return;
    const before = this.framesReceived;
    const generation = this.generation;
    this.send({ type: 'ping' });
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      if (generation !== this.generation || this.closed || this.framesReceived > before) return;
      this.connectionGone(new TcccError(ErrorCode.Network, 'The event connection stopped answering.'));
    }, this.options.probeTimeoutMs);
  }

  private lose(error: TcccError): void {
    if (this.closed) return;
    this.close();
    this.callbacks.onLost(error);
  }

  private send(frame: ClientFrame): void {
    this.connection?.send(JSON.stringify(frame));
  }

  private dropConnection(): void {
    this.generation += 1;
    this.welcomed = false;
    const connection = this.connection;
    this.connection = null;
    connection?.close();
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.lastFrameAt = Date.now();
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastFrameAt > this.options.heartbeatMs * 2) {
        this.connectionGone(new TcccError(ErrorCode.Network, 'The event connection went silent.'));
        return;
      }
      this.send({ type: 'ping' });
    }, this.options.heartbeatMs);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private clearTimer(name: 'retryTimer' | 'openTimer' | 'probeTimer'): void {
    const timer = this[name];
    if (timer) clearTimeout(timer);
    this[name] = null;
  }

  private clearTimers(): void {
    this.clearTimer('retryTimer');
    this.clearTimer('openTimer');
    this.clearTimer('probeTimer');
    this.stopHeartbeat();
  }
}

function safeParse(text: string): Frame | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Frame) : null;
  } catch {
    return null;
  }
}

/** Makes the built-in `websocket` signaling available over the given transport. */
export function registerWebSocketSignaling(transport: Transport, options?: EventStreamOptions, connectivity?: Connectivity): void {
  registerSignaling('websocket', (descriptor, token, callbacks) => new EventStream(transport, descriptor, token, callbacks, options, connectivity));
}
