import http from 'node:http';
import { WebSocket } from 'ws';
import { setImmediate as immediate } from 'node:timers';
import type { PrivacyOptions, PrivacyState } from './wx-privacy';
import { wxPrivacy } from './wx-privacy';
import { jsonOrText } from './http';

/**
 * The WeChat runtime for Node: the one thing tests stub. `wx.request` and `wx.connectSocket` go over real
 * loopback HTTP/WebSocket (to where `routes` sends them); any other host fails the way WeChat fails a domain
 * outside the whitelist, so a test can never reach the network (trtc-wx-sdk's log reports included).
 */
export type Scope = 'scope.record' | 'scope.camera';

export interface WxRuntimeOptions {
  platform?: 'ios' | 'android' | 'devtools';
  /** Settings as wx.getSetting reports them; undefined means "not asked yet". */
  permissions?: Partial<Record<Scope, boolean>>;
  /** What the user answers when wx.authorize asks. */
  grantOnAsk?: boolean;
  /** WeChat's privacy rules (base library 2.32.3+, see wx-privacy.ts). Absent: an older base library, without them. */
  privacy?: PrivacyOptions;
  /**
   * Origins the app's network reaches elsewhere, as a hosts file would: `{ 'http://127.0.0.1:5700': simulator.url }`
   * sends the app's calls to its configured endpoint (HTTP and WebSocket) to a simulator on a free port.
   * Targets must be loopback.
   */
  routes?: Record<string, string>;
}

/** A `wx.showModal` or `wx.showToast` the app made: what the user was shown. */
export interface Shown {
  api: 'showModal' | 'showToast';
  title: string;
  content?: string;
}

type Callbacks<T> = { success?: (res: T) => void; fail?: (err: { errMsg: string }) => void; complete?: () => void };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLoopback(url: string): boolean {
  try {
    return LOOPBACK.has(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Callbacks arrive asynchronously, as across WeChat's bridge; setImmediate avoids setTimeout's 1 ms floor. */
function later(fn: () => void): void {
  immediate(fn);
}

export interface WxRuntime {
  storage: Map<string, unknown>;
  /** Every wx.request, by the URL the app gave (before `routes`). */
  requests: Array<{ method: string; url: string; status: number | 'failed' }>;
  /** The event sockets open now. */
  sockets: { readonly size: number };
  /** Every modal and toast shown, in order. */
  shown: Shown[];
  pusher: { starts: number; stops: number; switches: number };
  /** Calls on <live-player> contexts, by the player's id. */
  player: { plays: string[]; stops: string[] };
  authorizeCalls: Scope[];
  /** The privacy rules' state; null when the runtime has none (an older base library). */
  privacy: PrivacyState | null;
  /** Breaks every open event socket, as a lost network would. */
  dropSockets(): void;
  /** Fires wx.onAudioInterruptionBegin/End listeners. */
  interrupt(begin: boolean): void;
  /** Fires wx.onAppShow listeners, as when the app comes back to the foreground. */
  showApp(): void;
  setPermission(scope: Scope, value: boolean | undefined): void;
  restore(): void;
}

export function installWxRuntime(options: WxRuntimeOptions = {}): WxRuntime {
  const target = ((globalThis as { wx?: Record<string, unknown> }).wx ??= {});
  const saved = { ...target };
  const savedGetApp = (globalThis as { getApp?: unknown }).getApp;
  const permissions: Partial<Record<Scope, boolean>> = { ...options.permissions };
  const interruptionListeners = { begin: new Set<() => void>(), end: new Set<() => void>() };
  const appShowListeners = new Set<() => void>();
  const privacy = options.privacy ? wxPrivacy(options.privacy, later) : null;
  const sockets = new Set<WebSocket>();
  const route = router(options.routes ?? {});
  const runtime: WxRuntime = {
    storage: new Map(),
    requests: [],
    sockets,
    shown: [],
    pusher: { starts: 0, stops: 0, switches: 0 },
    player: { plays: [], stops: [] },
    authorizeCalls: [],
    privacy: privacy?.state ?? null,
    dropSockets() {
      for (const socket of sockets) socket.terminate();
    },
    interrupt(begin) {
      for (const listener of interruptionListeners[begin ? 'begin' : 'end']) listener();
    },
    showApp() {
      for (const listener of appShowListeners) listener();
    },
    setPermission(scope, value) {
      permissions[scope] = value;
    },
    restore() {
      for (const key of Object.keys(target)) delete target[key];
      Object.assign(target, saved);
      (globalThis as { getApp?: unknown }).getApp = savedGetApp;
      runtime.dropSockets();
    },
  };

  const deviceInfo = { platform: options.platform ?? 'ios', system: 'iOS 17.0', model: 'iPhone', SDKVersion: '3.6.0' };

  Object.assign(target, {
    getDeviceInfo: () => deviceInfo,
    getSystemInfoSync: () => deviceInfo,
    getSystemInfo: ({ success }: Callbacks<typeof deviceInfo>) => later(() => success?.(deviceInfo)),
    // Any code works with the simulator's login.
    login: ({ success }: Callbacks<{ code: string; errMsg: string }>) => later(() => success?.({ code: `wx-code-${Math.random().toString(36).slice(2)}`, errMsg: 'login:ok' })),
    getStorageSync: (key: string) => runtime.storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void runtime.storage.set(key, value),
    removeStorageSync: (key: string) => void runtime.storage.delete(key),
    getStorage: ({ key, success, fail }: Callbacks<{ data: unknown }> & { key: string }) =>
      later(() => (runtime.storage.has(key) ? success?.({ data: runtime.storage.get(key) }) : fail?.({ errMsg: 'getStorage:fail data not found' }))),
    getSetting: ({ success }: Callbacks<{ authSetting: Record<string, boolean> }>) =>
      later(() => success?.({ authSetting: { ...permissions } as Record<string, boolean> })),
    authorize: ({ scope, success, fail }: Callbacks<{ errMsg: string }> & { scope: Scope }) => {
      runtime.authorizeCalls.push(scope);
      const ask = () => {
        if (permissions[scope] === false) return fail?.({ errMsg: 'authorize:fail auth deny' });
        permissions[scope] = options.grantOnAsk ?? true;
        if (permissions[scope]) success?.({ errMsg: 'authorize:ok' });
        else fail?.({ errMsg: 'authorize:fail auth deny' });
      };
      later(() => (privacy ? privacy.guard('authorize', scope, ask, fail) : ask()));
    },
    onAudioInterruptionBegin: (fn: () => void) => interruptionListeners.begin.add(fn),
    onAudioInterruptionEnd: (fn: () => void) => interruptionListeners.end.add(fn),
    offAudioInterruptionBegin: (fn: () => void) => interruptionListeners.begin.delete(fn),
    offAudioInterruptionEnd: (fn: () => void) => interruptionListeners.end.delete(fn),
    onAppShow: (fn: () => void) => appShowListeners.add(fn),
    offAppShow: (fn: () => void) => appShowListeners.delete(fn),
    createLivePusherContext: () => ({
      start: () => void runtime.pusher.starts++,
      stop: (o?: Callbacks<unknown>) => {
        runtime.pusher.stops++;
        o?.success?.({});
      },
      switchCamera: () => void runtime.pusher.switches++,
      pause: () => undefined,
      resume: () => undefined,
    }),
    createLivePlayerContext: (id: string) => ({
      play: (o?: Callbacks<unknown>) => {
        runtime.player.plays.push(id);
        later(() => (o?.success?.({}), o?.complete?.()));
      },
      stop: (o?: Callbacks<unknown>) => {
        runtime.player.stops.push(id);
        later(() => (o?.success?.({}), o?.complete?.()));
      },
      mute: () => undefined,
    }),
    // The user never answers a modal here; a test reads what it said from runtime.shown.
    showModal: ({ title = '', content = '' }: { title?: string; content?: string }) => void runtime.shown.push({ api: 'showModal', title, content }),
    showToast: ({ title = '' }: { title?: string }) => void runtime.shown.push({ api: 'showToast', title }),
    hideToast: () => undefined,
    openSetting: ({ success }: Callbacks<{ authSetting: Record<string, boolean> }> = {}) => later(() => success?.({ authSetting: { ...permissions } as Record<string, boolean> })),
    request: wxRequest(runtime, route),
    connectSocket: wxConnectSocket(sockets, route),
    ...privacy?.api,
  });
  (globalThis as { getApp?: unknown }).getApp = () => ({ globalData: {} });
  return runtime;
}

interface RequestOptions extends Callbacks<{ statusCode: number; data: unknown; header: Record<string, unknown> }> {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  timeout?: number;
}

/** The URL a request or socket really goes to: through `routes` (by origin, ws/wss as http/https), or as given. */
function router(routes: Record<string, string>): (url: string) => string {
  const table = new Map<string, string>();
  for (const [from, to] of Object.entries(routes)) {
    if (!isLoopback(to)) throw new Error(`installWxRuntime: routes may only lead to loopback (127.0.0.1, localhost), not ${to}`);
    table.set(originOf(from), originOf(to));
  }
  return (url) => {
    const parsed = asHttp(url);
    const target = parsed && table.get(parsed.origin);
    if (!parsed || !target) return url;
    const socket = /^wss?:/i.test(url);
    return `${socket ? target.replace(/^http/, 'ws') : target}${parsed.pathname}${parsed.search}`;
  };
}

/** The URL with a socket's scheme named as HTTP's (ws → http, wss → https); null for what is not a URL. */
function asHttp(url: string): URL | null {
  try {
    return new URL(url.replace(/^ws(s?):/i, 'http$1:'));
  } catch {
    return null;
  }
}

function originOf(url: string): string {
  const parsed = asHttp(url);
  if (!parsed) throw new Error(`installWxRuntime: ${JSON.stringify(url)} in routes is not a URL`);
  return parsed.origin;
}

function wxRequest(runtime: WxRuntime, route: (url: string) => string) {
  return (options: RequestOptions) => {
    const method = options.method ?? 'GET';
    const fail = (errMsg: string) => {
      runtime.requests.push({ method, url: options.url, status: 'failed' });
      later(() => {
        options.fail?.({ errMsg });
        options.complete?.();
      });
    };
    const url = route(options.url);
    if (!isLoopback(url)) return fail('request:fail url not in domain list');
    const body = method === 'GET' || options.data === undefined ? undefined : JSON.stringify(options.data);
    // A connection of its own each time (no keep-alive agent): a reused socket the server has just closed
    // would fail a request that WeChat's network would have sent.
    const req = http.request(url, { method, headers: options.header, timeout: options.timeout ?? 60000, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const data = jsonOrText(Buffer.concat(chunks).toString('utf8'));
        runtime.requests.push({ method, url: options.url, status: res.statusCode ?? 0 });
        options.success?.({ statusCode: res.statusCode ?? 0, data, header: res.headers });
        options.complete?.();
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error) => fail(`request:fail ${error.message === 'timeout' ? 'timeout' : error.message}`));
    if (body) req.write(body);
    req.end();
    return { abort: () => req.destroy() };
  };
}

function wxConnectSocket(sockets: Set<WebSocket>, route: (url: string) => string) {
  return (options: { url: string } & Callbacks<unknown>) => {
    const handlers = {
      open: [] as Array<() => void>,
      message: [] as Array<(res: { data: string }) => void>,
      close: [] as Array<(res: { code: number; reason: string }) => void>,
      error: [] as Array<(res: { errMsg: string }) => void>,
    };
    let socket: WebSocket | null = null;
    const url = route(options.url);
    if (isLoopback(url)) {
      socket = new WebSocket(url);
      sockets.add(socket);
      socket.on('open', () => handlers.open.forEach((fn) => fn()));
      socket.on('message', (data) => handlers.message.forEach((fn) => fn({ data: String(data) })));
      socket.on('close', (code, reason) => {
        sockets.delete(socket as WebSocket);
        handlers.close.forEach((fn) => fn({ code, reason: String(reason) }));
      });
      socket.on('error', (error) => handlers.error.forEach((fn) => fn({ errMsg: error.message })));
    } else {
      later(() => {
        options.fail?.({ errMsg: 'connectSocket:fail url not in domain list' });
        handlers.error.forEach((fn) => fn({ errMsg: 'url not in domain list' }));
      });
    }
    return {
      onOpen: (fn: () => void) => handlers.open.push(fn),
      onMessage: (fn: (res: { data: string }) => void) => handlers.message.push(fn),
      onClose: (fn: (res: { code: number; reason: string }) => void) => handlers.close.push(fn),
      onError: (fn: (res: { errMsg: string }) => void) => handlers.error.push(fn),
      send: ({ data }: { data: string }) => {
        if (socket?.readyState === WebSocket.OPEN) socket.send(data);
      },
      close: () => {
        if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000);
      },
    };
  };
}
