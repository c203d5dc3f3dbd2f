import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serverTimeOf } from '../../src/services/backend-client';
import { TokenStore, localDeadline } from '../../src/services/token-store';
import { memoryStorage } from './scripted-backend';
import type { WxRuntime } from '../../testing';
import { installWxRuntime } from '../../testing';

/** A backend whose clock runs `offsetMs` from ours; its GET /v1/login may extend the session. */
function backendWithClock(offsetMs: number) {
  const state = { lifetimeMs: 60000, extendedBy: 0 };
  const server = http.createServer((req, res) => {
    const serverNow = Date.now() + offsetMs;
    res.setHeader('Date', new Date(serverNow).toUTCString());
    res.setHeader('content-type', 'application/json');
    const expiresAt = serverNow + state.lifetimeMs + state.extendedBy;
    if (req.method === 'POST') res.end(JSON.stringify({ token: 'tok', userId: 'u-1', expiresAt }));
    else res.end(JSON.stringify({ userId: 'u-1', expiresAt }));
    req.resume();
  });
  return new Promise<{ url: string; state: typeof state; close(): Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, state, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

let wx: WxRuntime;
beforeEach(() => {
  wx = installWxRuntime();
});
afterEach(() => wx.restore());

function freshLoginModule(): typeof import('../../src/login') {
  let loaded!: typeof import('../../src/login');
  jest.isolateModules(() => {
    loaded = require('../../src/login');
  });
  return loaded;
}

const stored = () => JSON.parse(String(wx.storage.get('tccc-wx-sdk:login:1400000000'))) as { expiresAt: number; localExpiresAt?: number };

test('a server clock three hours behind the phone: a fresh login is not expired, and checkLogin keeps it', async () => {
  const backend = await backendWithClock(-3 * 3600 * 1000);
  try {
    const sdk = freshLoginModule();
    sdk.configure({ endpoint: backend.url });
    const before = Date.now();
    await sdk.login({ sdkAppId: '1400000000', jsCode: 'code' });
    // On the phone's clock the token lives about its 60 s, whatever the server's clock says.
    expect(stored().localExpiresAt).toBeGreaterThan(before + 55000);
    expect(stored().localExpiresAt).toBeLessThan(Date.now() + 62000);
    expect(await sdk.checkLogin({ sdkAppId: '1400000000' })).toBe(true);
    expect(wx.storage.has('tccc-wx-sdk:login:1400000000')).toBe(true);
  } finally {
    await backend.close();
  }
});

test('checkLogin keeps the expiry the server reports (a session the server extended)', async () => {
  const backend = await backendWithClock(0);
  try {
    const sdk = freshLoginModule();
    sdk.configure({ endpoint: backend.url });
    await sdk.login({ sdkAppId: '1400000000', jsCode: 'code' });
    const first = stored();
    backend.state.extendedBy = 3600000;
    expect(await sdk.checkLogin({ sdkAppId: '1400000000' })).toBe(true);
    expect(stored().expiresAt).toBeGreaterThanOrEqual(first.expiresAt + 3600000);
    expect(stored().localExpiresAt).toBeGreaterThan(Date.now() + 3600000);
  } finally {
    await backend.close();
  }
});

test('expiry is judged on the device clock; without the server’s time only the server decides', () => {
  let now = 1_000_000;
  const tokens = new TokenStore(memoryStorage(), () => now);
  const login = { token: 't', userId: 'u', expiresAt: 5, endpoint: 'http://127.0.0.1:1' };
  expect(tokens.isExpired(login)).toBe(false);
  expect(tokens.isExpired({ ...login, localExpiresAt: now + 31000 })).toBe(false);
  expect(tokens.isExpired({ ...login, localExpiresAt: now + 30000 })).toBe(true);
  now += 10;
  expect(localDeadline(2_000, 1_000, now)).toBe(now + 1_000);
  expect(localDeadline(2_000, null, now)).toBeUndefined();
});

test('serverTimeOf reads a Date header in any letter case', () => {
  expect(serverTimeOf({ date: 'Sat, 28 Nov 2026 18:00:00 GMT' })).toBe(Date.UTC(2026, 10, 28, 18));
  expect(serverTimeOf({ Date: 'Sat, 28 Nov 2026 18:00:00 GMT' })).toBe(Date.UTC(2026, 10, 28, 18));
  expect(serverTimeOf({ date: 'not a date' })).toBeNull();
  expect(serverTimeOf(undefined)).toBeNull();
});
