import { defineComponent } from '../../common/component';
import { localeBehavior } from '../../common/locale-behavior';
import { selectComponent } from '../../common/select';
import { devChecks } from '../../common/dev-hooks';
import { resolveTexts } from '../../common/locale';
import type { SharedTexts } from '../../common/locale';
import { ErrorCode, TcccError, toTcccError } from '../../services/errors';
import type { CoreComponent, CoreMethod } from './core-call';
import { callCore, reportsState } from './core-call';
import type { DerivedAction } from './derived-state';
import { IDLE_VIEW, nextDerivedView } from './derived-state';
import type { CoreView, LastEnd, ScreenState } from './screen-state';
import { changedFields, screenStateOf } from './screen-state';
import { startFailureText } from './start-failure';

interface Internals {
  texts: SharedTexts;
  lastEnd: LastEnd | null;
  /** The call as the screen derives it, for a core without getState (Tencent's). */
  derived: CoreView;
  /** The code of the last start's failure, kept so its words follow a change of locale; null when none. */
  failure: { code: unknown } | null;
  /** Whether this call's IVR has opened the keypad already (the caller may close it again). */
  keypadOffered: boolean;
}

const internals = new WeakMap<object, Internals>();
const ROOT_SELECTOR = '#tcccSdk';

function ownOf(instance: object): Internals {
  let found = internals.get(instance);
  if (!found) {
    found = { texts: resolveTexts('zh-CN'), lastEnd: null, derived: IDLE_VIEW, failure: null, keypadOffered: false };
    internals.set(instance, found);
  }
  return found;
}

/** An event detail as a plain object: a core may send none, or leave out any field. */
function detailOf(event: { detail?: unknown }): Record<string, unknown> {
  return event.detail && typeof event.detail === 'object' ? (event.detail as Record<string, unknown>) : {};
}

/** What a variant of the screen adds: behaviours (call-screen's video handlers, call-screen/audio's refusals), and starts it refuses. */
export interface CallScreenVariant {
  behaviors?: string[];
  /** Why `start(kind)` is refused, or null to go on. */
  refuseStart?(kind: 'audio' | 'video'): TcccError | null;
}

/**
 * A complete call screen: the root `tccc-wx-sdk` with a status line, the call timer, the keypad, the call
 * bar and, for video, the video panel with the pusher and player. It re-emits the root's `sessionStart`,
 * `accepted`, `sessionEnded` and `error` events and shows no toasts: the page decides what to say.
 *
 * It reaches the core by package name and through the documented methods and events only. Where the core
 * reports its state (our core's getState/statechange) the screen shows all of it; otherwise it derives
 * connecting → waiting → talking → ended from its own calls and the four events.
 */
export function defineCallScreen(variant: CallScreenVariant = {}): void {
  defineComponent({
    behaviors: [localeBehavior('actions'), ...(variant.behaviors ?? [])],
    properties: {
      /** SdkAppId of your TCCC application (the root component's `sdkAppId`). */
      sdkAppId: { type: String, optionalTypes: [Number], value: '' },
      /** The IVR entry to call. */
      channelId: { type: String, value: '' },
      /** Which calls the start buttons offer: 'audio', 'video' or 'both'. */
      media: { type: String, value: 'audio' },
      /** Heading above the status line, e.g. your service's name. */
      title: { type: String, value: '' },
    },
    data: {
      phase: 'idle' as ScreenState['phase'],
      kind: 'audio' as ScreenState['kind'],
      muted: false,
      soundMode: 'speaker' as ScreenState['soundMode'],
      cameraEnabled: true,
      network: 'unknown' as ScreenState['network'],
      statusText: resolveTexts('zh-CN').status.idle,
      tone: 'neutral' as ScreenState['tone'],
      seatName: '',
      videoStatus: 'ended' as ScreenState['videoStatus'],
      /** When the agent answered (ms); drives the call timer. */
      talkStart: 0,
      keypadOpen: false,
      hangingUp: false,
      /** Why the last start failed, in words; shown in place of the status line until the next start. */
      failureText: '',
      /** The privacy consent is open: everything else is hidden from screen readers. */
      consentOpen: false,
    },
    lifetimes: {
      ready() {
        devChecks.drawnContrast?.(this);
      },
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
        const refusal = variant.refuseStart?.(kind);
        if (refusal) return Promise.reject(refusal);
        const root = this.root();
        if (!root) return Promise.reject(this.missingRoot());
        ownOf(this).lastEnd = null;
        ownOf(this).failure = null;
        if (this.data.failureText) this.setData({ failureText: '' });
        this.derive(root, { type: 'start', kind });
        const options = { channelId: this.data.channelId };
        const call = callCore(root, [kind === 'video' ? 'startSession' : 'startCall'], options);
        call.then(
          () => this.derive(root, { type: 'started' }),
          () => this.derive(root, { type: 'startFailed' }),
        );
        // A start given up (hang-up, timeout) while the privacy consent is open closes it: nothing stays pending.
        return this.report(call).catch((error: unknown) => {
          selectComponent<{ dismiss(): boolean }>(this, '#tcccPrivacy')?.dismiss();
          ownOf(this).failure = { code: (error as { code?: unknown } | null)?.code };
          this.render();
          throw error;
        });
      },
      /** Hangs up the current call. */
      hangUp() {
        const root = this.root();
        if (!root) return Promise.reject(this.missingRoot());
        this.setData({ hangingUp: true });
        this.derive(root, { type: 'hangUp' });
        // Usually render() has already cleared it with the end of the call, in the same setData.
        const done = () => {
          // A core that ends the call without a sessionEnded for the caller's own hang-up: ended all the same.
          if (!reportsState(root) && ownOf(this).derived.phase === 'ending') {
            ownOf(this).lastEnd = { closeBy: 'user' };
            this.derive(root, { type: 'ended' });
          }
          if (this.data.hangingUp) this.setData({ hangingUp: false });
        };
        const names: CoreMethod[] = this.data.kind === 'video' ? ['endSession', 'endCall'] : ['endCall', 'endSession'];
        return this.report(callCore(root, names)).then(
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
      onHangUp() {
        this.hangUp().catch(() => undefined);
      },
      onMute(event: WechatMiniprogram.CustomEvent<{ muted: boolean }>) {
        const { muted } = event.detail;
        // The doc spells unmute only `unmnuteAudio`; our core has both.
        this.control(muted ? ['muteAudio'] : ['unmuteAudio', 'unmnuteAudio'], [], { type: 'muted', muted });
      },
      onSpeaker(event: WechatMiniprogram.CustomEvent<{ soundMode: 'speaker' | 'ear' }>) {
        const { soundMode } = event.detail;
        this.control(['setSoundMode'], [soundMode], { type: 'soundMode', soundMode });
      },
      /** A call-bar control: the core's method, then (on a core without state) what it changed. */
      control(names: CoreMethod[], args: unknown[], applied?: DerivedAction) {
        const root = this.root();
        if (!root) return;
        this.report(callCore(root, names, ...args)).then(
          () => applied && this.derive(root, applied),
          () => undefined,
        );
      },
      onKeypad(event: WechatMiniprogram.CustomEvent<{ open: boolean }>) {
        this.setData({ keypadOpen: event.detail.open });
      },
      onConsentShow() {
        this.setData({ consentOpen: true });
      },
      onConsentClose() {
        this.setData({ consentOpen: false });
      },
      /** Our core's state, on each change. */
      onState(event: WechatMiniprogram.CustomEvent<CoreView>) {
        this.render(event.detail);
      },
      onSessionStart(event: WechatMiniprogram.CustomEvent<Record<string, unknown>>) {
        const root = this.root();
        if (root) this.derive(root, { type: 'started' });
        this.triggerEvent('sessionStart', detailOf(event));
      },
      onAccepted(event: WechatMiniprogram.CustomEvent<Record<string, unknown>>) {
        const detail = detailOf(event);
        const root = this.root();
        if (root) this.derive(root, { type: 'accepted', seatName: detail.seatName });
        this.triggerEvent('accepted', detail);
      },
      onSessionEnded(event: WechatMiniprogram.CustomEvent<Record<string, unknown>>) {
        const detail = detailOf(event);
        const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
        ownOf(this).lastEnd = { closeBy: text(detail.closeBy), reason: text(detail.reason) };
        const root = this.root();
        if (root && !reportsState(root)) this.derive(root, { type: 'ended' });
        else this.render();
        selectComponent<{ clear(): void }>(this, '#tcccKeypad')?.clear();
        this.triggerEvent('sessionEnded', detail);
      },
      /** The root's errors and the keypad's, passed on as they are. */
      onChildError(event: WechatMiniprogram.CustomEvent<Record<string, unknown>>) {
        this.triggerEvent('error', event.detail);
      },
      /**
       * One setData with only what changed: the timer starts once when the agent answers, the IVR opens the
       * keypad once a call (its prompt says to use it), a failed start is said in the current locale.
       */
      render(view?: CoreView) {
        const current = view ?? this.currentView();
        if (!current) return;
        const own = ownOf(this);
        const preferred = this.data.media === 'video' ? 'video' : 'audio';
        const next = screenStateOf(current, own.texts, own.lastEnd, preferred);
        const patch: Record<string, unknown> = changedFields(this.data as unknown as ScreenState, next);
        if (next.phase === 'active' && this.data.talkStart === 0) patch.talkStart = Date.now();
        if (next.phase !== 'active' && this.data.talkStart !== 0) patch.talkStart = 0;
        if (next.phase === 'ivr' && !own.keypadOffered) {
          own.keypadOffered = true;
          if (!this.data.keypadOpen) patch.keypadOpen = true;
        }
        if (next.phase === 'idle') {
          own.keypadOffered = false;
          if (this.data.keypadOpen) patch.keypadOpen = false;
          if (this.data.hangingUp) patch.hangingUp = false;
        }
        const failureText = own.failure ? startFailureText(own.failure.code, own.texts) : '';
        if (failureText !== this.data.failureText) patch.failureText = failureText;
        if (Object.keys(patch).length > 0) this.setData(patch);
      },
      /** The core's state: its own (getState), or the one derived here. */
      currentView(): CoreView | null {
        const root = this.root();
        if (!root) return null;
        return reportsState(root) ? (root.getState!() as CoreView) : ownOf(this).derived;
      },
      /** On a core without getState: one step of the derived state, rendered. Our core reports its own. */
      derive(root: CoreComponent, action: DerivedAction) {
        if (reportsState(root)) return;
        const own = ownOf(this);
        const next = nextDerivedView(own.derived, action);
        if (next === own.derived) return;
        own.derived = next;
        this.render(next);
      },
      root(): CoreComponent | null {
        return selectComponent<CoreComponent>(this, ROOT_SELECTOR);
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
}
