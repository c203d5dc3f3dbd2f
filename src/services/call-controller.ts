import { Cancellation, asPromise, withTimeout } from './async';
import type { BackendClient } from './backend-client';
import { Emitter } from './emitter';
import { ErrorCode, TcccError, isTcccError, toTcccError } from './errors';
import type { MediaFactory, MediaSession, MediaSettings, NetworkQuality } from './media';
import type { CallEvent, CloseBy, CreateSessionResponse, EndReason, MediaKind, SignalingDescriptor } from './protocol';
import { EndStatus } from './protocol';
import type { CallState, Command, Phase } from './session-machine';
import { applyCommand, applySignal, initialState } from './session-machine';
import { END_RETRY_DELAYS_MS, endOnServer } from './server-end';
import type { Signaling, SignalingCallbacks } from './signaling';
import { DEFAULT_CALLER_WINDOW_MS } from './signaling';
import { SilenceDetector } from './silence-detector';
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
  /** The event connection or the media dropped and is being re-established; the call goes on meanwhile. */
  reconnecting: boolean;
  /** The agent has answered but none of their audio arrives (not a quiet agent: no data); cleared when it comes. */
  mediaSilent: boolean;
  /** Uplink quality from the media layer; 'unknown' for simulated media and between calls. */
  network: NetworkQuality;
}

/** What the view says of a call beyond the state machine, when there is none: at first and after each end. */
const BETWEEN_CALLS: Omit<CallView, keyof CallState> = {
  queuePosition: null,
  seatName: '',
  suspended: false,
  reconnecting: false,
  mediaSilent: false,
  network: 'unknown',
};

export interface CallControllerEvents {
  sessionStart: { sessionId: string; media: MediaKind };
  accepted: { sessionId: string; seatName: string };
  sessionEnded: SessionEndedDetail;
  /** Errors not tied to a method call: the connection was lost or the media failed (a `sessionEnded` follows); `camera`: the call goes on. */
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
  /** Delays between DELETE retries after a failure (default END_RETRY_DELAYS_MS). */
  endRetryDelaysMs?: readonly number[];
  /** How long a lost media room waits for the server's `ended` (default ROOM_LOST_GRACE_MS). */
  roomLostGraceMs?: number;
  /** `configure({ autoLogin: true })`: logs in again and resolves once the new login is stored; null when auto-login is off. */
  renewLogin?(sdkAppId: string): Promise<void> | null;
}

export const PERMISSION_TIMEOUT_MS = 60000;
export const MEDIA_JOIN_TIMEOUT_MS = 10000;
/** A media room that goes away usually means the call ended; the server's `ended` gets this long to say so. */
export const ROOM_LOST_GRACE_MS = 2000;
/** wx.login (10 s) plus the backend's login (10 s + its guard). */
export const LOGIN_RENEWAL_TIMEOUT_MS = 22000;

/** How a hang-up in each phase is recorded when the server cannot be asked (TCCC's end statuses). */
const USER_HANG_UP_REASON: Partial<Record<Phase, EndReason>> = {
  starting: 'ivrGiveUp',
  ivr: 'ivrGiveUp',
  queued: 'waitingGiveUp',
  ringing: 'ringingGiveUp',
  active: 'ok',
};

function isLoginExpired(error: unknown): boolean {
  return isTcccError(error) && error.code === ErrorCode.LoginExpired;
}

function endOf(sessionId: string, closeBy: CloseBy, reason: EndReason): SessionEndedDetail {
  return { sessionId, closeBy, endStatus: EndStatus[reason], reason };
}

class LiveSession {
  ended = false;
  /** The user (or the SDK on their behalf) is ending the call; failures from now on are not reported. */
  hangingUp = false;
  /** The DELETE of a hang-up, so a second one waits for it instead of asking again. */
  ending: Promise<void> | null = null;
  /** `accepted` was emitted for this session. */
  accepted = false;
  /** The start is still setting the call up: its promise settles before the call's end is told. */
  settingUp = true;
  /** What made the call fail while it was set up: the start rejects with it. */
  setupFailure: TcccError | null = null;
  /** Waits for the server's `ended` after the media room went away. */
  roomLostTimer: ReturnType<typeof setTimeout> | null = null;
  /** Ends the call when media that TRTC gave up on is not back within the caller window. */
  mediaWindowTimer: ReturnType<typeof setTimeout> | null = null;
  signaling: Signaling | null = null;
  media: MediaSession | null = null;
  silence: SilenceDetector | null = null;
  eventsReconnecting = false;
  mediaReconnecting = false;
  /** The agent stopped sending audio on purpose (TRTC's remote audio removed). */
  agentMuted = false;

  constructor(
    readonly sessionId: string,
    readonly token: string,
    readonly backend: BackendClient,
  ) {}

  get closing(): boolean {
    return this.ended || this.hangingUp;
  }

  release(): void {
    this.stopMediaWindow();
    if (this.roomLostTimer) clearTimeout(this.roomLostTimer);
    this.roomLostTimer = null;
    this.silence?.stop();
    this.signaling?.close();
    this.media?.leave();
  }

  stopMediaWindow(): void {
    if (this.mediaWindowTimer) clearTimeout(this.mediaWindowTimer);
    this.mediaWindowTimer = null;
  }
}

/** A start that has not become a LiveSession yet. Whoever cancels it ends what the server created. */
interface StartAttempt {
  cancellation: Cancellation;
  request: Promise<CreateSessionResponse> | null;
  backend: BackendClient | null;
  token: string;
}

/**
 * Runs the calls of one `tccc-wx-sdk` component: validates arguments, drives the session state machine,
 * talks to the backend, and guarantees that every `sessionStart` is followed by exactly one `sessionEnded`
 * with media released, and that every returned promise settles.
 */
export class CallController {
  readonly events = new Emitter<CallControllerEvents>();
  private state: CallState = initialState;
  private view: CallView = { ...initialState, ...BETWEEN_CALLS };
  private session: LiveSession | null = null;
  private starting: StartAttempt | null = null;
  /** A hang-up in progress: a second tap waits for it. */
  private ending: Promise<void> | null = null;
  /** The end of a call that ended while it was set up: told once its start has settled, or when the next call starts. */
  private untoldEnd: SessionEndedDetail | null = null;
  /** The component has left the page: every method but hang-up rejects `cancelled`, nothing reaches a server. */
  private disposed = false;

  constructor(private readonly deps: CallControllerDeps) {}

  getView(): CallView {
    return this.view;
  }

  /** startCall (audio) and startSession (video). */
  start(kind: MediaKind, options: unknown): Promise<{ sessionId: string }> {
    return asPromise(() => this.startNow(kind, options));
  }

  private startNow(kind: MediaKind, options: unknown): Promise<{ sessionId: string }> {
    const method = kind === 'audio' ? 'startCall' : 'startSession';
    const { channelId } = parseChannelOptions(options, method);
    this.command({ type: 'start', kind });
    this.tellUntoldEnd();
    // An interruption that began before this call and never reported its end must not mute it.
    this.updateView({ suspended: false });
    const cancellation = new Cancellation();
    const attempt: StartAttempt = { cancellation, request: null, backend: null, token: '' };
    this.starting = attempt;
    let login: StoredLogin;
    let renewed = false;
    // With autoLogin, an expired login (found here or by the server) is renewed once and the start retried.
    const renewOnce = (error: unknown): Promise<StoredLogin> => {
      const renewal = !renewed && isLoginExpired(error) ? this.deps.renewLogin?.(this.deps.sdkAppId()) : null;
      if (!renewal) return Promise.reject(error);
      renewed = true;
      return cancellation.guard(renewal, { ms: LOGIN_RENEWAL_TIMEOUT_MS, what: 'Logging in again' }).then(() => this.requireLogin(method));
    };
    const createSession = () => this.createSession(attempt, login, channelId, kind);
    return asPromise(() => this.requireLogin(method))
      .catch(renewOnce)
      .then((found) => {
        login = found;
        // A start cancelled while the dialog is open clears this timer too (it would keep the page alive for a minute).
        return cancellation.guard(this.deps.permissions.ensure(kind), { ms: PERMISSION_TIMEOUT_MS, what: 'The permission request' });
      })
      .then(() =>
        createSession().catch((error: unknown) =>
          renewOnce(error).then((renewedLogin) => {
            login = renewedLogin;
            return createSession();
          }),
        ),
      )
      .then(
        ({ backend, response }) => {
          this.starting = null;
          return this.run(response, login, backend);
        },
        (error: unknown) => {
          if (this.starting === attempt) {
            this.starting = null;
            this.signal({ type: 'released' });
          }
          throw toTcccError(error);
        },
      );
  }

  /** The session request of a start; `attempt` keeps what hangUp() needs to end it if it succeeds after all. */
  private createSession(
    attempt: StartAttempt,
    login: StoredLogin,
    channelId: string,
    kind: MediaKind,
  ): Promise<{ backend: BackendClient; response: CreateSessionResponse }> {
    const backend = this.deps.backendFor(login.endpoint);
    attempt.backend = backend;
    attempt.token = login.token;
    attempt.request = backend.createSession(login.token, { channelId, media: kind });
    // hangUp() ends the session on the server if the request succeeds after all (see abandon()).
    attempt.request.catch(() => undefined);
    return attempt.cancellation.guard(attempt.request).then((response) => {
      // An endCall in the same job as the answer: the guard had already resolved, the hang-up still counts.
      attempt.cancellation.throwIfCancelled();
      return { backend, response };
    });
  }

  /**
   * Sets the call up: event connection, then media. Settles before the call's end is told: a call the server
   * ends meanwhile resolves, then `sessionEnded`; a hang-up meanwhile rejects `cancelled`; a failure rejects
   * with it (no `error` event), and `sessionEnded` follows.
   */
  private run(response: CreateSessionResponse, login: StoredLogin, backend: BackendClient): Promise<{ sessionId: string }> {
    const { sessionId } = response;
    // The call's own credential outlives the login: events, digits and hang-up keep working if the login expires meanwhile.
    const session = new LiveSession(sessionId, response.sessionToken ?? login.token, backend);
    this.session = session;
    this.signal({ type: 'created', sessionId, phase: response.phase });
    this.events.emit('sessionStart', { sessionId, media: response.media });
    // A call whose event connection cannot be set up ended on the client's side; once it is up, on the media's.
    let failedAs: EndReason = 'clientError';
    return asPromise(() => {
      const signaling = this.deps.createSignaling(response.signaling, session.token, this.signalingCallbacks(session));
      session.signaling = signaling;
      return signaling.open();
    })
      .then(() => {
        failedAs = 'voipClientError';
        if (!session.closing) return this.joinMedia(session, response);
      })
      .catch((error: unknown) => {
        // A hang-up or an end while connecting is not a failure of the setup.
        if (!session.closing) {
          session.setupFailure = toTcccError(error, failedAs === 'clientError' ? ErrorCode.Network : ErrorCode.Media);
          this.finish(session, endOf(sessionId, 'admin', failedAs), true);
        }
      })
      .then(() => {
        session.settingUp = false;
        // After the caller's own continuation of `await startCall(...)`, which runs in microtasks.
        if (this.untoldEnd?.sessionId === sessionId) setTimeout(() => this.tellUntoldEnd(), 0);
        if (session.setupFailure) throw session.setupFailure;
        if (session.hangingUp) throw new TcccError(ErrorCode.Cancelled, 'The call was ended before it connected.');
        return { sessionId };
      });
  }

  private signalingCallbacks(session: LiveSession): SignalingCallbacks {
    return {
      onEvent: (event) => this.onServerEvent(session, event),
      onLost: (error) => this.fail(session, error, 'clientTimeout'),
      onReconnecting: (reconnecting) => {
        session.eventsReconnecting = reconnecting;
        this.showReconnecting(session);
      },
    };
  }

  private joinMedia(session: LiveSession, response: CreateSessionResponse): Promise<void> {
    const media = this.deps.createMedia(response.rtc, {
      onFatal: (error) => this.fail(session, error, 'voipClientError'),
      onRoomLost: (error, expected) => this.onRoomLost(session, error, expected),
      onCameraFailed: (error) => this.onCameraFailed(session, error),
      onNetworkQuality: (network) => {
        if (this.session === session) this.updateView({ network });
      },
      onReconnecting: (reconnecting, gaveUp) => {
        session.mediaReconnecting = reconnecting;
        this.showReconnecting(session);
        this.watchMediaWindow(session, reconnecting ? gaveUp : undefined);
      },
      onRemoteAudio: () => session.silence?.arrived(),
      onRemoteAudioPublished: (published) => {
        session.agentMuted = !published;
        if (published) session.silence?.resume();
        else session.silence?.pause();
      },
    });
    session.media = media;
    return withTimeout(media.join(this.mediaSettings()), MEDIA_JOIN_TIMEOUT_MS, 'Joining the media room').then(
      () => {
        if (session.closing) media.leave();
        else this.watchSilence(session);
      },
      (error: unknown) => {
        throw isTcccError(error) && error.code === ErrorCode.Timeout ? new TcccError(ErrorCode.Media, error.message) : error;
      },
    );
  }

  /** Emits the end a start held back; at most once. */
  private tellUntoldEnd(): void {
    const end = this.untoldEnd;
    this.untoldEnd = null;
    if (end) this.events.emit('sessionEnded', end);
  }

  /**
   * endCall and endSession. Resolves once the server has recorded the end (or could not be asked in time).
   * Idempotent: with no call it resolves at once, and a second tap waits for the first.
   */
  hangUp(): Promise<void> {
    if (this.ending) return this.ending;
    const ending = asPromise(() => this.endCurrent());
    this.ending = ending;
    const done = () => {
      if (this.ending === ending) this.ending = null;
    };
    ending.then(done, done);
    return ending;
  }

  private endCurrent(): Promise<void> | void {
    if (this.state.phase === 'starting' && this.starting) {
      const attempt = this.starting;
      this.starting = null;
      attempt.cancellation.cancel(new TcccError(ErrorCode.Cancelled, 'The call was ended before it connected.'));
      // `ending` until the server no longer holds the call, so a redial right after never meets `busy`.
      this.command({ type: 'hangUp' });
      return this.abandon(attempt).then(() => {
        this.signal({ type: 'released' });
      });
    }
    const phaseBefore = this.state.phase;
    this.command({ type: 'hangUp' });
    const session = this.session;
    if (session) return this.endWithServer(session, endOf(session.sessionId, 'user', USER_HANG_UP_REASON[phaseBefore] ?? 'ok'));
  }

  /** Ends on the server whatever a cancelled start created; the create request itself is bounded by its timeout. */
  private abandon(attempt: StartAttempt): Promise<unknown> {
    const { request, backend } = attempt;
    if (!request || !backend) return Promise.resolve();
    return request.then(
      (created) => endOnServer(backend, created.sessionToken ?? attempt.token, created.sessionId, this.endRetryDelays()).first.catch(() => undefined),
      () => undefined,
    );
  }

  /** Releases the call, asks the server how it ended (DELETE), and finishes with that answer or `fallback`; once per call. */
  private endWithServer(session: LiveSession, fallback: SessionEndedDetail): Promise<void> {
    session.ending ??= this.askServerToEnd(session, fallback);
    return session.ending;
  }

  private askServerToEnd(session: LiveSession, fallback: SessionEndedDetail): Promise<void> {
    return asPromise(() => {
      // Set before release(): closing the event socket rejects a pending open(), which must not read as a failure.
      session.hangingUp = true;
      session.release();
      return endOnServer(session.backend, session.token, session.sessionId, this.endRetryDelays()).first;
    }).then(
      (end) => this.finish(session, end, false),
      () => this.finish(session, fallback, false),
    );
  }

  sendDigits(options: unknown): Promise<void> {
    return asPromise(() => {
      const digits = parseDigits(options);
      this.command({ type: 'sendDigits' });
      const session = this.session;
      if (!session) throw new TcccError(ErrorCode.NoSession, 'sendDigits needs a call in progress, and there is none.');
      return session.backend.sendDigits(session.token, session.sessionId, digits);
    });
  }

  setSoundMode(mode: unknown): Promise<void> {
    return asPromise(() => this.adjust({ type: 'setSoundMode', mode: parseSoundMode(mode) }));
  }

  adjustMedia(type: 'mute' | 'unmute' | 'switchCamera' | 'disableCamera' | 'enableCamera'): Promise<void> {
    return asPromise(() => this.adjust({ type }));
  }

  /**
   * Audio interruptions (a phone call, an alarm) pause the microphone and playback until they end. A
   * Begin without an End (iOS can deliver one on resume) is cleared when a call starts or ends, and by the
   * component when the app comes back to the foreground.
   */
  setSuspended(suspended: boolean): void {
    if (this.view.suspended === suspended) return;
    this.updateView({ suspended });
    this.session?.media?.update(this.mediaSettings());
    // The agent's audio was paused on purpose; silence counts again from the end of the interruption.
    if (!suspended) this.session?.silence?.reset();
  }

  /** Ends whatever is going on, for good; used when the component is detached. Never throws. */
  dispose(): void {
    this.disposed = true;
    this.hangUp().catch(() => undefined);
  }

  private adjust(command: Command): void {
    this.command(command);
    this.session?.media?.update(this.mediaSettings());
  }

  private command(command: Command): void {
    if (this.disposed && command.type !== 'hangUp') {
      throw new TcccError(ErrorCode.Cancelled, 'This tccc-wx-sdk component has left the page (detached); nothing was sent. Use the component of the page that is shown.');
    }
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
    if (!sdkAppId) {
      throw new TcccError(ErrorCode.NotLoggedIn, `${method}: this <tccc-wx-sdk> has no sdkAppId. Set sdkAppId="{{sdkAppId}}" on it, the SdkAppId you logged in with.`);
    }
    const login = this.deps.tokens.get(sdkAppId);
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
        // A session the server created already `active` still gets its one `accepted`, with the seat's name.
        if (!session.accepted && (this.signal({ type: 'accepted' }) || this.state.phase === 'active')) {
          session.accepted = true;
          this.updateView({ seatName: event.seatName, queuePosition: null });
          this.events.emit('accepted', { sessionId: session.sessionId, seatName: event.seatName });
          this.watchSilence(session);
        }
        break;
      case 'ended':
        this.finish(session, { sessionId: session.sessionId, closeBy: event.closeBy, endStatus: event.endStatus, reason: event.reason }, false);
        break;
    }
  }

  private showReconnecting(session: LiveSession): void {
    if (this.session !== session) return;
    const reconnecting = session.eventsReconnecting || session.mediaReconnecting;
    const wasReconnecting = this.view.reconnecting;
    this.updateView({ reconnecting });
    // An outage already shows as reconnecting; silence counts again once the call is back.
    if (wasReconnecting && !reconnecting) session.silence?.reset();
  }

  /**
   * Once the agent has answered and media that reports the agent's audio is up: `mediaSilent` shows while
   * none of it arrives (not during an interruption or a reconnect, which show already). No `error` event:
   * the call goes on, and a quiet agent is no failure.
   */
  private watchSilence(session: LiveSession): void {
    if (session.silence || session.ended || !session.media?.reportsRemoteAudio || this.state.phase !== 'active') return;
    const silence = new SilenceDetector({
      onSilent: () => {
        if (this.session === session && !this.view.suspended && !this.view.reconnecting) this.updateView({ mediaSilent: true });
      },
      onHeard: () => {
        if (this.session === session) this.updateView({ mediaSilent: false });
      },
    });
    session.silence = silence;
    if (session.agentMuted) silence.pause();
    silence.start();
  }

  /**
   * Media that TRTC gave up on (`gaveUp`) is restarted by the media layer; the call goes on, showing
   * `reconnecting`, for as long as the server keeps a caller who lost the connection. Back in time: it stays.
   */
  private watchMediaWindow(session: LiveSession, gaveUp: TcccError | undefined): void {
    if (!gaveUp) return session.stopMediaWindow();
    if (session.mediaWindowTimer || session.closing) return;
    const windowMs = session.signaling?.callerWindowMs?.() ?? DEFAULT_CALLER_WINDOW_MS;
    session.mediaWindowTimer = setTimeout(() => {
      session.mediaWindowTimer = null;
      this.fail(session, new TcccError(ErrorCode.Media, `The media did not come back within ${Math.round(windowMs / 1000)} s. ${gaveUp.message}`), 'voipClientError');
    }, windowMs);
  }

  /** The call failed: `error` then `sessionEnded`; during setup the start rejects with the error instead. */
  private fail(session: LiveSession, error: TcccError, reason: EndReason): void {
    if (session.closing) return;
    if (session.settingUp) session.setupFailure = error;
    else this.events.emit('error', error);
    this.finish(session, endOf(session.sessionId, 'admin', reason), true);
  }

  /**
   * The media room went away. When the agent hangs up, the room is often dismissed before the server's
   * `ended` arrives: wait for it briefly. Then an expected close ends the call as the server records it,
   * anything else is a media failure.
   */
  private onRoomLost(session: LiveSession, error: TcccError, expected: boolean): void {
    if (session.closing || session.roomLostTimer) return;
    session.roomLostTimer = setTimeout(() => {
      session.roomLostTimer = null;
      if (session.closing) return;
      if (!expected) return this.fail(session, error, 'voipClientError');
      const ending = applyCommand(this.state, { type: 'hangUp' });
      if (ending.ok) this.setState(ending.state);
      void this.endWithServer(session, endOf(session.sessionId, 'admin', 'ok'));
    }, this.deps.roomLostGraceMs ?? ROOM_LOST_GRACE_MS);
  }

  /** A video call whose camera failed goes on with audio: the app hears about it (`camera`), the camera shows as off. */
  private onCameraFailed(session: LiveSession, error: TcccError): void {
    if (session !== this.session || session.closing) return;
    this.events.emit('error', error);
    if (this.state.kind === 'video' && this.state.cameraEnabled) this.adjust({ type: 'disableCamera' });
  }

  private finish(session: LiveSession, end: SessionEndedDetail, notifyServer: boolean): void {
    if (session.ended) return;
    session.ended = true;
    session.release();
    if (notifyServer) void endOnServer(session.backend, session.token, session.sessionId, this.endRetryDelays()).settled;
    if (this.session === session) this.session = null;
    this.signal({ type: 'released' });
    this.updateView(BETWEEN_CALLS);
    if (session.settingUp) this.untoldEnd = end;
    else this.events.emit('sessionEnded', end);
  }

  private endRetryDelays(): readonly number[] {
    return this.deps.endRetryDelaysMs ?? END_RETRY_DELAYS_MS;
  }

  private mediaSettings(): MediaSettings {
    const { kind, muted, soundMode, cameraEnabled, cameraFacing } = this.state;
    return { kind: kind ?? 'audio', muted, soundMode, cameraEnabled, cameraFacing, suspended: this.view.suspended };
  }

  private setState(state: CallState): void {
    this.state = state;
    this.updateView({});
  }

  private updateView(extra: Partial<Pick<CallView, 'queuePosition' | 'seatName' | 'suspended' | 'reconnecting' | 'mediaSilent' | 'network'>>): void {
    const next: CallView = { ...this.view, ...this.state, ...extra };
    const changed = (Object.keys(next) as (keyof CallView)[]).some((key) => next[key] !== this.view[key]);
    if (!changed) return;
    this.view = next;
    this.events.emit('change', next);
  }
}
