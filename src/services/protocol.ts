/**
 * Wire types of the tccc-wx-sdk backend protocol, version 1. The prose is in docs/protocol.md;
 * the SDK and the local simulator both import these types, so they cannot drift apart.
 */

export const PROTOCOL_VERSION = 1;

/** Who ended a call. Mirrors TCCC's hang-up side `seat` / `user` / `system` (`admin` here, as in the doc). */
export type CloseBy = 'seat' | 'user' | 'admin';

/** TCCC's public end statuses (`EndStatus` / `EndStatusString`), plus the VoIP ones a mini program call adds. */
export const EndStatus = {
  ok: 1,
  blackList: 100,
  ivrGiveUp: 102,
  waitingGiveUp: 103,
  ringingGiveUp: 104,
  noSeatOnline: 105,
  notWorkTime: 106,
  ivrEnd: 107,
  clientError: 211,
  callConflict: 501,
  clientTimeout: 502,
  voipClientError: 503,
} as const;

/** TCCC's end status codes: 1 (ok), 100, 102–107, 211, and 501–503 for VoIP calls. */
export type EndStatus = (typeof EndStatus)[keyof typeof EndStatus];

export type EndReason = keyof typeof EndStatus;

export function isEndReason(value: unknown): value is EndReason {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EndStatus, value);
}

export type MediaKind = 'audio' | 'video';

/** Phases the server reports for a live call. */
export type ServerPhase = 'ivr' | 'queued' | 'ringing' | 'active';

/** Which media the call uses. `none` is a simulated call: the flow runs, no audio flows. */
export type RtcDescriptor =
  | { type: 'none' }
  | { type: 'trtc'; sdkAppId: number; roomId: number; userId: string; userSig: string; privateMapKey?: string };

/** Where call events come from. `tim` needs the opt-in entry `tccc-wx-sdk/im`. */
export type SignalingDescriptor =
  | { type: 'websocket'; url: string; since: number }
  | { type: 'tim'; sdkAppId: number; userId: string; userSig: string; groupId: string; since: number };

export interface LoginRequest {
  sdkAppId: string;
  jsCode: string;
  dataEnv?: string;
  dataIv?: string;
  mobileEnv?: string;
  mobileIv?: string;
}

export interface LoginResponse {
  token: string;
  userId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface CheckLoginResponse {
  userId: string;
  expiresAt: number;
}

export interface CreateSessionRequest {
  channelId: string;
  media: MediaKind;
}

export interface CreateSessionResponse {
  sessionId: string;
  media: MediaKind;
  phase: ServerPhase;
  rtc: RtcDescriptor;
  signaling: SignalingDescriptor;
  /**
   * A credential for this call only: the SDK uses it instead of the login token for the call's event socket,
   * digits and hang-up, so a login that expires mid-call never strands the call. Optional: without it the
   * login token is used.
   */
  sessionToken?: string;
}

export interface EndSessionResponse {
  sessionId: string;
  closeBy: CloseBy;
  endStatus: EndStatus;
  reason: EndReason;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Error codes a server sends in `ErrorBody.error.code`. */
export type ServerErrorCode =
  | 'invalid-argument'
  | 'unauthenticated'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'rate-limited'
  | 'forbidden'
  | 'unsupported-media-type'
  | 'unavailable'
  | 'internal';

interface EventBase {
  /** Per-user sequence number, strictly increasing by one. */
  seq: number;
  sessionId: string;
  /** Server time, milliseconds since the epoch. */
  at: number;
}

export type CallEvent =
  | (EventBase & { type: 'ivr'; prompt: string })
  | (EventBase & { type: 'queued'; position: number })
  | (EventBase & { type: 'ringing'; seatName: string })
  | (EventBase & { type: 'accepted'; seatName: string })
  | (EventBase & { type: 'ended'; closeBy: CloseBy; endStatus: EndStatus; reason: EndReason });

/** Frames a client sends on the event socket. */
export type ClientFrame = { type: 'hello'; token: string; since: number } | { type: 'ping' };

/** Frames the server sends that are not call events. */
export type ControlFrame =
  | {
      type: 'welcome';
      seq: number;
      replayed: number;
      /** How long the server keeps a call whose caller has no event connection (the caller window). */
      callerTimeoutMs?: number;
    }
  | { type: 'pong' }
  | { type: 'error'; code: ServerErrorCode; message: string };

export type ServerFrame = CallEvent | ControlFrame;
