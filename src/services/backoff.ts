/** Delays between reconnect attempts: exponential from `initialMs`, capped at `maxMs`, with jitter. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** 0 … 1: the share of each delay that is random, so many phones coming back at once do not retry in step. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 5000, jitter: 0.5 };

/**
 * The delay before attempt `attempt` (0 for the first retry). `random` returns 0 ≤ x < 1; the delay lies in
 * [(1 - jitter) × d, d] where d = min(maxMs, initialMs × 2^attempt), so it never exceeds the cap.
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(options.maxMs, options.initialMs * 2 ** exponent);
  const jitter = Math.min(Math.max(options.jitter, 0), 1);
  return Math.round(ceiling * (1 - jitter * random()));
}
