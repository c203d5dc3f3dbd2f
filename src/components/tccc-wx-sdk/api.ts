/**
 * What a TypeScript page needs to hold the `tccc-wx-sdk` component: the instance `selectComponent` returns,
 * and the details of its events. The package's root types entry re-exports these.
 *
 * Type-only on purpose: `import type { TcccSdk } from 'tccc-wx-sdk'` compiles to nothing, so a page never
 * loads the component's own script (which calls `Component()`), and nothing is added to the package.
 */
import type { ChannelOptions, DigitsOptions, StartResult, TcccSdkContract } from '../../common/contract';
import type { CallControllerEvents, CallView, SessionEndedDetail } from '../../services/call-controller';
import type { ErrorCode, TcccError, TcccErrorDetail } from '../../services/errors';
import type { CloseBy, EndReason, EndStatus, LoginRequest, MediaKind } from '../../services/protocol';
import type { CameraFacing, Phase, SoundMode } from '../../services/session-machine';

export type {
  CallView,
  CameraFacing,
  ChannelOptions,
  CloseBy,
  DigitsOptions,
  EndReason,
  EndStatus,
  ErrorCode,
  MediaKind,
  Phase,
  SessionEndedDetail,
  SoundMode,
  StartResult,
  TcccErrorDetail,
  TcccSdkContract,
};

/** The options of `login` from `tccc-wx-sdk/login`. */
export type LoginOptions = LoginRequest;

/** `sessionStart`: the call exists (`sessionId`), and is `'audio'` or `'video'`. */
export type SessionStartDetail = CallControllerEvents['sessionStart'];

/** `accepted` (and `accept`, the public doc's binding): an agent answered. */
export type AcceptedDetail = CallControllerEvents['accepted'];

/** `error`: a failure during a call (connection lost, media failed); a `sessionEnded` follows, except for `camera`. */
export type ErrorDetail = ReturnType<TcccError['toJSON']>;

/** `statechange`: the `getState()` object, on every change. */
export type StateChangeDetail = CallView;

/** The events of `<tccc-wx-sdk>`, by name, with their details. */
export interface TcccSdkEventDetails {
  sessionStart: SessionStartDetail;
  accepted: AcceptedDetail;
  /** The same as `accepted`, for the doc's `bind:accept`. */
  accept: AcceptedDetail;
  sessionEnded: SessionEndedDetail;
  error: ErrorDetail;
  statechange: StateChangeDetail;
}

/** The WeChat event a `bind:<name>` handler receives, e.g. `TcccSdkEvent<'sessionEnded'>`. */
export type TcccSdkEvent<Name extends keyof TcccSdkEventDetails> = WechatMiniprogram.CustomEvent<TcccSdkEventDetails[Name]>;

export type SessionStartEvent = TcccSdkEvent<'sessionStart'>;
export type AcceptedEvent = TcccSdkEvent<'accepted'>;
export type SessionEndedEvent = TcccSdkEvent<'sessionEnded'>;
export type ErrorEvent = TcccSdkEvent<'error'>;
export type StateChangeEvent = TcccSdkEvent<'statechange'>;

/**
 * The `tccc-wx-sdk` component instance of this package, as `this.selectComponent('#tcccSdk')` returns it:
 * the documented methods, each returning a promise that rejects with a `TcccError`, and our additions.
 *
 * ```ts
 * const sdk = this.selectComponent('#tcccSdk') as TcccSdk
 * ```
 */
export interface TcccSdk extends TcccSdkContract {
  /** Starts an audio call to the IVR entry `channelId`; resolves once it is set up. */
  startCall(options: ChannelOptions): Promise<StartResult>;
  /** Starts a video call (asks for the camera too). */
  startSession(options: ChannelOptions): Promise<StartResult>;
  /** Hangs up; resolves when the call has ended, and at once when there is none (a second tap, the agent hung up first). */
  endCall(): Promise<void>;
  /** Hangs up a video call; the same as `endCall`. */
  endSession(): Promise<void>;
  /** Sends DTMF keys (0-9, * and #), as `{ digits }` or the string itself; resolves when the server has them. */
  sendDigits(options: DigitsOptions | string): Promise<void>;
  setSoundMode(soundMode: SoundMode): Promise<void>;
  muteAudio(): Promise<void>;
  unmuteAudio(): Promise<void>;
  /** The doc's spelling, an alias of `unmuteAudio`. */
  unmnuteAudio(): Promise<void>;
  /** Front and back camera, in a video call. */
  switchCamera(): Promise<void>;
  disableCamera(): Promise<void>;
  enableCamera(): Promise<void>;
  /** The call state now (synchronous); `statechange` sends the same object on every change. */
  getState(): CallView;
}
