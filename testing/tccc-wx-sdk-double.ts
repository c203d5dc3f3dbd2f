import path from 'node:path';
import type { Agent, AgentCall } from './agent';
import { DEFAULT_WAIT_MS, describeCalls, idOf, isRinging } from './agent';
import { waitFor } from './wait';

/**
 * The mini program files of the double of Tencent's tccc-wx-sdk (its `miniprogram_dist`), which
 * `renderPage(…, { tcccWxSdk: 'double' })` puts where 构建 npm put the real package.
 */
export const TCCC_WX_SDK_DOUBLE_DIR = path.join(__dirname, 'tccc-wx-sdk-double', 'miniprogram_dist');

/** What the double's components share, on globalThis (see tccc-wx-sdk-double/miniprogram_dist/control.js). */
interface Control {
  calls: Array<{ method: string; args: unknown[] }>;
  sessions: Array<{ sessionId: string; method: string; channelId: unknown; accepted: boolean; ended: { closeBy?: unknown } | null }>;
  session: string | null;
  nextStart: unknown;
  accept(detail?: Record<string, unknown>): void;
  end(detail?: Record<string, unknown>): void;
  fail(detail?: Record<string, unknown>): void;
  settle(rejectMessage?: string): void;
  reset(): void;
}

/** Every call of a method (or of `tccc-wx-sdk/login`) the page made on the double, in order. */
export interface DoubleMethodCall {
  method: string;
  args: unknown[];
}

/**
 * The double of Tencent's tccc-wx-sdk, scripted. It is written from Tencent's public doc alone (its 11
 * methods, 4 events, `{ sessionId }`, `tccc-wx-sdk/login`), not from Tencent's code: it shows that a page
 * uses the documented API as documented, not how Tencent's servers behave.
 */
export interface TcccWxSdkDouble {
  /** The agent's side, as with the simulator: the calls the page started, answered or ended from here. */
  agent: Agent;
  /** The methods the page called, in order. */
  methodCalls(): DoubleMethodCall[];
  /** What the next `startCall`/`startSession` does: resolve (the default), reject with `message`, or wait for `settle()`. */
  nextStart(script: 'resolve' | 'hold' | { reject: string }): void;
  /** Settles a held start: resolves it, or rejects it with `rejectMessage`. */
  settle(rejectMessage?: string): void;
  /** Emits the core's `error` event with `detail`. */
  fail(detail?: Record<string, unknown>): void;
  /** Forgets every call and login, as a fresh start. */
  reset(): void;
}

const KEY = '__tcccWxSdkDouble';

function control(): Control {
  const found = (globalThis as Record<string, unknown>)[KEY] as Control | undefined;
  if (!found) throw new Error('The tccc-wx-sdk double is not loaded: render the page with renderPage(project, page, { tcccWxSdk: \'double\' }) first.');
  return found;
}

/** TCCC's end of a call the double ended: the doc gives only `closeBy`; the status is TCCC's for that side. */
function endOf(ended: { closeBy?: unknown }): NonNullable<AgentCall['end']> {
  if (ended.closeBy === 'admin') return { closeBy: 'admin', endStatus: 105, reason: 'noSeatOnline' };
  return { closeBy: ended.closeBy === 'seat' ? 'seat' : 'user', endStatus: 1, reason: 'ok' };
}

function calls(): AgentCall[] {
  return control().sessions.map(({ sessionId, method, channelId, accepted, ended }) => ({
    sessionId,
    channelId: String(channelId),
    media: method === 'startCall' ? 'audio' : 'video',
    phase: ended ? 'ended' : accepted ? 'active' : 'ringing',
    seatName: '',
    digits: '',
    end: ended ? endOf(ended) : null,
  }));
}

/** The call `call` names, live; anything else is the test's mistake, said plainly. */
function live(call: AgentCall | string): Control {
  const state = control();
  if (state.session !== idOf(call)) throw new Error(`The double has no live call ${idOf(call)} (its live call: ${state.session ?? 'none'}).`);
  return state;
}

const find = (call: AgentCall | string): AgentCall => calls().find((found) => found.sessionId === idOf(call))!;
const loaded = () => KEY in globalThis;

const agent: Agent = {
  calls: async () => calls(),
  async waitForCall({ timeoutMs = DEFAULT_WAIT_MS } = {}) {
    let seen: AgentCall[] = [];
    await waitFor(() => (seen = loaded() ? calls() : []).some(isRinging), 'a call to ring for the agent', timeoutMs, () => describeCalls(seen));
    return seen.find(isRinging)!;
  },
  async accept(call) {
    live(call).accept({});
    return find(call);
  },
  async hangUp(call) {
    live(call).end({ closeBy: 'seat' });
    return find(call);
  },
  async transferToNoSeat(call) {
    live(call).end({ closeBy: 'admin' });
    return find(call);
  },
};

/** The double's handle; the page must have been rendered with it (`renderPage(…, { tcccWxSdk: 'double' })`). */
export function tcccWxSdkDouble(): TcccWxSdkDouble {
  return {
    agent,
    methodCalls: () => control().calls.map(({ method, args }) => ({ method, args: [...args] })),
    nextStart(script) {
      control().nextStart = script;
    },
    settle: (rejectMessage) => control().settle(rejectMessage),
    fail: (detail) => control().fail(detail),
    reset: () => control().reset(),
  };
}
