/**
 * The simulator's side of surviving outages: the caller window in `welcome` (and `--caller-timeout`), and a
 * session token that keeps a call's events, digits and hang-up allowed after the login has expired.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { WebSocket } from 'ws';
import type { DevServer } from '../../dev-server/server';
import { startDevServer } from '../../dev-server/server';
import { httpJson } from '../../testing/http';

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer({ port: 0, center: { clientGraceMs: 700, ivrTimeoutMs: 60000 } });
});
afterAll(() => server.close());

async function caller() {
  const res = await httpJson('POST', `${server.url}/v1/login`, { sdkAppId: '1400000019', jsCode: `code-${Math.random()}` });
  const token = res.body.token as string;
  const created = await httpJson('POST', `${server.url}/v1/sessions`, { channelId: 'audio-support', media: 'audio' }, { authorization: `Bearer ${token}` });
  return { token, session: created.body as { sessionId: string; sessionToken: string; signaling: { url: string; since: number } } };
}

/** hello → the first frame back (welcome or error), and the socket. */
function hello(url: string, token: string, since = 0): Promise<{ frame: Record<string, unknown>; frames: Array<Record<string, unknown>>; socket: WebSocket }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const frames: Array<Record<string, unknown>> = [];
    const timer = setTimeout(() => reject(new Error('no answer to hello')), 3000);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', token, since })));
    socket.on('message', (data) => {
      frames.push(JSON.parse(String(data)));
      if (frames.length === 1) {
        clearTimeout(timer);
        resolve({ frame: frames[0], frames, socket });
      }
    });
    socket.on('error', reject);
  });
}

test('welcome tells the caller window', async () => {
  const { token, session } = await caller();
  const { frame, socket } = await hello(session.signaling.url, token, session.signaling.since);
  expect(frame).toMatchObject({ type: 'welcome', callerTimeoutMs: 700 });
  socket.close();
});

test("after the login expires, the call's session token still resumes its events, sends digits and hangs up", async () => {
  const { session } = await caller();
  expect(session.sessionToken).toEqual(expect.stringMatching(/^[\w-]{20,}$/));
  server.center.expireTokens();
  const { frame, frames, socket } = await hello(session.signaling.url, session.sessionToken, session.signaling.since);
  expect(frame).toMatchObject({ type: 'welcome' });
  const auth = { authorization: `Bearer ${session.sessionToken}` };
  expect((await httpJson('POST', `${server.url}/v1/sessions/${session.sessionId}/digits`, { digits: '1' }, auth)).status).toBe(200);
  const ended = await httpJson('DELETE', `${server.url}/v1/sessions/${session.sessionId}`, undefined, auth);
  expect(ended.body).toMatchObject({ closeBy: 'user' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(frames.map((f) => f.type)).toEqual(['welcome', 'ivr', 'queued', 'ringing', 'ended']);
  socket.close();
  // The ended call can still be asked how it ended, and its events replayed.
  expect((await httpJson('DELETE', `${server.url}/v1/sessions/${session.sessionId}`, undefined, auth)).body).toMatchObject({ closeBy: 'user' });
  expect((await hello(session.signaling.url, session.sessionToken, session.signaling.since)).frame).toMatchObject({ type: 'welcome' });
});

test('a session token is good for its own call only, and never for a new call', async () => {
  const first = await caller();
  const second = await caller();
  const auth = { authorization: `Bearer ${first.session.sessionToken}` };
  expect((await httpJson('DELETE', `${server.url}/v1/sessions/${second.session.sessionId}`, undefined, auth)).status).toBe(401);
  expect((await httpJson('POST', `${server.url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, auth)).status).toBe(401);
  expect((await httpJson('GET', `${server.url}/v1/login`, undefined, auth)).status).toBe(401);
  for (const { token, session } of [first, second]) {
    await httpJson('DELETE', `${server.url}/v1/sessions/${session.sessionId}`, undefined, { authorization: `Bearer ${token}` });
  }
});

test('a caller away longer than the window is ended with clientTimeout, and told so on resume', async () => {
  const { session } = await caller();
  const { socket } = await hello(session.signaling.url, session.sessionToken, session.signaling.since);
  socket.terminate();
  await new Promise((resolve) => setTimeout(resolve, 900));
  // It had seen its IVR event; the replay brings only what came after.
  const resumed = await hello(session.signaling.url, session.sessionToken, session.signaling.since + 1);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(resumed.frames.map((f) => f.type)).toEqual(['welcome', 'ended']);
  expect(resumed.frames[1]).toMatchObject({ closeBy: 'admin', endStatus: 502, reason: 'clientTimeout' });
  resumed.socket.close();
});

test('--caller-timeout: seconds, checked', async () => {
  const bin = path.resolve(__dirname, '../../dist/bin/tccc-dev-server.js');
  const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [bin, '--caller-timeout', 'soon', '--lang', 'en-US'], { timeout: 10000 }, (_error, _stdout, stderr) =>
      resolve({ code: child.exitCode, stderr }),
    );
  });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('--caller-timeout must be a number from 0.1 to 600');
  const help = await new Promise<string>((resolve) => execFile(process.execPath, [bin, '--help', '--lang', 'en-US'], (_e, stdout) => resolve(stdout)));
  expect(help).toContain('--caller-timeout <s>');
});
