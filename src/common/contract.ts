/**
 * The `tccc-wx-sdk` component as the public TCCC doc describes it, read literally: what holds on Tencent's
 * core and on ours alike. The UI kit types itself against this alone. Type-only: nothing here exists at
 * run time.
 *
 * The doc lists 11 methods. Only `startCall` and `startSession` are shown resolving a value; the others are
 * called without `await`, so what they return is not promised (`unknown`). Its unmute is spelled only
 * `unmnuteAudio`.
 */

/** Who ended a call: `'admin'` the system, `'seat'` the agent, `'user'` the caller's own hang-up. */
export type CloseBy = 'seat' | 'user' | 'admin';

/** Where the sound comes out: `'speaker'` the loudspeaker, `'ear'` the earpiece. */
export type SoundMode = 'speaker' | 'ear';

export type MediaKind = 'audio' | 'video';

/** TCCC's end reasons (`EndStatusString`), the VoIP ones of a mini program call included. */
export type EndReason =
  | 'ok'
  | 'blackList'
  | 'ivrGiveUp'
  | 'waitingGiveUp'
  | 'ringingGiveUp'
  | 'noSeatOnline'
  | 'notWorkTime'
  | 'ivrEnd'
  | 'clientError'
  | 'callConflict'
  | 'clientTimeout'
  | 'voipClientError';

/** TCCC's end status codes (`EndStatus`), in the order of `EndReason`. */
export type EndStatus = 1 | 100 | 102 | 103 | 104 | 105 | 106 | 107 | 211 | 501 | 502 | 503;

export interface ChannelOptions {
  /** The IVR entry ID. */
  channelId: string;
}

export interface StartResult {
  sessionId: string;
}

export interface DigitsOptions {
  /** Keys to send: 0-9, * and #. */
  digits: string;
}

/** The component's methods, as documented. */
export interface TcccSdkContract {
  /** Starts an audio call. */
  startCall(options: ChannelOptions): Promise<StartResult>;
  endCall(): unknown;
  sendDigits(options: DigitsOptions): unknown;
  /** Starts a video call. */
  startSession(options: ChannelOptions): Promise<StartResult>;
  endSession(): unknown;
  switchCamera(): unknown;
  disableCamera(): unknown;
  enableCamera(): unknown;
  setSoundMode(soundMode: SoundMode): unknown;
  muteAudio(): unknown;
  /** The doc's spelling of unmute. */
  unmnuteAudio(): unknown;
}

/**
 * Event details as a core may send them: read `event.detail` and expect any field to be missing (the doc
 * shows only `closeBy` of `sessionEnded`, and `message` of `error`).
 */
export interface ContractSessionStartDetail {
  sessionId?: string;
  media?: MediaKind;
}

export interface ContractAcceptedDetail {
  sessionId?: string;
  /** The agent's name, where the core tells it. */
  seatName?: string;
}

export interface ContractSessionEndedDetail {
  sessionId?: string;
  closeBy?: CloseBy;
  endStatus?: EndStatus;
  reason?: EndReason;
}

export interface ContractErrorDetail {
  message?: string;
  /** A stable code where the core has one (ours: `ErrorCode`). */
  code?: string;
  name?: string;
  detail?: Record<string, unknown>;
}

declare global {
  namespace WechatMiniprogram.Component {
    interface InstanceMethods<D extends DataOption> {
      /**
       * `selectComponent` with the found instance's type given by the caller, for a page or a component:
       * `this.selectComponent<TcccSdk>('#tcccSdk')`. Without a type argument it returns WeChat's generic
       * instance, as before. Type-level only (from the types of tccc-wx-sdk and tccc-call-kit); WeChat
       * returns null when nothing matches, so write `<TcccSdk | null>` where that can happen.
       */
      selectComponent<Found = TrivialInstance>(selector: string): Found;
    }
  }
}
