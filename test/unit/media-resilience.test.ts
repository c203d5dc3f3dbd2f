import '../../testing/quiet-trtc';
import { BackendClient } from '../../src/services/backend-client';
import { CallController } from '../../src/services/call-controller';
import type { MediaCallbacks, MediaSession } from '../../src/services/media';
import { SimulatedMedia } from '../../src/services/media';
import type { CallEvent } from '../../src/services/protocol';
import type { Signaling, SignalingCallbacks } from '../../src/services/signaling';
import { TokenStore } from '../../src/services/token-store';
import type { HttpRequest, HttpResponse, Transport } from '../../src/services/transport';
import { TrtcMedia } from '../../src/services/platform/trtc-media';
import { installWxRuntime } from '../../testing';

/** The backend answers at once; signaling and media are fakes the test drives. */
const backend: Transport = {
  request(request: HttpRequest): Promise<HttpResponse> {
    if (request.method === 'POST') {
      return Promise.resolve({
        status: 201,
        body: { sessionId: 's-1', media: 'audio', phase: 'queued', rtc: { type: 'none' }, signaling: { type: 'websocket', url: 'ws://127.0.0.1:1/v1/events', since: 0 } },
      });
    }
    return Promise.resolve({ status: 200, body: { sessionId: 's-1', closeBy: 'user', endStatus: 1, reason: 'ok' } });
  },
  connect: () => ({ send: () => undefined, close: () => undefined }),
};

class MeasuringMedia implements MediaSession {
  readonly reportsRemoteAudio = true;
  constructor(readonly callbacks: MediaCallbacks) {}
  join(): Promise<void> {
    return Promise.resolve();
  }
  update(): void {}
  leave(): void {}
}

function setUp(media: 'measuring' | 'simulated' = 'measuring') {
  const storage = new Map<string, string>();
  const tokens = new TokenStore({ get: (k) => storage.get(k), set: (k, v) => void storage.set(k, v), remove: (k) => void storage.delete(k) });
  tokens.save('1400000000', { token: 't', userId: 'u', expiresAt: Date.now() + 3600000, endpoint: 'http://127.0.0.1:1' });
  let signaling: SignalingCallbacks | null = null;
  let measuring: MeasuringMedia | null = null;
  const controller = new CallController({
    sdkAppId: () => '1400000000',
    tokens,
    backendFor: (endpoint) => new BackendClient(endpoint, backend),
    permissions: { ensure: () => Promise.resolve() },
    createSignaling: (_descriptor, _token, callbacks): Signaling => {
      signaling = callbacks;
      return { open: () => Promise.resolve(), close: () => undefined };
    },
    createMedia: (_rtc, callbacks) => (media === 'simulated' ? new SimulatedMedia() : (measuring = new MeasuringMedia(callbacks))),
  });
  const errors: string[] = [];
  controller.events.on('error', (error) => errors.push(error.code));
  let seq = 0;
  const server = (body: Record<string, unknown>) => signaling?.onEvent({ seq: ++seq, sessionId: 's-1', at: 0, ...body } as CallEvent);
  return { controller, errors, server, signaling: () => signaling as SignalingCallbacks, media: () => measuring as MeasuringMedia };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('the agent answers and no audio arrives: media-silent once, the call goes on, the hint follows the audio', async () => {
  const { controller, errors, server, media } = setUp();
  await controller.start('audio', { channelId: 'c1' });
  await jest.advanceTimersByTimeAsync(20000);
  expect(errors).toEqual([]);
  server({ type: 'accepted', seatName: 'Agent Lin' });
  await jest.advanceTimersByTimeAsync(7000);
  expect(errors).toEqual([]);
  await jest.advanceTimersByTimeAsync(1500);
  expect(errors).toEqual(['media-silent']);
  expect(controller.getView()).toMatchObject({ phase: 'active', mediaSilent: true });
  media().callbacks.onRemoteVolume?.(35);
  expect(controller.getView().mediaSilent).toBe(false);
  await jest.advanceTimersByTimeAsync(9000);
  expect(controller.getView().mediaSilent).toBe(true);
  expect(errors).toEqual(['media-silent']);
  await controller.hangUp();
  expect(controller.getView().mediaSilent).toBe(false);
});

test('audio that keeps arriving is never reported; silence below the threshold is', async () => {
  const { controller, errors, server, media } = setUp();
  await controller.start('audio', { channelId: 'c1' });
  server({ type: 'accepted', seatName: 'Agent Lin' });
  for (let i = 0; i < 30; i += 1) {
    media().callbacks.onRemoteVolume?.(i % 3 === 0 ? 20 : 0);
    await jest.advanceTimersByTimeAsync(1000);
  }
  expect(errors).toEqual([]);
  for (let i = 0; i < 10; i += 1) {
    media().callbacks.onRemoteVolume?.(0);
    await jest.advanceTimersByTimeAsync(1000);
  }
  expect(errors).toEqual(['media-silent']);
  await controller.hangUp();
});

test('an audio interruption (a phone call) pauses the audio on purpose: no media-silent until 8 s after it ends', async () => {
  const { controller, errors, server } = setUp();
  await controller.start('audio', { channelId: 'c1' });
  server({ type: 'accepted', seatName: 'Agent Lin' });
  await jest.advanceTimersByTimeAsync(2000);
  controller.setSuspended(true);
  await jest.advanceTimersByTimeAsync(30000);
  expect(errors).toEqual([]);
  controller.setSuspended(false);
  await jest.advanceTimersByTimeAsync(7500);
  expect(errors).toEqual([]);
  await jest.advanceTimersByTimeAsync(1000);
  expect(errors).toEqual(['media-silent']);
  await controller.hangUp();
});

test('no media-silent during an outage, which shows as reconnecting already; counted again once back', async () => {
  const { controller, errors, server, signaling } = setUp();
  await controller.start('audio', { channelId: 'c1' });
  server({ type: 'accepted', seatName: 'Agent Lin' });
  signaling().onReconnecting?.(true);
  await jest.advanceTimersByTimeAsync(25000);
  expect(errors).toEqual([]);
  signaling().onReconnecting?.(false);
  await jest.advanceTimersByTimeAsync(7500);
  expect(errors).toEqual([]);
  await jest.advanceTimersByTimeAsync(1000);
  expect(errors).toEqual(['media-silent']);
  await controller.hangUp();
});

test('simulated media, which reports no audio at all, is never called silent', async () => {
  const { controller, errors, server } = setUp('simulated');
  await controller.start('audio', { channelId: 'c1' });
  server({ type: 'accepted', seatName: 'Agent Lin' });
  await jest.advanceTimersByTimeAsync(60000);
  expect(errors).toEqual([]);
  await controller.hangUp();
});

test("the media's own reconnect shows as reconnecting, together with the event stream's", async () => {
  const { controller, errors, server, media, signaling } = setUp();
  await controller.start('audio', { channelId: 'c1' });
  server({ type: 'accepted', seatName: 'Agent Lin' });
  media().callbacks.onReconnecting?.(true);
  expect(controller.getView().reconnecting).toBe(true);
  signaling().onReconnecting?.(true);
  media().callbacks.onReconnecting?.(false);
  expect(controller.getView().reconnecting).toBe(true);
  signaling().onReconnecting?.(false);
  expect(controller.getView()).toMatchObject({ reconnecting: false, phase: 'active' });
  expect(errors).toEqual([]);
  await controller.hangUp();
});

describe('TrtcMedia with the real trtc-wx-sdk', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = installWxRuntime().restore;
    // trtc-wx-sdk narrates every state change on the console; the assertions are on the callbacks.
    for (const level of ['log', 'info', 'warn', 'error'] as const) jest.spyOn(console, level).mockImplementation(() => undefined);
  });
  afterEach(() => {
    restore();
    jest.restoreAllMocks();
  });

  async function joined() {
    const seen = { reconnecting: [] as boolean[], volumes: [] as number[], fatal: [] as string[] };
    const media = new TrtcMedia(
      { type: 'trtc', sdkAppId: 1400000000, roomId: 1, userId: 'caller', userSig: 'sig' },
      {
        onFatal: (e) => seen.fatal.push(e.message),
        onReconnecting: (r) => seen.reconnecting.push(r),
        onRemoteVolume: (v) => seen.volumes.push(v),
      },
      { context: () => ({}), render: (_view, rendered) => rendered?.() },
    );
    const joining = media.join({ kind: 'audio', muted: false, soundMode: 'speaker', cameraEnabled: false, cameraFacing: 'front', suspended: false });
    const pusher = (code: number, message = '') => media.handle('pusherEventHandler', { detail: { code, message } } as never);
    pusher(1018); // the room is entered: join() settles on it
    await joining;
    return { media, seen, pusher };
  }

  test("the pusher's reconnect codes (1102 lost, 1002/1018 back) surface; -1307 (TRTC gave up) is fatal", async () => {
    const { media, seen, pusher } = await joined();
    pusher(1102);
    pusher(1102);
    pusher(1002);
    pusher(1021);
    pusher(1018);
    expect(seen.reconnecting).toEqual([true, false, true, false]);
    expect(seen.fatal).toEqual([]);
    pusher(-1307, 'push stream failed');
    expect(seen.fatal).toHaveLength(1);
    media.leave();
  });

  test("the agent's audio volume reaches the call as the loudest remote volume", async () => {
    const { media, seen, pusher } = await joined();
    pusher(1031, JSON.stringify({ userlist: [{ userid: 'agent' }] }));
    pusher(1034, JSON.stringify({ userlist: [{ userid: 'agent', hasaudio: true, playurl: 'room://agent' }] }));
    media.handle('playerAudioVolumeNotify', { currentTarget: { dataset: { streamid: 'agent_main' } }, detail: { volume: 42 } } as never);
    expect(seen.volumes).toEqual([42]);
    media.leave();
  });
});
