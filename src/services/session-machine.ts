import { ErrorCode, TcccError } from './errors';
import type { MediaKind, ServerPhase } from './protocol';

/**
 * The call session state machine: pure and deterministic.
 *
 *   idle ─start─▶ starting ─created─▶ ivr ⇄ queued ⇄ ringing ─accepted─▶ active
 *     ▲              │ failed            │ hangUp / ended (from any live phase)
 *     └──────────────┴──── released ◀── ending
 *
 * Every documented component method is a command: `applyCommand` returns the next state or the typed
 * error the method rejects with. Things that happen to a call are signals: `applySignal` returns the next
 * state, or null when the signal does not apply (a late event for a call that already ended).
 */
export type Phase = 'idle' | 'starting' | ServerPhase | 'ending';
export type SoundMode = 'speaker' | 'ear';
export type CameraFacing = 'front' | 'back';

export interface CallState {
  readonly phase: Phase;
  readonly kind: MediaKind | null;
  readonly sessionId: string | null;
  readonly muted: boolean;
  readonly soundMode: SoundMode;
  readonly cameraEnabled: boolean;
  readonly cameraFacing: CameraFacing;
}

export type Command =
  | { type: 'start'; kind: MediaKind }
  | { type: 'hangUp' }
  | { type: 'sendDigits' }
  | { type: 'mute' }
  | { type: 'unmute' }
  | { type: 'setSoundMode'; mode: SoundMode }
  | { type: 'switchCamera' }
  | { type: 'disableCamera' }
  | { type: 'enableCamera' };

export type Signal =
  | { type: 'created'; sessionId: string; phase: ServerPhase }
  | { type: 'phase'; phase: Exclude<ServerPhase, 'active'> }
  | { type: 'accepted' }
  /** The call ended (server event, hang-up done, start failed): media is released, back to idle. */
  | { type: 'released' };

export type CommandResult = { ok: true; state: CallState } | { ok: false; error: TcccError };

export const LIVE_PHASES: readonly Phase[] = ['ivr', 'queued', 'ringing', 'active'];

export const initialState: CallState = {
  phase: 'idle',
  kind: null,
  sessionId: null,
  muted: false,
  soundMode: 'speaker',
  cameraEnabled: true,
  cameraFacing: 'front',
};

export function isLive(state: CallState): boolean {
  return LIVE_PHASES.indexOf(state.phase) >= 0;
}

/** True from the moment a call is asked for until it has ended and released its media. */
export function isBusy(state: CallState): boolean {
  return state.phase !== 'idle';
}

const ok = (state: CallState): CommandResult => ({ ok: true, state });
const fail = (code: ErrorCode, message: string): CommandResult => ({ ok: false, error: new TcccError(code, message) });

function needsCall(state: CallState, method: string): CommandResult | null {
  if (state.phase === 'idle') return fail(ErrorCode.NoSession, `${method} needs a call in progress, and there is none.`);
  if (state.phase === 'ending') return fail(ErrorCode.NoSession, `${method}: the call is already ending.`);
  return null;
}

function needsVideo(state: CallState, method: string): CommandResult | null {
  const missing = needsCall(state, method);
  if (missing) return missing;
  if (state.kind !== 'video') {
    return fail(ErrorCode.InvalidState, `${method} needs a video call (startSession); this is an audio call.`);
  }
  return null;
}

export function applyCommand(state: CallState, command: Command): CommandResult {
  switch (command.type) {
    case 'start':
      if (state.phase === 'ending') {
        return fail(ErrorCode.Busy, 'The last call is still ending: start the next one once endCall() has resolved (or sessionEnded has come).');
      }
      if (state.phase !== 'idle') {
        return fail(ErrorCode.Busy, 'A call is already in progress: end it before starting another.');
      }
      return ok({ ...initialState, phase: 'starting', kind: command.kind, soundMode: state.soundMode });
    case 'hangUp':
      // Idempotent: a tap after the call ended (or while it ends) changes nothing and is no error.
      return ok(state.phase === 'idle' ? state : { ...state, phase: 'ending' });
    case 'sendDigits':
      if (state.phase === 'starting') {
        return fail(ErrorCode.InvalidState, 'sendDigits: the call is still connecting; wait for sessionStart.');
      }
      return needsCall(state, 'sendDigits') ?? ok(state);
    case 'mute':
      return needsCall(state, 'muteAudio') ?? ok({ ...state, muted: true });
    case 'unmute':
      return needsCall(state, 'unmuteAudio') ?? ok({ ...state, muted: false });
    case 'setSoundMode':
      return needsCall(state, 'setSoundMode') ?? ok({ ...state, soundMode: command.mode });
    case 'switchCamera':
      return (
        needsVideo(state, 'switchCamera') ??
        ok({ ...state, cameraFacing: state.cameraFacing === 'front' ? 'back' : 'front' })
      );
    case 'disableCamera':
      return needsVideo(state, 'disableCamera') ?? ok({ ...state, cameraEnabled: false });
    case 'enableCamera':
      return needsVideo(state, 'enableCamera') ?? ok({ ...state, cameraEnabled: true });
  }
}

export function applySignal(state: CallState, signal: Signal): CallState | null {
  switch (signal.type) {
    case 'created':
      return state.phase === 'starting' ? { ...state, phase: signal.phase, sessionId: signal.sessionId } : null;
    case 'phase':
      // A call never goes back from talking to the queue; stale or reordered events are ignored.
      return isLive(state) && state.phase !== 'active' ? { ...state, phase: signal.phase } : null;
    case 'accepted':
      return isLive(state) && state.phase !== 'active' ? { ...state, phase: 'active' } : null;
    case 'released':
      return state.phase === 'idle' ? null : { ...initialState, soundMode: state.soundMode };
  }
}
