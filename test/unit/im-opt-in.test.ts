import fs from 'node:fs';
import path from 'node:path';
import { TimSignaling } from '../../src/im/tim-signaling';
import { ErrorCode } from '../../src/services/errors';
import type { CallEvent } from '../../src/services/protocol';
import { createSignaling } from '../../src/services/signaling';

const DIST = path.resolve(__dirname, '../../miniprogram_dist');

function resolveBuilt(target: string): string {
  const file = [`${target}.js`, path.join(target, 'index.js')].find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`cannot resolve ${target}`);
  return file;
}

/** Every file reachable by static require() from an entry of the built package. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = fs.readFileSync(entry, 'utf8');
  for (const [, spec] of code.matchAll(/require\("([^"]+)"\)/g)) {
    if (spec.startsWith('.')) reachable(resolveBuilt(path.resolve(path.dirname(entry), spec)), seen);
    else seen.add(`npm:${spec}`);
  }
  return seen;
}

test('no entry an app uses without opting in reaches tim-wx-sdk; the im entry does', () => {
  expect(reachable(path.join(DIST, 'index.js')).has('npm:trtc-wx-sdk')).toBe(true);
  for (const entry of ['index.js', 'pusher/index.js', 'player/index.js', 'login/index.js']) {
    expect(reachable(path.join(DIST, entry)).has('npm:tim-wx-sdk')).toBe(false);
  }
  expect(reachable(path.join(DIST, 'im/index.js')).has('npm:tim-wx-sdk')).toBe(true);
});

test('a backend asking for IM signaling without the opt-in gets a clear unsupported error', () => {
  const descriptor = { type: 'tim' as const, sdkAppId: 1, userId: 'u', userSig: 's', groupId: 'g', since: 0 };
  expect(() => createSignaling(descriptor, 't', { onEvent: () => undefined, onLost: () => undefined })).toThrow(
    expect.objectContaining({ code: ErrorCode.Unsupported, message: expect.stringContaining("require('tccc-wx-sdk/im')") }),
  );
});

test('TimSignaling delivers call events from custom group messages once, in order', async () => {
  const listeners = new Map<string, Array<(e: { name: string; data: unknown }) => void>>();
  const on = (name: string, fn: (e: { name: string; data: unknown }) => void) => listeners.set(name, [...(listeners.get(name) ?? []), fn]);
  const emit = (name: string, data: unknown) => (listeners.get(name) ?? []).forEach((fn) => fn({ name, data }));
  const calls: string[] = [];
  const fakeTim = {
    EVENT: { SDK_READY: 'ready', MESSAGE_RECEIVED: 'message', KICKED_OUT: 'kicked', NET_STATE_CHANGE: 'net', ERROR: 'error' },
    TYPES: { MSG_CUSTOM: 'TIMCustomElem', CONV_GROUP: 'GROUP', CONV_C2C: 'C2C' },
    create: () => ({
      setLogLevel: () => undefined,
      login: async () => {
        calls.push('login');
        setTimeout(() => emit('ready', null), 1);
      },
      logout: async () => void calls.push('logout'),
      destroy: async () => undefined,
      joinGroup: async ({ groupID }: { groupID: string }) => void calls.push(`join:${groupID}`),
      on,
      off: (name: string, fn: unknown) => listeners.set(name, (listeners.get(name) ?? []).filter((f) => f !== fn)),
    }),
  };
  const events: CallEvent[] = [];
  const signaling = new TimSignaling(fakeTim, { type: 'tim', sdkAppId: 1, userId: 'u', userSig: 's', groupId: 'g1', since: 4 }, { onEvent: (e) => events.push(e), onLost: () => undefined });
  await signaling.open();
  const message = (seq: number, to = 'g1') => ({ type: 'TIMCustomElem', to, conversationType: 'GROUP', payload: { data: JSON.stringify({ type: 'accepted', seatName: 'A', seq, sessionId: 's', at: 1 }) } });
  emit('message', [message(4), message(5), message(5), message(6, 'other'), { ...message(7), payload: { data: '{broken' } }, message(8)]);
  expect(events.map((e) => e.seq)).toEqual([5, 8]);
  signaling.close();
  emit('message', [message(9)]);
  expect(events).toHaveLength(2);
  expect(calls).toEqual(['login', 'join:g1', 'logout']);
});

/** An IM SDK that logs in but never becomes ready (a slow or blocked IM network), with its listeners by event. */
function neverReadyTim() {
  const listeners = new Map<string, unknown[]>();
  const fakeTim = {
    EVENT: { SDK_READY: 'ready', MESSAGE_RECEIVED: 'message', KICKED_OUT: 'kicked', NET_STATE_CHANGE: 'net', ERROR: 'error' },
    TYPES: { MSG_CUSTOM: 'TIMCustomElem', CONV_GROUP: 'GROUP', CONV_C2C: 'C2C' },
    create: () => ({
      setLogLevel: () => undefined,
      login: async () => undefined,
      logout: async () => undefined,
      destroy: async () => undefined,
      joinGroup: async () => undefined,
      on: (name: string, fn: unknown) => listeners.set(name, [...(listeners.get(name) ?? []), fn]),
      off: (name: string, fn: unknown) => listeners.set(name, (listeners.get(name) ?? []).filter((f) => f !== fn)),
    }),
  };
  const signaling = new TimSignaling(fakeTim, { type: 'tim', sdkAppId: 1, userId: 'u', userSig: 's', groupId: 'g1', since: 0 }, { onEvent: () => undefined, onLost: () => undefined });
  return { signaling, listeners };
}

test('TimSignaling.close() during open() settles it at once and removes its SDK_READY listener', async () => {
  const { signaling, listeners } = neverReadyTim();
  const opened = signaling.open().then(() => 'opened', (error: { code: string }) => error.code);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(listeners.get('ready')).toHaveLength(1);
  const closedAt = Date.now();
  signaling.close();
  expect(await opened).toBe(ErrorCode.Cancelled);
  expect(Date.now() - closedAt).toBeLessThan(1000);
  expect(listeners.get('ready')).toEqual([]);
});

test('TimSignaling.close() during open() leaves no timer behind (its 10 s deadline goes with it)', async () => {
  jest.useFakeTimers();
  try {
    const { signaling } = neverReadyTim();
    const opened = signaling.open().catch((error: { code: string }) => error.code);
    // Logged in; waiting for SDK_READY under its deadline.
    await jest.advanceTimersByTimeAsync(20);
    expect(jest.getTimerCount()).toBe(1);
    signaling.close();
    expect(await opened).toBe(ErrorCode.Cancelled);
    expect(jest.getTimerCount()).toBe(0);
  } finally {
    jest.useRealTimers();
  }
});
