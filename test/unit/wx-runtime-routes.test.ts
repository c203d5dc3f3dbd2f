/**
 * The wx runtime of the testing entry: `routes` send what an app sends to its backend's origin (HTTP and
 * its sockets) to a loopback server, path and query kept; anything else off loopback fails as WeChat fails
 * a domain outside the whitelist; modals and toasts are recorded, never answered.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WxRuntime } from '../../testing';
import { installWxRuntime, waitFor } from '../../testing';

let server: http.Server;
let sockets: WebSocketServer;
let base = '';
const seen: string[] = [];
let wx: WxRuntime;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket, req) => {
    seen.push(`WS ${req.url}`);
    socket.send('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  sockets.close();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => wx.restore());

type Wx = Record<string, (options: Record<string, unknown>) => any>;
const api = () => (globalThis as unknown as { wx: Wx }).wx;

function request(url: string): Promise<{ ok?: unknown; errMsg?: string }> {
  return new Promise((resolve) => api().request({ url, method: 'POST', data: {}, success: (res: { data: { ok: unknown } }) => resolve(res.data), fail: resolve }));
}

test('HTTP and sockets to a routed origin reach the loopback server, path and query kept; the app sees its own URLs', async () => {
  wx = installWxRuntime({ routes: { 'https://api.example.com': base } });
  expect(await request('https://api.example.com/v1/login?from=test')).toEqual({ ok: true });
  const messages: string[] = [];
  const task = api().connectSocket({ url: 'wss://api.example.com/v1/events?since=3' });
  task.onMessage(({ data }: { data: string }) => messages.push(data));
  await waitFor(() => messages.length === 1, 'the routed socket to open');
  expect(seen).toEqual(['POST /v1/login?from=test', 'WS /v1/events?since=3']);
  expect(wx.requests).toEqual([{ method: 'POST', url: 'https://api.example.com/v1/login?from=test', status: 200 }]);
  expect(wx.sockets.size).toBe(1);
  task.close();
  await waitFor(() => wx.sockets.size === 0, 'the socket to close');
});

test('other origins, and other ports of the routed host, fail as outside the whitelist; targets must be loopback', async () => {
  wx = installWxRuntime({ routes: { 'https://api.example.com': base } });
  expect(await request('https://api.example.com:8443/v1/login')).toEqual({ errMsg: 'request:fail url not in domain list' });
  expect(await request('https://yun.tim.qq.com/report')).toEqual({ errMsg: 'request:fail url not in domain list' });
  wx.restore();
  expect(() => installWxRuntime({ routes: { 'https://api.example.com': 'https://api.example.org' } })).toThrow('routes may only lead to loopback');
  expect(() => installWxRuntime({ routes: { 'not a url': base } })).toThrow('"not a url" in routes is not a URL');
  wx = installWxRuntime();
});

test('modals and toasts are recorded as shown, and never answered', () => {
  wx = installWxRuntime();
  const answered: unknown[] = [];
  api().showModal({ title: '需要麦克风权限', content: '请在设置中允许', success: (res: unknown) => answered.push(res) });
  api().showToast({ title: '呼叫失败' });
  expect(wx.shown).toEqual([
    { api: 'showModal', title: '需要麦克风权限', content: '请在设置中允许' },
    { api: 'showToast', title: '呼叫失败' },
  ]);
  expect(answered).toEqual([]);
});
