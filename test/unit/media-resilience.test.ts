import { BackendClient } from '../../src/services/backend-client';
import { TcccError } from '../../src/services/errors';
import { CallController } from '../../src/services/call-controller';
import type { MediaCallbacks, MediaFactory, MediaSession } from '../../src/services/media';
import { SimulatedMedia } from '../../src/services/media';
import type { CallEvent } from '../../src/services/protocol';
import type { Signaling, SignalingCallbacks } from '../../src/services/signaling';
import { TokenStore } from '../../src/services/token-store';
import type { HttpRequest, HttpResponse, Transport } from '../../src/services/transport';
import { TrtcMedia } from '../../src/services/platform/trtc-media';
import { setImmediate as realImmediate } from 'node:timers';
import type { WxRuntime } from '../../testing';
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
  left = false;
  constructor(readonly callbacks: MediaCallbacks) {}
  join(): Promise<void> {
    return Promise.resolve();
  }
  update(): void {}
  leave(): void {
    this.left = true;
  }
}

/** A controller whose event stream the test drives (`server`, `signaling()`), with the media `createMedia` makes. */
function controllerWith(createMedia: MediaFactory, callerWindowMs = 30000) {
  const storage = new Map<string, string>();
  const tokens = new TokenStore({ get: (k) => storage.get(k), set: (k, v) => void storage.set(k, v), remove: (k) => void storage.delete(k) });
  tokens.save('1400000000', { token: 't', userId: 'u', expiresAt: Date.now() + 3600000, endpoint: 'http://127.0.0.1:1' });
  let signaling: SignalingCallbacks | null = null;
  const controller = new CallController({
    sdkAppId: () => '1400000000',
    tokens,
    backendFor: (endpoint) => new BackendClient(endpoint, backend),
    permissions: { ensure: () => Promise.resolve() },
    createSignaling: (_descriptor, _token, callbacks): Signaling => {
      signaling = callbacks;
      return { open: () => Promise.resolve(), close: () => undefined, callerWindowMs: () => callerWindowMs };
    },
    createMedia,
  });
  const errors: string[] = [];
  const ended: string[] = [];
  controller.events.on('error', (error) => errors.push(error.code));
  controller.events.on('sessionEnded', ({ reason }) => ended.push(reason));
  let seq = 0;
  const server = (body: Record<string, unknown>) => signaling?.onEvent({ seq: ++seq, sessionId: 's-1', at: 0, ...body } as CallEvent);
  return { controller, errors, ended, server, signaling: () => signaling as SignalingCallbacks };
}

function setUp(media: 'measuring' | 'simulated' = 'measuring', callerWindowMs = 30000) {
  let measuring: MeasuringMedia | null = null;
  const call = controllerWith((_rtc, callbacks) => (media === 'simulated' ? new SimulatedMedia() : (measuring = new MeasuringMedia(callbacks))), callerWindowMs);
  return { ...call, media: () => measuring as MeasuringMedia };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('mediaSilent: the agent answered and none of their audio ARRIVES', () => {
  test('no audio at all for 8 s: mediaSilent, with no error event (the call goes on); cleared when audio arrives', async () => {
    const { controller, errors, server, media } = setUp();
    await controller.start('audio', { channelId: 'c1' });
    await jest.advanceTimersByTimeAsync(20000);
    server({ type: 'accepted', seatName: 'Agent Lin' });
    await jest.advanceTimersByTimeAsync(7000);
    expect(controller.getView().mediaSilent).toBe(false);
    await jest.advanceTimersByTimeAsync(1500);
    expect(controller.getView()).toMatchObject({ phase: 'active', mediaSilent: true });
    media().callbacks.onRemoteAudio?.();
    expect(controller.getView().mediaSilent).toBe(false);
    await jest.advanceTimersByTimeAsync(9000);
    expect(controller.getView().mediaSilent).toBe(true);
    expect(errors).toEqual([]);
    await controller.hangUp();
    expect(controller.getView().mediaSilent).toBe(false);
  });

  test('audio that keeps arriving is never silent; when it stops, it is', async () => {
    const { controller, server, media } = setUp();
    await controller.start('audio', { channelId: 'c1' });
    server({ type: 'accepted', seatName: 'Agent Lin' });
    for (let i = 0; i < 30; i += 1) {
      media().callbacks.onRemoteAudio?.();
      await jest.advanceTimersByTimeAsync(2000);
    }
    expect(controller.getView().mediaSilent).toBe(false);
    await jest.advanceTimersByTimeAsync(8000);
    expect(controller.getView().mediaSilent).toBe(true);
    await controller.hangUp();
  });

  test('an agent who stops sending on purpose (muted to consult: remote audio removed) is not silent; counted again once back', async () => {
    const { controller, server, media } = setUp();
    await controller.start('audio', { channelId: 'c1' });
    server({ type: 'accepted', seatName: 'Agent Lin' });
    await jest.advanceTimersByTimeAsync(9000);
    expect(controller.getView().mediaSilent).toBe(true);
    media().callbacks.onRemoteAudioPublished?.(false);
    expect(controller.getView().mediaSilent).toBe(false);
    await jest.advanceTimersByTimeAsync(60000);
    expect(controller.getView().mediaSilent).toBe(false);
    media().callbacks.onRemoteAudioPublished?.(true);
    await jest.advanceTimersByTimeAsync(7500);
    expect(controller.getView().mediaSilent).toBe(false);
    await jest.advanceTimersByTimeAsync(1000);
    expect(controller.getView().mediaSilent).toBe(true);
    await controller.hangUp();
  });

  test('muted before answering: not silent from the answer on', async () => {
    const { controller, server, media } = setUp();
    await controller.start('audio', { channelId: 'c1' });
    media().callbacks.onRemoteAudioPublished?.(false);
    server({ type: 'accepted', seatName: 'Agent Lin' });
    await jest.advanceTimersByTimeAsync(30000);
    expect(controller.getView().mediaSilent).toBe(false);
    await controller.hangUp();
  });

  test('an audio interruption (a phone call) pauses the audio on purpose: not silent until 8 s after it ends', async () => {
    const { controller, server } = setUp();
    await controller.start('audio', { channelId: 'c1' });
    server({ type: 'accepted', seatName: 'Agent Lin' });
    await jest.advanceTimersByTimeAsync(2000);
    controller.setSuspended(true);
    await jest.advanceTimersByTimeAsync(30000);
    expect(controller.getView().mediaSilent).toBe(false);
    controller.setSuspended(false);
    await jest.advanceTimersByTimeAsync(7500);
    expect(controller.getView().mediaSilent).toBe(false);
    await jest.advanceTimersByTimeAsync(1000);
    expect(controller.getView().mediaSilent).toBe(true);
    await controller.hangUp();
  });

  test('not silent during an outage, which shows as reconnecting already; counted again once back', async () => {
    const { controller, server, signaling } = setUp();
    await controller.start('audio', { channelId: 'c1' });
    server({ type: 'accepted', seatName: 'Agent Lin' });
    signaling().onReconnecting?.(true);
    await jest.advanceTimersByTimeAsync(25000);
    expect(controller.getView().mediaSilent).toBe(false);
    signaling().onReconnecting?.(false);
    await jest.advanceTimersByTimeAsync(7500);
    expect(controller.getView().mediaSilent).toBe(false);
    await jest.advanceTimersByTimeAsync(1000);
    expect(controller.getView().mediaSilent).toBe(true);
    await controller.hangUp();
  });

  test('simulated media, which reports no audio at all, is never called silent', async () => {
    const { controller, server } = setUp('simulated');
    await controller.start('audio', { channelId: 'c1' });
    server({ type: 'accepted', seatName: 'Agent Lin' });
    await jest.advanceTimersByTimeAsync(60000);
    expect(controller.getView().mediaSilent).toBe(false);
    await controller.hangUp();
  });
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

describe('media that TRTC gave up on, within the caller window', () => {
  const gaveUp = new TcccError('media', 'The media connection was lost (-1307): push failed');

  test('back before the window has passed: the call goes on, reconnecting meanwhile', async () => {
    const { controller, errors, ended, server, media } = setUp('measuring', 30000);
    await controller.start('audio', { channelId: 'c1' });
    server({ type: 'accepted', seatName: 'Agent Lin' });
    media().callbacks.onReconnecting?.(true, gaveUp);
    await jest.advanceTimersByTimeAsync(29000);
    expect(controller.getView()).toMatchObject({ phase: 'active', reconnecting: true });
    media().callbacks.onReconnecting?.(false);
    await jest.advanceTimersByTimeAsync(60000);
    expect(controller.getView()).toMatchObject({ phase: 'active', reconnecting: false });
    expect({ errors, ended }).toEqual({ errors: [], ended: [] });
    await controller.hangUp();
  });

  test('not back when the window passes: one media error and one sessionEnded (voipClientError), media released', async () => {
    const { controller, errors, ended, server, media } = setUp('measuring', 20000);
    await controller.start('audio', { channelId: 'c1' });
    server({ type: 'accepted', seatName: 'Agent Lin' });
    media().callbacks.onReconnecting?.(true, gaveUp);
    await jest.advanceTimersByTimeAsync(19900);
    expect(ended).toEqual([]);
    await jest.advanceTimersByTimeAsync(200);
    expect({ errors, ended }).toEqual({ errors: ['media'], ended: ['voipClientError'] });
    expect(media().left).toBe(true);
    expect(controller.getView()).toMatchObject({ phase: 'idle', reconnecting: false });
  });
});

describe('TrtcMedia with the real trtc-wx-sdk', () => {
  let wx: WxRuntime;
  beforeEach(() => {
    wx = installWxRuntime();
    // trtc-wx-sdk narrates every state change on the console; the assertions are on the callbacks.
    for (const level of ['log', 'info', 'warn', 'error'] as const) jest.spyOn(console, level).mockImplementation(() => undefined);
  });
  afterEach(() => {
    wx.restore();
    jest.restoreAllMocks();
  });

  /** The callbacks of a MediaSession, recorded; `gaveUp` holds the message of each report that TRTC gave up. */
  function recorder() {
    const seen = { reconnecting: [] as boolean[], gaveUp: [] as string[], arrived: 0, published: [] as boolean[], fatal: [] as string[] };
    const callbacks: MediaCallbacks = {
      onFatal: (e) => seen.fatal.push(e.message),
      onReconnecting: (r, gaveUp) => {
        seen.reconnecting.push(r);
        if (gaveUp) seen.gaveUp.push(gaveUp.message);
      },
      onRemoteAudio: () => (seen.arrived += 1),
      onRemoteAudioPublished: (published) => seen.published.push(published),
    };
    return { seen, callbacks };
  }

  const AGENT = { currentTarget: { dataset: { streamid: 'agent_main' } } };

  /** The events <live-pusher>/<live-player> raise, as the components forward them. */
  function elements(media: TrtcMedia) {
    return {
      pusher: (code: number, message = '') => media.handle('pusherEventHandler', { detail: { code, message } } as never),
      pusherError: (errCode: number, errMsg: string) => media.handle('pusherErrorHandler', { detail: { errCode, errMsg } } as never),
      /** The agent enters the room and publishes audio (1031 user, 1034 audio), as TRTC reports it through the pusher. */
      agentJoins: () => {
        media.handle('pusherEventHandler', { detail: { code: 1031, message: JSON.stringify({ userlist: [{ userid: 'agent' }] }) } } as never);
        media.handle('pusherEventHandler', { detail: { code: 1034, message: JSON.stringify({ userlist: [{ userid: 'agent', hasaudio: true, playurl: 'room://agent' }] }) } } as never);
      },
      agentAudio: (hasaudio: boolean) =>
        media.handle('pusherEventHandler', { detail: { code: 1034, message: JSON.stringify({ userlist: [{ userid: 'agent', hasaudio, playurl: 'room://agent' }] }) } } as never),
      player: (code: number, message = '') => media.handle('playerEventHandler', { ...AGENT, detail: { code, message } } as never),
      playerNetStatus: (audioBitrate: number) => media.handle('playerNetStatus', { ...AGENT, detail: { info: { audioBitrate, videoBitrate: 0, videoWidth: 0, videoHeight: 0 } } } as never),
      playerVolume: (volume: number) => media.handle('playerAudioVolumeNotify', { ...AGENT, detail: { volume } } as never),
    };
  }

  const RTC = { type: 'trtc' as const, sdkAppId: 1400000000, roomId: 1, userId: 'caller', userSig: 'sig' };
  const AUDIO = { kind: 'audio' as const, muted: false, soundMode: 'speaker' as const, cameraEnabled: false, cameraFacing: 'front' as const, suspended: false };
  const host = { context: () => ({}), render: (_view: unknown, rendered?: () => void) => rendered?.() };

  async function joined() {
    const { seen, callbacks } = recorder();
    const media = new TrtcMedia(RTC, callbacks, host);
    const joining = media.join(AUDIO);
    const raise = elements(media);
    raise.pusher(1018); // the room is entered: join() settles on it
    await joining;
    return { media, seen, raise };
  }

  /** WeChat's callbacks arrive on the next turn (test/support/wx-runtime), outside the fake clock. */
  const bridge = () => new Promise((resolve) => realImmediate(resolve));

  test("the pusher's own reconnects (1102 lost, 1002/1018 back) surface as reconnecting", async () => {
    const { media, seen, raise } = await joined();
    raise.pusher(1102);
    raise.pusher(1102);
    raise.pusher(1002);
    raise.pusher(1021);
    raise.pusher(1018);
    expect(seen.reconnecting).toEqual([true, false, true, false]);
    expect(seen.fatal).toEqual([]);
    media.leave();
  });

  test('-1307 in a joined call (TRTC gave up pushing): the pusher is stopped and started again, on a backoff while it fails; back on 1018', async () => {
    const { media, seen, raise } = await joined();
    const starts = wx.pusher.starts;
    raise.pusher(-1307, '网络断连，且经多次重连抢救无效，更多重试请自行重启推流');
    await jest.advanceTimersByTimeAsync(0);
    expect(wx.pusher.starts).toBe(starts + 1);
    expect(seen.reconnecting).toEqual([true]);
    expect(seen.gaveUp).toEqual([expect.stringContaining('-1307')]);
    raise.pusher(-1307, 'still down');
    await jest.advanceTimersByTimeAsync(500);
    expect(wx.pusher.starts).toBe(starts + 1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(wx.pusher.starts).toBe(starts + 2);
    raise.pusher(1018, 'enter room success');
    expect(seen.reconnecting).toEqual([true, false]);
    await jest.advanceTimersByTimeAsync(30000);
    expect(wx.pusher.starts).toBe(starts + 2);
    expect(seen.fatal).toEqual([]);
    media.leave();
  });

  test("-2301 (TRTC gave up playing the agent's stream): that player is stopped and played again; back when it plays", async () => {
    const { media, seen, raise } = await joined();
    raise.agentJoins();
    raise.player(-2301, '网络断连，且经多次重连抢救无效，更多重试请自行重启播放');
    await jest.advanceTimersByTimeAsync(0);
    await bridge();
    expect(wx.player.stops).toEqual(['agent_main']);
    expect(wx.player.plays).toEqual(['agent_main']);
    expect(seen.reconnecting).toEqual([true]);
    expect(seen.gaveUp).toEqual([expect.stringContaining('-2301')]);
    raise.player(2004, 'play begin');
    expect(seen.reconnecting).toEqual([true, false]);
    expect(seen.fatal).toEqual([]);
    media.leave();
  });

  test('-2301 from a player whose agent has left the room is no reconnect', async () => {
    const { media, seen, raise } = await joined();
    raise.player(-2301, 'disconnected');
    await jest.advanceTimersByTimeAsync(5000);
    expect(seen.reconnecting).toEqual([]);
    expect(wx.player.stops).toEqual([]);
    media.leave();
  });

  test('leave() stops restarting', async () => {
    const { media, raise } = await joined();
    raise.pusher(-1307);
    await jest.advanceTimersByTimeAsync(0);
    raise.pusher(-1307);
    const starts = wx.pusher.starts;
    media.leave();
    await jest.advanceTimersByTimeAsync(60000);
    expect(wx.pusher.starts).toBe(starts);
  });

  test("the agent's audio arriving: the player's netstatus audio bitrate, or a volume above 0; a volume of 0 says nothing", async () => {
    const { media, seen, raise } = await joined();
    raise.agentJoins();
    raise.playerVolume(0);
    raise.playerNetStatus(0);
    expect(seen.arrived).toBe(0);
    raise.playerNetStatus(24);
    raise.playerVolume(42);
    expect(seen.arrived).toBe(2);
    media.leave();
  });

  test("the agent's audio removed (muted) and added again reaches the call as published false / true", async () => {
    const { media, seen, raise } = await joined();
    raise.agentJoins();
    raise.agentAudio(false);
    raise.agentAudio(true);
    expect(seen.published).toEqual([true, false, true]);
    media.leave();
  });

  test.each([
    ['binderror 10002 (recording forbidden)', (raise: ReturnType<typeof elements>) => raise.pusherError(10002, 'user forbid to use microphone')],
    ['statechange -1302 (the microphone could not be opened)', (raise: ReturnType<typeof elements>) => raise.pusher(-1302, 'open microphone failed')],
  ])('the iOS system microphone switch off, %s: the join rejects permission-denied with the system-settings hint', async (_what, raiseIt) => {
    const media = new TrtcMedia(RTC, recorder().callbacks, host);
    const joining = media.join(AUDIO).catch((error: TcccError) => error);
    raiseIt(elements(media));
    expect(await joining).toMatchObject({ code: 'permission-denied', message: expect.stringContaining('wx.openAppAuthorizeSetting'), detail: { scope: 'scope.record', system: true } });
    media.leave();
  });

  describe('in a call (CallController with this media)', () => {
    function callWith(callerWindowMs = 30000) {
      let media: TrtcMedia | null = null;
      const { controller, errors, ended, server, signaling } = controllerWith((_rtc, callbacks) => (media = new TrtcMedia(RTC, callbacks, host)), callerWindowMs);
      const seen = { errors, ended };
      const start = async () => {
        const starting = controller.start('audio', { channelId: 'c1' });
        await jest.advanceTimersByTimeAsync(0);
        const raise = elements(media as unknown as TrtcMedia);
        raise.pusher(1018);
        await starting;
        server({ type: 'accepted', seatName: 'Agent Lin' });
        raise.agentJoins();
        return raise;
      };
      return { controller, seen, start, signaling };
    }

    test('an agent who greets, then listens quietly: audio keeps arriving at volume 0, so the call is never silent and no error is told', async () => {
      const { controller, seen, start } = callWith();
      const raise = await start();
      raise.playerVolume(40);
      for (let second = 0; second < 30; second += 2) {
        raise.playerVolume(0);
        raise.playerNetStatus(24);
        await jest.advanceTimersByTimeAsync(2000);
      }
      expect(controller.getView()).toMatchObject({ phase: 'active', mediaSilent: false });
      expect(seen.errors).toEqual([]);
      await controller.hangUp();
    });

    test('a talking call whose pusher TRTC gives up on (-1307) during an outage survives it: reconnecting, restarted, back on 1018', async () => {
      const { controller, seen, start, signaling } = callWith(30000);
      const raise = await start();
      signaling().onReconnecting?.(true);
      raise.pusher(-1307, 'push failed');
      await jest.advanceTimersByTimeAsync(10000);
      raise.pusher(-1307, 'push failed again');
      await jest.advanceTimersByTimeAsync(10000);
      expect(controller.getView()).toMatchObject({ phase: 'active', reconnecting: true });
      signaling().onReconnecting?.(false);
      await jest.advanceTimersByTimeAsync(5000);
      raise.pusher(1018, 'enter room success');
      expect(controller.getView()).toMatchObject({ phase: 'active', reconnecting: false });
      await jest.advanceTimersByTimeAsync(60000);
      expect(seen).toEqual({ errors: [], ended: [] });
      await controller.hangUp();
      expect(seen.ended).toEqual(['ok']);
    });

    test('a pusher that does not come back within the window ends the call once, with a media error, and stops restarting', async () => {
      const { controller, seen, start } = callWith(20000);
      const raise = await start();
      raise.pusher(-1307, 'push failed');
      await jest.advanceTimersByTimeAsync(20500);
      expect(seen).toEqual({ errors: ['media'], ended: ['voipClientError'] });
      const starts = wx.pusher.starts;
      await jest.advanceTimersByTimeAsync(60000);
      expect(wx.pusher.starts).toBe(starts);
      expect(controller.getView().phase).toBe('idle');
    });
  });
});
