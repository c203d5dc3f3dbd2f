import { ErrorCode } from '../../src/services/errors';
import type { CallState, Command, Phase } from '../../src/services/session-machine';
import { applyCommand, applySignal, initialState } from '../../src/services/session-machine';

type Kind = 'audio' | 'video';
type Outcome = 'ok' | ErrorCode;

const PHASES: Phase[] = ['idle', 'starting', 'ivr', 'queued', 'ringing', 'active', 'ending'];

/** Every documented method as the command it issues. */
const METHODS: Record<string, Command> = {
  startCall: { type: 'start', kind: 'audio' },
  startSession: { type: 'start', kind: 'video' },
  endCall: { type: 'hangUp' },
  endSession: { type: 'hangUp' },
  sendDigits: { type: 'sendDigits' },
  muteAudio: { type: 'mute' },
  unmuteAudio: { type: 'unmute' },
  setSoundMode: { type: 'setSoundMode', mode: 'ear' },
  switchCamera: { type: 'switchCamera' },
  disableCamera: { type: 'disableCamera' },
  enableCamera: { type: 'enableCamera' },
};

const { Busy, NoSession, InvalidState } = ErrorCode;
const LIVE = ['ivr', 'queued', 'ringing', 'active'] as const;

/** The expected outcome, written out by hand: one row per method, per phase; camera rows per kind. */
function expected(method: string, phase: Phase, kind: Kind): Outcome {
  const table: Record<string, Partial<Record<Phase, Outcome>>> = {
    startCall: { idle: 'ok', starting: Busy, ivr: Busy, queued: Busy, ringing: Busy, active: Busy, ending: Busy },
    // Hanging up is idempotent: with no call, or one already ending, it is a no-op that resolves.
    endCall: { idle: 'ok', starting: 'ok', ivr: 'ok', queued: 'ok', ringing: 'ok', active: 'ok', ending: 'ok' },
    sendDigits: { idle: NoSession, starting: InvalidState, ivr: 'ok', queued: 'ok', ringing: 'ok', active: 'ok', ending: NoSession },
    muteAudio: { idle: NoSession, starting: 'ok', ivr: 'ok', queued: 'ok', ringing: 'ok', active: 'ok', ending: NoSession },
  };
  const row = { startSession: 'startCall', endSession: 'endCall', unmuteAudio: 'muteAudio', setSoundMode: 'muteAudio' }[method] ?? method;
  if (table[row]) return table[row][phase] as Outcome;
  // Camera methods: like muteAudio, but only for video calls.
  const asMute = table.muteAudio[phase] as Outcome;
  return asMute === 'ok' && kind === 'audio' ? InvalidState : asMute;
}

function stateIn(phase: Phase, kind: Kind): CallState {
  if (phase === 'idle') return initialState;
  return { ...initialState, phase, kind, sessionId: phase === 'starting' ? null : 's-1' };
}

describe('session machine: every method in every state', () => {
  for (const [method, command] of Object.entries(METHODS)) {
    for (const phase of PHASES) {
      for (const kind of ['audio', 'video'] as Kind[]) {
        const want = expected(method, phase, kind);
        test(`${method} in ${phase} (${kind}) → ${want}`, () => {
          const before = stateIn(phase, kind);
          const result = applyCommand(before, command);
          if (want === 'ok') {
            expect(result.ok).toBe(true);
          } else {
            expect(result.ok).toBe(false);
            if (!result.ok) {
              expect(result.error.code).toBe(want);
              expect(result.error.message).toMatch(/\w{4,}/);
            }
          }
        });
      }
    }
  }
});

describe('session machine: what a legal command changes', () => {
  const active = stateIn('active', 'video');

  test('start resets the call but keeps the chosen sound mode', () => {
    const result = applyCommand({ ...initialState, soundMode: 'ear' }, { type: 'start', kind: 'video' });
    expect(result).toEqual({ ok: true, state: { ...initialState, phase: 'starting', kind: 'video', soundMode: 'ear' } });
  });

  test('mute, sound mode and camera toggles', () => {
    const step = (state: CallState, command: Command) => {
      const result = applyCommand(state, command);
      if (!result.ok) throw result.error;
      return result.state;
    };
    let state = step(active, { type: 'mute' });
    expect(state.muted).toBe(true);
    state = step(state, { type: 'unmute' });
    expect(state.muted).toBe(false);
    state = step(state, { type: 'setSoundMode', mode: 'ear' });
    expect(state.soundMode).toBe('ear');
    state = step(state, { type: 'switchCamera' });
    expect(state.cameraFacing).toBe('back');
    state = step(state, { type: 'switchCamera' });
    expect(state.cameraFacing).toBe('front');
    state = step(state, { type: 'disableCamera' });
    expect(state.cameraEnabled).toBe(false);
    state = step(state, { type: 'enableCamera' });
    expect(state.cameraEnabled).toBe(true);
    expect(step(state, { type: 'hangUp' }).phase).toBe('ending');
  });
});

describe('session machine: signals', () => {
  test('created applies only while starting', () => {
    for (const phase of PHASES) {
      const next = applySignal(stateIn(phase, 'audio'), { type: 'created', sessionId: 's-9', phase: 'queued' });
      if (phase === 'starting') expect(next).toMatchObject({ phase: 'queued', sessionId: 's-9' });
      else expect(next).toBeNull();
    }
  });

  test('progress moves between ivr, queue and ringing, never back from active', () => {
    for (const phase of PHASES) {
      const next = applySignal(stateIn(phase, 'audio'), { type: 'phase', phase: 'ringing' });
      if ((LIVE as readonly Phase[]).includes(phase) && phase !== 'active') expect(next?.phase).toBe('ringing');
      else expect(next).toBeNull();
    }
  });

  test('accepted makes a waiting call active once', () => {
    for (const phase of PHASES) {
      const next = applySignal(stateIn(phase, 'audio'), { type: 'accepted' });
      if (['ivr', 'queued', 'ringing'].includes(phase)) expect(next?.phase).toBe('active');
      else expect(next).toBeNull();
    }
  });

  test('released returns every non-idle state to idle, keeping the sound mode', () => {
    for (const phase of PHASES) {
      const next = applySignal({ ...stateIn(phase, 'video'), soundMode: 'ear', muted: true }, { type: 'released' });
      if (phase === 'idle') expect(next).toBeNull();
      else expect(next).toEqual({ ...initialState, soundMode: 'ear' });
    }
  });
});
