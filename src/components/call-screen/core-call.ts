import { ErrorCode, TcccError } from '../../services/errors';

/**
 * The core as the call screen reaches it: `this.selectComponent('#tcccSdk')`, by package name, whichever
 * core is installed. Only the documented methods are relied on; `getState` is our core's addition.
 */
export type CoreComponent = WechatMiniprogram.Component.TrivialInstance & Partial<Record<CoreMethod, (...args: unknown[]) => unknown>>;

export type CoreMethod =
  | 'startCall'
  | 'startSession'
  | 'endCall'
  | 'endSession'
  | 'muteAudio'
  | 'unmuteAudio'
  | 'unmnuteAudio'
  | 'setSoundMode'
  | 'enableCamera'
  | 'disableCamera'
  | 'switchCamera'
  | 'getState';

/**
 * Calls the first of `names` the core has, as a promise whatever it returns: the doc promises a value only
 * from startCall and startSession, so the others may return nothing, or throw.
 */
export function callCore(core: CoreComponent, names: CoreMethod[], ...args: unknown[]): Promise<unknown> {
  const name = names.find((candidate) => typeof core[candidate] === 'function');
  if (!name) return Promise.reject(new TcccError(ErrorCode.Unsupported, `call-screen: the tccc-wx-sdk component has no ${names.join(' or ')}.`));
  try {
    return Promise.resolve(core[name]!(...args));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Whether the core reports its own state (our core's getState/statechange), or the screen derives it. */
export function reportsState(core: CoreComponent): boolean {
  return typeof core.getState === 'function';
}
