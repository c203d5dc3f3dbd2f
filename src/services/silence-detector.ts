/** When a talking call counts as silent: no audio data from the agent for `silentAfterMs`. */
export interface SilenceOptions {
  silentAfterMs: number;
}

export const DEFAULT_SILENCE: SilenceOptions = { silentAfterMs: 8000 };

/**
 * Watches whether the agent's audio ARRIVES in a talking call (data, not loudness: an agent who listens
 * quietly still sends audio). `onSilent` is told when none has arrived for `silentAfterMs` (a dead downlink, an
 * agent whose microphone never opened), and again after each time it came back; `onHeard` when it arrives
 * after a silence. An agent who stops sending on purpose (muted to consult) is not silent: `pause` until
 * `resume`. Never fires after `stop()`.
 */
export class SilenceDetector {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private paused = false;
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

  /** Audio data from the agent arrived. */
  arrived(): void {
    if (!this.watching) return;
    this.heard();
    this.arm();
  }

  /** Counts from now again, forgetting an earlier silence (after an interruption that paused the audio on purpose). */
  reset(): void {
    if (!this.watching) return;
    this.silent = false;
    this.arm();
  }

  /** The agent stopped sending audio on purpose: no silence is counted until `resume`, and a shown one is taken down. */
  pause(): void {
    this.paused = true;
    this.disarm();
    this.heard();
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  private get watching(): boolean {
    return this.started && !this.paused && !this.stopped;
  }

  private heard(): void {
    if (!this.silent) return;
    this.silent = false;
    this.callbacks.onHeard();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    this.disarm();
    if (!this.watching) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.silent = true;
      this.callbacks.onSilent();
    }, this.options.silentAfterMs);
  }
}
