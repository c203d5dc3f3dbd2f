/**
 * Stable error codes. They are part of the public API: a code is never renamed or reused.
 * `docs/protocol.md` lists which server responses map to which code.
 */
export const ErrorCode = {
  /** A method got an argument of the wrong type or shape. */
  InvalidArgument: 'invalid-argument',
  /** No token for this sdkAppId: call `login` first. */
  NotLoggedIn: 'not-logged-in',
  /** The token expired or the server no longer accepts it: call `login` again. */
  LoginExpired: 'login-expired',
  /** A call is already starting or in progress. */
  Busy: 'busy',
  /** The method needs a call and there is none. */
  NoSession: 'no-session',
  /** There is a call, but the method does not apply in its current phase (e.g. camera in an audio call). */
  InvalidState: 'invalid-state',
  /**
   * The user did not grant the microphone or camera; recover with `wx.openSetting`. With `detail.system`, the
   * phone's own setting blocks WeChat (iOS: 设置 → 微信 → 麦克风): recover with `wx.openAppAuthorizeSetting`.
   */
  PermissionDenied: 'permission-denied',
  /**
   * WeChat's privacy rules stopped the microphone or camera: the user has not agreed to the app's privacy
   * guide (show a consent, e.g. `tccc-privacy-consent`), or the guide does not declare it
   * (`detail.privacy` tells which).
   */
  PrivacyNotAuthorized: 'privacy-not-authorized',
  /** The request could not reach the server, or the event connection was lost. */
  Network: 'network',
  /** The server did not answer in time. */
  Timeout: 'timeout',
  /** The server answered with an error. `detail.serverCode` carries its code. */
  Server: 'server',
  /** This environment cannot do what was asked (e.g. a backend asks for IM signaling not registered). */
  Unsupported: 'unsupported',
  /** A pending `startCall`/`startSession` was cancelled by `endCall`/`endSession` or by the component detaching. */
  Cancelled: 'cancelled',
  /** Media (TRTC) failed: the room could not be entered, or the media could not be restored within the caller window. */
  Media: 'media',
  /** No longer emitted (0.4.0): a call that gets no audio from the agent shows as `getState().mediaSilent`. */
  MediaSilent: 'media-silent',
  /** The camera failed in a video call; the call goes on without it (no `sessionEnded` follows). */
  Camera: 'camera',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface TcccErrorDetail {
  /** Error code the server sent, when the error came from the server. */
  serverCode?: string;
  /** HTTP status, when the error came from an HTTP response. */
  status?: number;
  /** The WeChat scope that was refused, for `permission-denied` and `privacy-not-authorized`. */
  scope?: string;
  /** For `permission-denied`: the phone's settings, not the mini program's, keep WeChat from the microphone. */
  system?: boolean;
  /** For `privacy-not-authorized`: the user has not agreed to the privacy guide, or it does not declare the scope. */
  privacy?: 'not-agreed' | 'undeclared';
  /** WeChat's `errno`, when a WeChat API failure caused the error. */
  errno?: number;
  /** Name of the argument that was rejected, for `invalid-argument`. */
  argument?: string;
}

export class TcccError extends Error {
  readonly code: ErrorCode;
  readonly detail: TcccErrorDetail;

  constructor(code: ErrorCode, message: string, detail: TcccErrorDetail = {}) {
    super(message);
    this.name = 'TcccError';
    this.code = code;
    this.detail = detail;
    // Keeps `instanceof` working when compiled to ES5-style classes by a host toolchain.
    Object.setPrototypeOf(this, TcccError.prototype);
  }

  /** A plain object that survives `triggerEvent` and `JSON.stringify`. */
  toJSON(): { name: string; code: ErrorCode; message: string; detail: TcccErrorDetail } {
    return { name: this.name, code: this.code, message: this.message, detail: this.detail };
  }
}

/**
 * True for a TcccError, including one made by another copy of this module (two bundles of the package in
 * one app), which `instanceof` alone would miss: such an error keeps its code wherever it is caught.
 */
export function isTcccError(value: unknown): value is TcccError {
  if (value instanceof TcccError) return true;
  if (!(value instanceof Error) || value.name !== 'TcccError') return false;
  const { code, toJSON } = value as Partial<TcccError>;
  return typeof code === 'string' && typeof toJSON === 'function';
}

/** Wraps anything thrown into a TcccError, keeping TcccErrors as they are. */
export function toTcccError(value: unknown, fallback: ErrorCode = ErrorCode.Network): TcccError {
  if (isTcccError(value)) return value;
  const message = value instanceof Error ? value.message : typeof value === 'string' ? value : 'Unknown error';
  return new TcccError(fallback, message);
}
