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

  test('a hang-up while the event socket opens ends as the user hung up, with one DELETE and the server’s end status', async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
    const seen = record(controller);
    backend.hooks.set('welcome', () => void controller.hangUp());
    const result = await settle(controller.start('audio', { channelId: 'c1' }));

    await waitUntil(() => seen.sessionEnded.length === 1, 'sessionEnded');
    expect(result).toEqual({ value: { sessionId: 's-1' } });
    expect(seen.sessionEnded).toEqual([{ sessionId: 's-1', closeBy: 'user', endStatus: 1, reason: 'ok' }]);
    expect(seen.error).toEqual([]);
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
    await sleep(60);
    const left = backend.failingDeletes;
    expect(left).toBe(100 - 4);
    await sleep(30);
    expect(backend.failingDeletes).toBe(left);
  });
});

describe('the media room going away', () => {
  const joined = async () => {
    const backend = new ScriptedBackend();
    const controller = scriptedController(backend);
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
    const { seen, media } = await joined();
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
