// Node's own timers, not a host environment's globals (the server also runs inside jsdom test environments).
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import type { CallEvent, ControlFrame, CreateSessionResponse, EndSessionResponse, ServerErrorCode } from '../src/services/protocol';
import type { Channel } from './channels';
import { DEFAULT_CHANNELS } from './channels';
import type { CenterOptions, SessionRecord } from './contact-center';
import { CenterError, ContactCenter, DEFAULT_CENTER_OPTIONS } from './contact-center';
import { trtcMedia } from './usersig';

export const DEFAULT_PORT = 5700;
export const DEFAULT_HOST = '127.0.0.1';
export const MAX_BODY_BYTES = 16 * 1024;
export const HELLO_TIMEOUT_MS = 5000;

const STATUS: Record<ServerErrorCode, number> = {
  'invalid-argument': 400,
  unauthenticated: 401,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
};

export interface DevServerOptions {
  port?: number;
  host?: string;
  channels?: Channel[];
  /** With both, sessions get real TRTC rooms and server-signed UserSigs. */
  trtc?: { sdkAppId: number; secretKey: string };
  center?: Partial<Omit<CenterOptions, 'channels' | 'media'>>;
}

export interface DevServer {
  url: string;
  port: number;
  host: string;
  center: ContactCenter;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, params: string[], body: Record<string, unknown>) => unknown;
interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  status?: number;
}

function bearer(req: http.IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: http.ServerResponse, code: ServerErrorCode, message: string): void {
  sendJson(res, STATUS[code], { error: { code, message } });
}

function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the client still gets the 413 response.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return reject(new CenterError('payload-too-large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`));
      if (size === 0) return resolve({});
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
        resolve(value as Record<string, unknown>);
      } catch {
        reject(new CenterError('invalid-argument', 'The request body must be a JSON object.'));
      }
    });
  });
}

function findConsoleDir(): string {
  // From source (dev-server/console) and from the bundle (dist/bin → dist/console).
  const candidates = [path.join(__dirname, 'console'), path.join(__dirname, '..', 'console')];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html')));
  if (!found) throw new Error(`Agent console files not found (looked in ${candidates.join(', ')}).`);
  return found;
}

const CONSOLE_TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml' };

/** Starts the simulator: the backend protocol of docs/protocol.md, the agent API and the agent console. */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const host = options.host ?? DEFAULT_HOST;
  const center = new ContactCenter({
    ...DEFAULT_CENTER_OPTIONS,
    ...options.center,
    channels: options.channels ?? DEFAULT_CHANNELS,
    media: options.trtc ? trtcMedia(options.trtc) : () => ({ type: 'none' }),
  });
  const consoleDir = findConsoleDir();
  const consoleFiles = new Map<string, { type: string; body: Buffer }>();
  for (const name of fs.readdirSync(consoleDir)) {
    const type = CONSOLE_TYPES[path.extname(name)];
    if (type) consoleFiles.set(`/${name}`, { type: `${type}; charset=utf-8`, body: fs.readFileSync(path.join(consoleDir, name)) });
  }

  const sessionResponse = (req: http.IncomingMessage, session: SessionRecord): CreateSessionResponse => ({
    sessionId: session.sessionId,
    media: session.media,
    phase: session.phase === 'ended' ? 'queued' : session.phase,
    rtc: session.rtc,
    signaling: { type: 'websocket', url: `ws://${req.headers.host ?? `${host}`}/v1/events`, since: session.since },
    sessionToken: session.sessionToken,
  });
  const endResponse = (session: SessionRecord): EndSessionResponse => ({ sessionId: session.sessionId, ...(session.end as NonNullable<SessionRecord['end']>) });

  const routes: Route[] = [
    { method: 'POST', pattern: /^\/v1\/login$/, handler: (_req, _p, body) => center.login(body) },
    {
      method: 'GET',
      pattern: /^\/v1\/login$/,
      handler: (req) => {
        const user = center.authenticate(bearer(req));
        return { userId: user.userId, expiresAt: user.expiresAt };
      },
    },
    {
      method: 'POST',
      pattern: /^\/v1\/sessions$/,
      status: 201,
      handler: (req, _p, body) => sessionResponse(req, center.createSession(center.authenticate(bearer(req)), body)),
    },
    {
      method: 'POST',
      pattern: /^\/v1\/sessions\/([^/]+)\/digits$/,
      handler: (req, [id], body) => {
        center.sendDigits(center.authenticateFor(bearer(req), id), id, body.digits);
        return { ok: true };
      },
    },
    { method: 'DELETE', pattern: /^\/v1\/sessions\/([^/]+)$/, handler: (req, [id]) => endResponse(center.hangUpByUser(center.authenticateFor(bearer(req), id), id)) },
    { method: 'GET', pattern: /^\/agent\/sessions$/, handler: () => ({ sessions: center.list() }) },
    { method: 'POST', pattern: /^\/agent\/sessions\/([^/]+)\/accept$/, handler: (_r, [id]) => summaryOf(center.accept(id)) },
    { method: 'POST', pattern: /^\/agent\/sessions\/([^/]+)\/hangup$/, handler: (_r, [id]) => summaryOf(center.hangUpByAgent(id)) },
    { method: 'POST', pattern: /^\/agent\/sessions\/([^/]+)\/transfer-no-agent$/, handler: (_r, [id]) => summaryOf(center.transferToNoAgent(id)) },
    { method: 'GET', pattern: /^\/agent\/settings$/, handler: () => center.settings() },
    {
      method: 'PUT',
      pattern: /^\/agent\/settings$/,
      handler: (_r, _p, body) => {
        center.updateSettings(body);
        return center.settings();
      },
    },
  ];
  const summaryOf = (session: SessionRecord) => center.list().find((s) => s.sessionId === session.sessionId);

  const streams = new Set<http.ServerResponse>();
  const pushConsoleUpdate = throttle(() => {
    const data = `data: ${JSON.stringify({ sessions: center.list(), settings: center.settings() })}\n\n`;
    for (const res of streams) res.write(data);
  }, 100);
  center.onChange(pushConsoleUpdate);

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    try {
      if (method === 'GET' && url.pathname === '/agent/stream') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(`data: ${JSON.stringify({ sessions: center.list(), settings: center.settings() })}\n\n`);
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (method === 'GET' && (url.pathname === '/' || consoleFiles.has(url.pathname))) {
        const file = consoleFiles.get(url.pathname === '/' ? '/index.html' : url.pathname);
        if (file) {
          res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache' });
          res.end(file.body);
          return;
        }
      }
      for (const route of routes) {
        const match = route.pattern.exec(url.pathname);
        if (!match || route.method !== method) continue;
        const body = method === 'POST' || method === 'PUT' ? await readBody(req) : {};
        const params = match.slice(1).map((p) => decodeURIComponent(p));
        sendJson(res, route.status ?? 200, route.handler(req, params, body));
        return;
      }
      const known = routes.some((route) => route.pattern.test(url.pathname));
      sendError(res, known ? 'invalid-argument' : 'not-found', known ? `${method} is not supported on ${url.pathname}.` : `No route ${method} ${url.pathname}.`);
    } catch (error) {
      if (res.headersSent) return res.destroy();
      if (error instanceof CenterError) sendError(res, error.code, error.message);
      else {
        console.error('[tccc-dev-server] internal error:', error);
        sendError(res, 'internal', 'Internal error in the simulator.');
      }
    }
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/v1/events') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => handleEventSocket(ws, center));
  });

  const connections = new Set<Socket>();
  server.on('connection', (socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    host,
    center,
    close: () =>
      new Promise<void>((resolve) => {
        center.dispose();
        for (const ws of sockets.clients) ws.terminate();
        for (const res of streams) res.end();
        streams.clear();
        sockets.close();
        server.close(() => resolve());
        for (const socket of connections) socket.destroy();
      }),
  };
}

function sendFrame(ws: WebSocket, frame: ControlFrame | CallEvent): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
}

/** One caller's event connection: `hello` first, then replay and live events; pings answered. */
function handleEventSocket(ws: WebSocket, center: ContactCenter): void {
  let unsubscribe: (() => void) | null = null;
  const helloTimer = setTimeout(() => {
    sendFrame(ws, { type: 'error', code: 'unauthenticated', message: `Send {"type":"hello","token","since"} within ${HELLO_TIMEOUT_MS} ms.` });
    ws.close(4001, 'no hello');
  }, HELLO_TIMEOUT_MS);
  let alive = true;
  const heartbeat = setInterval(() => {
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
  }, 30000);
  ws.on('pong', () => (alive = true));

  ws.on('message', (data, isBinary) => {
    alive = true;
    let frame: Record<string, unknown>;
    try {
      if (isBinary) throw new Error('binary');
      const value: unknown = JSON.parse(String(data));
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
      frame = value as Record<string, unknown>;
    } catch {
      sendFrame(ws, { type: 'error', code: 'invalid-argument', message: 'Frames are JSON objects: {"type":"hello",...} or {"type":"ping"}.' });
      return;
    }
    if (frame.type === 'ping') return sendFrame(ws, { type: 'pong' });
    if (frame.type !== 'hello') {
      sendFrame(ws, { type: 'error', code: 'invalid-argument', message: `Unknown frame type "${String(frame.type).slice(0, 40)}".` });
      return;
    }
    if (unsubscribe) {
      sendFrame(ws, { type: 'error', code: 'invalid-argument', message: 'hello was already sent on this connection.' });
      return;
    }
    const since = frame.since;
    if (typeof since !== 'number' || !Number.isInteger(since) || since < 0) {
      sendFrame(ws, { type: 'error', code: 'invalid-argument', message: 'hello.since must be a non-negative integer.' });
      return;
    }
    try {
      const user = center.authenticateEvents(typeof frame.token === 'string' ? frame.token : undefined);
      clearTimeout(helloTimer);
      const subscription = center.subscribe(user.userId, since, (event) => sendFrame(ws, event));
      unsubscribe = subscription.unsubscribe;
      sendFrame(ws, { type: 'welcome', seq: subscription.seq, replayed: subscription.replay.length, callerTimeoutMs: center.options.clientGraceMs });
      for (const event of subscription.replay) sendFrame(ws, event);
    } catch (error) {
      const code = error instanceof CenterError ? error.code : 'internal';
      sendFrame(ws, { type: 'error', code, message: (error as Error).message });
      ws.close(4001, 'unauthenticated');
    }
  });
  ws.on('close', () => {
    clearTimeout(helloTimer);
    clearInterval(heartbeat);
    unsubscribe?.();
  });
  ws.on('error', () => ws.terminate());
}

function throttle(action: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | null = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      action();
    }, ms);
    timer.unref();
  };
}
