/**
 * What one client can make the simulator hold: request bodies that never end (a huge declared length, or
 * chunks without the last one) are refused at once with 413 and the connection closed, and one address
 * cannot hold more than its share of event sockets. Raw sockets over 127.0.0.1; every wait has a deadline.
 */
import http from 'node:http';
import net from 'node:net';
import { WebSocket } from 'ws';
import type { DevServer } from '../../dev-server/server';
import { MAX_BODY_BYTES } from '../../dev-server/server';
import { MAX_EVENT_SOCKETS_PER_ADDRESS } from '../../dev-server/event-socket';
import { simulatorsForThisFile } from '../support/dev-servers';
import type { RawResponse } from '../support/raw-http';
import { parseResponse } from '../support/raw-http';
import { httpJson } from '../../testing/http';

const serve = simulatorsForThisFile();

interface EndlessAnswer extends RawResponse {
  /** How the connection ended once the answer was in: the server's end (FIN) first, a reset, or not within the deadline. */
  ending: 'end' | 'reset' | 'still open';
  /** Body bytes the client had written when the answer was in. */
  sentBytes: number;
}

/**
 * Sends `head`, then `piece` again and again, as fast as the server takes it, never ending the body, and
 * goes on writing after the answer (as a client busy uploading does) until the server ends the connection
 * or `maxBytes` are out. Rejects when no whole answer arrives within `timeoutMs`.
 */
function endlessBody(port: number, head: string, piece: Buffer, { maxBytes = 32 * 1024 * 1024, timeoutMs = 5000 } = {}): Promise<EndlessAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let sentBytes = 0;
    let sentBeforeAnswer = 0;
    let answer: RawResponse | null = null;
    let settled = false;
    const settle = (ending: EndlessAnswer['ending'] | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (ending instanceof Error) reject(ending);
      else if (answer) resolve({ ...answer, ending, sentBytes: sentBeforeAnswer });
      else reject(new Error(`no whole answer (${ending}); got ${JSON.stringify(Buffer.concat(chunks).toString('latin1').slice(0, 200))}`));
    };
    const timer = setTimeout(() => settle(answer ? 'still open' : new Error(`no answer within ${timeoutMs} ms (${sentBytes} bytes sent)`)), timeoutMs);
    const writeMore = () => {
      while (!settled && sentBytes < maxBytes) {
        sentBytes += piece.length;
        if (!socket.write(piece)) return void socket.once('drain', writeMore);
      }
    };
    socket.on('connect', () => {
      socket.write(head);
      writeMore();
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (answer) return;
      answer = wholeAnswer(Buffer.concat(chunks));
      sentBeforeAnswer = sentBytes;
    });
    socket.on('end', () => settle('end'));
    socket.on('error', () => settle('reset'));
  });
}

/** An HTTP answer with a content-length, once all of it is in; null before. */
function wholeAnswer(raw: Buffer): RawResponse | null {
  const answer = parseResponse(raw);
  if (!answer) return null;
  const bodyBytes = raw.length - (raw.indexOf('\r\n\r\n') + 4);
  return bodyBytes < Number(answer.headers['content-length']) ? null : answer;
}

/** Node's own HTTP client uploading `declaredBytes` (chunked without): the answer it gives, or its error code. */
function nodeUpload(server: DevServer, declaredBytes?: number): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const headers = { 'content-type': 'application/json', ...(declaredBytes === undefined ? {} : { 'content-length': String(declaredBytes) }) };
    const req = http.request({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/v1/login', headers, timeout: 5000 });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    const piece = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const writeMore = () => {
      while (!req.destroyed && sent < 32 * 1024 * 1024) {
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', writeMore);
      }
    };
    writeMore();
  });
}

const head = (server: DevServer, framing: string) =>
  [`POST /v1/login HTTP/1.1`, `host: 127.0.0.1:${server.port}`, 'content-type: application/json', framing, '', ''].join('\r\n');

function expectRefusedAndClosed(answer: EndlessAnswer) {
  expect(answer.status).toBe(413);
  expect(answer.headers.connection).toBe('close');
  expect(JSON.parse(answer.body)).toEqual({ error: { code: 'payload-too-large', message: `Request bodies are limited to ${MAX_BODY_BYTES} bytes.` } });
  expect(answer.ending).toBe('end');
}

/** One request through `agent`; whether it went over a connection an earlier request left open. */
function reusesConnection(agent: http.Agent, server: DevServer, method: string, path: string, body?: unknown): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method, path, agent, headers: { 'content-type': 'application/json' }, timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(req.reusedSocket));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('request bodies that never end', () => {
  test('requests without a body, or with one read to its end, leave their connection open for the next (only unread bodies close it)', async () => {
    const server = await serve();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const reused = [];
      for (const [method, path, body] of [['GET', '/'], ['GET', '/agent/settings'], ['POST', '/v1/login', { sdkAppId: '1400000031', jsCode: 'kept' }], ['GET', '/v2/none']] as const) {
        reused.push(await reusesConnection(agent, server, method, path, body));
      }
      expect(reused).toEqual([false, true, true, true]);
    } finally {
      agent.destroy();
    }
  });

  test('a declared content-length past the limit gets 413 before any body byte, and the connection is closed', async () => {
    const server = await serve();
    const answer = await endlessBody(server.port, head(server, 'content-length: 100000000000'), Buffer.alloc(0), { maxBytes: 0 });
    expectRefusedAndClosed(answer);
    expect(answer.sentBytes).toBe(0);
  });

  test('the same while the client keeps sending, before and after the answer: it reads the 413 and then the end, no reset', async () => {
    const server = await serve();
    const answer = await endlessBody(server.port, head(server, 'content-length: 100000000000'), Buffer.alloc(64 * 1024, 'x'));
    expectRefusedAndClosed(answer);
  });

  test('a chunked body without its last chunk gets 413 once it passes the limit, and the connection is closed', async () => {
    const server = await serve();
    const data = 'x'.repeat(4096);
    const chunk = Buffer.from(`${data.length.toString(16)}\r\n${data}\r\n`);
    const answer = await endlessBody(server.port, head(server, 'transfer-encoding: chunked'), chunk);
    expectRefusedAndClosed(answer);
    // Refused near the limit, not after megabytes (the client only learns late: its socket buffers).
    expect(answer.sentBytes).toBeLessThan(32 * 1024 * 1024);
  });

  test("Node's own HTTP client, still uploading, gets the 413 as its response (not ECONNRESET or EPIPE), with a declared length or chunked", async () => {
    const server = await serve();
    for (const declared of [100_000_000, undefined]) {
      const answer = await nodeUpload(server, declared);
      expect(answer).toEqual({ status: 413, body: expect.stringContaining('"payload-too-large"') });
    }
  });

  test('on a route that reads no body (DELETE): a declared length past the limit is refused the same way; an endless chunked body gets the answer and the end', async () => {
    const server = await serve();
    const deleteHead = (framing: string) => `DELETE /v1/sessions/s-1 HTTP/1.1\r\nhost: 127.0.0.1:${server.port}\r\ncontent-type: application/json\r\n${framing}\r\n\r\n`;
    expectRefusedAndClosed(await endlessBody(server.port, deleteHead('content-length: 100000000000'), Buffer.alloc(64 * 1024, 'x')));
    const unread = await endlessBody(server.port, deleteHead('transfer-encoding: chunked'), Buffer.from(`1000\r\n${'x'.repeat(4096)}\r\n`));
    expect(unread).toEqual(expect.objectContaining({ status: 401, ending: 'end', headers: expect.objectContaining({ connection: 'close' }) }));
  });

  test('after all that the server answers as before, and a body within the limit is still read', async () => {
    const server = await serve();
    await endlessBody(server.port, head(server, 'transfer-encoding: chunked'), Buffer.from(`1000\r\n${'x'.repeat(4096)}\r\n`));
    const login = await httpJson('POST', `${server.url}/v1/login`, { sdkAppId: '1400000031', jsCode: 'fits', note: 'x'.repeat(MAX_BODY_BYTES - 100) });
    expect(login.status).toBe(200);
  });
});

interface OpenedSocket {
  ws: WebSocket;
  frames: Array<{ type?: string; code?: string }>;
  closed: Promise<{ code: number; reason: string }>;
}

function openSocket(server: DevServer, localAddress = '127.0.0.1'): Promise<OpenedSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/v1/events`, { localAddress, handshakeTimeout: 5000 });
    const frames: OpenedSocket['frames'] = [];
    const closed = new Promise<{ code: number; reason: string }>((done) => ws.on('close', (code, reason) => done({ code, reason: String(reason) })));
    ws.on('message', (data) => frames.push(JSON.parse(String(data))));
    ws.on('open', () => resolve({ ws, frames, closed }));
    ws.on('error', reject);
  });
}

/** Resolves true when the socket answers a ping, false when it closes first; rejects after `timeoutMs`. */
function answersPing({ ws, frames, closed }: OpenedSocket, timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('neither a pong nor a close in time')), timeoutMs);
    const done = (answered: boolean) => {
      clearTimeout(timer);
      resolve(answered);
    };
    void closed.then(() => done(frames.some((frame) => frame.type === 'pong')));
    ws.on('message', (data) => JSON.parse(String(data)).type === 'pong' && done(true));
    if (ws.readyState === WebSocket.OPEN) ws.send('{"type":"ping"}');
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('event sockets per client address', () => {
  const opened: OpenedSocket[] = [];
  afterEach(() => {
    for (const socket of opened.splice(0)) socket.ws.terminate();
  });
  const open = async (server: DevServer, localAddress?: string) => {
    const socket = await openSocket(server, localAddress);
    opened.push(socket);
    return socket;
  };

  test(`one address holds at most ${MAX_EVENT_SOCKETS_PER_ADDRESS}; the next gets an error frame and close 1008 with a reason, and is let go`, async () => {
    const server = await serve();
    const held = await Promise.all(Array.from({ length: MAX_EVENT_SOCKETS_PER_ADDRESS }, () => open(server)));
    const refused = await open(server);
    const { code, reason } = await Promise.race([refused.closed, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('not closed in time')), 5000))]);
    expect(code).toBe(1008);
    expect(reason).toMatch(/too many event sockets/i);
    expect(refused.frames).toEqual([{ type: 'error', code: 'rate-limited', message: expect.stringContaining(String(MAX_EVENT_SOCKETS_PER_ADDRESS)) }]);
    await until(() => server.stats().eventSockets === MAX_EVENT_SOCKETS_PER_ADDRESS, 'the refused socket to be gone');
    // Those held are untouched.
    expect(await answersPing(held[0])).toBe(true);
    expect(await answersPing(held[MAX_EVENT_SOCKETS_PER_ADDRESS - 1])).toBe(true);
  });

  test('a refused client that never answers the close (it reads nothing) is cut off within seconds, not after the 30 s close timeout', async () => {
    const server = await serve();
    await Promise.all(Array.from({ length: MAX_EVENT_SOCKETS_PER_ADDRESS }, () => open(server)));
    const silent = net.connect({ host: '127.0.0.1', port: server.port });
    try {
      silent.on('error', () => undefined);
      silent.write(`GET /v1/events HTTP/1.1\r\nhost: 127.0.0.1:${server.port}\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version: 13\r\n\r\n`);
      silent.pause();
      await until(() => server.stats().eventSockets === MAX_EVENT_SOCKETS_PER_ADDRESS + 1, 'the refused socket to open');
      await until(() => server.stats().eventSockets === MAX_EVENT_SOCKETS_PER_ADDRESS, 'the refused socket to be cut off', 3000);
    } finally {
      silent.destroy();
    }
  });

  test('another address still gets in, and a socket that closes frees its place', async () => {
    const server = await serve();
    const held = await Promise.all(Array.from({ length: MAX_EVENT_SOCKETS_PER_ADDRESS }, () => open(server)));
    expect(await answersPing(await open(server, '127.0.0.2'))).toBe(true);
    expect(await answersPing(await open(server))).toBe(false);
    held[0].ws.close();
    await held[0].closed;
    await until(() => server.stats().eventSockets === MAX_EVENT_SOCKETS_PER_ADDRESS, 'the closed socket to leave');
    expect(await answersPing(await open(server))).toBe(true);
  });
});
