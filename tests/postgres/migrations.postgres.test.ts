import { randomBytes } from "node:crypto";
import { openDatabase } from "@newsfed/kit/db";
import { provisionServiceRoles, withClient, withDatabase } from "@newsfed/kit/postgres-server";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { SUBGRAPH_DEFINITIONS } from "../helpers/subgraph-definitions.js";

// The database factory on a bare server (the tests' server: embedded, or TEST_DATABASE_URL's): migration journals,
// timeouts, and the per-service roles `pnpm start` provisions.
const serverUrl = inject("databaseServerUrl");
const made: { databases: string[]; roles: string[] } = { databases: [], roles: [] };
const fresh = async () => {
  const name = `${inject("databasePrefix")}_m${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (admin) => admin.query(`create database "${name}"`));
  made.databases.push(name);
  return name;
};
afterAll(() =>
  withClient(serverUrl, async (admin) => {
    for (const name of made.databases) await admin.query(`drop database if exists "${name}" with (force)`);
    for (const role of made.roles) await admin.query(`drop role if exists "${role}"`);
  }),
);

const officials = SUBGRAPH_DEFINITIONS.officials;
const open = (url: string, extra: Partial<Parameters<typeof openDatabase>[0]> = {}) =>
  openDatabase({ service: "officials", schema: officials.dbSchema, migrationsFolder: officials.migrationsFolder, url, ...extra });

describe("the database factory", () => {
  it("keeps each service's migration journal in its own schema, and adopts the journal earlier versions kept in drizzle.<service>_migrations", async () => {
    const url = withDatabase(serverUrl, await fresh());
    // A database migrated the old way: drizzle's migrator, journal in the shared "drizzle" schema.
    const pool = new pg.Pool({ connectionString: url });
    await migrate(drizzle(pool), {
      migrationsFolder: officials.migrationsFolder,
      migrationsSchema: "drizzle",
      migrationsTable: "officials_migrations",
    });
    await pool.query(`insert into officials.countries (code, name) values ('ZZ', 'Kept')`);
    await pool.end();

    // Opening it now must not run a migration again (the first one's CREATE TABLE would fail), and keeps the data.
    const database = await open(url);
    await database.close();
    await withClient(url, async (client) => {
      const adopted = await client.query("select hash, created_at from officials.__drizzle_migrations order by id");
      const old = await client.query("select hash, created_at from drizzle.officials_migrations order by id");
      expect(adopted.rows).toEqual(old.rows);
      expect(adopted.rows.length).toBeGreaterThan(1);
      expect((await client.query("select name from officials.countries where code = 'ZZ'")).rows).toEqual([{ name: "Kept" }]);
    });
    // And again: idempotent.
    await (await open(url)).close();
  });

  it("cancels a statement that runs longer than the statement timeout", async () => {
    const database = await open(withDatabase(serverUrl, await fresh()), { statementTimeoutMs: 200 });
    try {
      const failure = await database.db.execute("select pg_sleep(3)" as never).catch((error: Error) => error);
      // drizzle wraps the driver's error: "canceling statement due to statement timeout" (57014).
      expect((failure as Error & { cause?: { code?: string } }).cause?.code).toBe("57014");
    } finally {
      await database.close();
    }
  });

  it("migrates and seeds as a role that owns only its schema, which cannot reach another service's schema, public, or create anything outside its own", async () => {
    const name = await fresh();
    const prefix = `${inject("databasePrefix")}_r${randomBytes(3).toString("hex")}`;
    const roles = ["officials", "policy"].map((schema) => ({ schema, role: `${prefix}_${schema}`, password: "secret-1" }));
    made.roles.push(...roles.map((r) => r.role));
    const urls = await provisionServiceRoles(serverUrl, name, roles);
    const database = await open(urls.officials!, { afterMigrate: (db) => officials.seed(db as never) });
    await database.close();

    const policy = new pg.Client({ connectionString: urls.policy });
    await policy.connect();
    try {
      expect((await policy.query("select current_schema() as s")).rows[0].s).toBe("policy");
      await expect(policy.query("select * from officials.countries")).rejects.toThrow(/permission denied for schema officials/);
      await expect(policy.query("create table public.t (id int)")).rejects.toThrow(/permission denied for schema public/);
      await expect(policy.query("create schema elsewhere")).rejects.toThrow(/permission denied for database/);
      await policy.query("create table own (id int)"); // its own schema, by search_path
      expect((await policy.query("select count(*)::int as n from policy.own")).rows[0].n).toBe(0);
    } finally {
      await policy.end();
    }
    // Provisioning again changes nothing that works.
    await provisionServiceRoles(serverUrl, name, roles);
    await (await open(urls.officials!)).close();
  });
});
