import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { IDENTITY_HEADER, SignedIdentityCache, signIdentity } from "@newsfed/kit/identity";
import { injectTraceContext, REQUEST_ID_HEADER } from "@newsfed/kit/observability";
import type { GatewayContext } from "./authentication.js";

type Headers = NonNullable<NonNullable<GraphQLDataSourceProcessOptions["request"]["http"]>["headers"]>;

/**
 * Hands the verified caller to the subgraph in a header it can trust (a JWT signed with the shared secret, for that
 * subgraph only), with the request id and the trace context, so logs and traces of one request line up across services.
 */
export class IdentityForwardingDataSource implements GraphQLDataSource {
  private readonly tokens: SignedIdentityCache;

  constructor(
    subgraph: string,
    private readonly inner: GraphQLDataSource,
    sharedSecret: string,
  ) {
    this.tokens = new SignedIdentityCache((identity) => signIdentity(identity, sharedSecret, subgraph));
  }

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const context = options.context as Partial<GatewayContext> | undefined;
    const headers = (options.request.http?.headers ?? new globalThis.Headers()) as unknown as Headers;
    if (context?.identity) headers.set(IDENTITY_HEADER, await this.tokens.get(context.identity));
    if (context?.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
    // The gateway's fetch span is active here: the subgraph's request span becomes its child.
    injectTraceContext(headers);
    options.request.http = { method: "POST", url: "", ...options.request.http, headers };
    return this.inner.process(options);
  }
}
