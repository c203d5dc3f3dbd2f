import { ErrorCode, TcccError } from './errors';
import type { ClientFrame, SignalingDescriptor } from './protocol';
import type { Signaling, SignalingCallbacks } from './signaling';
import { parseCallEvent, registerSignaling } from './signaling';
import type { SocketConnection, Transport } from './transport';

export interface EventStreamOptions {
  /** Delay before each reconnect attempt; its length bounds the attempts. */
  retryDelaysMs: readonly number[];
  /** How long one connection may take from connect to `welcome`. */
  openTimeoutMs: number;
  /** A ping is sent this often; a connection silent for twice as long is treated as dropped. */
  heartbeatMs: number;
}

export const DEFAULT_EVENT_STREAM_OPTIONS: EventStreamOptions = {
  retryDelaysMs: [200, 500, 1000, 2000],
  openTimeoutMs: 8000,
  heartbeatMs: 15000,
};

type WebSocketDescriptor = Extract<SignalingDescriptor, { type: 'websocket' }>;

/**
 * The event WebSocket of docs/protocol.md: `hello {token, since}` → `welcome`, then call events with
 * per-user sequence numbers. After a drop it reconnects with `since` = the last seq it delivered, so the
 * server replays what was missed; duplicates are dropped by seq. Gives up after the bounded retries.
 */
export class EventStream implements Signaling {
  private lastSeq: number;
  private connection: SocketConnection | null = null;
  private closed = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastFrameAt = 0;
  /** Settles the connection attempt in flight, so `close()` during `open()` never leaves it pending. */
  private settlePending: ((error: TcccError | null) => void) | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly descriptor: WebSocketDescriptor,
    private readonly token: string,
    private readonly callbacks: SignalingCallbacks,
    private readonly options: EventStreamOptions = DEFAULT_EVENT_STREAM_OPTIONS,
  ) {
    this.lastSeq = descriptor.since;
  }

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connectOnce((error) => (error ? (this.close(), reject(error)) : resolve()));
    });
  }

  close(): void {
    this.closed = true;
    this.settlePending?.(new TcccError(ErrorCode.Cancelled, 'The event connection was closed while opening.'));
    this.clearTimers();
    const connection = this.connection;
    this.connection = null;
    connection?.close();
  }

  /** Opens one connection; `settled` is told once whether it reached `welcome`. */
  private connectOnce(settled: (error: TcccError | null) => void): void {
    let welcomed = false;
    let done = false;
    const finish = (error: TcccError | null) => {
      if (done) return;
      done = true;
      this.settlePending = null;
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      settled(error);
    };
    this.settlePending = finish;
    this.timer = setTimeout(() => {
      finish(new TcccError(ErrorCode.Timeout, `The event connection did not open within ${this.options.openTimeoutMs} ms.`));
      this.dropConnection();
    }, this.options.openTimeoutMs);

    const connection = this.transport.connect(this.descriptor.url, {
      onOpen: () => this.send({ type: 'hello', token: this.token, since: this.lastSeq }),
      onMessage: (text) => {
        if (connection !== this.connection) return;
        this.lastFrameAt = Date.now();
        const frame = safeParse(text);
        if (!frame) return;
        if (frame.type === 'welcome') {
          welcomed = true;
          if (this.attempt > 0) this.callbacks.onReconnecting?.(false);
          this.attempt = 0;
          this.startHeartbeat();
          finish(null);
        } else if (frame.type === 'error') {
          const code = frame.code === 'unauthenticated' ? ErrorCode.LoginExpired : ErrorCode.Server;
          const error = new TcccError(code, `Event connection refused: ${String(frame.message).slice(0, 200)}`, { serverCode: String(frame.code) });
          if (welcomed) this.lose(error);
          else finish(error);
        } else {
          this.deliver(frame);
        }
      },
      onClose: () => {
        if (connection !== this.connection) return;
        this.connection = null;
        this.stopHeartbeat();
        if (this.closed) return;
        if (welcomed) this.reconnect();
        else finish(new TcccError(ErrorCode.Network, 'Could not open the event connection to the server.'));
      },
    });
    this.connection = connection;
  }

  private deliver(frame: Record<string, unknown>): void {
    const event = parseCallEvent(frame);
    if (!event || event.seq <= this.lastSeq) return;
    this.lastSeq = event.seq;
    this.callbacks.onEvent(event);
  }

  private reconnect(): void {
    if (this.attempt >= this.options.retryDelaysMs.length) {
      this.lose(new TcccError(ErrorCode.Network, 'Lost the connection to the server and could not reconnect.'));
      return;
    }
    const delay = this.options.retryDelaysMs[this.attempt];
    if (this.attempt === 0) this.callbacks.onReconnecting?.(true);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      this.connectOnce((error) => {
        if (!error || this.closed) return;
        if (error.code === ErrorCode.LoginExpired) this.lose(error);
        else this.reconnect();
      });
    }, delay);
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
    const connection = this.connection;
    this.connection = null;
    this.stopHeartbeat();
    connection?.close();
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.lastFrameAt = Date.now();
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastFrameAt > this.options.heartbeatMs * 2) {
        this.dropConnection();
        if (!this.closed) this.reconnect();
        return;
      }
      this.send({ type: 'ping' });
    }, this.options.heartbeatMs);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private clearTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopHeartbeat();
  }
}

function safeParse(text: string): (Record<string, unknown> & { type?: unknown; code?: unknown; message?: unknown }) | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Makes the built-in `websocket` signaling available over the given transport. */
export function registerWebSocketSignaling(transport: Transport, options?: EventStreamOptions): void {
  registerSignaling('websocket', (descriptor, token, callbacks) => new EventStream(transport, descriptor, token, callbacks, options));
}
