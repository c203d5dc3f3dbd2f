/**
 * The messages of refusals a developer meets while wiring a page: they say what happened and what to do,
 * read as sentences (the doc's samples show `e.message` in a toast).
 */
import { errorFromResponse } from '../../src/services/backend-client';
import { applyCommand, initialState } from '../../src/services/session-machine';
import { parseChannelOptions, parseCheckLoginOptions } from '../../src/services/validate';
import { ScriptedBackend, scriptedController } from './scripted-backend';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('no refusal');
};

test('a start while the last call is still ending is busy, and says to wait for the hang-up, not to end a call', () => {
  const result = applyCommand({ ...initialState, phase: 'ending', kind: 'audio', sessionId: 's-1' }, { type: 'start', kind: 'audio' });
  expect(result).toMatchObject({ ok: false, error: { code: 'busy' } });
  const { message } = (result as { error: { message: string } }).error;
  expect(message).toMatch(/still ending/);
  expect(message).toMatch(/endCall/);
  expect(message).not.toMatch(/end it before/);
});

test('a component without sdkAppId says to set the attribute, not to log in', async () => {
  const controller = scriptedController(new ScriptedBackend(), { sdkAppId: () => '' });
  const error = await controller.start('audio', { channelId: 'c1' }).catch((e: { code: string; message: string }) => e);
  expect(error).toMatchObject({ code: 'not-logged-in', message: expect.stringContaining('sdkAppId="{{sdkAppId}}"') });
  expect((error as { message: string }).message).not.toMatch(/Call login/);
});

test('a missing value or an object is named as such ("got undefined", "got an object")', () => {
  expect(refusal(() => parseCheckLoginOptions(undefined)).message).toMatch(/got undefined\.$/);
  expect(refusal(() => parseChannelOptions({ channelId: {} }, 'startCall')).message).toMatch(/got an object\.$/);
  expect(refusal(() => parseChannelOptions({}, 'startCall')).message).toMatch(/got undefined\.$/);
});

test("a 401 keeps the server's sentence without doubling its full stop", () => {
  const error = errorFromResponse(401, { error: { code: 'unauthenticated', message: 'The token has expired: log in again.' } });
  expect(error).toMatchObject({ code: 'login-expired' });
  expect(error.message).not.toMatch(/\.\./);
  expect(error.message).toMatch(/^Login expired or rejected: The token has expired: log in again\. Call login again\.$/);
});
