import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@newsfed/kit/db";
import { type PostgresServer, provisionServiceRoles, startPostgresServer, withClient } from "@newsfed/kit/postgres-server";
import type { TestProject } from "vitest/node";
import { SUBGRAPH_DEFINITIONS, type ServiceName } from "./subgraph-definitions.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser URL of the server the tests use: the embedded one started here, or TEST_DATABASE_URL. */
    databaseServerUrl: string;
    /** The migrated and seeded database (every subgraph's schema) that test files copy. */
    templateDatabase: string;
    /** Names of this run's databases start with it (copies are dropped by whoever made them, leftovers at the end). */
    databasePrefix: string;
    /** Per subgraph, the LOGIN role that owns its schema and can use nothing else, as `pnpm start` provisions. */
    serviceRoles: Record<ServiceName, { role: string; password: string }>;
  }
}

const DEFINITIONS = Object.entries(SUBGRAPH_DEFINITIONS) as [ServiceName, (typeof SUBGRAPH_DEFINITIONS)[ServiceName]][];

/**
 * One PostgreSQL server for the whole run — the embedded one, in a temporary directory, unless TEST_DATABASE_URL
 * names another — and on it one template database, migrated and seeded once through the real migrations and seed
 * loaders by each subgraph's own restricted role. Every test file then works on copies of it (CREATE DATABASE …
 * TEMPLATE, a fraction of a second each).
 */
export default async function setup(project: TestProject) {
  let server: PostgresServer | undefined;
  let serverDir: string | undefined;
  const external = process.env.TEST_DATABASE_URL;
  if (!external) {
    // Reachable by OS user postgres, whom the server runs as when the tests run as root (mkdtemp makes it 0700).
    serverDir = mkdtempSync(join(tmpdir(), "newsfed-test-postgres-"));
    chmodSync(serverDir, 0o755);
    server = await startPostgresServer({
      dataDir: join(serverDir, "postgres"),
      password: randomBytes(18).toString("base64url"),
      durable: false,
    });
  }
  const serverUrl = external ?? server!.url;
  const prefix = `newsfed_t${randomBytes(4).toString("hex")}`;
  const template = `${prefix}_template`;
  const roles = DEFINITIONS.map(([name]) => ({
    schema: name,
    role: `${prefix}_${name}`,
    password: randomBytes(18).toString("base64url"),
  }));
  const urls = await provisionServiceRoles(serverUrl, template, roles);
  for (const [name, definition] of DEFINITIONS) {
    const database = await openDatabase({
      service: name,
      schema: definition.dbSchema,
      migrationsFolder: definition.migrationsFolder,
      url: urls[name]!,
      afterMigrate: (db) => definition.seed(db as never),
    });
    await database.close();
  }
  project.provide("databaseServerUrl", serverUrl);
  project.provide("templateDatabase", template);
  project.provide("databasePrefix", prefix);
  project.provide(
    "serviceRoles",
    Object.fromEntries(roles.map(({ schema, role, password }) => [schema, { role, password }])) as never,
  );

  return async () => {
    if (server) {
      await server.stop();
      rmSync(serverDir!, { recursive: true, force: true });
      return;
    }
    // Someone else's server: leave nothing of this run behind.
    await withClient(serverUrl, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where starts_with(datname, $1)", [
        prefix,
      ]);
      for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
      for (const { role } of roles) await admin.query(`drop role if exists "${role}"`);
    });
  };
}
