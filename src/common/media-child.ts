import type { MediaView, NativeHandlerName } from '../services/platform/trtc-media';
import { isDevTools } from '../services/platform/environment';
import { mediaEventsBehavior } from './media-events';
import { rootBehavior } from './relations';

type Root = WechatMiniprogram.Component.TrivialInstance & {
  forwardMediaEvent(name: NativeHandlerName, event: WechatMiniprogram.CustomEvent<Record<string, unknown>>): void;
};

const roots = new WeakMap<object, Root>();

/**
 * What `tccc-wx-sdk/pusher` and `tccc-wx-sdk/player` share: the link to the root `tccc-wx-sdk` (the
 * relation that also makes WeChat warn when one is placed outside it), the element events forwarded to
 * the root, and the DevTools placeholder. Each component supplies `mediaRole()`.
 */
export const mediaChildBehavior = Behavior({
  behaviors: [mediaEventsBehavior],
  relations: {
    tcccRoot: {
      type: 'ancestor',
      target: rootBehavior,
      linked(target: WechatMiniprogram.Component.TrivialInstance) {
        roots.set(this, target as Root);
      },
      unlinked() {
        roots.delete(this);
      },
    },
  },
  data: {
    devtools: false,
    pusher: null as MediaView['pusher'],
    players: [] as MediaView['players'],
  },
  lifetimes: {
    attached() {
      this.setData({ devtools: isDevTools() });
    },
  },
  methods: {
    renderMedia(view: MediaView, rendered?: () => void) {
      const role = (this as unknown as { mediaRole(): 'pusher' | 'player' }).mediaRole();
      this.setData(role === 'pusher' ? { pusher: view.pusher } : { players: view.players }, rendered);
    },
    forwardMediaEvent(name: NativeHandlerName, event: WechatMiniprogram.CustomEvent<Record<string, unknown>>) {
      roots.get(this)?.forwardMediaEvent(name, event);
    },
  },
});
