import { ErrorCode, TcccError } from './errors';

/** Settles with `promise`, or rejects with a `timeout` TcccError after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TcccError(ErrorCode.Timeout, `${what} did not finish within ${ms} ms.`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
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

  guard<T>(promise: Promise<T>): Promise<T> {
    if (this.reason) return Promise.reject(this.reason);
    return new Promise<T>((resolve, reject) => {
      const onCancel = (reason: TcccError) => reject(reason);
      this.waiters.add(onCancel);
      promise.then(
        (value) => {
          this.waiters.delete(onCancel);
          resolve(value);
        },
        (error: unknown) => {
          this.waiters.delete(onCancel);
          reject(error);
        },
      );
    });
  }
}
