import { defineComponent } from '../../common/component';
import { mediaEventsBehavior } from '../../common/media-events';
import { mediaChildBehavior } from '../../common/media-child';
import { rootBehavior } from '../../common/relations';
import type { CallController, CallView } from '../../services/call-controller';
import type { TcccError } from '../../services/errors';
import { createCallController } from '../../services/platform';
import { isDevTools, warnDevToolsOnce } from '../../services/platform/environment';
import { watchAudioInterruptions } from '../../services/platform/interruptions';
import type { MediaView, NativeHandlerName, TrtcMedia } from '../../services/platform/trtc-media';
import type { MediaChild, MediaRole } from './media-placement';
import { MediaPlacement } from './media-placement';

type ChildInstance = WechatMiniprogram.Component.TrivialInstance & MediaChild;

interface Internals {
  controller: CallController;
  /** The TRTC media of the current call: element events go to it. */
  media: TrtcMedia | null;
  placement: MediaPlacement;
  stopWatching: Array<() => void>;
  attached: boolean;
}

/** Per-instance internals live outside `data`, so they are never serialised by setData. */
const internals = new WeakMap<object, Internals>();

function own(instance: object): Internals {
  const found = internals.get(instance);
  if (!found) throw new Error('tccc-wx-sdk: the component is not attached.');
  return found;
}

/**
 * A pusher or player child was shown or hidden: the media moves to where it is rendered now. Deferred a
 * tick, so a page that is unloading (children detach first) does not restart the pusher on its way out.
 */
function relocateMedia(instance: object, role: MediaRole): void {
  Promise.resolve().then(() => {
    const state = internals.get(instance);
    if (state?.attached) state.placement.relocate(role);
  });
}

defineComponent({
  behaviors: [rootBehavior, mediaEventsBehavior],
  relations: {
    mediaChild: {
      type: 'descendant',
      target: mediaChildBehavior,
      linked(target: WechatMiniprogram.Component.TrivialInstance) {
        internals.get(this)?.placement.link(target as ChildInstance);
        const role = (target as ChildInstance).mediaRole();
        this.setData({ [`${role}Child`]: true });
        relocateMedia(this, role);
      },
      unlinked(target: WechatMiniprogram.Component.TrivialInstance) {
        const placement = internals.get(this)?.placement;
        placement?.unlink(target as ChildInstance);
        const role = (target as ChildInstance).mediaRole();
        this.setData({ [`${role}Child`]: Boolean(placement?.child(role)) });
        relocateMedia(this, role);
      },
    },
  },
  properties: {
    /** SdkAppId of your TCCC application; the login for it is used for calls. */
    sdkAppId: { type: String, optionalTypes: [Number], value: '' },
  },
  data: {
    devtools: false,
    pusherChild: false,
    playerChild: false,
    pusher: null as MediaView['pusher'],
    players: [] as MediaView['players'],
  },
  lifetimes: {
    created() {
      const instance = this;
      const placement = new MediaPlacement((view, done) => instance.setData(view, done));
      const controller = createCallController({
        sdkAppId: () => String(instance.data.sdkAppId ?? ''),
        onMedia: (media) => {
          placement.media = media;
          own(instance).media = media;
        },
        mediaHost: {
          context: (element = 'pusher') => placement.child(element) ?? instance,
          render: (view, rendered) => instance.renderMedia(view, rendered),
        },
      });
      internals.set(this, { controller, media: null, placement, stopWatching: [], attached: false });
      // For the instance's whole life, not only while attached: a call ended by the component leaving (a wx:if
      // that removes it, the page staying) still tells its one sessionEnded to the page that saw it start.
      controller.events.on('sessionEnded', (detail) => instance.triggerEvent('sessionEnded', detail));
    },
    attached() {
      const state = own(this);
      state.attached = true;
      const devtools = isDevTools();
      if (devtools) warnDevToolsOnce();
      this.setData({ devtools });
      const { events } = state.controller;
      state.stopWatching.push(
        events.on('sessionStart', (detail) => this.triggerEvent('sessionStart', detail)),
        events.on('accepted', (detail) => {
          this.triggerEvent('accepted', detail);
          // The public doc's sample binds `bind:accept`: it hears the same.
          this.triggerEvent('accept', detail);
        }),
        events.on('error', (error: TcccError) => this.triggerEvent('error', error.toJSON())),
        events.on('change', (view: CallView) => this.triggerEvent('statechange', view)),
        watchAudioInterruptions((interrupted) => state.controller.setSuspended(interrupted)),
      );
    },
    detached() {
      const state = internals.get(this);
      if (!state) return;
      state.attached = false;
      state.controller.dispose();
      state.stopWatching.forEach((stop) => stop());
      state.stopWatching = [];
    },
  },
  methods: {
    /** Starts an audio call to the IVR entry `channelId`. Resolves with `{ sessionId }`. */
    startCall(options: unknown) {
      return own(this).controller.start('audio', options);
    },
    /** Starts a video call to the IVR entry `channelId`. Resolves with `{ sessionId }`. */
    startSession(options: unknown) {
      return own(this).controller.start('video', options);
    },
    endCall() {
      return own(this).controller.hangUp();
    },
    endSession() {
      return own(this).controller.hangUp();
    },
    sendDigits(options: unknown) {
      return own(this).controller.sendDigits(options);
    },
    setSoundMode(soundMode: unknown) {
      return own(this).controller.setSoundMode(soundMode);
    },
    muteAudio() {
      return own(this).controller.adjustMedia('mute');
    },
    unmuteAudio() {
      return own(this).controller.adjustMedia('unmute');
    },
    /** The public doc spells it this way; kept as an alias of unmuteAudio. */
    unmnuteAudio() {
      return own(this).controller.adjustMedia('unmute');
    },
    switchCamera() {
      return own(this).controller.adjustMedia('switchCamera');
    },
    disableCamera() {
      return own(this).controller.adjustMedia('disableCamera');
    },
    enableCamera() {
      return own(this).controller.adjustMedia('enableCamera');
    },
    /** The current call state: phase, media kind, mute, sound mode, camera, queue position. */
    getState(): CallView {
      return own(this).controller.getView();
    },
    forwardMediaEvent(name: NativeHandlerName, event: WechatMiniprogram.CustomEvent<Record<string, unknown>>) {
      internals.get(this)?.media?.handle(name, event);
    },
    /** Sends pusher attributes to the pusher child (or our own hidden element) and players likewise. */
    renderMedia(view: MediaView, rendered?: () => void) {
      internals.get(this)?.placement.render(view, rendered);
    },
  },
});

export type * from './api';
