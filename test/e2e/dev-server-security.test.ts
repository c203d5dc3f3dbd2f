/**
 * The simulator under hostile input, as issue 10 found it: requests that used to crash it or answer 500,
 * cross-site and DNS-rebinding requests, the agent API from outside, a login flood, and TRTC rooms bound
 * to their callers.
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { WebSocket } from 'ws';
import type { DevServer } from '../../dev-server/server';
import { simulatorsForThisFile } from '../support/dev-servers';
import { callerPrivileges } from '../../dev-server/usersig';
import type { RawResponse } from '../support/raw-http';
import { rawRequest } from '../support/raw-http';
import { httpJson } from '../../testing/http';

const serve = simulatorsForThisFile();

const host = (server: DevServer): [string, string] => ['host', `127.0.0.1:${server.port}`];
const json: [string, string] = ['content-type', 'application/json'];

function expectJsonError(res: RawResponse, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(JSON.parse(res.body)).toEqual({ error: { code, message: expect.stringMatching(/\w{4,}/) } });
}

async function login(server: DevServer, jsCode: string, headers: Record<string, string> = {}) {
  return httpJson('POST', `${server.url}/v1/login`, { sdkAppId: '1400000010', jsCode }, headers);
}

async function stillServes(server: DevServer) {
  const page = await rawRequest(server.port, { method: 'GET', target: '/', headers: [host(server)] });
  expect(page.status).toBe(200);
  expect(page.body).toContain('<script src="/console.js"></script>');
}

test('targets that used to end the process (new URL throws) and bad percent-encoding are 400s, before authentication', async () => {
  const server = await serve();
  for (const target of ['//a:99999/', '//[', 'http://[', '*', 'v1/login']) {
    expectJsonError(await rawRequest(server.port, { method: 'GET', target, headers: [host(server)] }), 400, 'invalid-argument');
  }
  const encoded: Array<[string, string]> = [
    ['DELETE', '/v1/sessions/%'],
    ['DELETE', '/v1/sessions/%E0%A4%A'],
    ['POST', '/agent/sessions/%ZZ/hangup'],
    ['POST', '/v1/sessions/%C0%AF/digits'],
  ];
  for (const [method, target] of encoded) {
    expectJsonError(await rawRequest(server.port, { method, target, headers: [host(server), json] }), 400, 'invalid-argument');
  }
  // The parser's own refusals (a NUL in the target) get the same JSON error, not a bare close.
  expectJsonError(await rawRequest(server.port, { method: 'GET', target: '/a\0b', headers: [host(server)] }), 400, 'invalid-argument');
  await stillServes(server);
});

test('the WebSocket upgrade has the same guard: a bad target or Host or Origin is refused with JSON, and the server stays up', async () => {
  const server = await serve();
  const upgrade = (target: string, headers: Array<[string, string]>) =>
    rawRequest(server.port, {
      method: 'GET',
      target,
      headers: [...headers, ['upgrade', 'websocket'], ['sec-websocket-version', '13'], ['sec-websocket-key', 'dGhlIHNhbXBsZSBub25jZQ==']],
    });
  expectJsonError(await upgrade('//a:99999/', [host(server)]), 400, 'invalid-argument');
  expectJsonError(await upgrade('http://[', [host(server)]), 400, 'invalid-argument');
  expectJsonError(await upgrade('/v1/events', [['host', 'attacker.example']]), 403, 'forbidden');
  expectJsonError(await upgrade('/v1/events', [host(server), ['origin', 'http://evil.example']]), 403, 'forbidden');
  expectJsonError(await upgrade('/elsewhere', [host(server)]), 404, 'not-found');
  // A phone or DevTools: no Origin. It connects.
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/v1/events`);
  await new Promise((resolve, reject) => {
    ws.on('open', resolve);
    ws.on('error', reject);
  });
  ws.close();
  await stillServes(server);
});

test('cross-site control is refused: a foreign Origin gets 403, a non-JSON body 415; the own origin, allowed origins and no Origin work', async () => {
  const server = await serve({ allowOrigins: ['http://tools.example:8080'] });
  const caller = await login(server, 'cross-site-victim');
  const created = await httpJson('POST', `${server.url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, { authorization: `Bearer ${caller.body.token}` });
  expect(created.status).toBe(201);
  const evil: [string, string] = ['origin', 'http://evil.example'];
  const textPlain: [string, string] = ['content-type', 'text/plain'];
  const body = JSON.stringify({ sdkAppId: '1400000010', jsCode: 'x' });
  for (const headers of [[host(server), evil, textPlain], [host(server), evil, json]]) {
    expectJsonError(await rawRequest(server.port, { method: 'POST', target: '/v1/login', headers, body }), 403, 'forbidden');
    expectJsonError(await rawRequest(server.port, { method: 'POST', target: `/agent/sessions/${created.body.sessionId}/accept`, headers }), 403, 'forbidden');
    expectJsonError(await rawRequest(server.port, { method: 'POST', target: `/agent/sessions/${created.body.sessionId}/hangup`, headers }), 403, 'forbidden');
  }
  expectJsonError(await rawRequest(server.port, { method: 'POST', target: '/v1/login', headers: [host(server), textPlain], body }), 415, 'unsupported-media-type');
  expectJsonError(await rawRequest(server.port, { method: 'POST', target: `/agent/sessions/${created.body.sessionId}/hangup`, headers: [host(server)] }), 415, 'unsupported-media-type');
  expectJsonError(await rawRequest(server.port, { method: 'PUT', target: '/agent/settings', headers: [host(server), ['content-type', 'application/x-www-form-urlencoded']], body: 'a=1' }), 415, 'unsupported-media-type');
  expect((await httpJson('GET', `${server.url}/agent/sessions`)).body.sessions.find((s: { sessionId: string }) => s.sessionId === created.body.sessionId).phase).toBe('ringing');

  const own = await rawRequest(server.port, { method: 'POST', target: '/v1/login', headers: [host(server), ['origin', `http://127.0.0.1:${server.port}`], json], body });
  expect(own.status).toBe(200);
  const allowed = await rawRequest(server.port, { method: 'POST', target: '/v1/login', headers: [host(server), ['origin', 'http://tools.example:8080'], json], body });
  expect(allowed.status).toBe(200);
  const localhost = await rawRequest(server.port, { method: 'GET', target: '/agent/settings', headers: [['host', `localhost:${server.port}`], ['origin', `http://localhost:${server.port}`]] });
  expect(localhost.status).toBe(200);
  // WeChat DevTools and phones send no browser Origin (their Referer is servicewechat.com).
  const wechat = await rawRequest(server.port, {
    method: 'POST',
    target: '/v1/login',
    headers: [host(server), json, ['referer', 'https://servicewechat.com/touristappid/devtools/page-frame.html']],
    body,
  });
  expect(wechat.status).toBe(200);
});

test('DNS rebinding: a foreign Host gets 403; signaling.url comes from the bound address, never the Host; --allow-host adds a name', async () => {
  const server = await serve({ allowHosts: ['cc.test'] });
  for (const target of ['/agent/sessions', '/v1/login', '/']) {
    expectJsonError(await rawRequest(server.port, { method: 'GET', target, headers: [['host', 'attacker.example']] }), 403, 'forbidden');
  }
  expectJsonError(await rawRequest(server.port, { method: 'GET', target: '/agent/sessions', headers: [] }), 403, 'forbidden');
  expectJsonError(await rawRequest(server.port, { method: 'GET', target: '/agent/sessions', headers: [['host', 'evil.example@localhost']] }), 403, 'forbidden');
  expect((await rawRequest(server.port, { method: 'GET', target: '/agent/sessions', headers: [['host', `cc.test:${server.port}`]] })).status).toBe(200);
  expect((await rawRequest(server.port, { method: 'GET', target: '/agent/sessions', headers: [['host', `[::1]:${server.port}`]] })).status).toBe(200);

  const caller = await login(server, 'rebinding');
  const created = await rawRequest(server.port, {
    method: 'POST',
    target: '/v1/sessions',
    headers: [['host', `cc.test:${server.port}`], json, ['authorization', `Bearer ${caller.body.token}`]],
    body: JSON.stringify({ channelId: 'video-support', media: 'video' }),
  });
  expect(created.status).toBe(201);
  expect(JSON.parse(created.body).signaling.url).toBe(`ws://127.0.0.1:${server.port}/v1/events`);
});

test('agent API: with a token set, every agent request needs it (header, or query for the event stream); room ids only with it', async () => {
  const trtc = { sdkAppId: 1400000010, secretKey: 'a'.repeat(64) };
  const open = await serve({ trtc });
  expect(open.agentToken).toBeNull();
  const guarded = await serve({ trtc, agentToken: 'agent-secret-1' });
  expect(guarded.agentToken).toBe('agent-secret-1');

  for (const server of [open, guarded]) {
    const caller = await login(server, 'room-owner');
    expect((await httpJson('POST', `${server.url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, { authorization: `Bearer ${caller.body.token}` })).status).toBe(201);
  }
  const listed = await httpJson('GET', `${open.url}/agent/sessions`);
  expect(listed.status).toBe(200);
  expect(listed.body.sessions[0].roomId).toBeNull();

  for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'Bearer agent-secret-1x' }] as Array<Record<string, string>>) {
    const refused = await httpJson('GET', `${guarded.url}/agent/sessions`, undefined, headers);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  }
  expect((await httpJson('PUT', `${guarded.url}/agent/settings`, { seatsOnline: false })).status).toBe(403);
  const withToken = await httpJson('GET', `${guarded.url}/agent/sessions`, undefined, { authorization: 'Bearer agent-secret-1' });
  expect(withToken.status).toBe(200);
  expect(withToken.body.sessions[0].roomId).toEqual(expect.any(Number));

  expect((await rawRequest(guarded.port, { method: 'GET', target: '/agent/stream', headers: [host(guarded)] })).status).toBe(403);
  const stream = await rawRequest(guarded.port, { method: 'GET', target: '/agent/stream?token=agent-secret-1', headers: [host(guarded)] });
  expect(stream.status).toBe(200);
  expect(stream.headers['content-type']).toBe('text/event-stream');
  // The console page itself is public: it asks for the token.
  expect((await rawRequest(guarded.port, { method: 'GET', target: '/', headers: [host(guarded)] })).status).toBe(200);
});

test('a login flood from one address never locks out another; a full table takes from the largest holder; tokens expire', async () => {
  const server = await serve({ loginRate: { burst: 30, perSecond: 1 }, center: { maxTokens: 60, maxTokensPerAddress: 20 } });
  const from = (localAddress: string, jsCode: string) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = http.request(`${server.url}/v1/login`, { method: 'POST', localAddress, headers: { 'content-type': 'application/json' }, timeout: 5000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ sdkAppId: '1400000010', jsCode }));
    });
  const bystander = await from('127.0.0.2', 'bystander-before');
  expect(bystander.status).toBe(200);

  const flood: Array<{ status: number; body: any }> = [];
  for (let i = 0; i < 200; i += 1) flood.push(await from('127.0.0.1', `flood-${i}`));
  expect(flood.filter((res) => res.status === 200).length).toBeLessThanOrEqual(32);
  expect(flood.filter((res) => res.status === 429).length).toBeGreaterThanOrEqual(160);
  // The flood pushed out only its own address's tokens: the bystander's still works, and a new caller gets in.
  const check = (token: string) => httpJson('GET', `${server.url}/v1/login`, undefined, { authorization: `Bearer ${token}` });
  expect((await check(bystander.body.token)).status).toBe(200);
  expect((await from('127.0.0.3', 'newcomer')).status).toBe(200);

  // Past the table's size (45 more addresses, one login each), the address holding the most (the flood's,
  // 20 tokens) loses its oldest; never a refusal, and never the bystander's one token.
  const many: string[] = [];
  for (let i = 0; i < 25; i += 1) many.push((await from(`127.0.1.${i + 1}`, `spread-${i}`)).body.token);
  for (let i = 0; i < 20; i += 1) many.push((await from(`127.0.2.${i + 1}`, `spread-b-${i}`)).body.token);
  const flooded = flood.filter((res) => res.status === 200).map((res) => res.body.token as string);
  expect((await check(bystander.body.token)).status).toBe(200);
  expect((await check(flooded[0])).status).toBe(401);
  expect((await check(flooded[flooded.length - 1])).status).toBe(200);
  expect((await check(many[0])).status).toBe(200);
  server.center.expireTokens();
  expect((await check(many[many.length - 1])).body.error.message).toMatch(/expired/);
});

function decodeTicket(ticket: string): { identifier: string; sdkAppId: number; userbuf: Buffer } {
  const base64 = ticket.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
  const doc = JSON.parse(zlib.inflateSync(Buffer.from(base64, 'base64')).toString('utf8'));
  return { identifier: doc['TLS.identifier'], sdkAppId: doc['TLS.sdkappid'], userbuf: Buffer.from(doc['TLS.userbuf'] ?? '', 'base64') };
}

test('real TRTC: each caller gets a privateMapKey for their own room only, with the privileges of their media', async () => {
  const server = await serve({ trtc: { sdkAppId: 1400000011, secretKey: 'b'.repeat(64) } });
  for (const [channelId, media] of [['video-support', 'video'], ['audio-support', 'audio']] as const) {
    const caller = await login(server, `trtc-${media}`);
    const created = await httpJson('POST', `${server.url}/v1/sessions`, { channelId, media }, { authorization: `Bearer ${caller.body.token}` });
    const { rtc } = created.body;
    expect(rtc).toMatchObject({ type: 'trtc', sdkAppId: 1400000011, userId: caller.body.userId, privateMapKey: expect.any(String) });
    const ticket = decodeTicket(rtc.privateMapKey);
    expect(ticket.identifier).toBe(caller.body.userId);
    expect(ticket.sdkAppId).toBe(1400000011);
    // userbuf: version, account length (2), account, sdkAppId (4), room id (4), expiry (4), privileges (4), account type (4).
    const account = ticket.userbuf.readUInt16BE(1);
    expect(ticket.userbuf.subarray(3, 3 + account).toString()).toBe(caller.body.userId);
    expect(ticket.userbuf.readUInt32BE(3 + account + 4)).toBe(rtc.roomId);
    expect(ticket.userbuf.readUInt32BE(3 + account + 12)).toBe(callerPrivileges(media));
    // The UserSig itself carries no room: the ticket is what binds it.
    expect(decodeTicket(rtc.userSig).userbuf.length).toBe(0);
  }
  expect(callerPrivileges('audio') & 16).toBe(0);
});
