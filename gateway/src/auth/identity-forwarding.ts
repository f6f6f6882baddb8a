import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { IDENTITY_HEADER, signIdentity } from "@newsfed/kit/identity";
import { injectTraceContext, REQUEST_ID_HEADER } from "@newsfed/kit/observability";
import type { GatewayContext } from "./authentication.js";

type Headers = NonNullable<NonNullable<GraphQLDataSourceProcessOptions["request"]["http"]>["headers"]>;

/**
 * Hands the verified caller to the subgraph in a header it can trust (HMAC-signed), with the request id and the
 * trace context, so logs and traces of one request line up across services.
 */
export class IdentityForwardingDataSource implements GraphQLDataSource {
  constructor(
    private readonly subgraph: string,
    private readonly inner: GraphQLDataSource,
    private readonly sharedSecret: string,
  ) {}

  process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const context = options.context as Partial<GatewayContext> | undefined;
    const headers = (options.request.http?.headers ?? new globalThis.Headers()) as unknown as Headers;
    if (context?.identity) headers.set(IDENTITY_HEADER, signIdentity(context.identity, this.sharedSecret, this.subgraph));
    if (context?.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    // The gateway's fetch span is active here: the subgraph's request span becomes its child.
    injectTraceContext(headers);
    options.request.http = { method: "POST", url: "", ...options.request.http, headers };
    return this.inner.process(options);
  }
}
