// Declarations for trtc-wx-sdk 1.1.x, which ships none. Only what tccc-wx-sdk uses, typed from its README
// and its behaviour; attribute bags are open because the SDK adds fields across versions.
declare module 'trtc-wx-sdk' {
  namespace TRTC {
    type EventName =
      | 'LOCAL_JOIN' | 'LOCAL_LEAVE' | 'KICKED_OUT'
      | 'REMOTE_USER_JOIN' | 'REMOTE_USER_LEAVE'
      | 'REMOTE_VIDEO_ADD' | 'REMOTE_VIDEO_REMOVE' | 'REMOTE_AUDIO_ADD' | 'REMOTE_AUDIO_REMOVE'
      | 'REMOTE_STATE_UPDATE' | 'LOCAL_NET_STATE_UPDATE' | 'REMOTE_NET_STATE_UPDATE'
      | 'LOCAL_AUDIO_VOLUME_UPDATE' | 'REMOTE_AUDIO_VOLUME_UPDATE' | 'VIDEO_FULLSCREEN_UPDATE'
      | 'BGM_PLAY_START' | 'BGM_PLAY_FAIL' | 'BGM_PLAY_PROGRESS' | 'BGM_PLAY_COMPLETE'
      | 'ERROR' | 'PLAYER_WARNING' | 'IM_READY' | 'IM_MESSAGE_RECEIVED' | 'IM_NOT_READY' | 'IM_KICKED_OUT' | 'IM_ERROR';

    interface PusherAttributes {
      url: string;
      mode: string;
      autopush: boolean;
      enableCamera: boolean;
      enableMic: boolean;
      frontCamera: 'front' | 'back';
      [attribute: string]: unknown;
    }

    interface PlayerAttributes {
      id: string;
      userID: string;
      streamType: string;
      streamID: string;
      src: string;
      hasVideo: boolean;
      hasAudio: boolean;
      muteVideo: boolean;
      muteAudio: boolean;
      soundMode: 'speaker' | 'ear';
      [attribute: string]: unknown;
    }

    interface EventPayload<D = unknown> {
      eventCode: EventName;
      data: D;
    }

    interface EnterRoomOptions {
      sdkAppID: number;
      userID: string;
      userSig: string;
      roomID: number;
      enableMic?: boolean;
      enableCamera?: boolean;
      scene?: 'rtc' | 'live' | 'videocall' | 'audiocall';
      [option: string]: unknown;
    }

    /** A LivePusherContext (`wx.createLivePusherContext`). */
    type PusherContext = object;

    interface Pusher {
      pusherAttributes: PusherAttributes;
      /** Bound once, in createPusher, to the component given to the TRTC constructor. */
      context: PusherContext | null;
      start(options?: object): void;
      stop(options?: object): void;
      switchCamera(options?: object): PusherAttributes;
    }

    /** The `detail` of a <live-pusher>/<live-player> event, as the bound handlers receive it. */
    interface NativeEvent {
      detail: Record<string, unknown>;
      currentTarget?: { dataset?: Record<string, unknown> };
    }
  }

  class TRTC {
    constructor(context: object, options?: { env?: 'test'; TUIScene?: string });
    readonly EVENT: { [K in TRTC.EventName]: K };
    setLogLevel(level: 0 | 1 | 2 | 3): void;
    on<D = unknown>(event: TRTC.EventName, listener: (payload: TRTC.EventPayload<D>) => void, context?: object): void;
    off(event?: TRTC.EventName, listener?: (payload: TRTC.EventPayload) => void): void;
    createPusher(attributes: Partial<TRTC.PusherAttributes>): TRTC.Pusher;
    getPusherInstance(): TRTC.Pusher;
    getPusherAttributes(): TRTC.PusherAttributes;
    enterRoom(options: TRTC.EnterRoomOptions): TRTC.PusherAttributes;
    exitRoom(): { pusher: TRTC.PusherAttributes; playerList: TRTC.PlayerAttributes[] };
    getPlayerList(): TRTC.PlayerAttributes[];
    setPusherAttributes(attributes: Partial<TRTC.PusherAttributes>): TRTC.PusherAttributes;
    setPlayerAttributes(id: string, attributes: Partial<TRTC.PlayerAttributes>): TRTC.PlayerAttributes[];
    pusherEventHandler(event: TRTC.NativeEvent): void;
    pusherNetStatusHandler(event: TRTC.NativeEvent): void;
    pusherErrorHandler(event: TRTC.NativeEvent): void;
    pusherBGMStartHandler(event: TRTC.NativeEvent): void;
    pusherBGMProgressHandler(event: TRTC.NativeEvent): void;
    pusherBGMCompleteHandler(event: TRTC.NativeEvent): void;
    pusherAudioVolumeNotify(event: TRTC.NativeEvent): void;
    playerEventHandler(event: TRTC.NativeEvent): void;
    playerFullscreenChange(event: TRTC.NativeEvent): void;
    playerNetStatus(event: TRTC.NativeEvent): void;
    playerAudioVolumeNotify(event: TRTC.NativeEvent): void;
  }

  export = TRTC;
}
