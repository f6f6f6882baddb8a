import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { currentRequestSignal, requestScope } from "@newsfed/kit/http";
import { SharedFetch } from "./shared-fetch.js";

export interface DedupeOptions {
  /** What besides the query and its variables makes two fetches differ: the caller (never a signed header, which carries a timestamp). */
  varyBy: (options: GraphQLDataSourceProcessOptions) => unknown;
  /** Told about each fetch answered by one already in flight (metrics, tests). */
  onShared?: () => void;
}

/**
 * Sends identical subgraph queries that are in flight at the same time only once: the second to the hundredth caller
 * of `{ articles(first: 5) … }` wait for the first one's answer. Only reads of read operations: a mutation's fetches,
 * and the entity reads that follow a write, always go to the subgraph, since they must see the write.
 * Trade-off: the subgraph logs only the first caller's request id and trace.
 */
export class DedupingDataSource implements GraphQLDataSource {
  private readonly inFlight = new Map<string, SharedFetch>();

  constructor(
    private readonly inner: GraphQLDataSource,
    private readonly options: DedupeOptions,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    if (!isRead(options)) return this.inner.process(options);
    const { request } = options;
    const key = JSON.stringify([
      request.query,
      request.operationName ?? null,
      request.variables ?? null,
      this.options.varyBy(options),
    ]);
    let shared = this.inFlight.get(key);
    const leader = !shared;
    if (!shared) shared = this.start(key, options);
    else this.options.onShared?.();
    shared.join(currentRequestSignal());
    const response = await shared.promise;
    if (!leader) applyCachePolicy(options, response);
    // The gateway merges entity results into its own result tree: two requests must never hold the same objects.
    return shared.waiters > 1 ? copyOf(response) : response;
  }

  private start(key: string, options: GraphQLDataSourceProcessOptions): SharedFetch {
    const shared = new SharedFetch();
    const scope = requestScope.getStore();
    // The fetch runs under the shared signal (aborted when all waiters are gone), not under the first caller's.
    shared.promise = requestScope
      .run({ requestId: scope?.requestId ?? "", signal: shared.controller.signal }, () => this.inner.process(options))
      .finally(() => {
        this.inFlight.delete(key);
        shared.release();
      });
    this.inFlight.set(key, shared);
    return shared;
  }
}

/** A query of a query operation (subgraph documents start with `query` or `{`). */
export function isRead(options: GraphQLDataSourceProcessOptions): boolean {
  // Health checks and schema loading have no incoming request.
  if (!("incomingRequestContext" in options)) return false;
  if (options.incomingRequestContext.operation?.operation !== "query") return false;
  return /^\s*(query\b|\{)/.test(options.request.query ?? "");
}

const clone = <T>(value: T): T => (value === undefined || value === null ? value : structuredClone(value));
const copyOf = (response: GatewayGraphQLResponse): GatewayGraphQLResponse => ({
  ...response,
  data: clone(response.data),
  errors: clone(response.errors),
  extensions: clone(response.extensions),
});

/** What RemoteGraphQLDataSource does with the subgraph's Cache-Control for the caller that sent it, for each other one. */
export function applyCachePolicy(options: GraphQLDataSourceProcessOptions, response: GatewayGraphQLResponse): void {
  if (!("incomingRequestContext" in options)) return;
  const policy = options.incomingRequestContext.overallCachePolicy as { restrict?: (hint: object) => void } | undefined;
  if (!policy?.restrict) return;
  const header = response.http?.headers.get("cache-control") ?? "";
  const maxAge = /max-age=(\d+)/.exec(header)?.[1];
  const scope = /\bprivate\b/.test(header) ? "PRIVATE" : /\bpublic\b/.test(header) ? "PUBLIC" : undefined;
  policy.restrict({ maxAge: maxAge ? Number(maxAge) : 0, ...(scope ? { scope } : {}) });
}
