import type { ConnectivitySignal } from '../../src/services/connectivity';
import { wxConnectivity } from '../../src/services/platform/environment';

type Listener = (res?: { isConnected: boolean; networkType: string }) => void;

function fakeWx() {
  const listeners = { status: new Set<Listener>(), show: new Set<Listener>(), hide: new Set<Listener>() };
  const api = {
    onNetworkStatusChange: (fn: Listener) => listeners.status.add(fn),
    offNetworkStatusChange: (fn: Listener) => listeners.status.delete(fn),
    onAppShow: (fn: Listener) => listeners.show.add(fn),
    offAppShow: (fn: Listener) => listeners.show.delete(fn),
    onAppHide: (fn: Listener) => listeners.hide.add(fn),
    offAppHide: (fn: Listener) => listeners.hide.delete(fn),
  };
  (globalThis as unknown as { wx: unknown }).wx = api;
  const status = (isConnected: boolean, networkType: string) => listeners.status.forEach((fn) => fn({ isConnected, networkType }));
  return { listeners, status, show: () => listeners.show.forEach((fn) => fn()), hide: () => listeners.hide.forEach((fn) => fn()) };
}

afterEach(() => delete (globalThis as { wx?: unknown }).wx);

test('WeChat network and app events become connectivity signals, with listeners on wx only while subscribed', () => {
  const wx = fakeWx();
  const first: ConnectivitySignal[] = [];
  const second: ConnectivitySignal[] = [];
  const stopFirst = wxConnectivity.subscribe((s) => first.push(s));
  const stopSecond = wxConnectivity.subscribe((s) => second.push(s));
  expect(wx.listeners.status.size + wx.listeners.show.size + wx.listeners.hide.size).toBe(3);
  wx.status(true, 'wifi');
  wx.status(true, '4g');
  wx.status(false, 'none');
  wx.status(true, '4g');
  wx.status(true, '4g');
  wx.hide();
  wx.show();
  expect(first).toEqual(['online', 'network-changed', 'offline', 'online', 'online', 'background', 'foreground']);
  expect(second).toEqual(first);
  stopFirst();
  expect(wx.listeners.status.size).toBe(1);
  stopSecond();
  stopSecond();
  expect(wx.listeners.status.size + wx.listeners.show.size + wx.listeners.hide.size).toBe(0);
});

test('a base library without these APIs subscribes without failing', () => {
  (globalThis as unknown as { wx: unknown }).wx = {};
  const stop = wxConnectivity.subscribe(() => undefined);
  expect(() => stop()).not.toThrow();
});
