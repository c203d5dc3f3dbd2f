import type { BackendClient } from './backend-client';
import { ErrorCode, isTcccError } from './errors';
import type { EndSessionResponse } from './protocol';

/**
 * Delays between DELETE attempts after a failure. They add up to the 30 s in which the server ends a call
 * whose caller has gone silent (docs/protocol.md), so retrying longer would change nothing.
 */
export const END_RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000, 8000, 15000];

/** Answers that retrying cannot change: the call is already gone, or the token no longer counts. */
function isFinal(error: unknown): boolean {
  if (!isTcccError(error)) return false;
  return error.code === ErrorCode.NoSession || error.code === ErrorCode.LoginExpired || error.code === ErrorCode.InvalidArgument;
}

export interface ServerEnd {
  /** The first attempt: how the server recorded the end, or why it could not be asked. */
  first: Promise<EndSessionResponse>;
  /** Settles once the server acknowledged the end, answered for good, or the retry window passed (then null). */
  settled: Promise<EndSessionResponse | null>;
}

/**
 * Tells the server a call is over (`DELETE /v1/sessions/:id`, idempotent). When that fails on the way (no
 * network, a 5xx, a timeout) it keeps trying in the background until the server acknowledges or the
 * window passes, so the server does not keep a call the caller has left.
 */
export function endOnServer(
  backend: BackendClient,
  token: string,
  sessionId: string,
  retryDelaysMs: readonly number[] = END_RETRY_DELAYS_MS,
): ServerEnd {
  const first = backend.endSession(token, sessionId);
  const settled = new Promise<EndSessionResponse | null>((resolve) => {
    const retry = (attempt: number) => (error: unknown) => {
      if (isFinal(error) || attempt >= retryDelaysMs.length) return resolve(null);
      setTimeout(() => {
        backend.endSession(token, sessionId).then(resolve, retry(attempt + 1));
      }, retryDelaysMs[attempt]);
    };
    first.then(resolve, retry(0));
  });
  return { first, settled };
}

