import type { Logger } from "drizzle-orm/logger";
import { drizzle } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { CancellablePool } from "./cancellation.js";
import { migrateService } from "./migrate.js";
import { nameStatements } from "./statement-names.js";

const MIGRATION_LOCK = 72_640_211;

/** Default for DATABASE_STATEMENT_TIMEOUT_MS: a statement running longer is cancelled by the server. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;
/** A session idle inside an open transaction this long is ended by the server (its locks released). */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

/** A drizzle database over node-postgres; repositories see only this type. */
export type Database<TSchema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, TSchema>;

export interface DatabaseOptions<TSchema extends Record<string, unknown>> {
  /** The owning service: its tables and its migration journal live in the Postgres schema of that name. */
  service: string;
  schema: TSchema;
  migrationsFolder: string;
  /** The PostgreSQL server and database (`postgres://user:password@host:port/database`). */
  url: string;
  /** Largest number of server connections this service may hold. */
  poolSize?: number | undefined;
  /** The server cancels a statement that runs longer (0: never). */
  statementTimeoutMs?: number | undefined;
  /**
   * Runs right after the migrations, still under the migration lock (e.g. the seed), so replicas that start
   * together neither migrate nor seed at the same time.
   */
  afterMigrate?: ((db: Database<TSchema>) => Promise<void>) | undefined;
  /** Told about errors of idle server connections (they are replaced, not fatal); e.g. to log them. */
  onConnectionError?: ((error: Error) => void) | undefined;
  /** Called with every SQL statement sent, for tracing and statement-count tests. */
  onStatement?: ((sql: string, params: unknown[]) => void) | undefined;
}

export interface OpenDatabase<TSchema extends Record<string, unknown>> {
  db: Database<TSchema>;
  close(): Promise<void>;
}

/**
 * The one place that knows how a database is reached: a node-postgres pool on the service's server, its
 * migrations applied (idempotently, under an advisory lock) before anything else runs, so every start — and every
 * test database — is at the latest schema.
 */
export async function openDatabase<TSchema extends Record<string, unknown>>(
  options: DatabaseOptions<TSchema>,
): Promise<OpenDatabase<TSchema>> {
  const logger: Logger | undefined = options.onStatement
    ? { logQuery: (query, params) => options.onStatement!(query, params) }
    : undefined;
  const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  // A pool whose clients cancel their running statement when the request they serve is abandoned.
  const pool = new CancellablePool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // UTC and ISO on every connection: dates read back as YYYY-MM-DD and day boundaries are UTC, whatever the
    // server's defaults. No statement or forgotten transaction holds a connection (and its locks) for long.
    options: [
      "-c TimeZone=UTC",
      "-c DateStyle=ISO,YMD",
      `-c statement_timeout=${statementTimeout}`,
      `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_TIMEOUT_MS}`,
      // Statements are prepared once per connection (below) but still planned for their parameters: a search or a
      // filter on a rare value must not run with a generic plan made for another.
      "-c plan_cache_mode=force_custom_plan",
    ].join(" "),
  });
  nameStatements(pool);
  // An idle connection the server drops (restart, failover, admin) must not crash the service: the pool
  // replaces it on the next query; without a listener node-postgres would throw from the event.
  pool.on("error", (error) => options.onConnectionError?.(error));
  const db = drizzle(pool, { schema: options.schema, logger }) as unknown as Database<TSchema>;
  try {
    // Services (and replicas) starting together migrate one after another: a half-applied journal must never be
    // read by a second migrator. Waiting for the lock, and migrating, may take longer than a request may.
    const lock = await pool.connect();
    try {
      await lock.query("set statement_timeout = 0");
      await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrateService(lock, options.service, options.migrationsFolder);
      await options.afterMigrate?.(db);
    } finally {
      await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      await lock.query("reset statement_timeout").catch(() => undefined);
      lock.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return { db, close: () => pool.end() };
}
