import { AsyncLocalStorage } from "node:async_hooks";

/** What code deep in a request (a subgraph fetch, a SQL statement) needs to know about the HTTP request it serves. */
export interface RequestScope {
  requestId: string;
  /** Aborts when the caller goes away before the answer is written: work done for it past that point is wasted. */
  signal: AbortSignal;
}

/**
 * The HTTP layer runs each GraphQL request inside this scope, so the gateway's fetcher and the database driver can
 * find the request's abort signal without it being threaded through resolvers, loaders and repositories.
 */
export const requestScope = new AsyncLocalStorage<RequestScope>();

/** The abort signal of the request being served, if any (none in tests that execute operations in-process). */
export const currentRequestSignal = (): AbortSignal | undefined => requestScope.getStore()?.signal;
