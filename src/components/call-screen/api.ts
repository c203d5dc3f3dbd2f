/** Types of `<tccc-call-screen>`, against the documented core contract only: they hold on either core. */
import type {
  ContractAcceptedDetail,
  ContractErrorDetail,
  ContractSessionEndedDetail,
  ContractSessionStartDetail,
  MediaKind,
  StartResult,
} from '../../common/contract';
import type { VideoPanelEventDetails } from '../video-panel/api';

/** `<tccc-call-screen>` as `this.selectComponent<CallScreen>('#callScreen')` returns it. */
export interface CallScreen {
  /**
   * Starts a call of `media` (default: the one the screen's `media` property offers first); resolves with the
   * core's `{ sessionId }`. A rejection is also emitted as `error`.
   */
  start(media?: MediaKind): Promise<StartResult>;
  /** Hangs up the current call; a rejection is also emitted as `error`. */
  hangUp(): Promise<void>;
}

/** The call screen passes on the core's events as the core sent them: any field may be missing. */
export interface CallScreenEventDetails {
  sessionStart: ContractSessionStartDetail;
  accepted: ContractAcceptedDetail;
  sessionEnded: ContractSessionEndedDetail;
  /** The core's `error` events, and the rejections of the calls the screen made (with a `code`). */
  error: ContractErrorDetail;
  /** The caller dragged the video call's picture-in-picture: `call-screen` only (`call-screen/audio` has no video). */
  pipmove: VideoPanelEventDetails['pipmove'];
}

/** The WeChat event a `bind:<name>` handler on `<tccc-call-screen>` receives. */
export type CallScreenEvent<Name extends keyof CallScreenEventDetails> = WechatMiniprogram.CustomEvent<CallScreenEventDetails[Name]>;
