import type TIM = require('tim-wx-sdk');
import { Cancellation, asPromise } from '../services/async';
import { ErrorCode, TcccError, toTcccError } from '../services/errors';
import type { SignalingDescriptor } from '../services/protocol';
import type { Signaling, SignalingCallbacks } from '../services/signaling';
import { parseCallEvent } from '../services/signaling';

type TimDescriptor = Extract<SignalingDescriptor, { type: 'tim' }>;
type TimEvent = { name: string; data: unknown };

export const TIM_READY_TIMEOUT_MS = 10000;

/** TIM's warning level: its own logging is chatty. */
const TIM_LOG_LEVEL_WARN = 2;

/**
 * Call events carried as IM custom messages in the session's group: `payload.data` holds the same JSON
 * as a WebSocket event (docs/protocol.md), with the same sequence numbers, so duplicates are dropped.
 */
export class TimSignaling implements Signaling {
  private tim: TIM.Instance | null = null;
  /** The open() in progress; close() cancels it, so it settles at once. */
  private opening: Cancellation | null = null;
  private onReady: (() => void) | null = null;
  private lastSeq: number;
  private readonly onMessage = (event: TimEvent) => this.receive(event.data);
  private readonly onKickedOut = () => this.lose(new TcccError(ErrorCode.Network, 'IM signaling: signed in elsewhere.'));

  constructor(
    private readonly timStatic: TIM.Static,
    private readonly descriptor: TimDescriptor,
    private readonly callbacks: SignalingCallbacks,
  ) {
    this.lastSeq = descriptor.since;
  }

  open(): Promise<void> {
    const tim = this.timStatic.create({ SDKAppID: this.descriptor.sdkAppId });
    tim.setLogLevel(TIM_LOG_LEVEL_WARN);
    this.tim = tim;
    const opening = new Cancellation();
    this.opening = opening;
    const ready = new Promise<void>((resolve) => {
      this.onReady = () => {
        this.stopWaitingForReady(tim);
        resolve();
      };
      tim.on(this.timStatic.EVENT.SDK_READY, this.onReady);
    });
    tim.on(this.timStatic.EVENT.MESSAGE_RECEIVED, this.onMessage);
    tim.on(this.timStatic.EVENT.KICKED_OUT, this.onKickedOut);
    // One guard for the deadline and the cancellation: close() clears the deadline's timer too.
    const step = <T>(promise: Promise<T>, what: string) => opening.guard(promise, { ms: TIM_READY_TIMEOUT_MS, what });
    const opened = () => {
      if (this.opening === opening) this.opening = null;
    };
    return asPromise(() => step(tim.login({ userID: this.descriptor.userId, userSig: this.descriptor.userSig }), 'IM login'))
      .then(() => step(ready, 'IM SDK_READY'))
      .then(() => step(tim.joinGroup({ groupID: this.descriptor.groupId }), 'Joining the IM group'))
      .then(
        () => opened(),
        (error: unknown) => {
          this.close();
          opened();
          throw toTcccError(error, ErrorCode.Network);
        },
      );
  }

  close(): void {
    this.opening?.cancel(new TcccError(ErrorCode.Cancelled, 'IM signaling was closed while opening.'));
    this.opening = null;
    const tim = this.tim;
    if (!tim) return;
    this.stopWaitingForReady(tim);
    this.tim = null;
    tim.off(this.timStatic.EVENT.MESSAGE_RECEIVED, this.onMessage);
    tim.off(this.timStatic.EVENT.KICKED_OUT, this.onKickedOut);
    tim.logout().catch(() => undefined);
  }

  private stopWaitingForReady(tim: TIM.Instance): void {
    if (this.onReady) tim.off(this.timStatic.EVENT.SDK_READY, this.onReady);
    this.onReady = null;
  }

  private receive(data: unknown): void {
    if (!Array.isArray(data)) return;
    for (const message of data as TIM.Message[]) {
      if (message.type !== this.timStatic.TYPES.MSG_CUSTOM || message.to !== this.descriptor.groupId) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(message.payload.data ?? '');
      } catch {
        continue;
      }
      const event = parseCallEvent(parsed);
      if (!event || event.seq <= this.lastSeq) continue;
      this.lastSeq = event.seq;
      this.callbacks.onEvent(event);
    }
  }

  private lose(error: TcccError): void {
    if (!this.tim) return;
    this.close();
    this.callbacks.onLost(error);
  }
}
