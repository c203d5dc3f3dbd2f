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

/** trtc-wx-sdk logs everything by default; warnings and errors are enough in an app's console. */
const TRTC_LOG_LEVEL_WARN = 2;

/**
 * One TRTC room through the real trtc-wx-sdk: `enterRoom` builds the `room://` pusher URL, the elements
 * render it, and the SDK tracks remote users from the events the elements report.
 */
export class TrtcMedia implements MediaSession {
  private trtc: TRTC | null = null;
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
      // The server's room-bound ticket: with it TRTC lets this UserSig into this room only.
      privateMapKey: this.rtc.privateMapKey ?? '',
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
    this.trtc?.[name](event);
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
    trtc.on(EVENT.KICKED_OUT, () => this.callbacks.onFatal(new TcccError(ErrorCode.Media, 'Removed from the media room (signed in elsewhere?).')));
    trtc.on<{ code?: number; message?: string }>(EVENT.ERROR, ({ data }) => {
      const code = data?.code === undefined ? '' : ` (${data.code})`;
      this.callbacks.onFatal(new TcccError(ErrorCode.Media, `Media error${code}: ${data?.message ?? 'unknown'}`));
    });
  }
}
