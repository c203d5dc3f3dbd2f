import { defineComponent } from '../../common/component';
import { localeBehavior } from '../../common/locale-behavior';
import { selectComponent } from '../../common/select';
import { resolveTexts } from '../../common/locale';
import type { Texts } from '../../common/locale';
import type { CallView, SessionEndedDetail } from '../../services/call-controller';
import { ErrorCode, TcccError, toTcccError } from '../../services/errors';
import type { LastEnd, ScreenState } from './screen-state';
import { changedFields, screenStateOf } from './screen-state';
import { startFailureText } from './start-failure';

type Root = WechatMiniprogram.Component.TrivialInstance & {
  startCall(options: { channelId: string }): Promise<unknown>;
  startSession(options: { channelId: string }): Promise<unknown>;
  endCall(): Promise<unknown>;
  muteAudio(): Promise<unknown>;
  unmuteAudio(): Promise<unknown>;
  setSoundMode(mode: string): Promise<unknown>;
  enableCamera(): Promise<unknown>;
  disableCamera(): Promise<unknown>;
  switchCamera(): Promise<unknown>;
  getState(): CallView;
};

interface Internals {
  texts: Texts;
  lastEnd: LastEnd | null;
}

const internals = new WeakMap<object, Internals>();
const ROOT_SELECTOR = '#tcccSdk';

function ownOf(instance: object): Internals {
  let found = internals.get(instance);
  if (!found) {
    found = { texts: resolveTexts('zh-CN'), lastEnd: null };
    internals.set(instance, found);
  }
  return found;
}

/**
 * A complete call screen: the root `tccc-wx-sdk` with a status line, the call timer, the keypad, the call
 * bar and, for video, the video panel with the pusher and player. It re-emits the root's `sessionStart`,
 * `accepted`, `sessionEnded` and `error` events and shows no toasts: the page decides what to say.
 */
defineComponent({
  behaviors: [localeBehavior('actions')],
  properties: {
    /** SdkAppId of your TCCC application (the root component's `sdkAppId`). */
    sdkAppId: { type: String, optionalTypes: [Number], value: '' },
    /** The IVR entry to call. */
    channelId: { type: String, value: '' },
    /** Which calls the start buttons offer: 'audio', 'video' or 'both'. */
    media: { type: String, value: 'audio' },
    /** Heading above the status line, e.g. your service's name. */
    title: { type: String, value: '' },
    /** Starting place of the video call's picture-in-picture, in px inside the area beside the header (10000 = right edge). */
    pipX: { type: Number, value: 10000 },
    pipY: { type: Number, value: 0 },
  },
  data: {
    phase: 'idle' as CallView['phase'],
    kind: 'audio' as ScreenState['kind'],
    muted: false,
    soundMode: 'speaker' as CallView['soundMode'],
    cameraEnabled: true,
    network: 'unknown' as CallView['network'],
    statusText: resolveTexts('zh-CN').status.idle,
    videoStatus: 'ended' as ScreenState['videoStatus'],
    /** When the agent answered (ms); drives the call timer. */
    talkStart: 0,
    keypadOpen: false,
    hangingUp: false,
    /** Why the last start failed, in words; shown in place of the status line until the next start. */
    failureText: '',
  },
  observers: {
    /** The button labels come from localeBehavior; the status line is rendered from these texts. */
    locale(locale: unknown) {
      ownOf(this).texts = resolveTexts(locale);
      this.render();
    },
  },
  methods: {
    /** Starts a call of `media` ('audio' or 'video'; default: the first the screen offers). */
    start(media?: unknown) {
      if (media !== undefined && media !== 'audio' && media !== 'video') {
        return Promise.reject(new TcccError(ErrorCode.InvalidArgument, `call-screen: start takes 'audio' or 'video', got ${JSON.stringify(media)}.`, { argument: 'media' }));
      }
      const kind = media ?? (this.data.media === 'video' ? 'video' : 'audio');
      const root = this.root();
      if (!root) return Promise.reject(this.missingRoot());
      ownOf(this).lastEnd = null;
      if (this.data.failureText) this.setData({ failureText: '' });
      const options = { channelId: this.data.channelId };
      const call = kind === 'video' ? root.startSession(options) : root.startCall(options);
      // A start given up (hang-up, timeout) while the privacy consent is open closes it: nothing stays pending.
      return this.report(call).catch((error: unknown) => {
        selectComponent<{ dismiss(): boolean }>(this, '#tcccPrivacy')?.dismiss();
        const failureText = startFailureText((error as { code?: unknown } | null)?.code, ownOf(this).texts);
        if (failureText !== this.data.failureText) this.setData({ failureText });
        throw error;
      });
    },
    /** Hangs up the current call. */
    hangUp() {
      const root = this.root();
      if (!root) return Promise.reject(this.missingRoot());
      this.setData({ hangingUp: true });
      // Usually render() has already cleared it with the end of the call, in the same setData.
      const done = () => this.data.hangingUp && this.setData({ hangingUp: false });
      return this.report(root.endCall()).then(
        (result) => (done(), result),
        (error: unknown) => {
          done();
          throw error;
        },
      );
    },
    onStartAudio() {
      this.start('audio').catch(() => undefined);
    },
    onStartVideo() {
      this.start('video').catch(() => undefined);
    },
    onHangUp() {
      this.hangUp().catch(() => undefined);
    },
    onMute(event: WechatMiniprogram.CustomEvent<{ muted: boolean }>) {
      const root = this.root();
      if (root) this.report(event.detail.muted ? root.muteAudio() : root.unmuteAudio()).catch(() => undefined);
    },
    onSpeaker(event: WechatMiniprogram.CustomEvent<{ soundMode: string }>) {
      const root = this.root();
      if (root) this.report(root.setSoundMode(event.detail.soundMode)).catch(() => undefined);
    },
    onCamera(event: WechatMiniprogram.CustomEvent<{ enabled: boolean }>) {
      const root = this.root();
      if (root) this.report(event.detail.enabled ? root.enableCamera() : root.disableCamera()).catch(() => undefined);
    },
    onSwitchCamera() {
      const root = this.root();
      if (root) this.report(root.switchCamera()).catch(() => undefined);
    },
    /** Passed on, so a page can keep the caller's placement (and give it back as pip-x/pip-y next time). */
    onPipMove(event: WechatMiniprogram.CustomEvent<{ x: number; y: number }>) {
      this.triggerEvent('pipmove', event.detail);
    },
    onKeypad(event: WechatMiniprogram.CustomEvent<{ open: boolean }>) {
      this.setData({ keypadOpen: event.detail.open });
    },
    onState(event: WechatMiniprogram.CustomEvent<CallView>) {
      this.render(event.detail);
    },
    onSessionStart(event: WechatMiniprogram.CustomEvent<Record<string, unknown>>) {
      this.triggerEvent('sessionStart', event.detail);
    },
    onAccepted(event: WechatMiniprogram.CustomEvent<Record<string, unknown>>) {
      this.triggerEvent('accepted', event.detail);
    },
    onSessionEnded(event: WechatMiniprogram.CustomEvent<SessionEndedDetail>) {
      ownOf(this).lastEnd = { closeBy: event.detail.closeBy, reason: event.detail.reason };
      this.render();
      selectComponent<{ clear(): void }>(this, '#tcccKeypad')?.clear();
      this.triggerEvent('sessionEnded', event.detail);
    },
    /** The root's errors and the keypad's, passed on as they are. */
    onChildError(event: WechatMiniprogram.CustomEvent<Record<string, unknown>>) {
      this.triggerEvent('error', event.detail);
    },
    /** One setData with only what changed; the timer start is set once when the agent answers. */
    render(view?: CallView) {
      const current = view ?? this.root()?.getState();
      if (!current) return;
      const own = ownOf(this);
      const preferred = this.data.media === 'video' ? 'video' : 'audio';
      const next = screenStateOf(current, own.texts, own.lastEnd, preferred);
      const patch: Record<string, unknown> = changedFields(this.data as unknown as ScreenState, next);
      if (next.phase === 'active' && this.data.talkStart === 0) patch.talkStart = Date.now();
      if (next.phase !== 'active' && this.data.talkStart !== 0) patch.talkStart = 0;
      if (next.phase === 'idle' && this.data.keypadOpen) patch.keypadOpen = false;
      if (next.phase === 'idle' && this.data.hangingUp) patch.hangingUp = false;
      if (Object.keys(patch).length > 0) this.setData(patch);
    },
    root(): Root | null {
      return selectComponent<Root>(this, ROOT_SELECTOR);
    },
    missingRoot() {
      return new TcccError(ErrorCode.InvalidState, 'call-screen: the call component is not rendered yet.');
    },
    /** Rejections of the root's methods become `error` events, so the page can show them its own way. */
    report<T>(promise: Promise<T>): Promise<T> {
      return promise.catch((error: unknown) => {
        this.triggerEvent('error', toTcccError(error, ErrorCode.Server).toJSON());
        throw error;
      });
    },
  },
});
