/**
 * What the platform says about the phone's network and the app's visibility. The event stream listens to it
 * so that it retries at once when the network or the app comes back, instead of waiting out its backoff.
 */
export type ConnectivitySignal =
  /** The phone is back online (WeChat's `onNetworkStatusChange` with `isConnected: true`). */
  | 'online'
  /** The phone has no network. */
  | 'offline'
  /** Still online, on another network (Wi-Fi ↔ 4G): open sockets may be dead without knowing it. */
  | 'network-changed'
  /** The app came back to the foreground (`onAppShow`): the OS may have closed sockets meanwhile. */
  | 'foreground'
  /** The app went to the background or the screen locked (`onAppHide`): the call goes on. */
  | 'background';

export interface Connectivity {
  /** Calls `listener` on each signal until the returned function is called. */
  subscribe(listener: (signal: ConnectivitySignal) => void): () => void;
}

/** For environments with nothing to tell (unit tests, servers). */
export const NO_CONNECTIVITY_SIGNALS: Connectivity = { subscribe: () => () => undefined };
