/** A defect of the simulator, said once on stderr; the process goes on serving everyone else. */
export function reportInternal(error: unknown): void {
  console.error('[tccc-dev-server] internal error:', error);
}

/**
 * `listener`, made safe to hand to an event emitter or a timer: nothing it throws ends the process. The
 * error is reported, then `recover` runs with the same arguments (closing the one socket or request it was about).
 */
export function guarded<A extends unknown[]>(listener: (...args: A) => void, recover?: (error: unknown, ...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      listener(...args);
    } catch (error) {
      reportInternal(error);
      try {
        recover?.(error, ...args);
      } catch (again) {
        reportInternal(again);
      }
    }
  };
}
