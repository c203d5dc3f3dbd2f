import { ErrorCode, TcccError } from './errors';

export interface Deadline {
  ms: number;
  /** What is waited for, for the message: "<what> did not finish within <ms> ms." */
  what: string;
}

/**
 * What `work` returns, as a promise; a throw becomes a rejection, as in an async function. The SDK's code is
 * written with promise chains rather than async/await: lowered to ES5, each async function costs a generator
 * state machine and its runtime (see scripts/lib/es5.mjs).
 */
export function asPromise<T>(work: () => T | PromiseLike<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}

/** Settles with `promise`, or rejects with a `timeout` TcccError after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Cancellation().guard(promise, { ms, what });
}

/** A cancellation handle: `guard` makes any promise reject as soon as `cancel` is called. */
export class Cancellation {
  private reason: TcccError | null = null;
  private readonly waiters = new Set<(reason: TcccError) => void>();

  get cancelled(): boolean {
    return this.reason !== null;
  }

  /** Rejects the caller's continuation when a cancellation landed after its last guarded await resolved. */
  throwIfCancelled(): void {
    if (this.reason) throw this.reason;
  }

  cancel(reason: TcccError): void {
    if (this.reason) return;
    this.reason = reason;
    for (const waiter of Array.from(this.waiters)) waiter(reason);
    this.waiters.clear();
  }

  /**
   * Settles with `promise`, or rejects with the cancellation's reason as soon as it lands, or with a `timeout`
   * TcccError once `deadline` has passed. Whichever comes first clears the rest, the timer included.
   */
  guard<T>(promise: Promise<T>, deadline?: Deadline): Promise<T> {
    if (this.reason) return Promise.reject(this.reason);
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (action: () => void) => {
        this.waiters.delete(onCancel);
        if (timer) clearTimeout(timer);
        action();
      };
      const onCancel = (reason: TcccError) => settle(() => reject(reason));
      this.waiters.add(onCancel);
      if (deadline) {
        timer = setTimeout(() => settle(() => reject(new TcccError(ErrorCode.Timeout, `${deadline.what} did not finish within ${deadline.ms} ms.`))), deadline.ms);
      }
      promise.then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
    });
  }
}
