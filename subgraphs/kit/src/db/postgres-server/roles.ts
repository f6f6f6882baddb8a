import pg from "pg";
import { quoteIdent, quoteLiteral } from "../identifiers.js";

export interface ServiceRole {
  /** The service's Postgres schema (its name). */
  schema: string;
  /** The LOGIN role that owns it; usually the same name. */
  role: string;
  password: string;
}

/**
 * As a superuser: the database, and per service a LOGIN role that owns the schema of its name and can use nothing
 * else — no other service's schema, no CREATE on public (nor USAGE), no new schemas, no databases, no roles. The
 * role's search_path is its schema (set on the role itself, so database copies made with CREATE DATABASE …
 * TEMPLATE keep it). Idempotent; passwords are (re)set on every call. Returns each service's connection URL.
 */
export async function provisionServiceRoles(
  superuserUrl: string,
  database: string,
  roles: readonly ServiceRole[],
): Promise<Record<string, string>> {
  await withClient(superuserUrl, async (admin) => {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [database]);
    if (!exists.rowCount) await admin.query(`create database ${quoteIdent(database)}`);
    await admin.query(`revoke all on database ${quoteIdent(database)} from public`);
    for (const { role, schema, password } of roles) {
      const known = await admin.query("select 1 from pg_roles where rolname = $1", [role]);
      await admin.query(
        `${known.rowCount ? "alter" : "create"} role ${quoteIdent(role)} ` +
          `login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${quoteLiteral(password)}`,
      );
      await admin.query(`grant connect on database ${quoteIdent(database)} to ${quoteIdent(role)}`);
      await admin.query(`alter role ${quoteIdent(role)} set search_path = ${quoteIdent(schema)}`);
    }
  });
  const databaseUrl = withDatabase(superuserUrl, database);
  await withClient(databaseUrl, async (db) => {
    // PostgreSQL 15+ grants no CREATE on public already; this also takes USAGE away (and covers older servers).
    await db.query("revoke all on schema public from public");
    for (const { role, schema } of roles) {
      await db.query(`create schema if not exists ${quoteIdent(schema)} authorization ${quoteIdent(role)}`);
      await db.query(`alter schema ${quoteIdent(schema)} owner to ${quoteIdent(role)}`);
      await db.query(`revoke all on schema ${quoteIdent(schema)} from public`);
    }
  });
  return Object.fromEntries(
    roles.map(({ schema, role, password }) => {
      const url = new URL(databaseUrl);
      url.username = encodeURIComponent(role);
      url.password = encodeURIComponent(password);
      return [schema, url.toString()];
    }),
  );
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(database)}`;
  return next.toString();
}

export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
