import type { CoreView } from './screen-state';

/**
 * What the call screen knows of a call on a core with only the documented surface (Tencent's): its own
 * method calls and the four events. Each is an action; `nextDerivedView` is the whole state machine.
 */
export type DerivedAction =
  | { type: 'start'; kind: 'audio' | 'video' }
  /** startCall/startSession resolved, or `sessionStart` arrived. */
  | { type: 'started' }
  | { type: 'startFailed' }
  | { type: 'accepted'; seatName?: unknown }
  | { type: 'hangUp' }
  /** `sessionEnded` arrived, or the caller's hang-up settled without one. */
  | { type: 'ended' }
  | { type: 'muted'; muted: boolean }
  | { type: 'soundMode'; soundMode: 'speaker' | 'ear' }
  | { type: 'camera'; enabled: boolean };

export const IDLE_VIEW: CoreView = { phase: 'idle', kind: null, muted: false, soundMode: 'speaker', cameraEnabled: true, seatName: '' };

export function nextDerivedView(view: CoreView, action: DerivedAction): CoreView {
  switch (action.type) {
    case 'start':
      return view.phase === 'idle' ? { ...IDLE_VIEW, phase: 'starting', kind: action.kind } : view;
    case 'started':
      return view.phase === 'starting' ? { ...view, phase: 'waiting' } : view;
    case 'startFailed':
      return view.phase === 'starting' || view.phase === 'waiting' ? { ...IDLE_VIEW } : view;
    case 'accepted': {
      if (view.phase !== 'starting' && view.phase !== 'waiting') return view;
      const seatName = typeof action.seatName === 'string' ? action.seatName : '';
      return { ...view, phase: 'active', seatName };
    }
    case 'hangUp':
      return view.phase === 'idle' ? view : { ...view, phase: 'ending' };
    case 'ended':
      return view.phase === 'idle' ? view : { ...IDLE_VIEW };
    case 'muted':
      return { ...view, muted: action.muted };
    case 'soundMode':
      return { ...view, soundMode: action.soundMode };
    case 'camera':
      return { ...view, cameraEnabled: action.enabled };
    default:
      return view;
  }
}
