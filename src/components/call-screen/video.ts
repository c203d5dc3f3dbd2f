import type { CoreMethod } from './core-call';
import type { DerivedAction } from './derived-state';
import type { VideoPanelEvent } from '../video-panel/api';

/** What the video handlers use of the screen they join (screen.ts). */
type Screen = WechatMiniprogram.Component.TrivialInstance & {
  start(media: 'video'): Promise<unknown>;
  control(names: CoreMethod[], args: unknown[], applied?: DerivedAction): void;
};

/**
 * What only video calls use of the call screen: the start-video button, the call bar's camera controls and
 * the picture-in-picture's placement. call-screen adds it; call-screen/audio ships none of it (its call bar
 * shows no camera controls, its start-video button never shows).
 */
export const videoCalls = Behavior({
  properties: {
    /** Starting place of the video call's picture-in-picture, in px inside the area beside the header (10000 = right edge). */
    pipX: { type: Number, value: 10000 },
    pipY: { type: Number, value: 0 },
  },
  methods: {
    onStartVideo(this: Screen) {
      this.start('video').catch(() => undefined);
    },
    onCamera(this: Screen, event: WechatMiniprogram.CustomEvent<{ enabled: boolean }>) {
      const { enabled } = event.detail;
      this.control([enabled ? 'enableCamera' : 'disableCamera'], [], { type: 'camera', enabled });
    },
    onSwitchCamera(this: Screen) {
      this.control(['switchCamera'], []);
    },
    /** Passed on, so a page can keep the caller's placement (and give it back as pip-x/pip-y next time). */
    onPipMove(this: Screen, event: VideoPanelEvent<'pipmove'>) {
      this.triggerEvent('pipmove', event.detail);
    },
  },
});
