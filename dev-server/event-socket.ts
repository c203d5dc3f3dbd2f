// Node's own timers, not a host environment's globals (the server also runs inside jsdom test environments).
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import type { RawData } from 'ws';
import { WebSocket } from 'ws';
import type { ServerFrame } from '../src/services/protocol';
import { isFrameProblem, readClientFrame } from './client-frames';
import type { ContactCenter } from './contact-center';
import { CenterError } from './contact-center';
import { guarded } from './guard';
import { TokenBucket } from './rate-limiter';

export const HELLO_TIMEOUT_MS = 5000;
/** Bytes of answers one socket may have waiting for its client; past it the client is not reading and is cut off. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Frames a client may send at once, and per second after that (the SDK sends a ping every 5 s). */
export const FRAME_BURST = 20;
export const FRAMES_PER_SECOND = 2;
const HEARTBEAT_MS = 30000;
/**
 * Event sockets one client address may hold open. The SDK holds one per call (for a moment two, while a
 * reconnect replaces a socket whose close is still under way), and a developer runs a few phones and
 * DevTools windows behind one address; 50 leaves room for all of that, while one client opening sockets
 * in a loop stops at about 0.5 MB and 50 file descriptors (5,000 sockets took 50 MB, and with a limit of
 * 200 open files, every other client's connection).
 */
export const MAX_EVENT_SOCKETS_PER_ADDRESS = 50;
/** How long a refused socket's client has to finish the close handshake. */
const REFUSED_CLOSE_MS = 1000;

/** The part of a socket `sendFrame` uses. */
export type FrameSink = Pick<WebSocket, 'readyState' | 'bufferedAmount' | 'send' | 'terminate'>;

/**
 * Sends a frame to a socket that is open and reading. A client whose answers pile up unread past
 * MAX_BUFFERED_BYTES is cut off rather than grown without bound (returns false then).
 */
export function sendFrame(ws: FrameSink, frame: ServerFrame): boolean {
  if (ws.readyState !== WebSocket.OPEN) return false;
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    ws.terminate();
    return false;
  }
  ws.send(JSON.stringify(frame));
  return true;
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
}

/**
 * One caller's event connection: `hello` first, then replay and live events; pings answered. Frames are
 * rate-limited (past the budget: an error and close 1008), only valid frames and pongs count as a live
 * client, and no frame, however malformed, can throw out of here.
 */
export function handleEventSocket(ws: WebSocket, center: ContactCenter): void {
  let unsubscribe: (() => void) | null = null;
  const budget = new TokenBucket(FRAME_BURST, FRAMES_PER_SECOND);
  const helloTimer = setTimeout(
    guarded(() => {
      sendFrame(ws, { type: 'error', code: 'unauthenticated', message: `Send {"type":"hello","token","since"} within ${HELLO_TIMEOUT_MS} ms.` });
      ws.close(4001, 'no hello');
    }),
    HELLO_TIMEOUT_MS,
  );
  let alive = true;
  const heartbeat = setInterval(
    guarded(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }),
    HEARTBEAT_MS,
  );
  const fail = (code: 'invalid-argument' | 'rate-limited', message: string) => sendFrame(ws, { type: 'error', code, message });

  const onMessage = (data: RawData, isBinary: boolean) => {
    // After a close (ours, for too many frames), what the client still sends is read and dropped.
    if (ws.readyState !== WebSocket.OPEN) return;
    if (!budget.take()) {
      fail('rate-limited', `Too many frames: at most ${FRAME_BURST} at once, then ${FRAMES_PER_SECOND} a second.`);
      return ws.close(1008, 'too many frames');
    }
    const frame = isBinary ? { problem: 'Frames are JSON text, not binary.' } : readClientFrame(textOf(data));
    if (isFrameProblem(frame)) return void fail('invalid-argument', frame.problem);
    alive = true;
    if (frame.type === 'ping') return void sendFrame(ws, { type: 'pong' });
    if (unsubscribe) return void fail('invalid-argument', 'hello was already sent on this connection.');
    try {
      const { user, sessionId } = center.authenticateEvents(frame.token);
      clearTimeout(helloTimer);
      const subscription = center.subscribe(user.userId, frame.since, (event) => sendFrame(ws, event), sessionId);
      unsubscribe = subscription.unsubscribe;
      sendFrame(ws, { type: 'welcome', seq: subscription.seq, replayed: subscription.replay.length, callerTimeoutMs: center.options.clientGraceMs });
      for (const event of subscription.replay) sendFrame(ws, event);
    } catch (error) {
      if (!(error instanceof CenterError)) throw error;
      sendFrame(ws, { type: 'error', code: error.code, message: error.message });
      ws.close(4001, 'unauthenticated');
    }
  };

  ws.on('pong', () => (alive = true));
  ws.on(
    'message',
    guarded(onMessage, () => {
      sendFrame(ws, { type: 'error', code: 'internal', message: 'Internal error in the simulator.' });
      ws.close(1011, 'internal error');
    }),
  );
  ws.on(
    'close',
    guarded(() => {
      clearTimeout(helloTimer);
      clearInterval(heartbeat);
      unsubscribe?.();
    }),
  );
  ws.on('error', () => ws.terminate());
}

/**
 * A socket past its address's share of event sockets: told why (an error frame, then close 1008) and cut
 * off if its client does not finish the close soon, so refused sockets do not pile up either.
 */
export function refuseEventSocket(ws: WebSocket, limit: number): void {
  sendFrame(ws, { type: 'error', code: 'rate-limited', message: `Too many event sockets from this address (at most ${limit} open); close one first.` });
  ws.close(1008, 'too many event sockets from this address');
  const cutOff = setTimeout(guarded(() => ws.terminate()), REFUSED_CLOSE_MS);
  cutOff.unref();
  ws.once('close', () => clearTimeout(cutOff));
}
