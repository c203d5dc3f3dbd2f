import { fill } from '../../common/locale';
import type { SharedTexts } from '../../common/locale';

/**
 * What the call screen renders from, whichever core runs the call. Our core's `getState()` and
 * `statechange` give all of it (IVR, queue position, the agent's name, reconnecting, network); with a core
 * that has only the documented methods and events, the screen derives a smaller view itself
 * (derived-state.ts): `starting` → `waiting` → `active` → `idle`. Every field but `phase` may be missing.
 */
export interface CoreView {
  phase: 'idle' | 'starting' | 'waiting' | 'ivr' | 'queued' | 'ringing' | 'active' | 'ending';
  kind?: 'audio' | 'video' | null;
  muted?: boolean;
  soundMode?: 'speaker' | 'ear';
  cameraEnabled?: boolean;
  network?: 'unknown' | 'good' | 'fair' | 'poor';
  reconnecting?: boolean;
  suspended?: boolean;
  mediaSilent?: boolean;
  queuePosition?: number | null;
  seatName?: string;
}

/** What the call screen renders; derived from the core's view, the texts and the last end. */
export interface ScreenState {
  phase: CoreView['phase'];
  kind: 'audio' | 'video';
  muted: boolean;
  soundMode: 'speaker' | 'ear';
  cameraEnabled: boolean;
  network: 'unknown' | 'good' | 'fair' | 'poor';
  /** The status line, in the caller's language. */
  statusText: string;
  /** 'warning' when the line tells of a problem (reconnecting, no audio, no agent online…), else 'neutral'. */
  tone: 'neutral' | 'warning';
  /** The agent's name while talking ('' otherwise): the status line shows it large. */
  seatName: string;
  /** The video panel's placeholder state. */
  videoStatus: 'waiting' | 'talking' | 'reconnecting' | 'ended';
}

/** How the last call ended, from its `sessionEnded` detail; a core may leave out either field. */
export interface LastEnd {
  closeBy?: string;
  reason?: string;
}

function endedText(texts: SharedTexts, lastEnd: LastEnd): string {
  const { ended } = texts;
  if (lastEnd.closeBy === 'user') return ended.user;
  if (typeof lastEnd.reason !== 'string' || lastEnd.reason === '') return ended.ok;
  return (ended as Record<string, string>)[lastEnd.reason] ?? ended.clientError;
}

/** How a call can end that the caller should read as a problem, not as a plain end. */
const PROBLEM_ENDS = new Set(['blackList', 'noSeatOnline', 'notWorkTime', 'clientError', 'callConflict', 'clientTimeout', 'voipClientError']);

function toneOf(view: CoreView, lastEnd: LastEnd | null): ScreenState['tone'] {
  if (view.phase === 'idle') return lastEnd?.reason && PROBLEM_ENDS.has(lastEnd.reason) ? 'warning' : 'neutral';
  const silent = view.mediaSilent && view.phase === 'active';
  return view.reconnecting || view.suspended || silent ? 'warning' : 'neutral';
}

/** The status line for a call state: connecting, in queue (with the position), ringing, talking, ended. */
export function statusTextOf(view: CoreView, texts: SharedTexts, lastEnd: LastEnd | null): string {
  const { status } = texts;
  if (view.phase === 'idle') return lastEnd ? endedText(texts, lastEnd) : status.idle;
  if (view.reconnecting) return status.reconnecting;
  if (view.suspended) return status.suspended;
  if (view.mediaSilent && view.phase === 'active') return status.mediaSilent;
  switch (view.phase) {
    case 'starting':
      return status.starting;
    case 'waiting':
      return status.waiting;
    case 'ivr':
      return status.ivr;
    case 'queued':
      if (view.queuePosition === 1) return status.queuedNext;
      return view.queuePosition && view.queuePosition > 1 ? fill(status.queuedAhead, { n: view.queuePosition - 1 }) : status.queued;
    case 'ringing':
      return status.ringing;
    case 'active':
      return view.seatName ? fill(status.active, { seat: view.seatName }) : status.talking;
    default:
      return status.ending;
  }
}

export function screenStateOf(view: CoreView, texts: SharedTexts, lastEnd: LastEnd | null, preferredKind: 'audio' | 'video'): ScreenState {
  const videoStatus = view.phase === 'idle' ? 'ended' : view.reconnecting ? 'reconnecting' : view.phase === 'active' ? 'talking' : 'waiting';
  const statusText = statusTextOf(view, texts, lastEnd);
  // Shown large only where the line names the agent (not while it tells of a problem instead).
  const seatName = view.phase === 'active' && view.seatName && statusText.indexOf(view.seatName) >= 0 ? view.seatName : '';
  return {
    phase: view.phase,
    kind: view.kind ?? preferredKind,
    muted: view.muted ?? false,
    soundMode: view.soundMode ?? 'speaker',
    cameraEnabled: view.cameraEnabled ?? true,
    network: view.network ?? 'unknown',
    statusText,
    tone: toneOf(view, lastEnd),
    seatName,
    videoStatus,
  };
}

/** The fields of `next` that differ from `previous`: what one setData needs to send. */
export function changedFields<T extends object>(previous: T, next: T): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (next[key] !== previous[key]) patch[key] = next[key];
  }
  return patch;
}
