import { BackendClient } from '../../src/services/backend-client';
import { EndStatus } from '../../src/services/protocol';
import { parseCallEvent } from '../../src/services/signaling';
import type { HttpResponse, Transport } from '../../src/services/transport';

/** A server whose `endStatus` disagrees with its `reason`: the SDK reports the reason's own code. */
function answering(body: unknown): Transport {
  return {
    request: () => Promise.resolve<HttpResponse>({ status: 200, body }),
    connect: () => {
      throw new Error('no sockets here');
    },
  };
}

describe('endStatus is the code of the reason it comes with', () => {
  it('in an ended event', () => {
    const event = parseCallEvent({ type: 'ended', seq: 1, sessionId: 's', at: 0, closeBy: 'admin', endStatus: 1, reason: 'noSeatOnline' });
    expect(event).toMatchObject({ type: 'ended', endStatus: EndStatus.noSeatOnline, reason: 'noSeatOnline' });
  });

  it('in the answer to a hang-up', async () => {
    const client = new BackendClient('http://127.0.0.1:1', answering({ closeBy: 'user', endStatus: 999, reason: 'ringingGiveUp' }));
    await expect(client.endSession('token', 's')).resolves.toEqual({ sessionId: 's', closeBy: 'user', endStatus: 104, reason: 'ringingGiveUp' });
  });

  it('still needs a number, as the protocol says', () => {
    expect(parseCallEvent({ type: 'ended', seq: 1, sessionId: 's', at: 0, closeBy: 'admin', reason: 'ok' })).toBeNull();
  });
});
