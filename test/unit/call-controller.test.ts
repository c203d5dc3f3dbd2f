import { TcccError } from '../../src/services/errors';
import { FakeMedia, ScriptedBackend, record, scriptedController, sleep, waitUntil } from './scripted-backend';

beforeEach(() => FakeMedia.reset());

const settle = (promise: Promise<unknown>) => promise.then((value) => ({ value }), (error: { code?: string }) => ({ error: error.code }));

describe('hanging up while the call connects', () => {
  test('endCall during session creation resolves once the server call is ended; phase stays ending; a redial is not busy', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    const release = backend.hold('create');
    const first = settle(controller.start('audio', { channelId: 'c1' }));
    await waitUntil(() => backend.live !== null, 'the server to create the call');

    const hangUp = controller.hangUp();
    await sleep(5);
    expect(controller.getView().phase).toBe('ending');
    await expect(controller.start('audio', { channelId: 'c1' })).rejects.toMatchObject({ code: 'busy' });
    release();
    await hangUp;
    expect(backend.live).toBeNull();
    expect(controller.getView().phase).toBe('idle');
    expect(await first).toEqual({ error: 'cancelled' });

    const second = await controller.start('audio', { channelId: 'c1' });
    expect(second).toEqual({ sessionId: 's-2' });
    await controller.hangUp();
  });

  test('a hang-up while the event socket opens rejects the start cancelled, and ends as the user hung up, with one DELETE and the server’s end status', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    const seen = record(controller);
    backend.hooks.set('welcome', () => void controller.hangUp());
    const result = await settle(controller.start('audio', { channelId: 'c1' }));

    await waitUntil(() => seen.sessionEnded.length === 1, 'sessionEnded');
    expect(result).toEqual({ error: 'cancelled' });
    expect(seen.sessionEnded).toEqual([{ sessionId: 's-1', closeBy: 'user', endStatus: 1, reason: 'ok' }]);
    expect(seen.error).toEqual([]);
    await waitUntil(() => backend.deletes.length > 0, 'the DELETE');
    await sleep(20);
    expect(backend.deletes).toEqual(['s-1']);
  });

  test('an endCall in the same job as the create answer ends the server session and rejects cancelled', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    let hangUp: Promise<void> | null = null;
    backend.hooks.set('created', () => (hangUp = controller.hangUp()));
    const seen = record(controller);
    const result = await settle(controller.start('audio', { channelId: 'c1' }));
    await hangUp;

    expect(result).toEqual({ error: 'cancelled' });
    expect(backend.live).toBeNull();
    expect(controller.getView().phase).toBe('idle');
    expect(seen.sessionStart).toEqual([]);
    expect(FakeMedia.active.size).toBe(0);
    await expect(controller.start('audio', { channelId: 'c1' })).resolves.toEqual({ sessionId: 's-2' });
    await controller.hangUp();
  });
});

test('a session created already active emits accepted once, with the seat name', async () => {
  const backend = new ScriptedBackend();
  backend.createdPhase = 'active';
  const controller = scriptedController(backend);
  const seen = record(controller);
  await controller.start('video', { channelId: 'c1' });
  expect(controller.getView().phase).toBe('active');
  backend.push({ type: 'accepted', seatName: 'Agent 7' });
  await waitUntil(() => seen.accepted.length === 1, 'accepted');
  backend.push({ type: 'accepted', seatName: 'Agent 7' });
  await sleep(10);
  expect(seen.accepted).toEqual([{ sessionId: 's-1', seatName: 'Agent 7' }]);
  expect(controller.getView().seatName).toBe('Agent 7');
  await controller.hangUp();
});

test('an interruption with no end never mutes the next call; starting and ending a call clear it', async () => {
  const backend = new ScriptedBackend();
  const controller = scriptedController(backend);
  await controller.start('audio', { channelId: 'c1' });
  controller.setSuspended(true);
  expect(controller.getView().suspended).toBe(true);
  await controller.hangUp();
  expect(controller.getView().suspended).toBe(false);

  controller.setSuspended(true);
  await controller.start('audio', { channelId: 'c1' });
  expect(FakeMedia.all.map((media) => media.joined?.suspended)).toEqual([false, false]);
  expect(controller.getView().suspended).toBe(false);
  await controller.hangUp();
});

describe('telling the server', () => {
  test('a DELETE that fails is retried until the server acknowledges', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    const seen = record(controller);
    await controller.start('audio', { channelId: 'c1' });
    backend.failingDeletes = 2;
    await controller.hangUp();
    // The user's hang-up is recorded locally at once; the server hears of it on the third attempt.
    expect(seen.sessionEnded).toEqual([{ sessionId: 's-1', closeBy: 'user', endStatus: 103, reason: 'waitingGiveUp' }]);
    await waitUntil(() => backend.live === null, 'the retried DELETE');
    expect(backend.deletes).toEqual(['s-1']);
  });

  test('after a failure the DELETE stops once the retry window has passed', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    await controller.start('audio', { channelId: 'c1' });
    backend.failingDeletes = 100;
    await controller.hangUp();
    // The first attempt and one per retry delay (2, 4, 8 ms), however slow the machine; then no more.
    await waitUntil(() => backend.failingDeletes === 100 - 4, 'the last retry');
    await sleep(60);
    expect(backend.failingDeletes).toBe(100 - 4);
  });
});

describe('the media room going away', () => {
  const joined = async (overrides: Parameters<typeof scriptedController>[1] = {}) => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend, overrides);
    const seen = record(controller);
    await controller.start('video', { channelId: 'c1' });
    backend.push({ type: 'accepted', seatName: 'A' });
    await waitUntil(() => seen.accepted.length === 1, 'accepted');
    return { backend, controller, seen, media: FakeMedia.all[0] };
  };
  const lost = new TcccError('media', 'Left the media room (TRTC exit reason 2).');

  test('a dismissed room followed by the server’s ended is a normal end, no error', async () => {
    const { backend, seen, media } = await joined();
    media.callbacks.onRoomLost?.(lost, true);
    await sleep(5);
    backend.serverEnds('seat', 'ok');
    await waitUntil(() => seen.sessionEnded.length === 1, 'sessionEnded');
    await sleep(50);
    expect(seen.sessionEnded).toEqual([{ sessionId: 's-1', closeBy: 'seat', endStatus: 1, reason: 'ok' }]);
    expect(seen.error).toEqual([]);
  });

  test('a dismissed room with a silent server ends as the server records it (DELETE), no error', async () => {
    const { backend, seen, media } = await joined();
    media.callbacks.onRoomLost?.(lost, true);
    await waitUntil(() => seen.sessionEnded.length === 1, 'sessionEnded');
    expect(seen.sessionEnded).toEqual([{ sessionId: 's-1', closeBy: 'user', endStatus: 1, reason: 'ok' }]);
    expect(seen.error).toEqual([]);
    expect(backend.live).toBeNull();
  });

  test('a removal the server does not follow with ended is a media failure, after the grace', async () => {
    // A grace no busy machine outlasts between the removal and the first look.
    const { seen, media } = await joined({ roomLostGraceMs: 500 });
    media.callbacks.onRoomLost?.(new TcccError('media', 'removed'), false);
    await sleep(5);
    expect(seen.sessionEnded).toEqual([]);
    await waitUntil(() => seen.sessionEnded.length === 1, 'sessionEnded');
    expect(seen.error).toEqual([{ code: 'media', message: 'removed' }]);
    expect(seen.sessionEnded).toEqual([{ sessionId: 's-1', closeBy: 'admin', endStatus: 503, reason: 'voipClientError' }]);
  });

  test('a camera that fails in a video call: an error, the camera shows off, the call goes on', async () => {
    const { controller, seen, media } = await joined();
    media.callbacks.onCameraFailed?.(new TcccError('media', 'Media error (-1301): camera'));
    expect(seen.error).toEqual([{ code: 'media', message: 'Media error (-1301): camera' }]);
    expect(controller.getView()).toMatchObject({ phase: 'active', cameraEnabled: false });
    await sleep(50);
    expect(seen.sessionEnded).toEqual([]);
    await controller.hangUp();
  });
});

/** The start's outcome and the events, in the order the page sees them. */
function watchOrder(controller: ReturnType<typeof scriptedController>, start: Promise<unknown>) {
  const order: string[] = [];
  controller.events.on('sessionStart', () => order.push('sessionStart'));
  controller.events.on('sessionEnded', ({ reason }) => order.push(`sessionEnded ${reason}`));
  controller.events.on('error', ({ code }) => order.push(`error ${code}`));
  start.then(
    () => order.push('resolved'),
    (error: { code: string }) => order.push(`rejected ${error.code}`),
  );
  return order;
}

describe('the start settles before the call’s end is told', () => {
  test('endCall while the media room is entered: startCall rejects cancelled, then one sessionEnded as the user’s', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    let hangUp: Promise<void> = Promise.resolve();
    backend.hooks.set('join', () => (hangUp = controller.hangUp()));
    const order = watchOrder(controller, controller.start('audio', { channelId: 'c1' }));
    await waitUntil(() => order.length === 3, 'the start and its end');
    await hangUp;
    expect(order).toEqual(['sessionStart', 'rejected cancelled', 'sessionEnded ok']);
    expect(backend.live).toBeNull();
    expect(FakeMedia.active.size).toBe(0);
  });

  test('a server that ends the call during setup (a closed channel): startCall resolves first, then sessionEnded', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    backend.hooks.set('welcome', () => backend.serverEnds('admin', 'notWorkTime'));
    const order = watchOrder(controller, controller.start('audio', { channelId: 'after-hours' }));
    await waitUntil(() => order.length === 3, 'the start and its end');
    await sleep(20);
    expect(order).toEqual(['sessionStart', 'resolved', 'sessionEnded notWorkTime']);
    expect(controller.getView().phase).toBe('idle');
  });

  test('a room that cannot be entered: startCall rejects media first, then sessionEnded, and no error event', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    FakeMedia.failNextJoin = new TcccError('media', 'Media error (-3301): enter room failed');
    const order = watchOrder(controller, controller.start('audio', { channelId: 'c1' }));
    await waitUntil(() => order.length === 3, 'the start and its end');
    await sleep(20);
    expect(order).toEqual(['sessionStart', 'rejected media', 'sessionEnded voipClientError']);
  });

  test('a redial right after a failed start is not busy, and the old call’s end is told before the new call starts', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    FakeMedia.failNextJoin = new TcccError('media', 'Media error (-3301): enter room failed');
    const first = controller.start('audio', { channelId: 'c1' });
    const order = watchOrder(controller, first);
    await first.catch(() => undefined);
    await controller.start('audio', { channelId: 'c1' });
    expect(order.slice(0, 4)).toEqual(['sessionStart', 'rejected media', 'sessionEnded voipClientError', 'sessionStart']);
    await controller.hangUp();
  });
});

describe('the event connection cannot be set up', () => {
  test('a socket the runtime refuses (the wss domain not whitelisted): network with its message, ended as clientError', async () => {
    const backend = new ScriptedBackend();
    backend.refuseSockets = 'connectSocket:fail url not in domain list. Add the domain to the socket whitelist (socket合法域名) in the WeChat console.';
    const controller = scriptedController(backend);
    const seen = record(controller);
    const start = controller.start('audio', { channelId: 'c1' });
    await expect(start).rejects.toMatchObject({ code: 'network', message: expect.stringContaining('url not in domain list. Add the domain to the socket whitelist') });
    await waitUntil(() => seen.sessionEnded.length === 1, 'sessionEnded');
    expect(seen.sessionEnded).toEqual([{ sessionId: 's-1', closeBy: 'admin', endStatus: 211, reason: 'clientError' }]);
    expect(seen.error).toEqual([]);
    await waitUntil(() => backend.live === null, 'the DELETE');
  });
});

describe('hanging up is idempotent', () => {
  test('endCall with no call resolves; a double tap resolves both with one end; methods that need a call still reject no-session', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    const seen = record(controller);
    await expect(controller.hangUp()).resolves.toBeUndefined();
    await controller.start('audio', { channelId: 'c1' });
    await expect(Promise.all([controller.hangUp(), controller.hangUp()])).resolves.toEqual([undefined, undefined]);
    expect(seen.sessionEnded).toHaveLength(1);
    expect(backend.deletes).toEqual(['s-1']);
    await expect(controller.hangUp()).resolves.toBeUndefined();
    await expect(controller.sendDigits('1')).rejects.toMatchObject({ code: 'no-session' });
    await expect(controller.adjustMedia('mute')).rejects.toMatchObject({ code: 'no-session' });
  });
});

describe('a disposed controller (its component has left the page)', () => {
  test('rejects every method at once with cancelled, contacts no server and starts no media; endCall resolves', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    const seen = record(controller);
    controller.dispose();
    const results = await Promise.all([
      settle(controller.start('audio', { channelId: 'c1' })),
      settle(controller.start('video', { channelId: 'c1' })),
      settle(controller.sendDigits('1')),
      settle(controller.setSoundMode('ear')),
      ...(['mute', 'unmute', 'switchCamera', 'disableCamera', 'enableCamera'] as const).map((type) => settle(controller.adjustMedia(type))),
    ]);
    expect(results.map((result) => ('error' in result ? result.error : 'resolved'))).toEqual(Array(9).fill('cancelled'));
    await expect(controller.hangUp()).resolves.toBeUndefined();
    await sleep(20);
    expect(backend.sessions).toBe(0);
    expect(backend.sockets.size).toBe(0);
    expect(FakeMedia.all).toEqual([]);
    expect(seen.sessionStart).toEqual([]);
  });

  test('a start waiting for the permission when the component leaves: cancelled, and nothing reaches the server afterwards', async () => {
    const backend = new ScriptedBackend();
    let grant: () => void = () => undefined;
    const controller = scriptedController(backend, { permissions: { ensure: () => new Promise<void>((resolve) => (grant = resolve)) } });
    const start = settle(controller.start('audio', { channelId: 'c1' }));
    controller.dispose();
    grant();
    expect(await start).toEqual({ error: 'cancelled' });
    await sleep(20);
    expect(backend.sessions).toBe(0);
  });
});

test('a start cancelled while the permission dialog is open leaves no timer running', async () => {
  jest.useFakeTimers();
  try {
    const controller = scriptedController(new ScriptedBackend(), { permissions: { ensure: () => new Promise<void>(() => undefined) } });
    const start = settle(controller.start('audio', { channelId: 'c1' }));
    await controller.hangUp();
    expect(await start).toEqual({ error: 'cancelled' });
    expect(jest.getTimerCount()).toBe(0);
  } finally {
    jest.useRealTimers();
  }
});
