import { readFileSync } from "node:fs";
import type { IncomingMessage, Server } from "node:http";
import { ApolloGateway, type GraphQLDataSource, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { internalErrorMasker, rejectNulCharactersPlugin } from "@newsfed/kit/errors";
import { createGraphQLHttpServer } from "@newsfed/kit/http";
import { DEVELOPMENT_GATEWAY_SECRET } from "@newsfed/kit/identity";
import { createLogger, type Logger, observabilityPlugin, ServiceMetrics } from "@newsfed/kit/observability";
import { idePlugin } from "./ide/ide-plugin.js";
import { SubgraphFetchMetrics } from "./observability/subgraph-metrics.js";
import { authenticate, authorizationPlugin, type GatewayContext } from "./auth/authentication.js";
import { IdentityForwardingDataSource } from "./auth/identity-forwarding.js";
import { mutationScopes } from "./auth/mutation-scopes.js";
import { createTokenVerifier, DEVELOPMENT_JWT_SECRET, signDevelopmentToken, type TokenVerifierOptions } from "./auth/tokens.js";
import { ResilientDataSource } from "./resilient-data-source.js";
import { livenessRoute, readinessRoute } from "./health.js";
import type { SubgraphName } from "@newsfed/kit/services";

export const SUPERGRAPH_PATH = new URL("../supergraph.graphql", import.meta.url);
export const API_SCHEMA_PATH = new URL("../schema.graphql", import.meta.url);

export interface GatewayOptions {
  subgraphUrls: Record<SubgraphName, string>;
  /** How bearer tokens are verified (HS256 secret or JWKS); defaults to the development secret. */
  auth?: TokenVerifierOptions;
  /** Signs the identity forwarded to subgraphs; they refuse writes without it. */
  sharedSecret?: string;
  introspection?: boolean;
  subgraphTimeoutMs?: number;
  supergraphSdl?: string;
  /** Serve the offline IDE on GET /graphql for browsers (default true). */
  ide?: boolean;
  /** Browser origins allowed to call the API (CORS). */
  corsOrigins?: readonly string[];
  logger?: Logger;
  /** Tests replace the HTTP data sources with in-process ones. */
  buildService?: (definition: { name: string; url?: string }) => GraphQLDataSource;
}

export interface GatewayServer {
  apollo: ApolloServer<GatewayContext>;
  http: Server;
  metrics: ServiceMetrics;
  /** The context the gateway builds for a request with these headers (in-process tests run operations with it). */
  contextFor(req: IncomingMessage | undefined, requestId?: string): Promise<GatewayContext>;
}

/** Builds the gateway's Apollo server and HTTP server from the committed supergraph; never listens. */
export async function createGatewayServer(options: GatewayOptions): Promise<GatewayServer> {
  const urls: Record<string, string> = options.subgraphUrls;
  const supergraphSdl = options.supergraphSdl ?? readFileSync(SUPERGRAPH_PATH, "utf8");
  const verify = createTokenVerifier(options.auth ?? {});
  const sharedSecret = options.sharedSecret ?? DEVELOPMENT_GATEWAY_SECRET;
  const scopes = mutationScopes(supergraphSdl);
  const logger = options.logger ?? createLogger("gateway");
  const metrics = new ServiceMetrics("gateway");
  const fetchMetrics = new SubgraphFetchMetrics(metrics);
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const gateway = new ApolloGateway({
    supergraphSdl,
    // Each fetch: HTTP to the subgraph (or a test's in-process source), with the signed identity, request id and trace
    // context; timed per subgraph; a failure becomes path-accurate errors instead of failing the whole request.
    buildService: (definition) => {
      const transport =
        options.buildService?.(definition) ??
        new RemoteGraphQLDataSource({
          url: urls[definition.name] ?? definition.url!,
          // A dead or hung subgraph must fail its own fetch (partial data), not hold the whole request.
          fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit),
        });
      const signed = new IdentityForwardingDataSource(definition.name, transport, sharedSecret);
      return new ResilientDataSource(definition.name, fetchMetrics.wrap(definition.name, signed), (message, error) =>
        logger.error({ err: error, subgraph: definition.name }, message),
      );
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    formatError: internalErrorMasker(logger),
    plugins: [
      options.ide === false
        ? ApolloServerPluginLandingPageDisabled()
        : idePlugin<GatewayContext>({ developmentToken: await developmentToken(options.auth) }),
      authorizationPlugin((field) => scopes.get(field)),
      observabilityPlugin<GatewayContext>(logger, metrics),
      rejectNulCharactersPlugin<GatewayContext>(),
    ],
    // main.ts's shutdown drains HTTP first, then stops Apollo; Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const apiSchema = readFileSync(API_SCHEMA_PATH, "utf8");
  const contextFor = async (req: IncomingMessage | undefined, requestId?: string): Promise<GatewayContext> => ({
    ...(await authenticate(req, verify, sharedSecret)),
    ...(requestId ? { requestId } : {}),
  });
  const http = createGraphQLHttpServer({
    apollo,
    context: contextFor,
    corsOrigins: options.corsOrigins,
    routes: {
      // The root leads to the IDE (GraphiQL on GET /graphql for browsers).
      "GET /": (_req, res) => {
        res.statusCode = 302;
        res.setHeader("location", "/graphql");
        res.end();
      },
      "GET /metrics": metrics.route,
      "GET /health/live": livenessRoute,
      "GET /health/ready": readinessRoute(urls),
      "GET /schema.graphql": (_req, res) => {
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.end(apiSchema);
      },
    },
  });
  return { apollo, http, contextFor, metrics };
}

/** Only a gateway that trusts the public development secret gets a ready-made token in its IDE. */
async function developmentToken(auth: TokenVerifierOptions | undefined): Promise<string | undefined> {
  if (auth?.jwksUrl || (auth?.secret && auth.secret !== DEVELOPMENT_JWT_SECRET)) return undefined;
  return signDevelopmentToken({ subject: "ide-developer", expiresIn: "7d" });
}
