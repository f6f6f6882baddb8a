import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { openDatabase, type OpenDatabase } from "@newsfed/kit/db";
import pg from "pg";
import { inject } from "vitest";
import { SUBGRAPH_DEFINITIONS, type ServiceName } from "./subgraph-definitions.js";

/** Counts SQL statements a database receives, so tests can assert batching without timing anything. */
export class StatementLog {
  readonly statements: string[] = [];
  record = (sql: string) => void this.statements.push(sql);
  reset() {
    this.statements.length = 0;
  }
  get count() {
    return this.statements.length;
  }
}

/**
 * A fresh database for one subgraph, migrated and seeded: a copy of the global template. Embedded PGlite by
 * default; with TEST_DATABASE_URL, a new database on that server made from the template (dropped on close).
 */
export async function openSeededDatabase(name: ServiceName, log?: StatementLog): Promise<OpenDatabase<Record<string, unknown>>> {
  const definition = SUBGRAPH_DEFINITIONS[name];
  const options = {
    service: name,
    schema: definition.dbSchema as Record<string, unknown>,
    migrationsFolder: definition.migrationsFolder,
    onStatement: log?.record,
  };
  if (inject("templateKind") === "pglite") {
    return openDatabase({ ...options, loadDataDir: new Blob([readFileSync(inject("templates")[name])]) });
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const copy = `newsfed_test_${name}_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, async (client) => {
    // A template can be copied by one session at a time: test files starting together take turns.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${copy} template ${inject("templates")[name]}`);
        return;
      } catch (error) {
        if (attempt > 50 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  const database = await openDatabase({
    ...options,
    url: Object.assign(new URL(serverUrl), { pathname: `/${copy}` }).toString(),
    poolSize: 4,
  });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin(serverUrl, (client) => client.query(`drop database if exists ${copy} with (force)`));
    },
  };
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
