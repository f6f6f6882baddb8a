import type { IncomingMessage } from "node:http";
import { ApolloServer, type BaseContext } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { cacheHintPlugin } from "./cache-hint.js";
import { internalErrorMasker, rejectNulCharactersPlugin } from "../errors.js";
import type { FederationClient } from "./federation-client.js";
import type { Database } from "../db/database.js";
import { type Identity, IDENTITY_HEADER, verifyIdentity } from "../identity.js";
import { createGraphQLServer, type GraphQLHttpServer } from "../http/server.js";
import { createLogger, type Logger } from "../observability/logger.js";
import { observabilityPlugin, ServiceMetrics } from "../observability/metrics.js";
import { tracingPlugin } from "../observability/tracing.js";

/** What a request context gets besides the database: who is calling, and a way to read the rest of the federation. */
export interface RequestRuntime {
  /** The caller as the gateway verified it; null for anonymous calls and for calls that bypass the gateway. */
  identity: Identity | null;
  federation: FederationClient;
  /** The id the gateway gave this request, for log lines. */
  requestId?: string;
}

/** Everything the shared runner needs to know about one subgraph. */
export interface SubgraphDefinition<TSchema extends Record<string, unknown>, TContext extends BaseContext> {
  /** Service name (one of the services list): also its Postgres schema, env prefix and data sub-directory. */
  service: string;
  dbSchema: TSchema;
  migrationsFolder: string;
  buildSchema(): Promise<GraphQLSchema>;
  createContext(db: Database<TSchema>, runtime: RequestRuntime): TContext;
  /** Loads the committed seed data through the service layer; must be idempotent. */
  seed(db: Database<TSchema>): Promise<void>;
}

/** Builds the subgraph's Apollo server and HTTP server over an open database; never listens. */
export interface SubgraphServerOptions {
  /** Verifies the identity header the gateway signs; writes without a valid one are refused. */
  sharedSecret: string;
  federation: FederationClient;
  logger?: Logger;
  /** Serve GET /metrics (default true; off in production unless METRICS_ENABLED). */
  metrics?: boolean;
  /** How long the gateway may cache an anonymous read (CACHE_MAX_AGE_SECONDS, default 5; 0: never). */
  cacheMaxAgeSeconds?: number;
}

export async function createSubgraphServer<TSchema extends Record<string, unknown>, TContext extends BaseContext>(
  definition: SubgraphDefinition<TSchema, TContext>,
  db: Database<TSchema>,
  options: SubgraphServerOptions,
): Promise<{ apollo: ApolloServer<TContext>; http: GraphQLHttpServer; schema: GraphQLSchema; metrics: ServiceMetrics }> {
  const schema = await definition.buildSchema();
  const logger = options.logger ?? createLogger(definition.service);
  const metrics = new ServiceMetrics(definition.service);
  const apollo = new ApolloServer<TContext>({
    schema,
    // Subgraphs sit behind the gateway; stack traces stay out of responses in every environment.
    includeStacktraceInErrorResponses: false,
    formatError: internalErrorMasker(logger),
    // Only the gateway calls subgraphs; Apollo's usage reporting traces (ftv1) have no consumer here. The cache-control
    // plugin would wrap every field resolver; one hint per response is enough for the gateway's response cache.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // Cache hints come from one header per response (cacheHintPlugin), not from per-field hooks.
      ApolloServerPluginCacheControlDisabled(),
      cacheHintPlugin(options.cacheMaxAgeSeconds ?? 5),
      observabilityPlugin(logger, metrics),
      tracingPlugin(definition.service),
      rejectNulCharactersPlugin(),
    ],
    csrfPrevention: false,
    // The process's own shutdown (onShutdown) drains HTTP first, then stops Apollo; Apollo's handler would race it.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const http = await createGraphQLServer<TContext>({
    apollo,
    logger,
    context: async (req, { requestId }) =>
      definition.createContext(db, {
        identity: await identityOf(req, options.sharedSecret, definition.service),
        federation: options.federation,
        requestId,
      }),
    routes: {
      "GET /health": async () => ({ status: "ok", service: definition.service }),
      ...(options.metrics === false ? {} : { "GET /metrics": metrics.route }),
    },
  });
  return { apollo, http, schema, metrics };
}

function identityOf(req: IncomingMessage, secret: string, service: string): Promise<Identity | null> {
  const header = req.headers[IDENTITY_HEADER];
  return verifyIdentity(Array.isArray(header) ? header[0] : header, secret, service);
}
