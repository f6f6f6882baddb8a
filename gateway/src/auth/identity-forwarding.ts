import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { IDENTITY_HEADER, signIdentity } from "@newsfed/kit";
import type { GatewayContext } from "./authentication.js";

type Headers = NonNullable<NonNullable<GraphQLDataSourceProcessOptions["request"]["http"]>["headers"]>;

/** Hands the verified caller (and the request id) to the subgraph in headers the subgraph can trust: HMAC-signed. */
export class IdentityForwardingDataSource implements GraphQLDataSource {
  constructor(
    private readonly inner: GraphQLDataSource,
    private readonly sharedSecret: string,
  ) {}

  process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const context = options.context as Partial<GatewayContext> | undefined;
    const headers = (options.request.http?.headers ?? new globalThis.Headers()) as unknown as Headers;
    if (context?.identity) headers.set(IDENTITY_HEADER, signIdentity(context.identity, this.sharedSecret));
    if (context?.requestId) headers.set("x-request-id", context.requestId);
    options.request.http = { method: "POST", url: "", ...options.request.http, headers };
    return this.inner.process(options);
  }
}
