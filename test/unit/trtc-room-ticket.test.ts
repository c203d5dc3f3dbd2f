/**
 * The room-bound ticket reaches TRTC: the backend client keeps `rtc.privateMapKey`, and TrtcMedia hands it
 * to the real trtc-wx-sdk's enterRoom, whose pusher URL then carries it.
 */
import { BackendClient } from '../../src/services/backend-client';
import type { RtcDescriptor } from '../../src/services/protocol';
import { TrtcMedia } from '../../src/services/platform/trtc-media';
import { installWxRuntime } from '../../testing';

const rtc = { type: 'trtc', sdkAppId: 1400000012, roomId: 424242, userId: 'user-abc', userSig: 'sig-abc', privateMapKey: 'ticket-for-424242' } as const;

test('createSession keeps the privateMapKey the server sent', async () => {
  const transport = {
    request: async () => ({
      status: 201,
      body: { sessionId: 's-1', media: 'video', phase: 'queued', rtc, signaling: { type: 'websocket', url: 'ws://127.0.0.1:1/v1/events', since: 0 } },
    }),
  };
  const client = new BackendClient('http://127.0.0.1:1', transport as never);
  const created = await client.createSession('token', { channelId: 'video-support', media: 'video' });
  expect(created.rtc).toEqual(rtc);
});

test("enterRoom gets the privateMapKey: the pusher's room:// URL carries it", async () => {
  const wx = installWxRuntime();
  // trtc-wx-sdk logs its steps with console.log until its log level is set.
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    const rendered: Array<{ url?: string } | null> = [];
    const media = new TrtcMedia(rtc as Extract<RtcDescriptor, { type: 'trtc' }>, { onFatal: () => undefined } as never, {
      context: () => ({}),
      render: (view, done) => {
        rendered.push(view.pusher as { url?: string } | null);
        done?.();
      },
    });
    // join() settles on TRTC's room entry, which never comes here: the pusher is rendered before it.
    const joined = media.join({ kind: 'video', muted: false, suspended: false, cameraEnabled: true, cameraFacing: 'front', soundMode: 'speaker' } as never);
    joined.catch(() => undefined);
    expect(rendered[0]?.url).toMatch(/^room:\/\//);
    expect(rendered[0]?.url).toContain('privatemapkey=ticket-for-424242');
    expect(rendered[0]?.url).toContain('roomid=424242');
    media.leave();
  } finally {
    log.mockRestore();
    wx.restore();
  }
});
