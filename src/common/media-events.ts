import type { NativeHandlerName } from '../services/platform/trtc-media';

type NativeEvent = WechatMiniprogram.CustomEvent<Record<string, unknown>>;

function forward(name: NativeHandlerName) {
  return function (this: { forwardMediaEvent(name: NativeHandlerName, event: NativeEvent): void }, event: NativeEvent) {
    this.forwardMediaEvent(name, event);
  };
}

/**
 * The handlers bound in common/media.wxml. Each component that renders media elements mixes this in and
 * implements `forwardMediaEvent`: the root hands the event to trtc-wx-sdk, a child hands it to the root.
 */
export const mediaEventsBehavior = Behavior({
  methods: {
    onPusherStateChange: forward('pusherEventHandler'),
    onPusherNetStatus: forward('pusherNetStatusHandler'),
    onPusherError: forward('pusherErrorHandler'),
    onPusherAudioVolume: forward('pusherAudioVolumeNotify'),
    onPlayerStateChange: forward('playerEventHandler'),
    onPlayerNetStatus: forward('playerNetStatus'),
    onPlayerFullscreenChange: forward('playerFullscreenChange'),
    onPlayerAudioVolume: forward('playerAudioVolumeNotify'),
  },
});
