import { type GraphQLDataSource, type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { Logger } from "@newsfed/kit/observability";
import type { Agent } from "undici";
import type { GatewayContext } from "../auth/authentication.js";
import { IdentityForwardingDataSource } from "../auth/identity-forwarding.js";
import type { SubgraphFetchMetrics } from "../observability/subgraph-metrics.js";
import { ResilientDataSource } from "../resilient-data-source.js";
import { NoFetchDuringWarmup } from "../warmup.js";
import { StopWhenClientGone } from "./client-gone.js";
import { DedupingDataSource } from "./dedupe.js";
import { MergingDataSource } from "./merge-fetches.js";
import { undiciFetcher } from "./undici-fetcher.js";

export interface SubgraphDataSourceOptions {
  url: string;
  timeoutMs: number;
  sharedSecret: string;
  /** Share identical in-flight reads (SUBGRAPH_DEDUPE). */
  dedupe: boolean;
  /** Send the reads waiting for a subgraph in one turn, of one caller, as one subgraph request (SUBGRAPH_MERGE_FETCHES). */
  mergeFetches: boolean;
  dispatcher: Agent;
  metrics: SubgraphFetchMetrics;
  logger: Logger;
  /** Tests replace the HTTP transport with in-process subgraphs. */
  transport?: GraphQLDataSource;
}

/** Who a fetch is made for (never a signed header, which carries a timestamp): fetches of two callers are never shared. */
function callerOf({ context }: GraphQLDataSourceProcessOptions): unknown {
  const identity = (context as Partial<GatewayContext> | undefined)?.identity;
  return identity ? [identity.subject, identity.scopes] : null;
}

/**
 * Everything one gateway fetch to a subgraph goes through, outermost first: warm-up runs stop here; a failure becomes
 * path-accurate errors (partial data); a request whose client left fetches nothing more; time and outcome are
 * measured; identical in-flight reads are sent once; the reads of one caller waiting for the subgraph at once go as one; the
 * verified caller, request id and trace context are attached; then HTTP over pooled keep-alive connections, with the
 * timeout and the client's disconnect aborting it.
 */
export function subgraphDataSource(subgraph: string, options: SubgraphDataSourceOptions): GraphQLDataSource {
  // Object.assign in RemoteGraphQLDataSource's constructor: a `fetcher: undefined` would erase its default fetcher.
  const transport =
    options.transport ??
    new RemoteGraphQLDataSource({ url: options.url, fetcher: undiciFetcher(options.dispatcher, options.timeoutMs) });
  const signed = new IdentityForwardingDataSource(subgraph, transport, options.sharedSecret);
  const merged = options.mergeFetches
    ? new MergingDataSource(signed, callerOf, (fetches) => options.metrics.merged.inc({ subgraph }, fetches))
    : signed;
  const shared = options.dedupe
    ? new DedupingDataSource(merged, { varyBy: callerOf, onShared: () => options.metrics.shared.inc({ subgraph }) })
    : merged;
  const measured = options.metrics.wrap(subgraph, shared);
  const resilient = new ResilientDataSource(subgraph, new StopWhenClientGone(measured), (message, error) =>
    options.logger.error({ err: error, subgraph }, message),
  );
  return new NoFetchDuringWarmup(resilient);
}
