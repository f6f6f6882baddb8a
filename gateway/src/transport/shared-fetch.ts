import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";

/**
 * One subgraph fetch awaited by several gateway requests. It is cancelled only when every waiter's client has gone
 * away: one impatient client must not fail the others' answers.
 */
export class SharedFetch {
  readonly controller = new AbortController();
  promise!: Promise<GatewayGraphQLResponse>;
  /** How many requests wait for it; final once it has settled (no one joins a settled fetch). */
  waiters = 0;
  private present = 0;
  private readonly listeners: [AbortSignal, () => void][] = [];

  /** A request waits for this fetch; `signal` aborts when its client goes away (none: it never does). */
  join(signal: AbortSignal | undefined): void {
    this.waiters++;
    this.present++;
    if (!signal) {
      this.present = Number.POSITIVE_INFINITY;
      return;
    }
    const gone = () => {
      if (--this.present === 0) this.controller.abort(signal.reason);
    };
    if (signal.aborted) return gone();
    signal.addEventListener("abort", gone, { once: true });
    this.listeners.push([signal, gone]);
  }

  /** After the fetch settled: the waiters' signals no longer concern it. */
  release(): void {
    for (const [signal, gone] of this.listeners) signal.removeEventListener("abort", gone);
    this.listeners.length = 0;
  }
}
