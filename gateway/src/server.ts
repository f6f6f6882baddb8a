import { readFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import type { IncomingMessage } from "node:http";
import { ApolloGateway, type GraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { internalErrorMasker, rejectNulCharactersPlugin } from "@newsfed/kit/errors";
import { createGraphQLServer, type GraphQLHttpServer } from "@newsfed/kit/http";
import { DEVELOPMENT_GATEWAY_SECRET } from "@newsfed/kit/identity";
import { createLogger, type Logger, observabilityPlugin, ServiceMetrics } from "@newsfed/kit/observability";
import { renderIdePage } from "./ide/ide-page.js";
import { SubgraphFetchMetrics } from "./observability/subgraph-metrics.js";
import { authenticate, authorizationPlugin, type GatewayContext } from "./auth/authentication.js";
import { mutationOwners, mutationScopes } from "./auth/mutation-scopes.js";
import {
  ALL_WRITE_SCOPES,
  createTokenVerifier,
  DEVELOPMENT_JWT_SECRET,
  signDevelopmentToken,
  type TokenVerifierOptions,
} from "./auth/tokens.js";
import { CONTRACT_EXAMPLE } from "./contract-example.js";
import { exampleTabs } from "./ide/example-operations.js";
import { clientAddress } from "./rate-limit/client-key.js";
import { edgePlugins, edgeServerOptions, type EdgeOptions } from "./edge.js";
import { mutationSpanPlugin } from "./limits/mutation-span.js";
import { subgraphDataSource } from "./transport/data-sources.js";
import { subgraphAgent } from "./transport/undici-fetcher.js";
import { notePlanned, warmQueryPlans, type WarmupOperation } from "./warmup.js";
import { responseCache, type ResponseCacheOptions } from "./response-cache.js";
import { livenessRoute, readinessRoute } from "./health.js";
import type { SubgraphName } from "@newsfed/kit/services";

export const SUPERGRAPH_PATH = new URL("../supergraph.graphql", import.meta.url);

export interface GatewayOptions extends EdgeOptions {
  subgraphUrls: Record<SubgraphName, string>;
  /** How bearer tokens are verified (HS256 secret or JWKS); defaults to the development secret. */
  auth?: TokenVerifierOptions;
  /** Signs the identity forwarded to subgraphs; they refuse writes without it. */
  sharedSecret?: string;
  introspection?: boolean;
  subgraphTimeoutMs?: number;
  /** Send identical in-flight subgraph reads once (SUBGRAPH_DEDUPE, default true). */
  subgraphDedupe?: boolean;
  /** Send a request's parallel reads of one subgraph as one subgraph request (SUBGRAPH_MERGE_FETCHES, default true). */
  subgraphMergeFetches?: boolean;
  /**
   * Cache anonymous reads (RESPONSE_CACHE, RESPONSE_CACHE_TTL_SECONDS: on, 5 s, for the gateway process); off when
   * omitted, so in-process tests that write fixtures past the gateway read what they wrote.
   */
  responseCache?: ResponseCacheOptions | false;
  supergraphSdl?: string;
  /** Serve the offline IDE on GET /graphql for browsers (default true). */
  ide?: boolean;
  /** Browser origins allowed to call the API (CORS). */
  corsOrigins?: readonly string[];
  /** Serve GET /metrics on the API port (default true; production serves it on METRICS_PORT instead). */
  metrics?: boolean;
  logger?: Logger;
  /** Tests replace the HTTP data sources with in-process ones. */
  buildService?: (definition: { name: string; url?: string }) => GraphQLDataSource;
}

export interface GatewayServer {
  apollo: ApolloServer<GatewayContext>;
  http: GraphQLHttpServer;
  metrics: ServiceMetrics;
  /** Operations planned at start (the IDE's examples, the contract example) that could not be planned; normally none. */
  unplannedAtStart: string[];
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
  const owners = mutationOwners(supergraphSdl);
  const logger = options.logger ?? createLogger("gateway");
  const metrics = new ServiceMetrics("gateway");
  const fetchMetrics = new SubgraphFetchMetrics(metrics);
  const dispatcher = subgraphAgent();
  // @apollo/gateway sends usage metrics to Apollo (after probing AWS, GCP, Azure and Alibaba metadata endpoints) unless
  // APOLLO_TELEMETRY_DISABLED is set. This gateway works offline and sends nothing off the machine by default; an
  // operator who wants Apollo's telemetry sets APOLLO_TELEMETRY_DISABLED=false.
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: (definition) =>
      subgraphDataSource(definition.name, {
        url: urls[definition.name] ?? definition.url!,
        // A dead or hung subgraph must fail its own fetch (partial data), not hold the whole request.
        timeoutMs: options.subgraphTimeoutMs ?? 10_000,
        sharedSecret,
        dedupe: options.subgraphDedupe ?? true,
        mergeFetches: options.subgraphMergeFetches ?? true,
        dispatcher,
        metrics: fetchMetrics,
        logger,
        transport: options.buildService?.(definition),
      }),
    experimental_didResolveQueryPlan: ({ requestContext }) => notePlanned(requestContext.context),
  });
  // Made in a worker thread while the gateway starts (see ide-page.ts).
  const idePage =
    options.ide === false
      ? undefined
      : renderIdePage({
          developmentToken: options.ideDevelopmentToken === false ? undefined : await developmentToken(options.auth),
        });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    ...edgeServerOptions(options, internalErrorMasker(logger)),
    plugins: [
      // Browsers get the IDE page from the HTTP layer (below); Apollo's own landing page loads from the internet.
      ApolloServerPluginLandingPageDisabled(),
      ...edgePlugins<GatewayContext>(options),
      authorizationPlugin((field) => scopes.get(field)),
      mutationSpanPlugin<GatewayContext>((field) => owners.get(field)),
      observabilityPlugin<GatewayContext>(logger, metrics),
      rejectNulCharactersPlugin<GatewayContext>(),
      { serverWillStart: async () => ({ serverWillStop: () => dispatcher.close() }) },
      // Subgraph cache hints feed the response cache only; clients are not told to cache (writes could not reach them).
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      ...(options.responseCache ? responseCache<GatewayContext>(options.responseCache) : []),
    ],
    // main.ts's shutdown drains HTTP first, then stops Apollo; Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
  });
  // GET /schema.graphql serves the API schema of the supergraph this gateway runs (SUPERGRAPH_PATH's or the one given),
  // printed as `pnpm compose` prints gateway/schema.graphql: the committed file describes only the default supergraph.
  let apiSchema = "";
  gateway.onSchemaLoadOrUpdate(({ apiSchema: loaded }) => {
    apiSchema = `${printSchema(lexicographicSortSchema(loaded))}\n`;
  });
  await apollo.start();
  const unplannedAtStart = await warmQueryPlans(
    apollo,
    warmupOperations(),
    { subject: "gateway-warm-up", scopes: ALL_WRITE_SCOPES },
    logger,
  );
  const contextFor = async (req: IncomingMessage | undefined, requestId?: string): Promise<GatewayContext> => ({
    ...(await authenticate(req, verify, sharedSecret)),
    ...(requestId ? { requestId } : {}),
    ...clientAddress(req, options),
  });
  const http = await createGraphQLServer({
    apollo,
    browserPage: await idePage,
    logger,
    context: (req, { requestId }) => contextFor(req, requestId),
    corsOrigins: options.corsOrigins,
    routes: {
      // The root leads to the IDE (on GET /graphql for browsers).
      "GET /": async (_request, reply) => reply.redirect("/graphql", 302),
      ...(options.metrics === false ? {} : { "GET /metrics": metrics.route }),
      "GET /health/live": livenessRoute,
      "GET /health/ready": readinessRoute(urls),
      "GET /schema.graphql": async (_request, reply) => reply.type("text/plain; charset=utf-8").send(apiSchema),
    },
  });
  return { apollo, http, contextFor, metrics, unplannedAtStart };
}

/** What browsers and partners send first: the IDE's example tabs, as GraphiQL sends them, and the contract example. */
function warmupOperations(): WarmupOperation[] {
  const tabs = exampleTabs({ Authorization: "Bearer <token>" });
  return [
    ...tabs.map((tab) => ({
      query: tab.query,
      variables: tab.variables ? (JSON.parse(tab.variables) as Record<string, unknown>) : undefined,
    })),
    { query: CONTRACT_EXAMPLE },
  ];
}

/** Only a gateway that trusts the public development secret gets a ready-made token in its IDE. */
async function developmentToken(auth: TokenVerifierOptions | undefined): Promise<string | undefined> {
  if (auth?.jwksUrl || (auth?.secret && auth.secret !== DEVELOPMENT_JWT_SECRET)) return undefined;
  return signDevelopmentToken({ subject: "ide-developer", expiresIn: "7d" });
}
