import type { BaseContext } from "@apollo/server";
import { openDatabase } from "../db/database.js";
import { closeGracefully, listen } from "../http/index.js";
import { createLogger } from "../observability/logger.js";
import { startTracing } from "../observability/tracing.js";
import { onShutdown } from "../shutdown/index.js";
import { loadSubgraphConfig } from "./config.js";
import { httpFederationClient } from "./federation-client.js";
import { createSubgraphServer, type SubgraphDefinition } from "./server.js";

/**
 * Entry point of a subgraph process: config → database (migrated, seeded) → listen. On SIGTERM/SIGINT, or when its
 * supervisor is gone: stop accepting, answer the requests in flight, close the pool, exit (within SHUTDOWN_TIMEOUT_MS).
 */
export async function runSubgraph<TSchema extends Record<string, unknown>, TContext extends BaseContext>(
  definition: SubgraphDefinition<TSchema, TContext>,
): Promise<void> {
  const config = loadSubgraphConfig(definition.service);
  const logger = createLogger(definition.service);
  const shutdown = onShutdown({ deadlineMs: config.shutdownTimeoutMs, logger });
  const tracing = startTracing(definition.service);
  shutdown.defer(() => tracing?.shutdown());
  const database = await openDatabase({
    service: definition.service,
    schema: definition.dbSchema,
    migrationsFolder: definition.migrationsFolder,
    url: config.databaseUrl,
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    afterMigrate: config.seed ? (db) => definition.seed(db) : undefined,
    onConnectionError: (error) => logger.warn({ err: error }, "database connection lost; it will be replaced"),
  });
  shutdown.defer(() => database.close());
  const { apollo, http } = await createSubgraphServer(definition, database.db, {
    sharedSecret: config.sharedSecret,
    federation: httpFederationClient(config.gatewayUrl, { sharedSecret: config.sharedSecret }),
    logger,
    metrics: config.metrics,
    cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
  });
  shutdown.defer(() => apollo.stop());
  const url = await listen(http, config.port, config.host);
  shutdown.defer(() => closeGracefully(http, config.shutdownTimeoutMs));
  const server = new URL(config.databaseUrl);
  logger.info(
    { url: `${url}/graphql`, database: `${server.host}${server.pathname}` },
    `${definition.service} subgraph ready at ${url}/graphql (PostgreSQL at ${server.host}${server.pathname})`,
  );
}
