import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { currentRequestSignal } from "@newsfed/kit/http";

const clientGone = (): GatewayGraphQLResponse => ({
  errors: [{ message: "The client closed the request.", extensions: { code: "CLIENT_CLOSED_REQUEST" } }],
});

/**
 * Once the client of a request has gone, the rest of its query plan is not fetched, and a fetch aborted because of it
 * is not a subgraph failure (nothing to log as an outage): either way nobody will read the answer.
 */
export class StopWhenClientGone implements GraphQLDataSource {
  constructor(private readonly inner: GraphQLDataSource) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const signal = currentRequestSignal();
    if (signal?.aborted) return clientGone();
    try {
      return await this.inner.process(options);
    } catch (error) {
      if (signal?.aborted) return clientGone();
      throw error;
    }
  }
}
