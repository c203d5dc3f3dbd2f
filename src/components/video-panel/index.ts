import { defineComponent } from '../../common/component';
import { localeBehavior } from '../../common/locale-behavior';
import { videoTexts } from './texts';

/**
 * The video layout: the agent's video large (slot `remote`), the caller's camera as a picture-in-picture
 * the caller can drag (slot `local`), placeholders for camera off / waiting for the agent / reconnecting,
 * and a network-quality indicator. Put `tccc-wx-sdk-player` and `tccc-wx-sdk-pusher` in the slots.
 */
defineComponent({
  behaviors: [localeBehavior('video', videoTexts)],
  properties: {
    /** 'waiting' (no agent yet), 'talking', 'reconnecting' or 'ended'. */
    status: { type: String, value: 'waiting' },
    cameraEnabled: { type: Boolean, value: true },
    /** 'unknown' (hidden), 'good', 'fair' or 'poor': `getState().network` of the root component. */
    network: { type: String, value: 'unknown' },
    /** Starting position of the picture-in-picture, in px from the panel's top left; it stays inside. */
    pipX: { type: Number, value: 10000 },
    pipY: { type: Number, value: 16 },
    /** Says "waiting" / "reconnecting" under the overlay's animation; off where a screen says it already (the call screen). */
    overlayText: { type: Boolean, value: true },
  },
  methods: {
    onPipChange(event: WechatMiniprogram.MovableViewChange) {
      // Only drags by the caller; the initial placement reports itself too.
      if (event.detail.source !== 'touch') return;
      this.triggerEvent('pipmove', { x: event.detail.x, y: event.detail.y });
    },
  },
});
