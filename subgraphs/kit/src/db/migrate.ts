import { readMigrationFiles } from "drizzle-orm/migrator";
import type pg from "pg";
import { quoteIdent } from "./identifiers.js";

/** Where a service's journal of applied migrations lives: inside its own schema, which its role owns. */
export const JOURNAL_TABLE = "__drizzle_migrations";

/**
 * Applies the service's drizzle-kit migrations that its journal does not list yet, in one transaction, exactly as
 * drizzle's migrator decides (by each migration's timestamp), but with the journal in `<service>.__drizzle_migrations`
 * so that a role limited to its own schema can migrate:
 * - the schema is created only when missing (an administrator, or `pnpm start`, may have made it for the role, which
 *   then cannot create schemas), and the generated `CREATE SCHEMA "<service>"` of the first migration is skipped;
 * - a journal kept by earlier versions in `drizzle.<service>_migrations` is copied over once, so a database migrated
 *   by them is not migrated again.
 * The caller holds the migration lock.
 */
export async function migrateService(client: pg.ClientBase, service: string, migrationsFolder: string): Promise<void> {
  const schema = quoteIdent(service);
  const journal = `${schema}.${quoteIdent(JOURNAL_TABLE)}`;
  const migrations = readMigrationFiles({ migrationsFolder });
  if (!(await exists(client, "select 1 from pg_namespace where nspname = $1", [service]))) {
    await client.query(`create schema ${schema}`);
  }
  await client.query("begin");
  try {
    if (!(await tableExists(client, service, JOURNAL_TABLE))) {
      await client.query(`create table ${journal} (id serial primary key, hash text not null, created_at bigint)`);
      if (await tableExists(client, "drizzle", `${service}_migrations`)) {
        await client.query(
          `insert into ${journal} (hash, created_at) select hash, created_at from drizzle.${quoteIdent(`${service}_migrations`)} order by id`,
        );
      }
    }
    const last = await client.query<{ created_at: string }>(`select created_at from ${journal} order by created_at desc limit 1`);
    const appliedUntil = last.rows[0] ? Number(last.rows[0].created_at) : -Infinity;
    for (const migration of migrations) {
      if (migration.folderMillis <= appliedUntil) continue;
      for (const statement of migration.sql) {
        if (!createsSchema(statement, service)) await client.query(statement);
      }
      await client.query(`insert into ${journal} (hash, created_at) values ($1, $2)`, [migration.hash, migration.folderMillis]);
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  }
}

const createsSchema = (statement: string, service: string) =>
  new RegExp(`^\\s*create schema (if not exists )?"?${service}"?\\s*;?\\s*$`, "i").test(statement);

const tableExists = (client: pg.ClientBase, schema: string, table: string) =>
  exists(
    client,
    "select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = $2",
    [schema, table],
  );

async function exists(client: pg.ClientBase, sql: string, params: unknown[]): Promise<boolean> {
  return Boolean((await client.query(sql, params)).rowCount);
}
