import { WebSocket } from 'ws';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { simulatorAgent } from '../../testing';
import { httpJson } from '../../testing/http';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { ivrTimeoutMs: 60000 } });
});
afterAll(() => server.close());

async function login(jsCode = `code-${Math.random()}`) {
  const res = await httpJson('POST', `${server.url}/v1/login`, { sdkAppId: '1400000009', jsCode });
  return { token: res.body.token as string, auth: { authorization: `Bearer ${res.body.token}` } };
}

function expectError(res: { status: number; body: any }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: { code, message: expect.stringMatching(/\w{4,}/) } });
}

test('bad requests to every endpoint get a clear error and the server keeps serving', async () => {
  const url = server.url;
  const { auth } = await login();
  // A bystander's call must survive every bad request below.
  const bystander = await login();
  const call = await httpJson('POST', `${url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, bystander.auth);
  expect(call.status).toBe(201);

  expectError(await httpJson('POST', `${url}/v1/login`, {}), 400, 'invalid-argument');
  expectError(await httpJson('POST', `${url}/v1/login`, { sdkAppId: 14, jsCode: 'x' }), 400, 'invalid-argument');
  expectError(await httpJson('POST', `${url}/v1/login`, { sdkAppId: '1', jsCode: 'x', dataIv: 5 }), 400, 'invalid-argument');
  expectError(await httpJson('POST', `${url}/v1/login`, '{"sdkAppId":'), 400, 'invalid-argument');
  expectError(await httpJson('POST', `${url}/v1/login`, '[1,2]'), 400, 'invalid-argument');
  expectError(await httpJson('POST', `${url}/v1/login`, { sdkAppId: '1', jsCode: 'x'.repeat(20000) }), 413, 'payload-too-large');
  expectError(await httpJson('GET', `${url}/v1/login`), 401, 'unauthenticated');
  expectError(await httpJson('GET', `${url}/v1/login`, undefined, { authorization: 'Bearer nope' }), 401, 'unauthenticated');
  expectError(await httpJson('POST', `${url}/v1/sessions`, { channelId: 'audio-support', media: 'audio' }), 401, 'unauthenticated');
  expectError(await httpJson('POST', `${url}/v1/sessions`, { media: 'audio' }, auth), 400, 'invalid-argument');
  expectError(await httpJson('POST', `${url}/v1/sessions`, { channelId: 'audio-support', media: 'hologram' }, auth), 400, 'invalid-argument');
  expectError(await httpJson('POST', `${url}/v1/sessions`, { channelId: 'audio-support', media: 'video' }, auth), 400, 'invalid-argument');
  expectError(await httpJson('POST', `${url}/v1/sessions`, { channelId: 'nope', media: 'audio' }, auth), 404, 'not-found');
  expectError(await httpJson('POST', `${url}/v1/sessions/s-unknown/digits`, { digits: '1' }, auth), 404, 'not-found');
  expectError(await httpJson('POST', `${url}/v1/sessions/${call.body.sessionId}/digits`, { digits: '1' }, auth), 404, 'not-found');
  expectError(await httpJson('POST', `${url}/v1/sessions/${call.body.sessionId}/digits`, { digits: 'abc' }, bystander.auth), 400, 'invalid-argument');
  expectError(await httpJson('DELETE', `${url}/v1/sessions/s-unknown`, undefined, auth), 404, 'not-found');
  expectError(await httpJson('DELETE', `${url}/v1/sessions/${call.body.sessionId}`, undefined, auth), 404, 'not-found');
  expectError(await httpJson('PATCH', `${url}/v1/sessions`), 400, 'invalid-argument');
  expectError(await httpJson('GET', `${url}/v2/anything`), 404, 'not-found');
  expectError(await httpJson('POST', `${url}/agent/sessions/s-unknown/accept`), 404, 'not-found');
  expectError(await httpJson('PUT', `${url}/agent/settings`, { autoAnswerMs: -5 }), 400, 'invalid-argument');
  expectError(await httpJson('PUT', `${url}/agent/settings`, { seatsOnline: 'yes' }), 400, 'invalid-argument');

  // A second call for the same caller is a conflict (callConflict).
  expectError(await httpJson('POST', `${url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, bystander.auth), 409, 'conflict');
  // An expired token is refused everywhere.
  const expiring = await login();
  server.center.expireTokens();
  expectError(await httpJson('GET', `${url}/v1/login`, undefined, expiring.auth), 401, 'unauthenticated');

  const sessions = await simulatorAgent(url).calls();
  expect(sessions.find((s) => s.sessionId === call.body.sessionId)?.phase).not.toBe('ended');
});

function openSocket(): Promise<{ ws: WebSocket; frames: any[]; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/v1/events`);
    const frames: any[] = [];
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
    ws.on('message', (data) => frames.push(JSON.parse(String(data))));
    ws.on('open', () => resolve({ ws, frames, closed }));
    ws.on('error', reject);
  });
}

const until = async (check: () => boolean) => {
  const deadline = Date.now() + 3000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

test('malformed WebSocket frames get an error frame; a bad hello closes; a good one replays from since', async () => {
  const { ws, frames } = await openSocket();
  ws.send('not json');
  ws.send('[1,2,3]');
  ws.send(JSON.stringify({ type: 'dance' }));
  ws.send(JSON.stringify({ type: 'hello', token: 't', since: -1 }));
  await until(() => frames.length === 4);
  expect(frames.map((f) => f.code)).toEqual(['invalid-argument', 'invalid-argument', 'invalid-argument', 'invalid-argument']);

  const caller = await login();
  const created = await httpJson('POST', `${server.url}/v1/sessions`, { channelId: 'audio-support', media: 'audio' }, caller.auth);
  ws.send(JSON.stringify({ type: 'hello', token: caller.token, since: created.body.signaling.since }));
  await until(() => frames.length === 6);
  expect(frames[4]).toMatchObject({ type: 'welcome', replayed: 1 });
  expect(frames[5]).toMatchObject({ type: 'ivr', sessionId: created.body.sessionId, seq: created.body.signaling.since + 1 });
  ws.send(JSON.stringify({ type: 'ping' }));
  await until(() => frames.length === 7);
  expect(frames[6]).toEqual({ type: 'pong' });
  ws.close();

  const bad = await openSocket();
  bad.ws.send(JSON.stringify({ type: 'hello', token: 'forged', since: 0 }));
  expect(await bad.closed).toBe(4001);
  expect(bad.frames).toEqual([{ type: 'error', code: 'unauthenticated', message: expect.any(String) }]);

  const huge = await openSocket();
  huge.ws.send('x'.repeat(20 * 1024));
  expect(await huge.closed).toBe(1009);
  await httpJson('DELETE', `${server.url}/v1/sessions/${created.body.sessionId}`, undefined, caller.auth);
});

test('a seat set to auto-answer answers after its delay even when that is past the ring timeout', async () => {
  // --auto-answer 45 with the usual 30 s ring timeout: the call must not ring from seat to seat forever.
  const slow = await startDevServer({ port: 0, center: { ringTimeoutMs: 100, autoAnswerMs: 300 } });
  try {
    const caller = await httpJson('POST', `${slow.url}/v1/login`, { sdkAppId: '1400000009', jsCode: 'auto-answer-late' });
    const call = await httpJson('POST', `${slow.url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, { authorization: `Bearer ${caller.body.token}` });
    let phase = '';
    const deadline = Date.now() + 3000;
    while (phase !== 'active' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      phase = (await simulatorAgent(slow.url).calls()).find((s) => s.sessionId === call.body.sessionId)?.phase ?? 'gone';
    }
    expect(phase).toBe('active');
  } finally {
    await slow.close();
  }
});
