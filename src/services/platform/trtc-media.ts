import TRTC from 'trtc-wx-sdk';
import { ErrorCode, TcccError } from '../errors';
import type { MediaCallbacks, MediaSession, MediaSettings } from '../media';
import { networkQualityOf } from '../media';
import { MediaRestarts } from '../media-restarts';
import type { RtcDescriptor } from '../protocol';

export type PusherView = TRTC.PusherAttributes;
export type PlayerView = TRTC.PlayerAttributes;

/** What the <live-pusher>/<live-player> elements render. `pusher: null` means nothing is pushed. */
export interface MediaView {
  pusher: PusherView | null;
  players: PlayerView[];
}

/** The component side of a TRTC call: where the elements live and how to render their attributes. */
export interface MediaHost {
  /** The component whose template holds <live-pusher> (default) or the <live-player>s (WeChat looks elements up in it). */
  context(element?: 'pusher' | 'player'): object;
  /** Renders the attributes; `rendered` runs once the elements have them (the `setData` callback). */
  render(view: MediaView, rendered?: () => void): void;
}

/** Handlers the elements' bindings forward to; named after trtc-wx-sdk's own. */
export type NativeHandlerName =
  | 'pusherEventHandler'
  | 'pusherNetStatusHandler'
  | 'pusherErrorHandler'
  | 'pusherAudioVolumeNotify'
  | 'playerEventHandler'
  | 'playerNetStatus'
  | 'playerFullscreenChange'
  | 'playerAudioVolumeNotify';

type TrtcRtc = Extract<RtcDescriptor, { type: 'trtc' }>;

/**
 * Errors only: trtc-wx-sdk logs the pusher attributes, `userSig` and the `room://` URL with it, at warn
 * level on every enterRoom and setPusherAttributes.
 */
const TRTC_LOG_LEVEL_ERROR = 3;

/** <live-pusher> statechange codes (trtc-wx-sdk raises LOCAL_JOIN on 1018, KICKED_OUT on 1019). */
const ROOM_EXITED = 1019;
/** TRTC's exit reasons in a 1019 message, `reason[n]`: 1 removed by the server, 2 room dismissed. */
const EXIT_DISMISSED = 2;
/** <live-pusher> errors of the camera: it could not be opened (-1301), the user forbade it (10001). */
const CAMERA_FAILED = [-1301, 10001];
/**
 * <live-pusher> errors of the microphone: 10002 recording forbidden, -1302 it could not be opened. With the
 * scope granted, that is the phone's own setting (iOS: 设置 → 微信 → 麦克风 off), or another app holding it.
 */
const MICROPHONE_REFUSED = [10002, -1302];
/** <live-pusher> statechange: the network is gone after the pusher's own reconnects ("restart pushing yourself"). */
const PUSHER_GAVE_UP = -1307;
/** <live-player> statechange: the stream is gone after the player's own reconnects ("restart playing yourself"). */
const PLAYER_GAVE_UP = -2301;
/** <live-player> statechange codes of a stream that connects or plays again. */
const PLAYER_PLAYING_CODES = [2001, 2002, 2004, 2026];

/** `reason[n]` from a 1019 message; null when there is none. */
export function exitReasonOf(message: unknown): number | null {
  const match = typeof message === 'string' ? /reason\[(\d+)\]/.exec(message) : null;
  return match ? Number(match[1]) : null;
}

interface PendingJoin {
  resolve(): void;
  reject(error: TcccError): void;
}

/**
 * <live-pusher> state codes about its own connection (WeChat's live-pusher docs): 1102 lost, reconnecting by
 * itself; 1021 network type changed, re-entering the room; 1001/1002/1018 connected again. When it gives up
 * it reports -1307, and the pusher is restarted (see MediaRestarts).
 */
const PUSHER_RECONNECTING_CODES = [1102, 1021];
const PUSHER_CONNECTED_CODES = [1001, 1002, 1018];

/** The state code of a <live-pusher>/<live-player> statechange event, or null. */
function stateCodeOf(event: TRTC.NativeEvent): number | null {
  const code = (event as { detail?: { code?: unknown } }).detail?.code;
  return typeof code === 'number' ? code : null;
}

/** Which <live-player> raised an event: its `data-streamid`, which trtc-wx-sdk also uses as the player's id. */
function streamIdOf(event: TRTC.NativeEvent): string | null {
  const id = event.currentTarget?.dataset?.streamid;
  return typeof id === 'string' ? id : null;
}

/** A <live-player> netstatus whose audio bitrate shows the agent's audio arriving. */
function carriesAudio(event: TRTC.NativeEvent): boolean {
  const bitrate = (event.detail?.info as { audioBitrate?: unknown } | undefined)?.audioBitrate;
  return typeof bitrate === 'number' && bitrate > 0;
}

/** Stops the pusher. One whose element is gone already (a page unloading, a child hidden) throws: nothing to stop. */
function stopPusher(trtc: TRTC): void {
  try {
    trtc.getPusherInstance().stop();
  } catch {
    // start() or exitRoom() is what counts next.
  }
}

/** The error a <live-pusher> failure code stands for, in a call of `kind`. */
function mediaErrorOf(code: number | undefined, message: string, kind: MediaSettings['kind'] | undefined): TcccError {
  if (code !== undefined && MICROPHONE_REFUSED.indexOf(code) >= 0) {
    return new TcccError(
      ErrorCode.PermissionDenied,
      `WeChat could not open the microphone (${code}: ${message}): the phone's settings do not allow WeChat to use it (iOS: 设置 → 微信 → 麦克风), or another app holds it. Ask the user to allow it, e.g. with wx.openAppAuthorizeSetting from a tap, then start the call again.`,
      { scope: 'scope.record', system: true },
    );
  }
  if (code !== undefined && CAMERA_FAILED.indexOf(code) >= 0 && kind === 'video') {
    return new TcccError(ErrorCode.Camera, `The camera failed (${code}: ${message}); the call goes on without it.`);
  }
  return new TcccError(ErrorCode.Media, `Media error${code === undefined ? '' : ` (${code})`}: ${message}`);
}

/**
 * One TRTC room through the real trtc-wx-sdk: `enterRoom` builds the `room://` pusher URL, the elements
 * render it, and the SDK tracks remote users from the events the elements report. `join` settles when
 * the pusher reports the room entered (LOCAL_JOIN) or failed.
 */
export class TrtcMedia implements MediaSession {
  readonly reportsRemoteAudio = true;
  private trtc: TRTC | null = null;
  /** The pusher reconnects by itself (1102, 1021). */
  private reconnecting = false;
  private readonly restarts = new MediaRestarts(() => this.reportReconnecting());
  private reported = { reconnecting: false, gaveUp: undefined as TcccError | undefined };
  private settings: MediaSettings | null = null;
  private joining: PendingJoin | null = null;
  private lastExitReason: number | null = null;

  constructor(
    private readonly rtc: TrtcRtc,
    private readonly callbacks: MediaCallbacks,
    private readonly host: MediaHost,
  ) {}

  join(settings: MediaSettings): Promise<void> {
    const trtc = new TRTC(this.host.context());
    trtc.setLogLevel(TRTC_LOG_LEVEL_ERROR);
    this.trtc = trtc;
    this.settings = settings;
    return new Promise<void>((resolve, reject) => {
      this.joining = { resolve, reject };
      trtc.createPusher({ frontCamera: settings.cameraFacing });
      this.listen(trtc);
      const pusher = trtc.enterRoom({
        sdkAppID: this.rtc.sdkAppId,
        userID: this.rtc.userId,
        userSig: this.rtc.userSig,
        roomID: this.rtc.roomId,
        // The server's room-bound ticket: with it TRTC lets this UserSig into this room only.
        privateMapKey: this.rtc.privateMapKey ?? '',
        scene: settings.kind === 'video' ? 'videocall' : 'audiocall',
        enableMic: !settings.muted && !settings.suspended,
        enableCamera: settings.kind === 'video' && settings.cameraEnabled,
      });
      // enterRoom raises ERROR synchronously for parameters it refuses; then there is nothing to render.
      if (this.trtc !== trtc || !this.joining) return;
      this.host.render({ pusher, players: trtc.getPlayerList() }, () => this.startPusher(trtc));
    });
  }

  update(settings: MediaSettings): void {
    const trtc = this.trtc;
    const previous = this.settings;
    if (!trtc || !previous) return;
    this.settings = settings;
    if (settings.cameraFacing !== previous.cameraFacing) trtc.getPusherInstance().switchCamera();
    const pusher = trtc.setPusherAttributes({
      enableMic: !settings.muted && !settings.suspended,
      enableCamera: settings.kind === 'video' && settings.cameraEnabled,
    });
    let players = trtc.getPlayerList();
    for (const player of players) {
      players = trtc.setPlayerAttributes(player.id, { soundMode: settings.soundMode, muteAudio: settings.suspended });
    }
    this.host.render({ pusher, players });
  }

  /**
   * The <live-pusher> moved to another component (a pusher child was shown or hidden): render the media
   * where it now lives and restart the pusher through a context bound to that component.
   */
  moved(): void {
    const trtc = this.trtc;
    if (!trtc) return;
    const pusher = trtc.getPusherInstance();
    stopPusher(trtc);
    // trtc-wx-sdk binds the context once, in createPusher; the element it drove no longer exists.
    pusher.context = (wx.createLivePusherContext as (component?: object) => TRTC.PusherContext)(this.host.context());
    this.host.render({ pusher: trtc.getPusherAttributes(), players: trtc.getPlayerList() }, () => this.startPusher(trtc));
  }

  leave(): void {
    const trtc = this.trtc;
    this.settleJoin(new TcccError(ErrorCode.Cancelled, 'The call ended while joining the media room.'));
    if (!trtc) return;
    this.trtc = null;
    this.restarts.clear();
    this.settings = null;
    trtc.off();
    stopPusher(trtc);
    trtc.exitRoom();
    this.host.render({ pusher: null, players: [] });
  }

  /** Forwards an element event to trtc-wx-sdk; events after `leave` are dropped. */
  handle(name: NativeHandlerName, event: TRTC.NativeEvent): void {
    const trtc = this.trtc;
    if (!trtc) return;
    if (name === 'pusherEventHandler') {
      // trtc-wx-sdk raises KICKED_OUT without the reason; it is in the 1019 message.
      if (event.detail?.code === ROOM_EXITED) this.lastExitReason = exitReasonOf(event.detail.message);
      this.followPusherState(trtc, event);
    } else if (name === 'playerEventHandler') this.followPlayerState(trtc, event);
    else if (name === 'playerNetStatus' && carriesAudio(event)) this.callbacks.onRemoteAudio?.();
    trtc[name](event);
  }

  /** Starts the pusher; `onFail` hears why it did not (by default the join fails). */
  private startPusher(trtc: TRTC, onFail = (error: TcccError) => this.failJoin(error)): void {
    if (this.trtc !== trtc) return;
    trtc.getPusherInstance().start({
      fail: (error?: { errMsg?: string }) => {
        if (this.trtc === trtc) onFail(new TcccError(ErrorCode.Media, `The pusher did not start: ${error?.errMsg ?? 'unknown'}.`));
      },
    });
  }

  /** TRTC gave up pushing: stop and start the pusher again (WeChat's live-pusher docs), on a backoff while it keeps failing. */
  private restartPusher(trtc: TRTC, error: TcccError): void {
    this.restarts.gaveUp('pusher', error, () => {
      if (this.trtc !== trtc) return;
      stopPusher(trtc);
      this.startPusher(trtc, (failure) => this.restartPusher(trtc, failure));
    });
  }

  /** TRTC gave up playing the agent's stream: stop and play it again (WeChat's live-player docs), on a backoff. */
  private restartPlayer(trtc: TRTC, id: string, error: TcccError): void {
    this.restarts.gaveUp(id, error, () => {
      if (this.trtc !== trtc) return;
      const player = (wx.createLivePlayerContext as (id: string, component?: object) => WechatMiniprogram.LivePlayerContext)(id, this.host.context('player'));
      const play = () => player.play({ fail: () => this.restartPlayer(trtc, id, error) });
      player.stop({ complete: play });
    });
  }

  /** Settles a pending join; true when there was one. */
  private settleJoin(error: TcccError | null): boolean {
    const joining = this.joining;
    if (!joining) return false;
    this.joining = null;
    if (error) joining.reject(error);
    else joining.resolve();
    return true;
  }

  /** A failure before the room is entered rejects the join; after it, the call fails. */
  private failJoin(error: TcccError): void {
    if (!this.settleJoin(error)) this.callbacks.onFatal(error);
  }

  /** Surfaces the pusher's own reconnects (trtc-wx-sdk only logs them), and restarts it once TRTC gives up in a joined call. */
  private followPusherState(trtc: TRTC, event: TRTC.NativeEvent): void {
    const code = stateCodeOf(event);
    if (code === null) return;
    if (code === PUSHER_GAVE_UP && !this.joining) {
      this.restartPusher(trtc, new TcccError(ErrorCode.Media, `The media connection was lost (${code}): ${String(event.detail.message ?? 'push failed')}`));
      return;
    }
    const connected = PUSHER_CONNECTED_CODES.indexOf(code) >= 0;
    if (connected) this.restarts.back('pusher');
    if (connected || PUSHER_RECONNECTING_CODES.indexOf(code) >= 0) {
      this.reconnecting = !connected;
      this.reportReconnecting();
    }
  }

  /** A player that TRTC gave up on (after the join) is restarted while it is still the agent's stream; one that plays again is back. */
  private followPlayerState(trtc: TRTC, event: TRTC.NativeEvent): void {
    const code = stateCodeOf(event);
    const id = streamIdOf(event);
    if (code === null || id === null) return;
    if (PLAYER_PLAYING_CODES.indexOf(code) >= 0) this.restarts.back(id);
    else if (code === PLAYER_GAVE_UP && !this.joining && trtc.getPlayerList().some((player) => player.id === id)) {
      this.restartPlayer(trtc, id, new TcccError(ErrorCode.Media, `Lost the agent's stream (${code}): ${String(event.detail.message ?? 'disconnected')}`));
    }
  }

  /** `reconnecting` while the pusher reconnects by itself or a part is being restarted; `gaveUp` for the latter. */
  private reportReconnecting(): void {
    const gaveUp = this.restarts.error;
    const reconnecting = this.reconnecting || gaveUp !== undefined;
    if (reconnecting === this.reported.reconnecting && gaveUp === this.reported.gaveUp) return;
    this.reported = { reconnecting, gaveUp };
    this.callbacks.onReconnecting?.(reconnecting, gaveUp);
  }

  private listen(trtc: TRTC): void {
    const { EVENT } = trtc;
    const showRemote = (attribute: 'muteVideo' | 'muteAudio', muted: boolean) => (payload: TRTC.EventPayload) => {
      const player = (payload.data as { player?: PlayerView } | undefined)?.player;
      if (!player || this.trtc !== trtc) return;
      // The agent publishing audio, or stopping on purpose (muted): not a silence to report.
      if (attribute === 'muteAudio') this.callbacks.onRemoteAudioPublished?.(!muted);
      const extra = attribute === 'muteAudio' && this.settings ? { soundMode: this.settings.soundMode } : {};
      const players = trtc.setPlayerAttributes(player.id, { [attribute]: muted, ...extra });
      this.host.render({ pusher: trtc.getPusherAttributes(), players });
    };
    trtc.on(EVENT.REMOTE_VIDEO_ADD, showRemote('muteVideo', false));
    trtc.on(EVENT.REMOTE_VIDEO_REMOVE, showRemote('muteVideo', true));
    trtc.on(EVENT.REMOTE_AUDIO_ADD, showRemote('muteAudio', false));
    trtc.on(EVENT.REMOTE_AUDIO_REMOVE, showRemote('muteAudio', true));
    const rerender = () => {
      if (this.trtc === trtc) this.host.render({ pusher: trtc.getPusherAttributes(), players: trtc.getPlayerList() });
    };
    trtc.on(EVENT.REMOTE_USER_JOIN, rerender);
    trtc.on(EVENT.REMOTE_USER_LEAVE, rerender);
    trtc.on<{ pusher?: { netStatus?: { netQualityLevel?: unknown } } }>(EVENT.LOCAL_NET_STATE_UPDATE, ({ data }) => {
      if (this.trtc === trtc) this.callbacks.onNetworkQuality?.(networkQualityOf(data?.pusher?.netStatus?.netQualityLevel));
    });
    trtc.on(EVENT.LOCAL_JOIN, () => {
      if (this.trtc === trtc) this.settleJoin(null);
    });
    trtc.on(EVENT.KICKED_OUT, () => {
      if (this.trtc !== trtc) return;
      const reason = this.lastExitReason;
      const error = new TcccError(ErrorCode.Media, `Left the media room (TRTC exit reason ${reason ?? 'unknown'}).`);
      if (this.settleJoin(error)) return;
      this.callbacks.onRoomLost ? this.callbacks.onRoomLost(error, reason === EXIT_DISMISSED) : this.callbacks.onFatal(error);
    });
    trtc.on<{ playerList?: Array<{ volume?: unknown }> }>(EVENT.REMOTE_AUDIO_VOLUME_UPDATE, ({ data }) => {
      // A volume above 0 is audio that arrived; 0 says nothing (a quiet agent sends audio too).
      if (this.trtc === trtc && (data?.playerList ?? []).some((player) => typeof player.volume === 'number' && player.volume > 0)) this.callbacks.onRemoteAudio?.();
    });
    trtc.on<{ code?: number; message?: string }>(EVENT.ERROR, ({ data }) => {
      // -1307 in a joined call is restarted (followPusherState), not an error.
      if (this.trtc !== trtc || (data?.code === PUSHER_GAVE_UP && !this.joining)) return;
      const error = mediaErrorOf(data?.code, data?.message ?? 'unknown', this.settings?.kind);
      if (error.code === ErrorCode.Camera && this.callbacks.onCameraFailed) this.callbacks.onCameraFailed(error);
      else this.failJoin(error);
    });
  }
}
