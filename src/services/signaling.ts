import { ErrorCode, TcccError } from './errors';
import type { CallEvent, SignalingDescriptor } from './protocol';
import { EndStatus, isEndReason } from './protocol';

/** How long a server keeps a call whose caller lost its event connection, unless it says otherwise (docs/protocol.md). */
export const DEFAULT_CALLER_WINDOW_MS = 30000;

/** A source of call events for one session, opened after the session is created. */
export interface Signaling {
  /** Resolves once events flow (replay from `descriptor.since` included); rejects with a TcccError. */
  open(): Promise<void>;
  close(): void;
  /** The caller window the server announced (DEFAULT_CALLER_WINDOW_MS until it has): lost media gets as long to come back. */
  callerWindowMs?(): number;
}

export interface SignalingCallbacks {
  /** Each event exactly once, in `seq` order. */
  onEvent(event: CallEvent): void;
  /** The source is gone for good (after its own retries). Called at most once. */
  onLost(error: TcccError): void;
  /** The connection dropped and is being re-established (true), or is back (false). */
  onReconnecting?(reconnecting: boolean): void;
}

export type SignalingFactory<D extends SignalingDescriptor = SignalingDescriptor> = (
  descriptor: D,
  token: string,
  callbacks: SignalingCallbacks,
) => Signaling;

type Registry = { [K in SignalingDescriptor['type']]?: SignalingFactory<Extract<SignalingDescriptor, { type: K }>> };

const registry: Registry = {};

/**
 * Registers how to signal for one descriptor type. `websocket` is built in; `tim` is registered by the
 * opt-in entry `tccc-wx-sdk/im`, so apps that never signal through IM carry no tim-wx-sdk bytes.
 */
export function registerSignaling<K extends SignalingDescriptor['type']>(
  type: K,
  factory: SignalingFactory<Extract<SignalingDescriptor, { type: K }>>,
): void {
  (registry as Record<string, unknown>)[type] = factory;
}

export function createSignaling(descriptor: SignalingDescriptor, token: string, callbacks: SignalingCallbacks): Signaling {
  const factory = registry[descriptor.type] as SignalingFactory | undefined;
  if (!factory) {
    const hint = descriptor.type === 'tim' ? " Add `require('tccc-wx-sdk/im')` to app.js and install tim-wx-sdk." : '';
    throw new TcccError(ErrorCode.Unsupported, `The server asks for "${descriptor.type}" signaling, which this app has not registered.${hint}`);
  }
  return factory(descriptor, token, callbacks);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates an untrusted call event; null when it is not one. */
export function parseCallEvent(value: unknown): CallEvent | null {
  if (!isObject(value) || typeof value.seq !== 'number' || typeof value.sessionId !== 'string' || typeof value.at !== 'number') {
    return null;
  }
  const base = { seq: value.seq, sessionId: value.sessionId, at: value.at };
  switch (value.type) {
    case 'ivr':
      return { ...base, type: 'ivr', prompt: typeof value.prompt === 'string' ? value.prompt : '' };
    case 'queued':
      return { ...base, type: 'queued', position: typeof value.position === 'number' ? value.position : 0 };
    case 'ringing':
    case 'accepted':
      return { ...base, type: value.type, seatName: typeof value.seatName === 'string' ? value.seatName : '' };
    case 'ended':
      if ((value.closeBy !== 'user' && value.closeBy !== 'seat' && value.closeBy !== 'admin') || typeof value.endStatus !== 'number' || !isEndReason(value.reason)) {
        return null;
      }
      // The status is the reason's code, whatever number came with it: the two never disagree downstream.
      return { ...base, type: 'ended', closeBy: value.closeBy, endStatus: EndStatus[value.reason], reason: value.reason };
    default:
      return null;
  }
}
