// Node's own timers, not a host environment's globals (the server also runs inside jsdom test environments).
import { setTimeout } from 'node:timers';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { CreateSessionResponse, EndSessionResponse, ServerErrorCode } from '../src/services/protocol';
import type { Channel } from './channels';
import { DEFAULT_CHANNELS } from './channels';
import type { CenterOptions, SessionRecord, SessionSummary } from './contact-center';
import { CenterError, ContactCenter, DEFAULT_CENTER_OPTIONS } from './contact-center';
import { AccessPolicy } from './access';
import { isLoopbackName, isWildcardAddress, unmapped, urlHost } from './addresses';
import { AgentStreams } from './agent-streams';
import { AddressQuota } from './address-quota';
import { MAX_EVENT_SOCKETS_PER_ADDRESS, handleEventSocket, refuseEventSocket } from './event-socket';
import { guarded, reportInternal } from './guard';
import type { Language } from './language';
import { RateLimiter } from './rate-limiter';
import { decodeSegment, requestPath } from './request-target';
import { consoleTextsOf, seatNameIn } from './seat-names';
import { trtcMedia } from './usersig';

export const DEFAULT_PORT = 5700;
export const DEFAULT_HOST = '127.0.0.1';
export const MAX_BODY_BYTES = 16 * 1024;
export { HELLO_TIMEOUT_MS } from './event-socket';
/** Logins one client address may make at once, and per second after that. */
export const LOGIN_BURST = 5000;
export const LOGINS_PER_SECOND = 100;
/** Methods whose requests carry a JSON body (or none): anything else in content-type is a 415. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** On every answer: no page may frame one (the console's buttons would be a click away), no browser may guess its type. */
const ANSWER_HEADERS = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' };
/** The console's files also load nothing but themselves (and talk only to this server). */
const CONSOLE_POLICY = "default-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const STATUS: Record<ServerErrorCode, number> = {
  'invalid-argument': 400,
  unauthenticated: 401,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'rate-limited': 429,
  forbidden: 403,
  'unsupported-media-type': 415,
  internal: 500,
  unavailable: 503,
};

export interface DevServerOptions {
  port?: number;
  host?: string;
  channels?: Channel[];
  /** With both, sessions get real TRTC rooms and server-signed UserSigs. */
  trtc?: { sdkAppId: number; secretKey: string };
  center?: Partial<Omit<CenterOptions, 'channels' | 'media' | 'callerSeatName'>>;
  /** The language callers hear the simulator's own seat names in (Agent Lin, Agent n: 座席小林, 座席 n); any other name as given. Default en-US. */
  language?: Language;
  /** Names a Host header may carry besides loopback names and the bound address. */
  allowHosts?: string[];
  /** Browser origins allowed besides the server's own. */
  allowOrigins?: string[];
  /**
   * The agent API's token. Without one, the agent API answers loopback peers only; a bind beyond
   * loopback makes one up (see `DevServer.agentToken`).
   */
  agentToken?: string;
  /** Per-address login rate: `burst` at once, then `perSecond`. */
  loginRate?: { burst: number; perSecond: number };
  /** Event sockets one client address may hold open (default MAX_EVENT_SOCKETS_PER_ADDRESS); past it close 1008. */
  eventSocketsPerAddress?: number;
}

export interface DevServer {
  url: string;
  port: number;
  host: string;
  center: ContactCenter;
  /** The agent API's token, or null when it answers loopback peers only. */
  agentToken: string | null;
  /** Open connections, and the bytes written to them that their clients have not read yet. */
  stats(): { eventSockets: number; agentStreams: number; bufferedBytes: number };
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, params: string[], body: Record<string, unknown>, agent: { withToken: boolean }) => unknown;
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
  closeIfBodyUnread(res);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...ANSWER_HEADERS });
  res.end(text);
}

/**
 * A body left unread (refused, or one the route does not take) would be taken for the next request: this
 * answer closes the connection. Node reads and drops the rest while the answer goes out, then ends the
 * connection, so a client still sending reads the answer before any reset. (A request without a body is
 * not `complete` yet while a synchronous route answers it.)
 */
function closeIfBodyUnread(res: http.ServerResponse): void {
  const { headers, complete } = res.req;
  const hasBody = headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
  if (hasBody && !complete) res.setHeader('connection', 'close');
}

function sendError(res: http.ServerResponse, code: ServerErrorCode, message: string): void {
  sendJson(res, STATUS[code], { error: { code, message } });
}

const bodyTooLarge = () => new CenterError('payload-too-large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);

/** A declared length past the limit is refused before a byte of the body is read, on every route. */
function checkDeclaredLength(req: http.IncomingMessage): void {
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) throw bodyTooLarge();
}

/** The JSON body; one that passes the limit (chunked: no declared length) is refused as it passes, not read on. */
function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      reject(bodyTooLarge());
    };
    req.on('data', onData);
    req.on('error', () => reject(new CenterError('invalid-argument', 'The request body was cut off.')));
    req.on('end', () => {
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
  const consoleDir = findConsoleDir();
  const consoleFiles = new Map<string, { type: string; body: Buffer }>();
  for (const name of fs.readdirSync(consoleDir)) {
    const type = CONSOLE_TYPES[path.extname(name)];
    if (type) consoleFiles.set(`/${name}`, { type: `${type}; charset=utf-8`, body: fs.readFileSync(path.join(consoleDir, name)) });
  }
  const consoleTexts = consoleTextsOf(String(consoleFiles.get('/texts.js')?.body));
  const center = new ContactCenter({
    ...DEFAULT_CENTER_OPTIONS,
    ...options.center,
    callerSeatName: seatNameIn(options.language ?? 'en-US', consoleTexts),
    channels: options.channels ?? DEFAULT_CHANNELS,
    media: options.trtc ? trtcMedia(options.trtc) : () => ({ type: 'none' }),
  });
  const agentToken = options.agentToken ?? (isLoopbackName(host) ? null : randomBytes(18).toString('base64url'));
  const access = new AccessPolicy({ host, allowHosts: options.allowHosts ?? [], allowOrigins: options.allowOrigins ?? [], agentToken });
  const loginLimiter = new RateLimiter(options.loginRate?.burst ?? LOGIN_BURST, options.loginRate?.perSecond ?? LOGINS_PER_SECOND);

  let port = 0;
  /** The socket's own address, never the request's Host: a wildcard bind answers on the address the client reached. */
  const signalingUrl = (req: http.IncomingMessage) => {
    const address = isWildcardAddress(host) ? unmapped(req.socket.localAddress ?? DEFAULT_HOST) : host;
    return `ws://${urlHost(address)}:${port}/v1/events`;
  };
  const sessionResponse = (req: http.IncomingMessage, session: SessionRecord): CreateSessionResponse => ({
    sessionId: session.sessionId,
    media: session.media,
    phase: session.phase === 'ended' ? 'queued' : session.phase,
    rtc: session.rtc,
    signaling: { type: 'websocket', url: signalingUrl(req), since: session.since },
    sessionToken: session.sessionToken,
  });
  const endResponse = (session: SessionRecord): EndSessionResponse => ({ sessionId: session.sessionId, ...(session.end as NonNullable<SessionRecord['end']>) });
  /** Room ids only for agents that gave the token: without it, anyone on this machine could list the callers' rooms. */
  const agentView = (sessions: SessionSummary[], withToken: boolean) => (withToken ? sessions : sessions.map((s) => ({ ...s, roomId: null })));
  const consoleState = (withToken: boolean) => `data: ${JSON.stringify({ sessions: agentView(center.list(), withToken), settings: center.settings() })}\n\n`;

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/v1\/login$/,
      handler: (req, _p, body) => {
        const address = unmapped(req.socket.remoteAddress ?? 'unknown');
        if (!loginLimiter.take(address)) throw new CenterError('rate-limited', 'Too many logins from this address; try again in a few seconds.');
        return center.login(body, address);
      },
    },
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
      handler: (req, _p, body) => sessionResponse(req, center.createSession(center.authenticate(bearer(req)), body, unmapped(req.socket.remoteAddress ?? 'unknown'))),
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
    { method: 'GET', pattern: /^\/agent\/sessions$/, handler: (_r, _p, _b, agent) => ({ sessions: agentView(center.list(), agent.withToken) }) },
    { method: 'POST', pattern: /^\/agent\/sessions\/([^/]+)\/accept$/, handler: (_r, [id], _b, agent) => summaryOf(center.accept(id), agent.withToken) },
    { method: 'POST', pattern: /^\/agent\/sessions\/([^/]+)\/hangup$/, handler: (_r, [id], _b, agent) => summaryOf(center.hangUpByAgent(id), agent.withToken) },
    { method: 'POST', pattern: /^\/agent\/sessions\/([^/]+)\/transfer-no-agent$/, handler: (_r, [id], _b, agent) => summaryOf(center.transferToNoAgent(id), agent.withToken) },
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
  const summaryOf = (session: SessionRecord, withToken: boolean) => agentView(center.list(), withToken).find((s) => s.sessionId === session.sessionId);

  const streams = new AgentStreams(consoleState);
  center.onChange(throttle(() => streams.push(), 100));

  /** Every request, in this order: a parseable path (400), Host (403), Origin (403), declared body length (413), agent access (403), JSON (415), route. */
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const pathname = requestPath(req.url);
    access.checkHost(req);
    access.checkOrigin(req);
    checkDeclaredLength(req);
    // HEAD as GET (RFC 9110 §9.3.2): Node leaves the body out of a HEAD answer and keeps its headers.
    if ((method === 'GET' || method === 'HEAD') && (pathname === '/' || consoleFiles.has(pathname))) {
      const file = consoleFiles.get(pathname === '/' ? '/index.html' : pathname) as { type: string; body: Buffer };
      closeIfBodyUnread(res);
      res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache', 'content-length': file.body.length, 'content-security-policy': CONSOLE_POLICY, ...ANSWER_HEADERS });
      res.end(file.body);
      return;
    }
    // Only the stream takes the token in its query (an EventSource sends no headers): a query is logged and kept in histories.
    const agent = pathname.startsWith('/agent/') ? access.checkAgent(req, pathname === '/agent/stream' ? queryParam(req.url, 'token') : null) : { withToken: false };
    if (BODY_METHODS.has(method) && !isJsonRequest(req)) {
      throw new CenterError('unsupported-media-type', 'Send content-type: application/json (the API takes JSON only).');
    }
    if (method === 'GET' && pathname === '/agent/stream') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', ...ANSWER_HEADERS });
      streams.add(req, res, agent.withToken);
      return;
    }
    for (const route of routes) {
      const match = route.pattern.exec(pathname);
      if (!match || route.method !== method) continue;
      const params = match.slice(1).map(decodeSegment);
      const body = method === 'POST' || method === 'PUT' ? await readBody(req) : {};
      sendJson(res, route.status ?? 200, route.handler(req, params, body, agent));
      return;
    }
    const known = routes.some((route) => route.pattern.test(pathname));
    const shown = pathname.slice(0, 120);
    throw new CenterError(known ? 'invalid-argument' : 'not-found', known ? `${method.slice(0, 16)} is not supported on ${shown}.` : `No route ${method.slice(0, 16)} ${shown}.`);
  };

  const answerError = (res: http.ServerResponse, error: unknown) => {
    if (res.headersSent) return void res.destroy();
    if (error instanceof CenterError) return sendError(res, error.code, error.message);
    reportInternal(error);
    sendError(res, 'internal', 'Internal error in the simulator.');
  };
  // Every listener below is guarded: no request, frame or socket event can end the process. A missing Host
  // is refused by our own check, with the JSON error (Node's own refusal has no body).
  const server = http.createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res).catch(guarded((error: unknown) => answerError(res, error), () => res.destroy()));
  });
  // Requests Node's parser refuses (a NUL in the path, a broken header) get the usual JSON error too.
  server.on(
    'clientError',
    guarded(
      (error: NodeJS.ErrnoException, socket: Duplex) => {
        if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
        const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
        socket.end(rawJsonResponse(tooLarge ? 431 : 400, tooLarge ? 'payload-too-large' : 'invalid-argument', tooLarge ? 'Request headers are too large.' : 'Malformed HTTP request.'));
      },
      (_defect, _error, socket) => socket.destroy(),
    ),
  );
  server.headersTimeout = 10000;
  server.requestTimeout = 30000;

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const socketQuota = new AddressQuota(options.eventSocketsPerAddress ?? MAX_EVENT_SOCKETS_PER_ADDRESS);
  const upgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      const pathname = requestPath(req.url);
      access.checkHost(req);
      access.checkOrigin(req);
      if (pathname !== '/v1/events') throw new CenterError('not-found', `No WebSocket at ${pathname.slice(0, 120)}; events are at /v1/events.`);
    } catch (error) {
      if (!(error instanceof CenterError)) throw error;
      socket.end(rawJsonResponse(STATUS[error.code], error.code, error.message));
      return;
    }
    const address = unmapped(req.socket.remoteAddress ?? 'unknown');
    const accept = (ws: WebSocket) => {
      if (!socketQuota.take(address)) return refuseEventSocket(ws, socketQuota.limit);
      ws.once('close', () => socketQuota.release(address));
      handleEventSocket(ws, center);
    };
    sockets.handleUpgrade(req, socket, head, guarded(accept, (_defect, ws) => ws.terminate()));
  };
  server.on('upgrade', guarded(upgrade, (_defect, _req, socket) => socket.destroy()));

  const connections = new Set<Socket>();
  server.on('connection', (socket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    host,
    center,
    agentToken,
    stats: () => {
      let bufferedBytes = streams.bufferedBytes;
      for (const ws of sockets.clients) bufferedBytes += ws.bufferedAmount;
      return { eventSockets: sockets.clients.size, agentStreams: streams.size, bufferedBytes };
    },
    close: () =>
      new Promise<void>((resolve) => {
        center.dispose();
        for (const ws of sockets.clients) ws.terminate();
        streams.closeAll();
        sockets.close();
        server.close(() => resolve());
        for (const socket of connections) socket.destroy();
      }),
  };
}

function isJsonRequest(req: http.IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && type.split(';')[0].trim().toLowerCase() === 'application/json';
}

/** One query parameter (the console's EventSource cannot send headers); lenient decoding never throws. */
function queryParam(target: string | undefined, name: string): string | null {
  const query = target?.split('#')[0].split('?')[1];
  return query === undefined ? null : new URLSearchParams(query).get(name);
}

/** A complete HTTP response for a socket outside Node's response objects (parser errors, refused upgrades). */
function rawJsonResponse(status: number, code: ServerErrorCode, message: string): string {
  const text = JSON.stringify({ error: { code, message } });
  return [
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? 'Error'}`,
    'content-type: application/json; charset=utf-8',
    'cache-control: no-store',
    `content-length: ${Buffer.byteLength(text)}`,
    ...Object.entries(ANSWER_HEADERS).map(([name, value]) => `${name}: ${value}`),
    'connection: close',
    '',
    text,
  ].join('\r\n');
}

function throttle(action: () => void, ms: number): () => void {
  let timer: NodeJS.Timeout | null = null;
  return () => {
    if (timer) return;
    timer = setTimeout(
      guarded(() => {
        timer = null;
        action();
      }),
      ms,
    );
    timer.unref();
  };
}
