import type { Connectivity, ConnectivitySignal } from '../connectivity';

/** True in WeChat DevTools, where <live-pusher> and <live-player> do not render. */
export function isDevTools(): boolean {
  try {
    const info = typeof wx.getDeviceInfo === 'function' ? wx.getDeviceInfo() : wx.getSystemInfoSync();
    return info.platform === 'devtools';
  } catch {
    return false;
  }
}

let warned = false;

/** Warns once per app run that calls run without real media in DevTools. */
export function warnDevToolsOnce(): void {
  if (warned) return;
  warned = true;
  console.warn(
    '[tccc-wx-sdk] WeChat DevTools cannot render <live-pusher>/<live-player>: the call flow runs, but no audio or video. Test media on a real device.',
  );
}

type SignalListener = (signal: ConnectivitySignal) => void;
const signalListeners = new Set<SignalListener>();
let lastNetworkType: string | null = null;

function broadcast(signal: ConnectivitySignal): void {
  for (const listener of Array.from(signalListeners)) listener(signal);
}

function onNetworkStatus(result: { isConnected: boolean; networkType: string }): void {
  const previous = lastNetworkType;
  lastNetworkType = result.networkType;
  if (!result.isConnected) broadcast('offline');
  else if (previous === 'none' || previous === null) broadcast('online');
  else broadcast(previous === result.networkType ? 'online' : 'network-changed');
}
const onAppShow = (): void => broadcast('foreground');
const onAppHide = (): void => broadcast('background');

/** Each listener is added to `wx` while someone subscribes, and removed with the last subscriber. */
function watchWx(on: boolean): void {
  const api = wx as Partial<typeof wx>;
  if (on) {
    lastNetworkType = null;
    if (typeof api.onNetworkStatusChange === 'function') api.onNetworkStatusChange(onNetworkStatus);
    if (typeof api.onAppShow === 'function') api.onAppShow(onAppShow);
    if (typeof api.onAppHide === 'function') api.onAppHide(onAppHide);
  } else {
    if (typeof api.offNetworkStatusChange === 'function') api.offNetworkStatusChange(onNetworkStatus as unknown as WechatMiniprogram.OffNetworkStatusChangeCallback);
    if (typeof api.offAppShow === 'function') api.offAppShow(onAppShow);
    if (typeof api.offAppHide === 'function') api.offAppHide(onAppHide);
  }
}

/** The phone's network and the app's visibility, from `wx.onNetworkStatusChange`, `wx.onAppShow` and `wx.onAppHide`. */
export const wxConnectivity: Connectivity = {
  subscribe(listener) {
    signalListeners.add(listener);
    if (signalListeners.size === 1) watchWx(true);
    return () => {
      if (!signalListeners.delete(listener)) return;
      if (signalListeners.size === 0) watchWx(false);
    };
  },
};
