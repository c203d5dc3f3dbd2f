/** When a call counts as silent: no remote audio at or above `threshold` (0–100, WeChat's volume scale) for `silentAfterMs`. */
export interface SilenceOptions {
  silentAfterMs: number;
  threshold: number;
}

export const DEFAULT_SILENCE: SilenceOptions = { silentAfterMs: 8000, threshold: 1 };

/**
 * Watches the remote audio of a talking call. `onSilent` is told once when nothing audible has arrived for
 * `silentAfterMs` (a dead downlink, an agent whose microphone never opened), and again after each time audio
 * came back; `onHeard` when audio arrives after a silence, so a hint can be taken down. Never fires after `stop()`.
 */
export class SilenceDetector {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private silent = false;
  private stopped = false;

  constructor(
    private readonly callbacks: { onSilent(): void; onHeard(): void },
    private readonly options: SilenceOptions = DEFAULT_SILENCE,
  ) {}

  /** Starts watching (the agent has answered and the media is up); later calls do nothing. */
  start(): void {
    if (this.stopped || this.started) return;
    this.started = true;
    this.arm();
  }

  /** One volume sample of the remote audio. */
  hear(volume: number): void {
    if (this.stopped || !this.started || !(volume >= this.options.threshold)) return;
    if (this.silent) {
      this.silent = false;
      this.callbacks.onHeard();
    }
    this.arm();
  }

  /** Counts from now again, forgetting an earlier silence (after an interruption that paused the audio on purpose). */
  reset(): void {
    if (this.stopped || !this.started) return;
    this.silent = false;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.stopped) return;
      this.silent = true;
      this.callbacks.onSilent();
    }, this.options.silentAfterMs);
  }
}
