import pg from "pg";
import { currentRequestSignal, requestScope } from "../request-scope.js";

type Callback = (...args: unknown[]) => void;
type PoolConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: any) => void) => void;

/**
 * A pool client that cancels its running statement on the server when the HTTP request it runs for is aborted (the
 * gateway gave up on the fetch: its timeout, or its own client left). Without this, PostgreSQL keeps executing a slow
 * statement for nobody, holding a pool connection and locks until it ends.
 *
 * While a statement runs for a request, the client listens to that request's abort signal (found in the request
 * scope, see request-scope.ts). On abort, `pg_cancel_backend(pid)` is sent from a separate short-lived connection: the
 * pool's own may all be busy. The statement then fails with 57014 (query_canceled) and its transaction rolls back.
 * Statements run outside a request (start-up, seed, migrations) are never cancelled; nor are cursors and other
 * submittables (not used here).
 */
export class CancellableClient extends pg.Client {
  /** Statements of this client still running (or queued) for some request. */
  private readonly running = new Set<object>();
  private readonly settings: pg.ClientConfig;

  constructor(config: pg.ClientConfig) {
    super(config);
    this.settings = config;
  }

  override query(...args: unknown[]): never {
    const signal = currentRequestSignal();
    const config = args[0] as { submit?: unknown } | undefined;
    const run = () => (super.query as (...a: unknown[]) => unknown)(...args);
    if (!signal || typeof config?.submit === "function") return run() as never;
    const done = this.track(signal);
    const callbackAt = typeof args[2] === "function" ? 2 : typeof args[1] === "function" ? 1 : -1;
    if (callbackAt >= 0) {
      const callback = args[callbackAt] as Callback;
      args[callbackAt] = (...result: unknown[]) => {
        done();
        callback(...result);
      };
      return run() as never;
    }
    const result = run() as Promise<unknown>;
    result.then(done, done);
    return result as never;
  }

  /** Until `done` is called, an abort of `signal` cancels whatever this connection is executing. */
  private track(signal: AbortSignal): () => void {
    const statement = {};
    this.running.add(statement);
    const cancel = () => void this.cancelIfStillRunning(statement);
    if (signal.aborted) queueMicrotask(cancel);
    else signal.addEventListener("abort", cancel, { once: true });
    return () => {
      this.running.delete(statement);
      signal.removeEventListener("abort", cancel);
    };
  }

  private async cancelIfStillRunning(statement: object): Promise<void> {
    const pid = (this as unknown as { processID: number | null }).processID; // the backend's pid (untyped in @types/pg)
    if (!pid || !this.running.has(statement)) return;
    const canceller = new pg.Client({ ...this.settings, application_name: "newsfed-cancel" });
    // Its connection may be ended by the server (a restart, a database dropped) while it works: without a listener
    // that 'error' event would end the process.
    canceller.on("error", () => undefined);
    try {
      await canceller.connect();
      // Checked again right before cancelling: the statement may have ended while the connection opened, and the
      // backend may already be running another request's statement. (A sub-millisecond window remains, as with any
      // PostgreSQL cancel request.)
      if (this.running.has(statement)) await canceller.query("select pg_cancel_backend($1)", [pid]);
    } catch {
      // The server is unreachable or refused: the statement simply runs to its end, as it would have without us.
    } finally {
      await canceller.end().catch(() => undefined);
    }
  }
}

/**
 * A pool of CancellableClients. pg-pool hands a waiting `pool.query` its client from inside another request's
 * `release()`; running the callback in the issuing request's scope keeps the statement in that request, so the right
 * one is cancelled.
 */
export class CancellablePool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super({ ...config, Client: CancellableClient as unknown as pg.PoolConfig["Client"] });
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: PoolConnectCallback): void;
  override connect(callback?: PoolConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) return super.connect();
    // The scope is entered again by hand: AsyncResource.bind made a new async resource (and two deprecation
    // wrappers) per statement, ~20 µs of a subgraph's ~1 ms list request.
    const scope = requestScope.getStore();
    return super.connect((error, client, done) =>
      scope ? requestScope.run(scope, callback, error, client, done) : requestScope.exit(callback, error, client, done),
    );
  }
}
