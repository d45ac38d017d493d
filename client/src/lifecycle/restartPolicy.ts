// Decides what to do when the server process dies: restart at once the first time, then wait longer after each crash
// in a row, and give up after too many crashes in a short window (a server that dies on start would otherwise spin).

export interface RestartDecision {
  restart: boolean;
  /** Milliseconds to wait before starting again (0 = now). */
  delayMs: number;
}

export interface RestartPolicyOptions {
  maxCrashes: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  maxCrashes: 5,
  windowMs: 3 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
};

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  onCrash(): RestartDecision {
    const now = this.now();
    this.crashes = this.crashes.filter(t => now - t < this.options.windowMs);
    this.crashes.push(now);
    const count = this.crashes.length;
    if (count > this.options.maxCrashes) return { restart: false, delayMs: 0 };
    if (count === 1) return { restart: true, delayMs: 0 };
    const delay = this.options.baseDelayMs * 2 ** (count - 2);
    return { restart: true, delayMs: Math.min(delay, this.options.maxDelayMs) };
  }

  /** A manual restart or a healthy stretch forgets earlier crashes. */
  reset(): void {
    this.crashes = [];
  }
}
