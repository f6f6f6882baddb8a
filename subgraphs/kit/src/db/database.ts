import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm/logger";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { CancellablePool } from "./cancellation.js";

const MIGRATION_LOCK = 72_640_211;

/** A drizzle database over either driver; repositories never know which one they got. */
export type Database<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;

export interface DatabaseOptions<TSchema extends Record<string, unknown>> {
  /** The owning service: its tables live in the Postgres schema of that name, its journal in drizzle.<service>_migrations. */
  service: string;
  schema: TSchema;
  migrationsFolder: string;
  /** A PostgreSQL server (node-postgres). When set, PGlite is not used. */
  url?: string | undefined;
  /** Embedded PGlite data directory; omitted → in memory. */
  dataDir?: string | undefined;
  /** Embedded PGlite: start from a dumped, already migrated data directory (fast test databases). */
  loadDataDir?: Blob | undefined;
  /** Largest number of server connections this service may hold. */
  poolSize?: number | undefined;
  /**
   * Runs right after the migrations, still under the migration lock on a server (e.g. the seed), so replicas that
   * start together neither migrate nor seed at the same time.
   */
  afterMigrate?: ((db: Database<TSchema>) => Promise<void>) | undefined;
  /** Told about errors of idle server connections (they are replaced, not fatal); e.g. to log them. */
  onConnectionError?: ((error: Error) => void) | undefined;
  /** Called with every SQL statement sent, for tracing and statement-count tests. */
  onStatement?: ((sql: string) => void) | undefined;
}

export interface OpenDatabase<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  kind: "pglite" | "postgres";
  /** Embedded only: a tarball of the data directory, to open copies of this database quickly. */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

/**
 * The one place that knows PGlite from PostgreSQL. Opens the service's database and applies its
 * generated migrations idempotently, so every start (and every test database) is at the latest schema.
 */
export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: DatabaseOptions<TSchema>,
): Promise<OpenDatabase<TSchema>> {
  const logger: Logger | undefined = options.onStatement ? { logQuery: (query) => options.onStatement!(query) } : undefined;
  // Each service keeps its own migration journal, so services can share one server database.
  const journal = {
    migrationsFolder: options.migrationsFolder,
    migrationsSchema: "drizzle",
    migrationsTable: `${options.service}_migrations`,
  };

  if (options.url) {
    // UTC and ISO on every connection: dates read back as YYYY-MM-DD and day boundaries are UTC, whatever the
    // server's defaults (PGlite runs this way already).
    const pool = new CancellablePool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: "-c TimeZone=UTC -c DateStyle=ISO,YMD",
    });
    // An idle connection the server drops (restart, failover, admin) must not crash the service: the pool
    // replaces it on the next query; without a listener node-postgres would throw from the event.
    pool.on("error", (error) => options.onConnectionError?.(error));
    const db = drizzleNodePg(pool, { schema: options.schema, logger });
    // Services (and replicas) starting together migrate one after another: concurrent CREATE SCHEMA IF NOT
    // EXISTS can still collide, and a half-applied journal must never be read by a second migrator.
    const lock = await pool.connect();
    try {
      await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrateNodePg(db, journal);
      await options.afterMigrate?.(db as unknown as Database<TSchema>);
    } finally {
      await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      lock.release();
    }
    return {
      db: db as unknown as Database<TSchema>,
      kind: "postgres",
      dump: () => Promise.reject(new Error("dump() is only available for embedded PGlite databases")),
      close: () => pool.end(),
    };
  }

  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = drizzlePglite(client, { schema: options.schema, logger });
  await migratePglite(db, journal);
  await options.afterMigrate?.(db as unknown as Database<TSchema>);
  return {
    db: db as unknown as Database<TSchema>,
    kind: "pglite",
    dump: () => client.dumpDataDir("none"),
    close: () => client.close(),
  };
}
