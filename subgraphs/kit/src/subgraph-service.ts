import type { IncomingMessage, Server } from "node:http";
import { fileURLToPath } from "node:url";
import { ApolloServer, type BaseContext } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { z } from "zod";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { internalErrorMasker, rejectNulCharactersPlugin } from "./errors.js";
import { type FederationClient, httpFederationClient } from "./federation-client.js";
import { DEVELOPMENT_GATEWAY_SECRET, type Identity, IDENTITY_HEADER, verifyIdentity } from "./identity.js";
import { isLoopbackHost, optionalString, parseConfig, port } from "./config.js";
import { type Database, openDatabase, type OpenDatabase } from "./database.js";
import { closeServer, createGraphQLHttpServer, listen, sendJson } from "./http.js";
import { createLogger, type Logger } from "./logger.js";
import { observabilityPlugin, ServiceMetrics } from "./observability.js";
import { startTracing, tracingPlugin } from "./tracing.js";

/** The repository root; the embedded databases live under `<root>/.data` unless DATA_DIR says otherwise. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

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
  /** Service name: also its Postgres schema, env prefix (ARTICLES_PORT) and data sub-directory. */
  service: string;
  defaultPort: number;
  dbSchema: TSchema;
  migrationsFolder: string;
  buildSchema(): Promise<GraphQLSchema>;
  createContext(db: Database<TSchema>, runtime: RequestRuntime): TContext;
  /** Loads the committed seed data through the service layer; must be idempotent. */
  seed(db: Database<TSchema>): Promise<void>;
}

export function subgraphConfigSchema(service: string, defaultPort: number) {
  const prefix = service.toUpperCase();
  return z
    .object({
      [`${prefix}_PORT`]: port(defaultPort),
      HOST: z.string().default("127.0.0.1"),
      DATABASE_URL: optionalString(),
      [`${prefix}_DATABASE_URL`]: optionalString(),
      DATA_DIR: z.string().default(`${REPO_ROOT}.data`),
      DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
      SEED: z.enum(["true", "false"]).default("true"),
      GATEWAY_URL: z.string().url().default("http://localhost:4000/graphql"),
      GATEWAY_SHARED_SECRET: z.string().min(16).default(DEVELOPMENT_GATEWAY_SECRET),
      NODE_ENV: z.string().default("development"),
    })
    .refine(
      (env) =>
        env.GATEWAY_SHARED_SECRET !== DEVELOPMENT_GATEWAY_SECRET ||
        (env.NODE_ENV !== "production" && isLoopbackHost(env.HOST as string)),
      {
        message:
          "production, or listening beyond loopback (HOST), needs its own GATEWAY_SHARED_SECRET (the development secret is public)",
        path: ["GATEWAY_SHARED_SECRET"],
      },
    )
    .transform((env) => ({
      port: env[`${prefix}_PORT`] as number,
      host: env.HOST as string,
      databaseUrl: (env[`${prefix}_DATABASE_URL`] ?? env.DATABASE_URL) as string | undefined,
      dataDir: `${env.DATA_DIR as string}/${service}`,
      poolSize: env.DATABASE_POOL_SIZE as number,
      seed: env.SEED === "true",
      gatewayUrl: env.GATEWAY_URL as string,
      sharedSecret: env.GATEWAY_SHARED_SECRET as string,
    }));
}

export type SubgraphConfig = z.infer<ReturnType<typeof subgraphConfigSchema>>;

/** Builds the subgraph's Apollo server and HTTP server over an open database; never listens. */
export interface SubgraphServerOptions {
  /** Verifies the identity header the gateway signs; writes without a valid one are refused. */
  sharedSecret: string;
  federation: FederationClient;
  logger?: Logger;
}

export async function createSubgraphServer<TSchema extends Record<string, unknown>, TContext extends BaseContext>(
  definition: SubgraphDefinition<TSchema, TContext>,
  db: Database<TSchema>,
  options: SubgraphServerOptions,
): Promise<{ apollo: ApolloServer<TContext>; http: Server; schema: GraphQLSchema; metrics: ServiceMetrics }> {
  const schema = await definition.buildSchema();
  const logger = options.logger ?? createLogger(definition.service);
  const metrics = new ServiceMetrics(definition.service);
  const apollo = new ApolloServer<TContext>({
    schema,
    // Subgraphs sit behind the gateway; stack traces stay out of responses in every environment.
    includeStacktraceInErrorResponses: false,
    formatError: internalErrorMasker(logger),
    // Only the gateway calls subgraphs; Apollo's usage reporting traces (ftv1) have no consumer here.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      observabilityPlugin(logger, metrics),
      tracingPlugin(definition.service),
      rejectNulCharactersPlugin(),
    ],
    csrfPrevention: false,
  });
  await apollo.start();
  const http = createGraphQLHttpServer<TContext>({
    apollo,
    context: async (req, requestId) =>
      definition.createContext(db, {
        identity: identityOf(req, options.sharedSecret, definition.service),
        federation: options.federation,
        requestId,
      }),
    routes: {
      "GET /health": (_req, res) => sendJson(res, 200, { status: "ok", service: definition.service }),
      "GET /metrics": metrics.route,
    },
  });
  return { apollo, http, schema, metrics };
}

function identityOf(req: IncomingMessage, secret: string, service: string) {
  const header = req.headers[IDENTITY_HEADER];
  return verifyIdentity(Array.isArray(header) ? header[0] : header, secret, service);
}

/** Entry point of a subgraph process: config → database (migrated, seeded) → listen → stop on SIGTERM/SIGINT. */
export async function runSubgraph<TSchema extends Record<string, unknown>, TContext extends BaseContext>(
  definition: SubgraphDefinition<TSchema, TContext>,
): Promise<void> {
  const config = parseConfig(definition.service, subgraphConfigSchema(definition.service, definition.defaultPort));
  const tracing = startTracing(definition.service);
  const logger = createLogger(definition.service);
  const database: OpenDatabase<TSchema> = await openDatabase({
    service: definition.service,
    schema: definition.dbSchema,
    migrationsFolder: definition.migrationsFolder,
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: config.poolSize,
    afterMigrate: config.seed ? (db) => definition.seed(db) : undefined,
    onConnectionError: (error) => logger.warn({ err: error }, "database connection lost; it will be replaced"),
  });
  const { apollo, http } = await createSubgraphServer(definition, database.db, {
    sharedSecret: config.sharedSecret,
    federation: httpFederationClient(config.gatewayUrl),
    logger,
  });
  const url = await listen(http, config.port, config.host);
  logger.info(
    { url: `${url}/graphql`, database: database.kind },
    `${definition.service} subgraph ready at ${url}/graphql (${database.kind})`,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await closeServer(http);
    await apollo.stop();
    await database.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
