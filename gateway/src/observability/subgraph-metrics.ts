import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import type { ServiceMetrics } from "@newsfed/kit/observability";
import { currentRequestSignal } from "@newsfed/kit/http";
import { Counter, Histogram } from "prom-client";
import { rejectionErrors } from "../subgraph-rejection.js";

/** Gateway → subgraph fetch metrics: latency per subgraph, failures (unreachable, answered with errors, or cancelled
 * because the client left), and fetches answered by an identical one already in flight. */
export class SubgraphFetchMetrics {
  readonly duration: Histogram<"subgraph">;
  readonly errors: Counter<"subgraph" | "kind">;
  readonly shared: Counter<"subgraph">;
  readonly merged: Counter<"subgraph">;

  constructor(metrics: ServiceMetrics) {
    this.duration = new Histogram({
      name: "subgraph_fetch_duration_seconds",
      help: "Time of one gateway fetch to a subgraph, by subgraph.",
      labelNames: ["subgraph"],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [metrics.registry],
    });
    this.errors = new Counter({
      name: "subgraph_fetch_errors_total",
      help: "Failed gateway fetches by subgraph and kind: unreachable (no answer), graphql (answered with errors) or cancelled (the client left).",
      labelNames: ["subgraph", "kind"],
      registers: [metrics.registry],
    });
    this.shared = new Counter({
      name: "subgraph_fetches_shared_total",
      help: "Gateway fetches not sent because an identical read to the same subgraph was already in flight, by subgraph.",
      labelNames: ["subgraph"],
      registers: [metrics.registry],
    });
    this.merged = new Counter({
      name: "subgraph_fetches_merged_total",
      help: "Gateway fetches sent inside one subgraph request with the other parallel reads of the same request, by subgraph.",
      labelNames: ["subgraph"],
      registers: [metrics.registry],
    });
  }

  wrap(subgraph: string, inner: GraphQLDataSource): GraphQLDataSource {
    return {
      process: async (options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> => {
        const stop = this.duration.startTimer({ subgraph });
        try {
          const response = await inner.process(options);
          if (response.errors?.length) this.errors.inc({ subgraph, kind: "graphql" });
          return response;
        } catch (error) {
          // A 4xx with GraphQL errors is an answer (the subgraph refused the input), not an outage; a fetch the
          // client's departure cancelled is neither.
          const kind = rejectionErrors(error) ? "graphql" : currentRequestSignal()?.aborted ? "cancelled" : "unreachable";
          this.errors.inc({ subgraph, kind });
          throw error;
        } finally {
          stop();
        }
      },
    };
  }
}
