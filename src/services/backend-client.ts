import { asPromise } from './async';
import { ErrorCode, TcccError } from './errors';
import type {
  CheckLoginResponse,
  CreateSessionRequest,
  CreateSessionResponse,
  EndSessionResponse,
  LoginRequest,
  LoginResponse,
  RtcDescriptor,
  SignalingDescriptor,
} from './protocol';
import { EndStatus, isEndReason } from './protocol';
import type { HttpMethod, Transport } from './transport';

export const DEFAULT_REQUEST_TIMEOUT_MS = 10000;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The server's clock from an HTTP `Date` header (second precision); null without one. */
export function serverTimeOf(headers: Record<string, string> | undefined): number | null {
  const key = headers ? Object.keys(headers).find((name) => name.toLowerCase() === 'date') : undefined;
  const time = key && headers ? Date.parse(String(headers[key])) : NaN;
  return Number.isFinite(time) ? time : null;
}

/** An answer about a login, with the server's clock at the time (to judge expiry on this device's clock). */
export type Timed<T> = T & { serverTime: number | null };

function malformed(what: string): TcccError {
  return new TcccError(ErrorCode.Server, `The server sent a malformed ${what} response.`);
}

/** Maps an HTTP error response to the SDK's error codes (table in docs/protocol.md). */
export function errorFromResponse(status: number, body: unknown): TcccError {
  const error = isObject(body) && isObject(body.error) ? body.error : {};
  const serverCode = typeof error.code === 'string' ? error.code : undefined;
  const serverMessage = typeof error.message === 'string' ? error.message.slice(0, 300) : `HTTP ${status}`;
  const detail = { status, serverCode };
  if (status === 401) {
    const reason = serverMessage.replace(/\.+$/, '');
    return new TcccError(ErrorCode.LoginExpired, `Login expired or rejected: ${reason}. Call login again.`, detail);
  }
  if (status === 400 || status === 413) return new TcccError(ErrorCode.InvalidArgument, serverMessage, detail);
  if (status === 404) return new TcccError(ErrorCode.NoSession, serverMessage, detail);
  if (status === 409) return new TcccError(ErrorCode.Busy, serverMessage, detail);
  return new TcccError(ErrorCode.Server, serverMessage, detail);
}

function parseRtc(value: unknown): RtcDescriptor | null {
  if (!isObject(value)) return null;
  if (value.type === 'none') return { type: 'none' };
  if (
    value.type === 'trtc' &&
    typeof value.sdkAppId === 'number' &&
    typeof value.roomId === 'number' &&
    typeof value.userId === 'string' &&
    typeof value.userSig === 'string'
  ) {
    const privateMapKey = typeof value.privateMapKey === 'string' ? { privateMapKey: value.privateMapKey } : {};
    return { type: 'trtc', sdkAppId: value.sdkAppId, roomId: value.roomId, userId: value.userId, userSig: value.userSig, ...privateMapKey };
  }
  return null;
}

function parseSignaling(value: unknown): SignalingDescriptor | null {
  if (!isObject(value) || typeof value.since !== 'number') return null;
  if (value.type === 'websocket' && typeof value.url === 'string' && /^wss?:\/\//.test(value.url)) {
    return { type: 'websocket', url: value.url, since: value.since };
  }
  if (
    value.type === 'tim' &&
    typeof value.sdkAppId === 'number' &&
    typeof value.userId === 'string' &&
    typeof value.userSig === 'string' &&
    typeof value.groupId === 'string'
  ) {
    return { type: 'tim', sdkAppId: value.sdkAppId, userId: value.userId, userSig: value.userSig, groupId: value.groupId, since: value.since };
  }
  return null;
}

/** The answer to a session request, checked. */
function parseCreateSession(body: unknown): CreateSessionResponse {
  if (!isObject(body) || typeof body.sessionId !== 'string' || (body.media !== 'audio' && body.media !== 'video')) {
    throw malformed('create-session');
  }
  const rtc = parseRtc(body.rtc);
  const signaling = parseSignaling(body.signaling);
  const phase = body.phase;
  if (!rtc || !signaling || (phase !== 'ivr' && phase !== 'queued' && phase !== 'ringing' && phase !== 'active')) {
    throw malformed('create-session');
  }
  const sessionToken = typeof body.sessionToken === 'string' && body.sessionToken !== '' ? { sessionToken: body.sessionToken } : {};
  return { sessionId: body.sessionId, media: body.media, phase, rtc, signaling, ...sessionToken };
}

/** The answer to a hang-up, checked: how the server recorded the call's end. */
function parseEndSession(sessionId: string, body: unknown): EndSessionResponse {
  if (
    !isObject(body) ||
    (body.closeBy !== 'user' && body.closeBy !== 'seat' && body.closeBy !== 'admin') ||
    typeof body.endStatus !== 'number' ||
    !isEndReason(body.reason)
  ) {
    throw malformed('end-session');
  }
  return { sessionId, closeBy: body.closeBy, endStatus: EndStatus[body.reason], reason: body.reason };
}

/** Client of the backend protocol (docs/protocol.md). Every call settles within its timeout. */
export class BackendClient {
  constructor(
    readonly endpoint: string,
    private readonly transport: Transport,
    private readonly timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
  ) {}

  private call(method: HttpMethod, path: string, token: string | null, body?: unknown): Promise<unknown> {
    return this.exchange(method, path, token, body).then((answer) => answer.body);
  }

  /** Never throws: a transport that throws rejects too. */
  private exchange(method: HttpMethod, path: string, token: string | null, body?: unknown): Promise<{ body: unknown; serverTime: number | null }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    return asPromise(() => this.transport.request({ method, url: this.endpoint + path, headers, body, timeoutMs: this.timeoutMs })).then((response) => {
      if (response.status >= 200 && response.status < 300) return { body: response.body, serverTime: serverTimeOf(response.headers) };
      throw errorFromResponse(response.status, response.body);
    });
  }

  login(request: LoginRequest): Promise<Timed<LoginResponse>> {
    return this.exchange('POST', '/v1/login', null, request).then(({ body, serverTime }) => {
      if (!isObject(body) || typeof body.token !== 'string' || typeof body.userId !== 'string' || typeof body.expiresAt !== 'number') {
        throw malformed('login');
      }
      return { token: body.token, userId: body.userId, expiresAt: body.expiresAt, serverTime };
    });
  }

  checkLogin(token: string): Promise<Timed<CheckLoginResponse>> {
    return this.exchange('GET', '/v1/login', token).then(({ body, serverTime }) => {
      if (!isObject(body) || typeof body.userId !== 'string' || typeof body.expiresAt !== 'number') throw malformed('check-login');
      return { userId: body.userId, expiresAt: body.expiresAt, serverTime };
    });
  }

  createSession(token: string, request: CreateSessionRequest): Promise<CreateSessionResponse> {
    return this.call('POST', '/v1/sessions', token, request).then(parseCreateSession);
  }

  sendDigits(token: string, sessionId: string, digits: string): Promise<void> {
    // encodeURIComponent throws on a lone surrogate: inside the promise, as everything else.
    return asPromise(() => this.call('POST', `/v1/sessions/${encodeURIComponent(sessionId)}/digits`, token, { digits })).then(() => undefined);
  }

  endSession(token: string, sessionId: string): Promise<EndSessionResponse> {
    return asPromise(() => this.call('DELETE', `/v1/sessions/${encodeURIComponent(sessionId)}`, token)).then((body) => parseEndSession(sessionId, body));
  }
}
