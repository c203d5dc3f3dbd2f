/** Types of `<tccc-call-bar>`: one event per button, with the state the tap asks for. */
import type { SoundMode } from '../../common/contract';

export interface CallBarEventDetails {
  mute: { muted: boolean };
  speaker: { soundMode: SoundMode };
  keypad: { open: boolean };
  camera: { enabled: boolean };
  switchcamera: Record<string, never>;
  hangup: Record<string, never>;
}

export type CallBarEvent<Name extends keyof CallBarEventDetails> = WechatMiniprogram.CustomEvent<CallBarEventDetails[Name]>;
