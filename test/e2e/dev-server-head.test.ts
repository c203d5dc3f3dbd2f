/**
 * HEAD on the simulator: the agent console's files answer it as GET does, without the body (RFC 9110 §9.3.2:
 * the same status and headers, Content-Length included); the API routes answer it as they always have.
 */
import type { DevServer } from '../../dev-server/server';
import { simulatorsForThisFile } from '../support/dev-servers';
import type { RawResponse } from '../support/raw-http';
import { rawRequest } from '../support/raw-http';

const serve = simulatorsForThisFile();

function send(server: DevServer, method: string, target: string, extra: Array<[string, string]> = []): Promise<RawResponse> {
  return rawRequest(server.port, { method, target, headers: [['host', `127.0.0.1:${server.port}`], ...extra] });
}

/** Every header but the clock's. */
const headersOf = ({ headers }: RawResponse) => Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'date'));

test('HEAD on the console and its files answers as GET, with no body', async () => {
  const server = await serve();
  for (const target of ['/', '/index.html', '/console.js', '/console.css', '/texts.js']) {
    const got = await send(server, 'GET', target);
    const head = await send(server, 'HEAD', target);
    expect([target, head.status]).toEqual([target, 200]);
    expect(headersOf(head)).toEqual(headersOf(got));
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(got.body));
    expect(head.body).toBe('');
  }
});

test('HEAD on the API answers as before: 400 on a route of other methods, 404 elsewhere, 403 without the agent token, never a body', async () => {
  const open = await serve();
  const guarded = await serve({ agentToken: 'head-test-token' });
  const cases: Array<[DevServer, string, number]> = [
    [open, '/agent/sessions', 400],
    [open, '/agent/settings', 400],
    [open, '/agent/sessions/s-1/accept', 400],
    [open, '/agent/stream', 404],
    [open, '/agent/nothing', 404],
    [open, '/v1/sessions', 400],
    [open, '/v1/events', 404],
    [open, '/nothing.js', 404],
    [guarded, '/agent/sessions', 403],
    [guarded, '/agent/stream', 403],
  ];
  for (const [server, target, status] of cases) {
    const head = await send(server, 'HEAD', target);
    expect([target, head.status, head.body]).toEqual([target, status, '']);
    expect(head.headers['content-type']).toMatch(/^application\/json/);
  }
  // With the token, the agent API's GET routes still take GET only.
  const withToken = await send(guarded, 'HEAD', '/agent/sessions', [['authorization', 'Bearer head-test-token']]);
  expect(withToken.status).toBe(400);
});
