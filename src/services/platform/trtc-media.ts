import TRTC = require('trtc-wx-sdk');
import { ErrorCode, TcccError } from '../errors';
import type { MediaCallbacks, MediaSession, MediaSettings } from '../media';
import { networkQualityOf } from '../media';
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
  /** The component whose template holds <live-pusher> (WeChat looks the element up in it). */
  context(): object;
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
/** <live-pusher> error: the camera could not be opened. */
const CAMERA_FAILED = -1301;
/** <live-player> statechange: the stream is gone after the player's own reconnects. */
const PLAYER_DISCONNECTED = -2301;

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
 * it reports -1307 as an ERROR, which ends the call.
 */
const PUSHER_RECONNECTING_CODES = [1102, 1021];
const PUSHER_CONNECTED_CODES = [1001, 1002, 1018];

/** The state code of a <live-pusher> statechange event, or null. */
function stateCodeOf(event: TRTC.NativeEvent): number | null {
  const code = (event as { detail?: { code?: unknown } }).detail?.code;
  return typeof code === 'number' ? code : null;
}

/**
 * One TRTC room through the real trtc-wx-sdk: `enterRoom` builds the `room://` pusher URL, the elements
 * render it, and the SDK tracks remote users from the events the elements report. `join` settles when
 * the pusher reports the room entered (LOCAL_JOIN) or failed.
 */
export class TrtcMedia implements MediaSession {
  readonly reportsRemoteAudio = true;
  private trtc: TRTC | null = null;
  private reconnecting = false;
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
    try {
      pusher.stop();
    } catch {
      // The old element is usually gone already.
    }
    // trtc-wx-sdk binds the context once, in createPusher; the element it drove no longer exists.
    pusher.context = (wx.createLivePusherContext as (component?: object) => TRTC.PusherContext)(this.host.context());
    this.host.render({ pusher: trtc.getPusherAttributes(), players: trtc.getPlayerList() }, () => this.startPusher(trtc));
  }

  leave(): void {
    const trtc = this.trtc;
    this.settleJoin(new TcccError(ErrorCode.Cancelled, 'The call ended while joining the media room.'));
    if (!trtc) return;
    this.trtc = null;
    this.settings = null;
    trtc.off();
    try {
      trtc.getPusherInstance().stop();
    } catch {
      // The element may already be gone (page unloading); exitRoom still resets the SDK's state.
    }
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
      this.followPusherState(stateCodeOf(event));
    }
    trtc[name](event);
  }

  private startPusher(trtc: TRTC): void {
    if (this.trtc !== trtc) return;
    trtc.getPusherInstance().start({
      fail: (error?: { errMsg?: string }) => {
        if (this.trtc === trtc) this.failJoin(new TcccError(ErrorCode.Media, `The pusher did not start: ${error?.errMsg ?? 'unknown'}.`));
      },
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

  /** Surfaces the pusher's own reconnects (trtc-wx-sdk only logs them). */
  private followPusherState(code: number | null): void {
    const reconnecting = code !== null && PUSHER_RECONNECTING_CODES.includes(code) ? true : code !== null && PUSHER_CONNECTED_CODES.includes(code) ? false : null;
    if (reconnecting === null || reconnecting === this.reconnecting) return;
    this.reconnecting = reconnecting;
    this.callbacks.onReconnecting?.(reconnecting);
  }

  private listen(trtc: TRTC): void {
    const { EVENT } = trtc;
    const showRemote = (attribute: 'muteVideo' | 'muteAudio', muted: boolean) => (payload: TRTC.EventPayload) => {
      const player = (payload.data as { player?: PlayerView } | undefined)?.player;
      if (!player || this.trtc !== trtc) return;
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
    trtc.on<{ code?: number; message?: string }>(EVENT.REMOTE_STATE_UPDATE, ({ data }) => {
      if (this.trtc !== trtc || data?.code !== PLAYER_DISCONNECTED || this.joining) return;
      const error = new TcccError(ErrorCode.Media, `Lost the agent's stream (${PLAYER_DISCONNECTED}): ${data.message ?? 'disconnected'}`);
      this.callbacks.onRoomLost ? this.callbacks.onRoomLost(error, false) : this.callbacks.onFatal(error);
    });
    trtc.on<{ playerList?: Array<{ volume?: unknown }> }>(EVENT.REMOTE_AUDIO_VOLUME_UPDATE, ({ data }) => {
      if (this.trtc !== trtc) return;
      const volumes = (data?.playerList ?? []).map((player) => (typeof player.volume === 'number' ? player.volume : 0));
      this.callbacks.onRemoteVolume?.(Math.max(0, ...volumes));
    });
    trtc.on<{ code?: number; message?: string }>(EVENT.ERROR, ({ data }) => {
      if (this.trtc !== trtc) return;
      const code = data?.code === undefined ? '' : ` (${data.code})`;
      const error = new TcccError(ErrorCode.Media, `Media error${code}: ${data?.message ?? 'unknown'}`);
      if (data?.code === CAMERA_FAILED && this.settings?.kind === 'video' && this.callbacks.onCameraFailed) {
        this.callbacks.onCameraFailed(error);
        return;
      }
      this.failJoin(error);
    });
  }
}
