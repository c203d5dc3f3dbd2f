/**
 * The simulator under the second hostile pass (issue 24): frames that used to end the process, clients
 * that never read (event sockets and the agent stream), one address filling every call slot, ids and
 * tokens that reached further than they should, and the console's headers against framing.
 * Every socket is loopback, every wait has a deadline, every loop a count.
 */
import http from 'node:http';
import net from 'node:net';
import { WebSocket } from 'ws';
import type { DevServer } from '../../dev-server/server';
import { simulatorsForThisFile } from '../support/dev-servers';
import { rawRequest } from '../support/raw-http';
import { httpJson } from '../../testing/http';

const serve = simulatorsForThisFile();

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A JSON request from a chosen loopback address (127.0.0.2, … reach the server as other clients). */
function jsonFrom(localAddress: string, method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const req = http.request(url, { method, localAddress, headers, timeout: 5000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function caller(server: DevServer, jsCode: string, localAddress = '127.0.0.1') {
  const login = await jsonFrom(localAddress, 'POST', `${server.url}/v1/login`, { sdkAppId: '1400000024', jsCode });
  expect(login.status).toBe(200);
  const token = login.body.token as string;
  return {
    userId: login.body.userId as string,
    token,
    call: (channelId = 'video-support', media = 'video') => jsonFrom(localAddress, 'POST', `${server.url}/v1/sessions`, { channelId, media }, token),
    hangUp: (sessionId: string, with_ = token) => jsonFrom(localAddress, 'DELETE', `${server.url}/v1/sessions/${sessionId}`, undefined, with_),
  };
}

interface Socket {
  ws: WebSocket;
  frames: any[];
  closed: Promise<number>;
  closeCode: number | null;
}

function openSocket(server: DevServer): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/v1/events`);
    const socket: Socket = { ws, frames: [], closeCode: null, closed: new Promise((done) => ws.on('close', (code) => done((socket.closeCode = code)))) };
    ws.on('message', (data) => socket.frames.push(JSON.parse(String(data))));
    ws.on('open', () => resolve(socket));
    ws.on('error', reject);
  });
}

/** Sends every frame, resolving once the client has handed the last one to the network. */
function sendAll(ws: WebSocket, frames: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    frames.forEach((frame, index) => ws.send(frame, index === frames.length - 1 ? (error) => (error ? reject(error) : resolve()) : undefined));
  });
}

async function stillServes(server: DevServer) {
  expect((await httpJson('GET', `${server.url}/agent/settings`)).status).toBe(200);
}

describe('frames that used to end the process (N1)', () => {
  test('a non-string type, a type object with toString, and arrays nested 8,000 deep get an error frame; the socket and the server stay', async () => {
    const server = await serve();
    const { ws, frames } = await openSocket(server);
    const hostile = [
      JSON.stringify({ type: { toString: 1 } }),
      JSON.stringify({ type: { valueOf: 1, toString: 1 } }),
      JSON.stringify({ type: ['hello'] }),
      JSON.stringify({ type: 7 }),
      JSON.stringify({ type: null }),
      `{"type":${'['.repeat(8000)}${']'.repeat(8000)}}`,
      `${'['.repeat(8000)}${']'.repeat(8000)}`,
      `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`,
      JSON.stringify({ type: 'hello', token: 'x', since: { valueOf: 1 } }),
    ];
    await sendAll(ws, hostile);
    await until(() => frames.length >= hostile.length, 'an answer to each frame');
    for (const frame of frames) expect(frame).toEqual({ type: 'error', code: 'invalid-argument', message: expect.any(String) });
    expect(frames[0].message).toMatch(/type must be a string, got an object/);
    expect(frames[5].message).toMatch(/nested/);
    ws.send(JSON.stringify({ type: 'ping' }));
    await until(() => frames.some((frame) => frame.type === 'pong'), 'the pong');
    ws.close();
    // A token that is no string is no token: refused like a wrong one.
    const other = await openSocket(server);
    other.ws.send(JSON.stringify({ type: 'hello', token: { toString: 1 }, since: 0 }));
    expect(await other.closed).toBe(4001);
    expect(other.frames).toEqual([{ type: 'error', code: 'unauthenticated', message: expect.any(String) }]);
    await stillServes(server);
  });
});

describe('clients that never read (N2, N4)', () => {
  test('an event socket flooded with pings by a logged-in client that never reads is closed (1008) after a bounded number of answers', async () => {
    const server = await serve();
    const socket = await openSocket(server);
    socket.ws.send(JSON.stringify({ type: 'hello', token: (await caller(server, 'flood')).token, since: 0 }));
    await until(() => socket.frames.some((frame) => frame.type === 'welcome'), 'welcome');
    socket.ws.pause();
    await sendAll(socket.ws, Array.from({ length: 20000 }, () => '{"type":"ping"}'));
    // Everything is sent; give the server a moment to read it before this client reads again.
    await sleep(300);
    socket.ws.resume();
    const code = await Promise.race([socket.closed, sleep(5000).then(() => null)]);
    expect(code).toBe(1008);
    const pongs = socket.frames.filter((frame) => frame.type === 'pong').length;
    expect(pongs).toBeGreaterThan(0);
    expect(pongs).toBeLessThan(100);
    expect(socket.frames.at(-1)).toEqual({ type: 'error', code: 'rate-limited', message: expect.any(String) });
    expect(server.stats().bufferedBytes).toBe(0);
    await stillServes(server);
  });

  test('the same with bad frames and no login: a bounded number of error frames, then 1008', async () => {
    const server = await serve();
    const socket = await openSocket(server);
    socket.ws.pause();
    await sendAll(socket.ws, Array.from({ length: 20000 }, () => 'x'));
    socket.ws.resume();
    expect(await Promise.race([socket.closed, sleep(5000).then(() => null)])).toBe(1008);
    expect(socket.frames.length).toBeLessThan(100);
  });

  test('an agent stream that stops reading gets the latest state when it reads again, not every state in between', async () => {
    // Long channel names make each pushed state about 2 MB: what 5,000 calls weigh.
    const server = await serve({ channels: [{ id: 'big', name: 'n'.repeat(20000), media: 'both', open: true }] });
    for (let i = 0; i < 100; i += 1) expect((await (await caller(server, `stream-${i}`)).call('big', 'audio')).status).toBe(201);
    const stream = net.connect({ host: '127.0.0.1', port: server.port });
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    await new Promise((resolve) => stream.on('connect', resolve));
    stream.write(`GET /agent/stream HTTP/1.1\r\nhost: 127.0.0.1:${server.port}\r\n\r\n`);
    await until(() => Buffer.concat(chunks).includes('\n\n'), 'the first state');
    stream.pause();
    const changes = 20;
    for (let i = 1; i <= changes; i += 1) {
      await httpJson('PUT', `${server.url}/agent/settings`, { autoAnswerMs: i * 1000 });
      // Past the stream's 100 ms throttle: each change is a push of its own.
      await sleep(130);
    }
    // What the server holds for this reader: at most the one state it could not hand over (what the kernel's
    // socket buffers took in varies with the machine; the server's own memory must not grow per change).
    const stateBytes = Buffer.byteLength(Buffer.concat(chunks).toString('utf8').split('\n\n').find((event) => event.includes('data: ')) ?? '');
    expect(stateBytes).toBeGreaterThan(1_000_000);
    expect(server.stats().bufferedBytes).toBeLessThanOrEqual(stateBytes * 1.5);
    stream.resume();
    const states = () => Buffer.concat(chunks).toString('utf8').split('\n\n').filter((event) => event.includes('data: '));
    await until(() => states().some((event) => event.includes(`"autoAnswerMs":${changes * 1000}`)), 'the latest state', 10000);
    stream.destroy();
  }, 30000);
});

test('one address cannot hold every call slot (N5): past its cap it gets 429, another address still calls, and an ended call frees a slot', async () => {
  const server = await serve({ center: { maxSessions: 30, maxSessionsPerAddress: 10 } });
  const calls: Array<{ sessionId: string; hangUp: () => Promise<unknown> }> = [];
  for (let i = 0; i < 10; i += 1) {
    const c = await caller(server, `greedy-${i}`);
    const created = await c.call();
    expect(created.status).toBe(201);
    calls.push({ sessionId: created.body.sessionId, hangUp: () => c.hangUp(created.body.sessionId) });
  }
  const eleventh = await (await caller(server, 'greedy-10')).call();
  expect(eleventh.status).toBe(429);
  expect(eleventh.body.error).toEqual({ code: 'rate-limited', message: expect.stringMatching(/live calls from this address/) });
  expect((await (await caller(server, 'neighbour', '127.0.0.2')).call()).status).toBe(201);
  await calls[0].hangUp();
  expect((await (await caller(server, 'greedy-11')).call()).status).toBe(201);
});

test('caller ids (N9): a keyed hash with a secret of this server run, 96 bits; the same jsCode is the same caller on one server only', async () => {
  const [one, two] = [await serve(), await serve()];
  const first = await caller(one, 'same-code');
  expect(first.userId).toMatch(/^user-[0-9a-f]{24}$/);
  expect((await caller(one, 'same-code')).userId).toBe(first.userId);
  expect((await caller(two, 'same-code')).userId).not.toBe(first.userId);
});

test('the agent token in the query (N10) opens the event stream only; every other agent route needs the header', async () => {
  const server = await serve({ agentToken: 'agent-secret-24' });
  const host: [string, string] = ['host', `127.0.0.1:${server.port}`];
  const json: [string, string] = ['content-type', 'application/json'];
  for (const [method, target] of [
    ['GET', '/agent/sessions?token=agent-secret-24'],
    ['GET', '/agent/settings?token=agent-secret-24'],
    ['POST', '/agent/sessions/x/accept?token=agent-secret-24'],
    ['PUT', '/agent/settings?token=agent-secret-24'],
  ]) {
    const res = await rawRequest(server.port, { method, target, headers: [host, json], body: method === 'PUT' ? '{"seatsOnline":false}' : '' });
    expect([method, target, res.status]).toEqual([method, target, 403]);
  }
  expect((await httpJson('GET', `${server.url}/agent/settings`)).body.error.code).toBe('forbidden');
  expect((await httpJson('GET', `${server.url}/agent/settings`, undefined, { authorization: 'Bearer agent-secret-24' })).body.seats[0].online).toBe(true);
  expect((await rawRequest(server.port, { method: 'GET', target: '/agent/stream?token=agent-secret-24', headers: [host] })).status).toBe(200);
});

test("a session token (N11) reaches its own call's events only, never the same caller's later calls", async () => {
  const server = await serve();
  const c = await caller(server, 'scoped');
  const first = await c.call();
  await c.hangUp(first.body.sessionId);
  const second = await c.call();
  expect(second.status).toBe(201);

  const old = await openSocket(server);
  old.ws.send(JSON.stringify({ type: 'hello', token: first.body.sessionToken, since: 0 }));
  await until(() => old.frames.some((frame) => frame.type === 'welcome'), 'welcome');
  // A live event of the second call, after the hello.
  expect((await httpJson('POST', `${server.url}/agent/sessions/${second.body.sessionId}/accept`)).status).toBe(200);
  const current = await openSocket(server);
  current.ws.send(JSON.stringify({ type: 'hello', token: second.body.sessionToken, since: second.body.signaling.since }));
  await until(() => current.frames.some((frame) => frame.type === 'accepted'), 'the second call to hear its accept');
  old.ws.send('{"type":"ping"}');
  await until(() => old.frames.some((frame) => frame.type === 'pong'), 'pong');

  const sessionsOf = (frames: any[]) => [...new Set(frames.filter((frame) => frame.sessionId).map((frame) => frame.sessionId))];
  expect(sessionsOf(old.frames)).toEqual([first.body.sessionId]);
  expect(old.frames.find((frame) => frame.type === 'welcome').replayed).toBe(old.frames.filter((frame) => frame.sessionId).length);
  expect(sessionsOf(current.frames)).toEqual([second.body.sessionId]);
  // The login token still hears every call of its caller.
  const login = await openSocket(server);
  login.ws.send(JSON.stringify({ type: 'hello', token: c.token, since: 0 }));
  await until(() => login.frames.some((frame) => frame.type === 'accepted'), 'the login socket replay');
  expect(sessionsOf(login.frames)).toEqual([first.body.sessionId, second.body.sessionId]);
  for (const socket of [old, current, login]) socket.ws.close();
});

test('the console cannot be framed (N3): CSP frame-ancestors none, X-Frame-Options DENY, nosniff on every answer', async () => {
  const server = await serve();
  const host: [string, string] = ['host', `127.0.0.1:${server.port}`];
  for (const target of ['/', '/index.html', '/console.js', '/console.css', '/texts.js']) {
    const res = await rawRequest(server.port, { method: 'GET', target, headers: [host] });
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  }
  for (const target of ['/agent/settings', '/v1/nothing', '//a:99999/']) {
    const res = await rawRequest(server.port, { method: 'GET', target, headers: [host] });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  }
  const stream = await rawRequest(server.port, { method: 'GET', target: '/agent/stream', headers: [host] });
  expect(stream.headers['x-content-type-options']).toBe('nosniff');
});
