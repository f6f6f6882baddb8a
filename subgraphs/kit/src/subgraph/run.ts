import type { BaseContext } from "@apollo/server";
import { openDatabase, type OpenDatabase } from "../db/database.js";
import { closeGracefully, listen } from "../http/index.js";
import { createLogger } from "../observability/logger.js";
import { startTracing } from "../observability/tracing.js";
import { loadSubgraphConfig } from "./config.js";
import { httpFederationClient } from "./federation-client.js";
import { createSubgraphServer, type SubgraphDefinition } from "./server.js";

/** Entry point of a subgraph process: config → database (migrated, seeded) → listen → stop on SIGTERM/SIGINT. */
export async function runSubgraph<TSchema extends Record<string, unknown>, TContext extends BaseContext>(
  definition: SubgraphDefinition<TSchema, TContext>,
): Promise<void> {
  const config = loadSubgraphConfig(definition.service);
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
    await closeGracefully(http, 10_000);
    await apollo.stop();
    await database.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
