/**
 * The types entry of the UI kit package (tccc-call-kit): its components' instances and events, and the
 * documented core contract they rely on. Type-only: `import type { … } from 'tccc-call-kit'`.
 */
export type * from './components/call-bar/api';
export type * from './components/call-screen/api';
export type * from './components/config-provider/api';
export type * from './components/keypad/api';
export type * from './components/video-panel/api';
export type * from './common/contract';
export type { ErrorCode } from './services/errors';
