import { setImmediate as immediate } from 'node:timers';
import type { WxRuntime } from './wx-runtime';

/**
 * A network the test can take away, on top of an installed wx runtime: while it is down `wx.request` and
 * `wx.connectSocket` fail the way WeChat fails them offline, and the sockets that were open break. It also
 * plays the app going to the background and back (`wx.onAppHide` / `wx.onAppShow`).
 */
export interface NetworkSwitch {
  readonly online: boolean;
  /** Takes the network away; `announce` (default true) tells `wx.onNetworkStatusChange` listeners. */
  down(options?: { announce?: boolean }): void;
  /** Brings it back; `announce` (default true) tells `wx.onNetworkStatusChange` listeners. */
  up(options?: { announce?: boolean; networkType?: string }): void;
  hideApp(): void;
  showApp(): void;
  /** How many listeners the SDK keeps on wx.onNetworkStatusChange / onAppShow / onAppHide right now. */
  listenerCount(): number;
}

type NetworkStatus = { isConnected: boolean; networkType: string };
type Callbacks = { fail?: (err: { errMsg: string }) => void; complete?: () => void };

export function installNetworkSwitch(runtime: WxRuntime): NetworkSwitch {
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  const request = wx.request as (options: Callbacks & Record<string, unknown>) => unknown;
  const connectSocket = wx.connectSocket as (options: Callbacks & { url: string }) => unknown;
  const listeners = { status: new Set<(res: NetworkStatus) => void>(), show: new Set<() => void>(), hide: new Set<() => void>() };
  let online = true;

  const offlineSocket = (options: Callbacks & { url: string }) => {
    const handlers = { error: [] as Array<(res: { errMsg: string }) => void>, close: [] as Array<(res: { code: number; reason: string }) => void> };
    immediate(() => {
      options.fail?.({ errMsg: 'connectSocket:fail net::ERR_INTERNET_DISCONNECTED' });
      handlers.error.forEach((fn) => fn({ errMsg: 'net::ERR_INTERNET_DISCONNECTED' }));
      handlers.close.forEach((fn) => fn({ code: 1006, reason: 'offline' }));
    });
    return {
      onOpen: () => undefined,
      onMessage: () => undefined,
      onError: (fn: (res: { errMsg: string }) => void) => handlers.error.push(fn),
      onClose: (fn: (res: { code: number; reason: string }) => void) => handlers.close.push(fn),
      send: () => undefined,
      close: () => undefined,
    };
  };

  Object.assign(wx, {
    request: (options: Callbacks & Record<string, unknown>) => {
      if (online) return request(options);
      runtime.requests.push({ method: String(options.method ?? 'GET'), url: String(options.url), status: 'failed' });
      immediate(() => {
        options.fail?.({ errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' });
        options.complete?.();
      });
      return { abort: () => undefined };
    },
    connectSocket: (options: Callbacks & { url: string }) => (online ? connectSocket(options) : offlineSocket(options)),
    onNetworkStatusChange: (fn: (res: NetworkStatus) => void) => listeners.status.add(fn),
    offNetworkStatusChange: (fn: (res: NetworkStatus) => void) => listeners.status.delete(fn),
    onAppShow: (fn: () => void) => listeners.show.add(fn),
    offAppShow: (fn: () => void) => listeners.show.delete(fn),
    onAppHide: (fn: () => void) => listeners.hide.add(fn),
    offAppHide: (fn: () => void) => listeners.hide.delete(fn),
  });

  const announce = (status: NetworkStatus) => Array.from(listeners.status).forEach((fn) => fn(status));
  return {
    get online() {
      return online;
    },
    down(options = {}) {
      online = false;
      runtime.dropSockets();
      if (options.announce !== false) announce({ isConnected: false, networkType: 'none' });
    },
    up(options = {}) {
      online = true;
      if (options.announce !== false) announce({ isConnected: true, networkType: options.networkType ?? 'wifi' });
    },
    hideApp: () => Array.from(listeners.hide).forEach((fn) => fn()),
    showApp: () => Array.from(listeners.show).forEach((fn) => fn()),
    listenerCount: () => listeners.status.size + listeners.show.size + listeners.hide.size,
  };
}
