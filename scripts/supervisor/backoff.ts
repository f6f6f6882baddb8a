/**
 * Restart delays for a process that keeps dying: 0.5 s, 1 s, 2 s … up to 30 s; back to the start once a run has
 * lasted `stableAfterMs` (a crash after a long healthy run is not part of a crash loop).
 */
export class Backoff {
  private failures = 0;
  constructor(
    private readonly baseMs = 500,
    private readonly maxMs = 30_000,
    private readonly stableAfterMs = 30_000,
  ) {}

  /** The delay before the next start, given how long the run that just ended lasted. */
  next(ranForMs: number): number {
    if (ranForMs >= this.stableAfterMs) this.failures = 0;
    const delay = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.failures, 16));
    this.failures += 1;
    return delay;
  }
}
