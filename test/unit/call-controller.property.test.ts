import fc from 'fast-check';
import { MediaPlacement } from '../../src/components/tccc-wx-sdk/media-placement';
import type { CallController } from '../../src/services/call-controller';
import { TcccError } from '../../src/services/errors';
import { LIVE_PHASES } from '../../src/services/session-machine';
import type { MediaView } from '../../src/services/platform/trtc-media';
import { TrtcMedia } from '../../src/services/platform/trtc-media';
import type { AwaitPoint } from './scripted-backend';
import { FakeMedia, ScriptedBackend, scriptedController, sleep } from './scripted-backend';
import type { WxRuntime } from '../../testing';
import { installWxRuntime } from '../../testing';

type Action =
  | { kind: 'method'; name: string; args: unknown[] }
  | { kind: 'server'; event: 'queued' | 'ringing' | 'accepted' | 'ended' | 'stray' }
  | { kind: 'drop' }
  | { kind: 'fault'; on: boolean }
  | { kind: 'wait'; ms: number }
  /** Hang up at the next point where the controller awaits this. */
  | { kind: 'hangUpAt'; point: AwaitPoint }
  /** Show or hide the <tccc-wx-sdk-pusher> child. */
  | { kind: 'togglePusher' }
  /** TRTC gives up on the media (pusher -1307), or it is back. */
  | { kind: 'media'; back: boolean }
  /** The component leaves the page. */
  | { kind: 'dispose' };

/** Mostly valid arguments, sometimes bad ones; starts and server events often enough to reach every phase. */
const VALID_ARGS: Record<string, unknown[]> = { startCall: [{ channelId: 'c1' }], startSession: [{ channelId: 'c1' }], sendDigits: ['12#'], setSoundMode: ['ear'] };
const BAD_ARGS: Record<string, unknown[]> = { startCall: [{}], startSession: [{ channelId: 42 }], sendDigits: ['12a'], setSoundMode: ['loud'] };
const methodArb = fc
  .tuple(
    fc.constantFrom('startCall', 'startCall', 'startSession', 'endCall', 'sendDigits', 'mute', 'unmute', 'setSoundMode', 'switchCamera', 'disableCamera', 'enableCamera'),
    fc.integer({ min: 0, max: 4 }),
  )
  .map(([name, dice]): Action => ({ kind: 'method', name, args: (dice === 0 ? BAD_ARGS[name] : VALID_ARGS[name]) ?? [] }));

const AWAIT_POINTS: AwaitPoint[] = ['permission', 'create', 'created', 'welcome', 'join', 'delete'];

function actionArb(extra: Array<{ weight: number; arbitrary: fc.Arbitrary<Action> }>): fc.Arbitrary<Action> {
  return fc.oneof(
    { weight: 4, arbitrary: methodArb },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('server' as const), event: fc.constantFrom('queued' as const, 'ringing' as const, 'accepted' as const, 'ended' as const, 'stray' as const) }) },
    { weight: 1, arbitrary: fc.constant<Action>({ kind: 'drop' }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('fault' as const), on: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 20 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('hangUpAt' as const), point: fc.constantFrom(...AWAIT_POINTS) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('media' as const), back: fc.boolean() }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 9 }).filter((dice) => dice === 0).map((): Action => ({ kind: 'dispose' })) },
    ...extra,
  );
}

/**
 * Drives one controller through `actions` and checks the invariants: one sessionEnded per sessionStart, told
 * after its start has settled, every promise settles with a typed error, media released, nothing started or
 * created once the component has left, and an undisturbed hang-up (no faults, no dropped socket or media, no
 * server-side end meanwhile) leaves no call on the server and ends as the user's.
 */
async function runActions(
  actions: Action[],
  backend: ScriptedBackend,
  controller: CallController,
  options: { mediaActive: () => number; toggle?: () => void; media?: (back: boolean) => void; check?: (violations: string[]) => void },
): Promise<void> {
  const started: string[] = [];
  const ended: Array<{ sessionId: string; closeBy: string; reason: string }> = [];
  const errors: string[] = [];
  const violations: string[] = [];
  const starts: Array<{ settled: boolean; sessionId?: string }> = [];
  let disposed = false;
  controller.events.on('sessionStart', ({ sessionId }) => {
    if (started.length !== ended.length) violations.push(`sessionStart ${sessionId} while another call is live`);
    if (disposed) violations.push(`sessionStart ${sessionId} after the component left`);
    started.push(sessionId);
    const start = starts.find((entry) => !entry.settled && !entry.sessionId);
    if (start) start.sessionId = sessionId;
  });
  controller.events.on('sessionEnded', (detail) => {
    if (started[started.length - 1] !== detail.sessionId || ended.some((e) => e.sessionId === detail.sessionId)) violations.push(`unexpected sessionEnded ${detail.sessionId}`);
    if (starts.some((entry) => entry.sessionId === detail.sessionId && !entry.settled)) violations.push(`sessionEnded ${detail.sessionId} before its start settled`);
    ended.push(detail);
    if (options.mediaActive() > 0) violations.push(`media still active after ${detail.sessionId} ended`);
  });
  controller.events.on('error', (error) => errors.push(error.code));
  const startCall = (promise: Promise<unknown>) => {
    const entry: { settled: boolean; sessionId?: string } = { settled: false };
    starts.push(entry);
    const done = () => (entry.settled = true);
    promise.then(done, done);
    call(promise);
  };

  let disturbances = 0;
  let serverEnds = 0;
  const pending: Array<{ settled: boolean }> = [];
  function call(promise: Promise<unknown>) {
    const entry = { settled: false };
    pending.push(entry);
    promise.then(
      () => (entry.settled = true),
      (error: { code?: string }) => {
        entry.settled = true;
        if (typeof error?.code !== 'string') violations.push(`untyped rejection: ${String(error)}`);
      },
    );
  }
  const hangUp = () => {
    const before = { disturbances, serverEnds, faulty: backend.faulty, ended: ended.length, errors: errors.length, phase: controller.getView().phase };
    const promise = controller.hangUp();
    call(promise);
    promise.then(
      () => {
        const undisturbed = !before.faulty && !backend.faulty && disturbances === before.disturbances && serverEnds === before.serverEnds;
        if (!undisturbed) return;
        if (backend.live !== null) violations.push(`endCall (from ${before.phase}) resolved while the server still has ${backend.live}`);
        for (const end of ended.slice(before.ended)) {
          if (end.closeBy !== 'user') violations.push(`the user's hang-up (from ${before.phase}) ended as ${end.closeBy}/${end.reason}`);
        }
        if (errors.length > before.errors) violations.push(`the user's hang-up (from ${before.phase}) raised ${errors.slice(before.errors).join(', ')}`);
      },
      () => undefined,
    );
  };

  for (const action of actions) {
    if (action.kind === 'method') {
      const c = controller;
      const methods: Record<string, () => void> = {
        startCall: () => startCall(c.start('audio', action.args[0])),
        startSession: () => startCall(c.start('video', action.args[0])),
        endCall: hangUp,
        sendDigits: () => call(c.sendDigits(action.args[0])),
        setSoundMode: () => call(c.setSoundMode(action.args[0])),
        mute: () => call(c.adjustMedia('mute')),
        unmute: () => call(c.adjustMedia('unmute')),
        switchCamera: () => call(c.adjustMedia('switchCamera')),
        disableCamera: () => call(c.adjustMedia('disableCamera')),
        enableCamera: () => call(c.adjustMedia('enableCamera')),
      };
      methods[action.name]();
    } else if (action.kind === 'server') {
      if (action.event === 'ended') {
        serverEnds += 1;
        backend.serverEnds('seat', 'ok');
      } else if (action.event === 'stray') backend.push({ type: 'accepted', seatName: 'x' }, 's-unknown');
      else backend.push({ type: action.event, position: 1, seatName: 'A' });
    } else if (action.kind === 'drop') {
      disturbances += 1;
      backend.dropSockets();
    } else if (action.kind === 'fault') {
      if (action.on) disturbances += 1;
      backend.faulty = action.on;
    } else if (action.kind === 'hangUpAt') backend.hooks.set(action.point, hangUp);
    else if (action.kind === 'togglePusher') options.toggle?.();
    else if (action.kind === 'media') {
      disturbances += 1;
      options.media?.(action.back);
    } else if (action.kind === 'dispose' && !disposed) {
      disposed = true;
      const requestedBefore = backend.createRequests;
      controller.dispose();
      // Whatever runs from now on must not ask the server for a call.
      const createdAfter = () => backend.createRequests > requestedBefore;
      const check = options.check;
      options.check = (found) => {
        if (createdAfter()) found.push('a create request after the component left');
        check?.(found);
      };
    }
    // Time passes between actions, so requests, socket frames and media joins interleave with them.
    await sleep(action.kind === 'wait' ? action.ms : 2);
    options.check?.(violations);
  }

  backend.hooks.clear();
  backend.faulty = false;
  call(controller.hangUp());
  const deadline = Date.now() + 2000;
  while ((pending.some((p) => !p.settled) || controller.getView().phase !== 'idle') && Date.now() < deadline) await sleep(5);
  options.check?.(violations);

  expect(violations).toEqual([]);
  expect(pending.filter((p) => !p.settled)).toHaveLength(0);
  expect(controller.getView().phase).toBe('idle');
  expect(ended.map((e) => e.sessionId)).toEqual(started);
  expect(options.mediaActive()).toBe(0);
  controller.dispose();
}

test('random calls, server events, faults and hang-ups at every await keep the invariants', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(actionArb([]), { minLength: 1, maxLength: 30 }), async (actions) => {
      const backend = new ScriptedBackend();
      FakeMedia.reset();
      const controller = scriptedController(backend);
      const lost = new TcccError('media', 'The media connection was lost (-1307).');
      const media = (back: boolean) => {
        const current = Array.from(FakeMedia.active).pop();
        current?.callbacks.onReconnecting?.(!back, back ? undefined : lost);
      };
      await runActions(actions, backend, controller, { mediaActive: () => FakeMedia.active.size, media });
    }),
    { numRuns: 120 },
  );
}, 120000);

/**
 * The same with real TRTC media (trtc-wx-sdk) rendered through the root's MediaPlacement, and a pusher
 * child that a page shows and hides (`wx:if`) at any time. While a call's pusher is rendered, exactly one
 * <live-pusher> holds it: the child's when there is one, else the root's, and the last pusher start went
 * through a context bound to that component.
 */
describe('with real TRTC media and a pusher child that comes and goes', () => {
  let wx: WxRuntime;
  let quiet: jest.SpyInstance;
  beforeEach(() => {
    wx = installWxRuntime();
    // trtc-wx-sdk logs every pusher reset with console.log, whatever its log level.
    quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    quiet.mockRestore();
    wx.restore();
  });

  test('one live pusher, started where it is rendered, whenever a call shows one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(actionArb([{ weight: 3, arbitrary: fc.constant<Action>({ kind: 'togglePusher' }) }]), { minLength: 1, maxLength: 30 }), async (actions) => {
        const backend = new ScriptedBackend();
        backend.rtc = { type: 'trtc', sdkAppId: 1400000000, roomId: 77, userId: 'caller', userSig: 'sig' };

        type Holder = { name: string; pusher: MediaView['pusher'] };
        const root: Holder = { name: 'root', pusher: null };
        let child: (Holder & { mediaRole(): 'pusher'; renderMedia(view: MediaView, rendered?: () => void): void }) | null = null;
        let children = 0;
        const placement = new MediaPlacement((view, done) => {
          if ('pusher' in view) root.pusher = view.pusher ?? null;
          setTimeout(done, 0);
        });
        let startedOn: object | null = null;
        let current: TrtcMedia | null = null;
        /** The pusher the current call last rendered, and renders not yet on screen (their callback starts the pusher). */
        let lastRendered: MediaView['pusher'] = null;
        let rendering = 0;
        const active = new Set<TrtcMedia>();
        const globalWx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
        globalWx.createLivePusherContext = (component: object) => ({
          // A real element reports the room entered after it starts pushing.
          start: () => {
            startedOn = component;
            setTimeout(() => current?.handle('pusherEventHandler', { detail: { code: 1018, message: 'enter room success' } }), 1);
          },
          stop: () => undefined,
          switchCamera: () => undefined,
        });

        const controller = scriptedController(backend, {
          createMedia: (rtc, callbacks) => {
            if (rtc.type !== 'trtc') throw new Error('expected a TRTC room');
            const media = new TrtcMedia(rtc, callbacks, {
              context: () => placement.child('pusher') ?? root,
              render: (view, rendered) => {
                if (current === media) lastRendered = view.pusher;
                rendering += 1;
                placement.render(view, () => {
                  rendering -= 1;
                  rendered?.();
                });
              },
            });
            const join = media.join.bind(media);
            const leave = media.leave.bind(media);
            media.join = (settings) => {
              active.add(media);
              backend.at('join');
              return join(settings);
            };
            media.leave = () => {
              active.delete(media);
              leave();
            };
            current = media;
            lastRendered = null;
            placement.media = media;
            return media;
          },
        });

        // As the root component does: relations tell it a child came or went; the media follows a tick later.
        const toggle = () => {
          if (child) {
            placement.unlink(child);
            child = null;
          } else {
            children += 1;
            child = {
              name: `child ${children}`,
              pusher: null,
              mediaRole: () => 'pusher',
              renderMedia(view, rendered) {
                this.pusher = view.pusher;
                setTimeout(() => rendered?.(), 0);
              },
            };
            placement.link(child);
          }
          void Promise.resolve().then(() => placement.relocate('pusher'));
        };

        const check = (violations: string[]) => {
          const holder = child ?? root;
          const shown = holder.pusher;
          const live = LIVE_PHASES.includes(controller.getView().phase) && active.size > 0;
          if (live && shown && rendering === 0) {
            if (!String(shown.url).startsWith('room://')) violations.push(`${holder.name} shows a pusher without a room url`);
            if (startedOn !== holder) violations.push(`the pusher shown in ${holder.name} was last started on ${(startedOn as Holder | null)?.name ?? 'nothing'}`);
          }
          if (live && lastRendered && !shown) violations.push(`a call is up and ${holder.name} shows no pusher`);
          if (controller.getView().phase === 'idle' && shown) violations.push(`${holder.name} still shows a pusher with no call`);
        };

        const media = (back: boolean) => current?.handle('pusherEventHandler', { detail: { code: back ? 1018 : -1307, message: '' } });
        await runActions(actions, backend, controller, { mediaActive: () => active.size, toggle, media, check });
      }),
      { numRuns: 60 },
    );
  }, 120000);
});
