/**
 * The simulator's access rules where a loopback-only test server cannot reach them: binds beyond
 * loopback, peers on the LAN, address forms, and the per-address login bucket over time.
 */
import type http from 'node:http';
import { AccessPolicy, canonicalOrigin, hostNameOf } from '../../dev-server/access';
import { isLoopbackAddress, isWildcardAddress } from '../../dev-server/addresses';
import { RateLimiter } from '../../dev-server/rate-limiter';

function request(headers: http.IncomingHttpHeaders, remoteAddress = '127.0.0.1'): http.IncomingMessage {
  return { headers, socket: { remoteAddress } } as unknown as http.IncomingMessage;
}

const policy = (host: string, agentToken: string | null = null) => new AccessPolicy({ host, allowHosts: ['cc.test'], allowOrigins: ['http://tools.test:3000'], agentToken });

test('address forms: loopback, wildcard, Host headers, origins', () => {
  for (const address of ['127.0.0.1', '127.9.9.9', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true);
  for (const address of ['192.168.1.2', '10.0.0.1', '::ffff:10.0.0.1', 'fe80::1', undefined, '']) expect(isLoopbackAddress(address)).toBe(false);
  for (const host of ['0.0.0.0', '::', '0:0:0:0:0:0:0:0']) expect(isWildcardAddress(host)).toBe(true);
  expect(isWildcardAddress('127.0.0.1')).toBe(false);
  expect(hostNameOf('LocalHost:5700')).toBe('localhost');
  expect(hostNameOf('[::1]:5700')).toBe('::1');
  expect(hostNameOf('evil.example@localhost')).toBeNull();
  expect(hostNameOf('a b')).toBeNull();
  expect(hostNameOf('[nope]')).toBeNull();
  expect(canonicalOrigin('http://localhost:80')).toBe('http://localhost');
  expect(canonicalOrigin('null')).toBeNull();
  expect(canonicalOrigin('http://x.test/path')).toBeNull();
});

test('Host: loopback names, the bound address, --allow-host names; a wildcard bind takes any address literal, never a foreign name', () => {
  const wide = policy('0.0.0.0');
  for (const name of ['localhost', 'app.localhost', '127.0.0.1', '::1', '192.168.1.5', 'cc.test']) expect(wide.hostAllowed(name)).toBe(true);
  for (const name of ['attacker.example', '192.168.1.5.nip.io']) expect(wide.hostAllowed(name)).toBe(false);
  const lan = policy('192.168.1.5');
  expect(lan.hostAllowed('192.168.1.5')).toBe(true);
  expect(lan.hostAllowed('10.0.0.9')).toBe(false);
  expect(() => lan.checkHost(request({}))).toThrow(/Host header is missing/);
  expect(() => lan.checkHost(request({ host: 'rebound.example:5700' }))).toThrow(/--allow-host rebound\.example/);
});

test('Origin: none, the own origin and allowed ones pass; another site is refused', () => {
  const p = policy('127.0.0.1');
  expect(() => p.checkOrigin(request({ host: '127.0.0.1:5700' }))).not.toThrow();
  expect(() => p.checkOrigin(request({ host: '127.0.0.1:5700', origin: 'http://127.0.0.1:5700' }))).not.toThrow();
  expect(() => p.checkOrigin(request({ host: '127.0.0.1:5700', origin: 'http://tools.test:3000' }))).not.toThrow();
  expect(() => p.checkOrigin(request({ host: '127.0.0.1:5700', origin: 'https://servicewechat.com' }))).not.toThrow();
  // Pages on this machine (another dev server's port) and an IDE's own non-web pages pass, as with Vite.
  for (const origin of ['http://localhost:3000', 'https://127.0.0.1:5701', 'http://[::1]:8080', 'chrome-extension://abcdef', 'devtools://devtools']) {
    expect(() => p.checkOrigin(request({ host: '127.0.0.1:5700', origin }))).not.toThrow();
  }
  for (const origin of ['http://evil.example', 'null', 'https://localhost.evil.example', 'http://127.0.0.1.nip.io', 'file:///etc/passwd', 'data:text/html,x', 'javascript:x']) {
    expect(() => p.checkOrigin(request({ host: '127.0.0.1:5700', origin }))).toThrow(/not allowed/);
  }
});

test('agent API: without a token only loopback peers; with one, only requests that present it (header or query)', () => {
  const open = policy('127.0.0.1');
  expect(open.checkAgent(request({}, '127.0.0.1'), null)).toEqual({ withToken: false });
  expect(() => open.checkAgent(request({}, '192.168.1.9'), null)).toThrow(/answers this machine only/);
  const guarded = policy('0.0.0.0', 'sesame-1234');
  expect(guarded.checkAgent(request({ authorization: 'Bearer sesame-1234' }, '192.168.1.9'), null)).toEqual({ withToken: true });
  expect(guarded.checkAgent(request({}, '192.168.1.9'), 'sesame-1234')).toEqual({ withToken: true });
  for (const [headers, query] of [[{}, null], [{ authorization: 'Bearer sesame-123' }, null], [{}, 'sesame-12345']] as const) {
    expect(() => guarded.checkAgent(request(headers, '127.0.0.1'), query)).toThrow(/needs its token/);
  }
});

test('the login bucket: a burst, then the refill rate, per key; the map of keys stays bounded', () => {
  let now = 0;
  const limiter = new RateLimiter(3, 2, 2, () => now);
  expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
  expect(limiter.take('b')).toBe(true);
  now = 500;
  expect(limiter.take('a')).toBe(true);
  expect(limiter.take('a')).toBe(false);
  // A third key pushes out the least recently used one, whose next request starts a full bucket.
  limiter.take('c');
  expect([1, 2, 3].map(() => limiter.take('b'))).toEqual([true, true, true]);
});
