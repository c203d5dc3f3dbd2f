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

/** trtc-wx-sdk logs everything by default; warnings and errors are enough in an app's console. */
const TRTC_LOG_LEVEL_WARN = 2;

/**
 * One TRTC room through the real trtc-wx-sdk: `enterRoom` builds the `room://` pusher URL, the elements
 * render it, and the SDK tracks remote users from the events the elements report.
 */
export class TrtcMedia implements MediaSession {
  readonly reportsRemoteAudio = true;
  private trtc: TRTC | null = null;
  private reconnecting = false;
  private settings: MediaSettings | null = null;

  constructor(
    private readonly rtc: TrtcRtc,
    private readonly callbacks: MediaCallbacks,
    private readonly host: MediaHost,
  ) {}

  join(settings: MediaSettings): Promise<void> {
    const trtc = new TRTC(this.host.context());
    trtc.setLogLevel(TRTC_LOG_LEVEL_WARN);
    this.trtc = trtc;
    this.settings = settings;
    trtc.createPusher({ frontCamera: settings.cameraFacing });
    this.listen(trtc);
    const pusher = trtc.enterRoom({
      sdkAppID: this.rtc.sdkAppId,
      userID: this.rtc.userId,
      userSig: this.rtc.userSig,
      roomID: this.rtc.roomId,
      scene: settings.kind === 'video' ? 'videocall' : 'audiocall',
      enableMic: !settings.muted && !settings.suspended,
      enableCamera: settings.kind === 'video' && settings.cameraEnabled,
    });
    return new Promise((resolve) => {
      this.host.render({ pusher, players: trtc.getPlayerList() }, () => {
        if (this.trtc === trtc) trtc.getPusherInstance().start();
        resolve();
      });
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

  leave(): void {
    const trtc = this.trtc;
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
    if (!this.trtc) return;
    if (name === 'pusherEventHandler') this.followPusherState(stateCodeOf(event));
    this.trtc[name](event);
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
    trtc.on<{ playerList?: Array<{ volume?: unknown }> }>(EVENT.REMOTE_AUDIO_VOLUME_UPDATE, ({ data }) => {
      if (this.trtc !== trtc) return;
      const volumes = (data?.playerList ?? []).map((player) => (typeof player.volume === 'number' ? player.volume : 0));
      this.callbacks.onRemoteVolume?.(Math.max(0, ...volumes));
    });
    trtc.on(EVENT.KICKED_OUT, () => this.callbacks.onFatal(new TcccError(ErrorCode.Media, 'Removed from the media room (signed in elsewhere?).')));
    trtc.on<{ code?: number; message?: string }>(EVENT.ERROR, ({ data }) => {
      const code = data?.code === undefined ? '' : ` (${data.code})`;
      this.callbacks.onFatal(new TcccError(ErrorCode.Media, `Media error${code}: ${data?.message ?? 'unknown'}`));
    });
  }
}
