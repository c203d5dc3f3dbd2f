import type { TcccError } from './errors';
import type { MediaKind, RtcDescriptor } from './protocol';
import type { CameraFacing, SoundMode } from './session-machine';

/** What the media layer should be doing right now; derived from the call state. */
export interface MediaSettings {
  kind: MediaKind;
  muted: boolean;
  soundMode: SoundMode;
  cameraEnabled: boolean;
  cameraFacing: CameraFacing;
  /** True during an audio interruption (a phone call, an alarm): microphone and playback pause. */
  suspended: boolean;
}

/** The media of one call. `leave` is idempotent and releases everything. */
export interface MediaSession {
  /** True when the session reports whether the agent's audio arrives (`onRemoteAudio`), so a call without it can be told. */
  readonly reportsRemoteAudio?: boolean;
  join(settings: MediaSettings): Promise<void>;
  update(settings: MediaSettings): void;
  leave(): void;
}

export type NetworkQuality = 'unknown' | 'good' | 'fair' | 'poor';

export interface MediaCallbacks {
  /** The media failed for good; the call ends. */
  onFatal(error: TcccError): void;
  /**
   * The room went away under a joined call: removed, dismissed, or the agent's stream lost for good. The
   * server's `ended` usually follows. `expected`: TRTC reported a normal close (the room was dismissed),
   * so it is no failure even if the server stays silent.
   */
  onRoomLost?(error: TcccError, expected: boolean): void;
  /** The camera failed in a video call; the call goes on with audio only. */
  onCameraFailed?(error: TcccError): void;
  /** The uplink quality changed (reported every couple of seconds by real media). */
  onNetworkQuality?(quality: NetworkQuality): void;
  /**
   * The media lost its connection (true) or is back (false). `gaveUp`: TRTC stopped retrying by itself
   * (pusher -1307, player -2301), and the media restarts it until it is back or left; the call ends when
   * it is not back within the caller window.
   */
  onReconnecting?(reconnecting: boolean, gaveUp?: TcccError): void;
  /** Audio data from the agent arrived: the player's network status shows an audio bitrate, or a volume was heard. */
  onRemoteAudio?(): void;
  /** The agent publishes audio (true), or stopped on purpose, e.g. muted to consult (false): TRTC's remote audio add/remove. */
  onRemoteAudioPublished?(published: boolean): void;
}

/** TRTC's `netQualityLevel`: 0 unknown, 1 excellent … 6 down. */
export function networkQualityOf(level: unknown): NetworkQuality {
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > 6) return 'unknown';
  if (level <= 2) return 'good';
  return level <= 4 ? 'fair' : 'poor';
}

export type MediaFactory = (rtc: RtcDescriptor, callbacks: MediaCallbacks) => MediaSession;

/** Media for `rtc.type === 'none'`: a simulated call, nothing to capture or play. */
export class SimulatedMedia implements MediaSession {
  settings: MediaSettings | null = null;

  join(settings: MediaSettings): Promise<void> {
    this.settings = settings;
    return Promise.resolve();
  }

  update(settings: MediaSettings): void {
    if (this.settings) this.settings = settings;
  }

  leave(): void {
    this.settings = null;
  }
}
