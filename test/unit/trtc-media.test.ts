/**
 * TrtcMedia on the real trtc-wx-sdk. The <live-pusher>/<live-player> events are fed the way the elements
 * raise them (statechange / error details), through the same handlers the components bind.
 */
import type { TcccError } from '../../src/services/errors';
import type { MediaCallbacks, MediaSettings } from '../../src/services/media';
import type { MediaHost, MediaView } from '../../src/services/platform/trtc-media';
import { TrtcMedia, exitReasonOf } from '../../src/services/platform/trtc-media';
import type { WxRuntime } from '../../testing';
import { installWxRuntime } from '../../testing';

const USER_SIG = 'eJwrSPQ-secret-usersig-for-tests';
const RTC = { type: 'trtc' as const, sdkAppId: 1400000000, roomId: 4242, userId: 'caller-1', userSig: USER_SIG };
const VIDEO: MediaSettings = { kind: 'video', muted: false, soundMode: 'speaker', cameraEnabled: true, cameraFacing: 'front', suspended: false };
const AUDIO: MediaSettings = { ...VIDEO, kind: 'audio' };

let wx: WxRuntime;
beforeEach(() => {
  wx = installWxRuntime();
});
afterEach(() => wx.restore());

/** A host like the root component: renders asynchronously (setData), records every view. */
function makeHost() {
  const views: MediaView[] = [];
  let component: object = { name: 'root' };
  const host: MediaHost = {
    context: () => component,
    render: (view, rendered) => {
      views.push(view);
      setImmediate(() => rendered?.());
    },
  };
  return { host, views, moveTo: (next: object) => (component = next) };
}

function makeCallbacks() {
  const seen = { fatal: [] as TcccError[], roomLost: [] as Array<{ message: string; expected: boolean }>, camera: [] as TcccError[] };
  const callbacks: MediaCallbacks = {
    onFatal: (error) => seen.fatal.push(error),
    onRoomLost: (error, expected) => seen.roomLost.push({ message: error.message, expected }),
    onCameraFailed: (error) => seen.camera.push(error),
  };
  return { callbacks, seen };
}

const pusherEvent = (code: number, message = '') => ({ detail: { code, message } });
const tick = () => new Promise((resolve) => setImmediate(resolve));
const settle = (promise: Promise<unknown>) => promise.then(() => 'joined', (error: TcccError) => `${error.code}: ${error.message}`);

test('join resolves only when the pusher reports the room entered (1018 → LOCAL_JOIN)', async () => {
  const { host, views } = makeHost();
  const media = new TrtcMedia(RTC, makeCallbacks().callbacks, host);
  let joined = false;
  const join = media.join(AUDIO).then(() => (joined = true));
  await tick();
  await tick();
  expect(wx.pusher.starts).toBe(1);
  expect(views[0].pusher?.url).toContain('roomid=4242');
  expect(joined).toBe(false);
  media.handle('pusherEventHandler', pusherEvent(1018, 'enter room success'));
  await join;
  expect(joined).toBe(true);
  media.leave();
});

test.each([
  ['a refused UserSig', 'pusherEventHandler', pusherEvent(-100018, 'userSig invalid')],
  ['an enter-room failure', 'pusherEventHandler', pusherEvent(-3301, 'enter room failed')],
  ['removal before entering', 'pusherEventHandler', pusherEvent(1019, 'exit room, reason[1]')],
  ['a pusher error', 'pusherErrorHandler', { detail: { errCode: 10001, errMsg: 'no permission' } }],
] as const)('join rejects with media on %s, and the call is not failed twice', async (_what, handler, event) => {
  const { host } = makeHost();
  const { callbacks, seen } = makeCallbacks();
  const media = new TrtcMedia(RTC, callbacks, host);
  const join = settle(media.join(AUDIO));
  await tick();
  media.handle(handler, event);
  expect(await join).toMatch(/^media: /);
  expect(seen).toEqual({ fatal: [], roomLost: [], camera: [] });
  media.leave();
});

test('join rejects with media when the pusher context cannot start', async () => {
  wx.restore();
  wx = installWxRuntime();
  const globalWx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  globalWx.createLivePusherContext = () => ({ start: (options: { fail?: (e: { errMsg: string }) => void }) => options.fail?.({ errMsg: 'start:fail' }), stop: () => undefined });
  const { host } = makeHost();
  const media = new TrtcMedia(RTC, makeCallbacks().callbacks, host);
  expect(await settle(media.join(AUDIO))).toBe('media: The pusher did not start: start:fail.');
  media.leave();
});

test('parameters enterRoom refuses (ERROR raised inside join): rejected with media, the pusher never rendered', async () => {
  const { host, views } = makeHost();
  const { callbacks, seen } = makeCallbacks();
  const media = new TrtcMedia({ ...RTC, roomId: 0 }, callbacks, host);
  const join = settle(media.join(AUDIO));
  expect(await join).toMatch(/^media: /);
  media.leave();
  await tick();
  expect(views.map((view) => view.pusher)).toEqual([null]);
  expect(wx.pusher.starts).toBe(0);
  expect(seen.fatal).toEqual([]);
});

test('leave() during the join settles it', async () => {
  const { host } = makeHost();
  const media = new TrtcMedia(RTC, makeCallbacks().callbacks, host);
  const join = settle(media.join(AUDIO));
  media.leave();
  expect(await join).toMatch(/^cancelled: /);
});

describe('after the room is entered', () => {
  async function joined(settings = VIDEO) {
    const { host, views, moveTo } = makeHost();
    const { callbacks, seen } = makeCallbacks();
    const media = new TrtcMedia(RTC, callbacks, host);
    const join = media.join(settings);
    await tick();
    media.handle('pusherEventHandler', pusherEvent(1018, 'enter room success'));
    await join;
    return { media, seen, views, moveTo };
  }

  test('room dismissed (1019 reason 2) is an expected close; removal (reason 1) or an unknown kick is not', async () => {
    for (const [message, expected] of [
      ['exit room, reason[2]', true],
      ['exit room, reason[1]', false],
      ['exit room', false],
    ] as const) {
      const { media, seen } = await joined();
      media.handle('pusherEventHandler', pusherEvent(1019, message));
      expect(seen.roomLost).toEqual([{ message: expect.stringContaining('exit reason'), expected }]);
      expect(seen.fatal).toEqual([]);
      media.leave();
    }
  });

  test('a normal exit (reason 0) is no event at all', async () => {
    const { media, seen } = await joined();
    media.handle('pusherEventHandler', pusherEvent(1019, 'exit room, reason[0]'));
    expect(seen).toEqual({ fatal: [], roomLost: [], camera: [] });
    media.leave();
  });

  test('the camera failing (-1301) in a video call is reported as camera, not fatal; in an audio call it is fatal', async () => {
    const video = await joined(VIDEO);
    video.media.handle('pusherEventHandler', pusherEvent(-1301, 'open camera failed'));
    expect(video.seen.camera.map((e) => [e.code, e.message])).toEqual([['camera', 'The camera failed (-1301: open camera failed); the call goes on without it.']]);
    expect(video.seen.fatal).toEqual([]);
    video.media.leave();

    const audio = await joined(AUDIO);
    audio.media.handle('pusherEventHandler', pusherEvent(-1301, 'open camera failed'));
    expect(audio.seen.fatal.map((e) => e.code)).toEqual(['media']);
    audio.media.leave();
  });

  test('the agent’s stream lost for good (player -2301) is restarted, not taken as a lost room', async () => {
    const { media, seen } = await joined();
    media.handle('pusherEventHandler', pusherEvent(1031, JSON.stringify({ userlist: [{ userid: 'agent' }] })));
    media.handle('pusherEventHandler', pusherEvent(1034, JSON.stringify({ userlist: [{ userid: 'agent', hasaudio: true, playurl: 'room://agent' }] })));
    media.handle('playerEventHandler', { currentTarget: { dataset: { streamid: 'agent_main' } }, detail: { code: -2301, message: 'network disconnected' } });
    // The restart runs on a timer, and WeChat calls stop's `complete` on the next turn: then it plays.
    for (let turn = 0; turn < 100 && wx.player.plays.length === 0; turn += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(wx.player).toEqual({ stops: ['agent_main'], plays: ['agent_main'] });
    expect(seen).toEqual({ fatal: [], roomLost: [], camera: [] });
    media.leave();
  });

  test('moved(): the pusher restarts through a context bound to the component it is rendered in now', async () => {
    const contexts: unknown[] = [];
    const globalWx = (globalThis as unknown as { wx: Record<string, (...args: unknown[]) => unknown> }).wx;
    const create = globalWx.createLivePusherContext;
    globalWx.createLivePusherContext = (component: unknown) => {
      contexts.push(component);
      return create(component);
    };
    const { media, views, moveTo } = await joined();
    const child = { name: 'pusher child' };
    moveTo(child);
    const startsBefore = wx.pusher.starts;
    media.moved();
    await tick();
    expect(contexts[contexts.length - 1]).toBe(child);
    expect(wx.pusher.starts).toBe(startsBefore + 1);
    expect(views[views.length - 1].pusher?.url).toContain('roomid=4242');
    media.leave();
  });
});

test('trtc-wx-sdk prints nothing with the UserSig in it', async () => {
  const printed: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void printed.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '))),
  );
  try {
    const { host } = makeHost();
    const media = new TrtcMedia(RTC, makeCallbacks().callbacks, host);
    const join = media.join(VIDEO);
    await tick();
    media.handle('pusherEventHandler', pusherEvent(1018, 'enter room success'));
    await join;
    media.update({ ...VIDEO, muted: true, cameraEnabled: false });
    media.leave();
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
  expect(printed.filter((line) => line.includes(USER_SIG))).toEqual([]);
});

test('exitReasonOf reads TRTC’s reason[n]', () => {
  expect(exitReasonOf('exit room, reason[2]')).toBe(2);
  expect(exitReasonOf('exit room')).toBeNull();
  expect(exitReasonOf(undefined)).toBeNull();
});
