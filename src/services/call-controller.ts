import { Cancellation, withTimeout } from './async';
import type { BackendClient } from './backend-client';
import { Emitter } from './emitter';
import { ErrorCode, TcccError, toTcccError } from './errors';
import type { MediaFactory, MediaSession, MediaSettings, NetworkQuality } from './media';
import type { CallEvent, CloseBy, CreateSessionResponse, EndReason, MediaKind, SignalingDescriptor } from './protocol';
import { EndStatus } from './protocol';
import type { CallState, Command, Phase } from './session-machine';
import { applyCommand, applySignal, initialState } from './session-machine';
import type { Signaling, SignalingCallbacks } from './signaling';
import type { StoredLogin, TokenStore } from './token-store';
import { parseChannelOptions, parseDigits, parseSoundMode } from './validate';

export interface SessionEndedDetail {
  sessionId: string;
  closeBy: CloseBy;
  endStatus: EndStatus;
  reason: EndReason;
}

/** The call state plus what the server told about progress; what a UI renders. */
export interface CallView extends CallState {
  queuePosition: number | null;
  seatName: string;
  suspended: boolean;
  /** The event connection dropped and is being re-established; the call goes on meanwhile. */
  reconnecting: boolean;
  /** Uplink quality from the media layer; 'unknown' for simulated media and between calls. */
  network: NetworkQuality;
}

export interface CallControllerEvents {
  sessionStart: { sessionId: string; media: MediaKind };
  accepted: { sessionId: string; seatName: string };
  sessionEnded: SessionEndedDetail;
  /** Errors not tied to a method call: the connection was lost, the media failed. */
  error: TcccError;
  change: CallView;
}

export interface Permissions {
  /** Resolves when the microphone (and camera, for video) may be used; rejects with `permission-denied`. */
  ensure(kind: MediaKind): Promise<void>;
}

export interface CallControllerDeps {
  sdkAppId(): string;
  tokens: TokenStore;
  backendFor(endpoint: string): BackendClient;
  permissions: Permissions;
  createMedia: MediaFactory;
  createSignaling(descriptor: SignalingDescriptor, token: string, callbacks: SignalingCallbacks): Signaling;
}

export const PERMISSION_TIMEOUT_MS = 60000;
export const MEDIA_JOIN_TIMEOUT_MS = 10000;

/** How a hang-up in each phase is recorded when the server cannot be asked (TCCC's end statuses). */
const USER_HANG_UP_REASON: Partial<Record<Phase, EndReason>> = {
  starting: 'ivrGiveUp',
  ivr: 'ivrGiveUp',
  queued: 'waitingGiveUp',
  ringing: 'ringingGiveUp',
  active: 'ok',
};

function endOf(sessionId: string, closeBy: CloseBy, reason: EndReason): SessionEndedDetail {
  return { sessionId, closeBy, endStatus: EndStatus[reason], reason };
}

class LiveSession {
  ended = false;
  signaling: Signaling | null = null;
  media: MediaSession | null = null;

  constructor(
    readonly sessionId: string,
    readonly token: string,
    readonly backend: BackendClient,
  ) {}

  release(): void {
    this.signaling?.close();
    this.media?.leave();
  }
}

/**
 * Runs the calls of one `tccc-wx-sdk` component: validates arguments, drives the session state machine,
 * talks to the backend, and guarantees that every `sessionStart` is followed by exactly one `sessionEnded`
 * with media released, and that every returned promise settles.
 */
export class CallController {
  readonly events = new Emitter<CallControllerEvents>();
  private state: CallState = initialState;
  private view: CallView = { ...initialState, queuePosition: null, seatName: '', suspended: false, reconnecting: false, network: 'unknown' };
  private session: LiveSession | null = null;
  private starting: Cancellation | null = null;

  constructor(private readonly deps: CallControllerDeps) {}

  getView(): CallView {
    return this.view;
  }

  /** startCall (audio) and startSession (video). */
  async start(kind: MediaKind, options: unknown): Promise<{ sessionId: string }> {
    const method = kind === 'audio' ? 'startCall' : 'startSession';
    const { channelId } = parseChannelOptions(options, method);
    this.command({ type: 'start', kind });
    const cancellation = new Cancellation();
    this.starting = cancellation;
    let login: StoredLogin;
    let backend: BackendClient;
    let response: CreateSessionResponse;
    try {
      login = this.requireLogin(method);
      await cancellation.guard(withTimeout(this.deps.permissions.ensure(kind), PERMISSION_TIMEOUT_MS, 'The permission request'));
      backend = this.deps.backendFor(login.endpoint);
      const { token } = login;
      const server = backend;
      const request = server.createSession(token, { channelId, media: kind });
      // If the caller gives up while the server is creating the session, the session is ended once it exists.
      request.then(
        (created) => {
          if (cancellation.cancelled) server.endSession(token, created.sessionId).catch(() => undefined);
        },
        () => undefined,
      );
      response = await cancellation.guard(request);
    } catch (error) {
      if (this.starting === cancellation) {
        this.starting = null;
        this.signal({ type: 'released' });
      }
      throw toTcccError(error);
    }
    this.starting = null;
    return this.run(response, login, backend);
  }

  private async run(response: CreateSessionResponse, login: StoredLogin, backend: BackendClient): Promise<{ sessionId: string }> {
    const { sessionId } = response;
    const session = new LiveSession(sessionId, login.token, backend);
    this.session = session;
    this.signal({ type: 'created', sessionId, phase: response.phase });
    this.events.emit('sessionStart', { sessionId, media: response.media });
    try {
      session.signaling = this.deps.createSignaling(response.signaling, login.token, {
        onEvent: (event) => this.onServerEvent(session, event),
        onLost: (error) => this.fail(session, error, 'clientTimeout'),
        onReconnecting: (reconnecting) => {
          if (this.session === session) this.updateView({ reconnecting });
        },
      });
      await session.signaling.open();
      if (session.ended) return { sessionId };
      session.media = this.deps.createMedia(response.rtc, {
        onFatal: (error) => this.fail(session, error, 'voipClientError'),
        onNetworkQuality: (network) => {
          if (this.session === session) this.updateView({ network });
        },
      });
      await withTimeout(session.media.join(this.mediaSettings()), MEDIA_JOIN_TIMEOUT_MS, 'Joining the media room');
      if (session.ended) session.media.leave();
      return { sessionId };
    } catch (error) {
      const reason = toTcccError(error, ErrorCode.Media);
      // A hang-up while connecting is not a failure of the start: the call simply ended.
      if (session.ended) return { sessionId };
      this.finish(session, endOf(sessionId, 'admin', 'voipClientError'), true);
      throw reason;
    }
  }

  /** endCall and endSession. */
  async hangUp(): Promise<void> {
    if (this.state.phase === 'starting' && this.starting) {
      const cancellation = this.starting;
      this.starting = null;
      cancellation.cancel(new TcccError(ErrorCode.Cancelled, 'The call was ended before it connected.'));
      this.signal({ type: 'released' });
      return;
    }
    const phaseBefore = this.state.phase;
    this.command({ type: 'hangUp' });
    const session = this.session;
    if (!session) return;
    session.release();
    let end: SessionEndedDetail;
    try {
      end = await session.backend.endSession(session.token, session.sessionId);
    } catch {
      end = endOf(session.sessionId, 'user', USER_HANG_UP_REASON[phaseBefore] ?? 'ok');
    }
    this.finish(session, end, false);
  }

  async sendDigits(options: unknown): Promise<void> {
    const digits = parseDigits(options);
    this.command({ type: 'sendDigits' });
    const session = this.session;
    if (!session) throw new TcccError(ErrorCode.NoSession, 'sendDigits needs a call in progress, and there is none.');
    await session.backend.sendDigits(session.token, session.sessionId, digits);
  }

  async setSoundMode(mode: unknown): Promise<void> {
    this.adjust({ type: 'setSoundMode', mode: parseSoundMode(mode) });
  }

  async adjustMedia(type: 'mute' | 'unmute' | 'switchCamera' | 'disableCamera' | 'enableCamera'): Promise<void> {
    this.adjust({ type });
  }

  /** Audio interruptions (a phone call, an alarm) pause the microphone and playback until they end. */
  setSuspended(suspended: boolean): void {
    if (this.view.suspended === suspended) return;
    this.updateView({ suspended });
    this.session?.media?.update(this.mediaSettings());
  }

  /** Ends whatever is going on; used when the component is detached. Never throws. */
  dispose(): void {
    this.hangUp().catch(() => undefined);
  }

  private adjust(command: Command): void {
    this.command(command);
    this.session?.media?.update(this.mediaSettings());
  }

  private command(command: Command): void {
    const result = applyCommand(this.state, command);
    if (!result.ok) throw result.error;
    this.setState(result.state);
  }

  private signal(signal: Parameters<typeof applySignal>[1]): boolean {
    const next = applySignal(this.state, signal);
    if (!next) return false;
    this.setState(next);
    return true;
  }

  private requireLogin(method: string): StoredLogin {
    const sdkAppId = this.deps.sdkAppId();
    const login = sdkAppId ? this.deps.tokens.get(sdkAppId) : null;
    if (!login) {
      throw new TcccError(ErrorCode.NotLoggedIn, `${method}: not logged in for sdkAppId "${sdkAppId}". Call login({ sdkAppId, jsCode }) first.`);
    }
    if (this.deps.tokens.isExpired(login)) {
      throw new TcccError(ErrorCode.LoginExpired, `${method}: the login for sdkAppId "${sdkAppId}" has expired. Call login again.`);
    }
    return login;
  }

  private onServerEvent(session: LiveSession, event: CallEvent): void {
    if (session !== this.session || session.ended || event.sessionId !== session.sessionId) return;
    switch (event.type) {
      case 'ivr':
        this.signal({ type: 'phase', phase: 'ivr' });
        break;
      case 'queued':
        if (this.signal({ type: 'phase', phase: 'queued' })) this.updateView({ queuePosition: event.position });
        break;
      case 'ringing':
        if (this.signal({ type: 'phase', phase: 'ringing' })) this.updateView({ seatName: event.seatName, queuePosition: null });
        break;
      case 'accepted':
        if (this.signal({ type: 'accepted' })) {
          this.updateView({ seatName: event.seatName, queuePosition: null });
          this.events.emit('accepted', { sessionId: session.sessionId, seatName: event.seatName });
        }
        break;
      case 'ended':
        this.finish(session, { sessionId: session.sessionId, closeBy: event.closeBy, endStatus: event.endStatus, reason: event.reason }, false);
        break;
    }
  }

  private fail(session: LiveSession, error: TcccError, reason: EndReason): void {
    if (session.ended) return;
    this.events.emit('error', error);
    this.finish(session, endOf(session.sessionId, 'admin', reason), true);
  }

  private finish(session: LiveSession, end: SessionEndedDetail, notifyServer: boolean): void {
    if (session.ended) return;
    session.ended = true;
    session.release();
    if (notifyServer) session.backend.endSession(session.token, session.sessionId).catch(() => undefined);
    if (this.session === session) this.session = null;
    this.signal({ type: 'released' });
    this.updateView({ queuePosition: null, seatName: '', reconnecting: false, network: 'unknown' });
    this.events.emit('sessionEnded', end);
  }

  private mediaSettings(): MediaSettings {
    const { kind, muted, soundMode, cameraEnabled, cameraFacing } = this.state;
    return { kind: kind ?? 'audio', muted, soundMode, cameraEnabled, cameraFacing, suspended: this.view.suspended };
  }

  private setState(state: CallState): void {
    this.state = state;
    this.updateView({});
  }

  private updateView(extra: Partial<Pick<CallView, 'queuePosition' | 'seatName' | 'suspended' | 'reconnecting' | 'network'>>): void {
    const next: CallView = { ...this.view, ...this.state, ...extra };
    const changed = (Object.keys(next) as (keyof CallView)[]).some((key) => next[key] !== this.view[key]);
    if (!changed) return;
    this.view = next;
    this.events.emit('change', next);
  }
}
