import type { BackoffOptions } from './backoff';
import { backoffDelay } from './backoff';
import type { TcccError } from './errors';

/** After the first restart (at once), 1 s doubling to 8 s: the caller window bounds how long this goes on. */
export const RESTART_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 8000, jitter: 0.2 };

interface Restarting {
  error: TcccError;
  attempts: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Media parts that TRTC gave up on (the pusher, a player; WeChat's docs: "restart it yourself"), each restarted
 * at once, then on a backoff each time it gives up again, until it is back or everything is cleared.
 */
export class MediaRestarts {
  private readonly parts = new Map<string, Restarting>();

  constructor(
    /** Told whenever a part starts or stops restarting. */
    private readonly onChange: () => void,
    private readonly backoff: BackoffOptions = RESTART_BACKOFF,
  ) {}

  /** The reason of a part being restarted; undefined when none is. */
  get error(): TcccError | undefined {
    return Array.from(this.parts.values())[0]?.error;
  }

  /** `part` gave up (again): `restart` runs now the first time, after a backoff delay the next ones. */
  gaveUp(part: string, error: TcccError, restart: () => void): void {
    const known = this.parts.get(part);
    const entry = known ?? { error, attempts: 0, timer: null };
    entry.error = error;
    if (entry.timer) return;
    const delay = entry.attempts === 0 ? 0 : backoffDelay(entry.attempts - 1, this.backoff);
    entry.attempts += 1;
    entry.timer = setTimeout(() => {
      entry.timer = null;
      if (this.parts.get(part) === entry) restart();
    }, delay);
    this.parts.set(part, entry);
    if (!known) this.onChange();
  }

  /** `part` plays or pushes again. */
  back(part: string): void {
    const entry = this.parts.get(part);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    this.parts.delete(part);
    this.onChange();
  }

  clear(): void {
    for (const part of Array.from(this.parts.keys())) this.back(part);
  }
}
