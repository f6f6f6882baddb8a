import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/** The answer for one request: whether it may run, and when to come back if not. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Whole seconds until the client's window frees a request (0 when allowed). */
  retryAfterSeconds: number;
}

/**
 * Counts one request against a client's budget. The only thing the HTTP layer and the Apollo plugin know about rate
 * limiting, so a shared store (several gateway replicas) replaces the in-memory one without touching either.
 */
export type RateLimiter = (clientKey: string) => Promise<RateLimitDecision>;

/**
 * `perMinute` requests per client key in each minute, counted in this process (rate-limiter-flexible's memory
 * store). For several replicas, build the same function over one of its shared stores (RateLimiterPostgres,
 * RateLimiterRedis, …): `rateLimiterOver(new RateLimiterPostgres({ … }))`.
 */
export function memoryRateLimiter(perMinute: number): RateLimiter {
  return rateLimiterOver(new RateLimiterMemory({ points: perMinute, duration: 60, keyPrefix: "gateway" }));
}

export function rateLimiterOver(store: RateLimiterAbstract): RateLimiter {
  return async (clientKey) => {
    try {
      await store.consume(clientKey, 1);
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (rejection) {
      // A store that fails (not a refusal) must not take the API down with it: let the request through.
      if (!(rejection instanceof RateLimiterRes)) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  };
}
