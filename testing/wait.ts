import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls until `check` holds (it may be async); rejects naming `what`, and what `detail()` says about the
 * state at that moment, after `timeoutMs`.
 */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000, detail?: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail ? `; ${detail()}` : ''}`);
    await sleep(10);
  }
}
