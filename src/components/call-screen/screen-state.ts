import { fill } from '../../common/locale';
import type { Texts } from '../../common/locale';
import type { CallView } from '../../services/call-controller';

/** What the call screen renders; derived from the root component's state, the texts and the last end. */
export interface ScreenState {
  phase: CallView['phase'];
  kind: 'audio' | 'video';
  muted: boolean;
  soundMode: CallView['soundMode'];
  cameraEnabled: boolean;
  network: CallView['network'];
  /** The status line, in the caller's language. */
  statusText: string;
  /** The video panel's placeholder state. */
  videoStatus: 'waiting' | 'talking' | 'reconnecting' | 'ended';
}

export interface LastEnd {
  closeBy: string;
  reason: string;
}

/** The status line for a call state: connecting, in queue (with the position), ringing, talking, ended. */
export function statusTextOf(view: CallView, texts: Texts, lastEnd: LastEnd | null): string {
  const { status, ended } = texts;
  if (view.phase === 'idle') {
    if (!lastEnd) return status.idle;
    const byReason = (ended as Record<string, string>)[lastEnd.reason];
    return lastEnd.closeBy === 'user' ? ended.user : byReason ?? ended.clientError;
  }
  if (view.reconnecting) return status.reconnecting;
  if (view.suspended) return status.suspended;
  if (view.mediaSilent && view.phase === 'active') return status.mediaSilent;
  switch (view.phase) {
    case 'starting':
      return status.starting;
    case 'ivr':
      return status.ivr;
    case 'queued':
      if (view.queuePosition === 1) return status.queuedNext;
      return view.queuePosition && view.queuePosition > 1 ? fill(status.queuedAhead, { n: view.queuePosition - 1 }) : status.queued;
    case 'ringing':
      return status.ringing;
    case 'active':
      return fill(status.active, { seat: view.seatName || '—' });
    default:
      return status.ending;
  }
}

export function screenStateOf(view: CallView, texts: Texts, lastEnd: LastEnd | null, preferredKind: 'audio' | 'video'): ScreenState {
  const videoStatus = view.phase === 'idle' ? 'ended' : view.reconnecting ? 'reconnecting' : view.phase === 'active' ? 'talking' : 'waiting';
  return {
    phase: view.phase,
    kind: view.kind ?? preferredKind,
    muted: view.muted,
    soundMode: view.soundMode,
    cameraEnabled: view.cameraEnabled,
    network: view.network,
    statusText: statusTextOf(view, texts, lastEnd),
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
