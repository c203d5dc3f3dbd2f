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

type MediaChild = WechatMiniprogram.Component.TrivialInstance & {
  mediaRole(): 'pusher' | 'player';
  renderMedia(view: MediaView, rendered?: () => void): void;
};

interface Internals {
  controller: CallController;
  media: TrtcMedia | null;
  children: Set<MediaChild>;
  stopWatching: Array<() => void>;
}

/** Per-instance internals live outside `data`, so they are never serialised by setData. */
const internals = new WeakMap<object, Internals>();

function own(instance: object): Internals {
  const found = internals.get(instance);
  if (!found) throw new Error('tccc-wx-sdk: the component is not attached.');
  return found;
}

function child(instance: object, role: 'pusher' | 'player'): MediaChild | undefined {
  return Array.from(internals.get(instance)?.children ?? []).find((c) => c.mediaRole() === role);
}

defineComponent({
  behaviors: [rootBehavior, mediaEventsBehavior],
  relations: {
    mediaChild: {
      type: 'descendant',
      target: mediaChildBehavior,
      linked(target: WechatMiniprogram.Component.TrivialInstance) {
        internals.get(this)?.children.add(target as MediaChild);
        this.setData({ [`${(target as MediaChild).mediaRole()}Child`]: true });
      },
      unlinked(target: WechatMiniprogram.Component.TrivialInstance) {
        const found = internals.get(this);
        found?.children.delete(target as MediaChild);
        const role = (target as MediaChild).mediaRole();
        this.setData({ [`${role}Child`]: Boolean(found && child(this, role)) });
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
      const controller = createCallController({
        sdkAppId: () => String(instance.data.sdkAppId ?? ''),
        onMedia: (media) => {
          own(instance).media = media;
        },
        mediaHost: {
          context: () => child(instance, 'pusher') ?? instance,
          render: (view, rendered) => instance.renderMedia(view, rendered),
        },
      });
      internals.set(this, { controller, media: null, children: new Set(), stopWatching: [] });
    },
    attached() {
      const state = own(this);
      const devtools = isDevTools();
      if (devtools) warnDevToolsOnce();
      this.setData({ devtools });
      const { events } = state.controller;
      state.stopWatching.push(
        events.on('sessionStart', (detail) => this.triggerEvent('sessionStart', detail)),
        events.on('accepted', (detail) => this.triggerEvent('accepted', detail)),
        events.on('sessionEnded', (detail) => this.triggerEvent('sessionEnded', detail)),
        events.on('error', (error: TcccError) => this.triggerEvent('error', error.toJSON())),
        events.on('change', (view: CallView) => this.triggerEvent('statechange', view)),
        watchAudioInterruptions((interrupted) => state.controller.setSuspended(interrupted)),
      );
    },
    detached() {
      const state = internals.get(this);
      if (!state) return;
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
      const pusherChild = child(this, 'pusher');
      const playerChild = child(this, 'player');
      let pending = 1;
      const done = () => {
        pending -= 1;
        if (pending === 0) rendered?.();
      };
      const rootView: Partial<MediaView> = {};
      if (pusherChild) {
        pending += 1;
        pusherChild.renderMedia({ pusher: view.pusher, players: [] }, done);
      } else rootView.pusher = view.pusher;
      if (playerChild) playerChild.renderMedia({ pusher: null, players: view.players });
      else rootView.players = view.players;
      this.setData(rootView, done);
    },
  },
});

export type * from './api';
