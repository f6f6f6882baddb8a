import { randomBytes } from "node:crypto";
import { openDatabase, type OpenDatabase } from "@newsfed/kit/db";
import { withClient } from "@newsfed/kit/postgres-server";
import { inject } from "vitest";
import { SUBGRAPH_DEFINITIONS, type ServiceName } from "./subgraph-definitions.js";

/** Counts SQL statements a database receives, so tests can assert batching without timing anything. */
export class StatementLog {
  readonly statements: string[] = [];
  /** The parameters of each statement, in the same order (for EXPLAIN). */
  readonly params: unknown[][] = [];
  record = (sql: string, params: unknown[] = []) => {
    this.statements.push(sql);
    this.params.push(params);
  };
  reset() {
    this.statements.length = 0;
    this.params.length = 0;
  }
  get count() {
    return this.statements.length;
  }
}

type AnyDatabase = OpenDatabase<Record<string, unknown>>;

/**
 * Fresh databases for some subgraphs, migrated and seeded: one copy of the run's template (see global-setup.ts),
 * each subgraph connected as its own restricted role, as in production. close() drops the copy.
 */
export async function openSeededDatabases<TName extends ServiceName>(
  names: readonly TName[],
  logs: Partial<Record<TName, StatementLog>> = {},
): Promise<{ databases: Record<TName, AnyDatabase>; urls: Record<TName, string>; close(): Promise<void> }> {
  const copy = await copyTemplate();
  const databases = {} as Record<TName, AnyDatabase>;
  const urls = Object.fromEntries(names.map((name) => [name, roleUrl(name, copy)])) as Record<TName, string>;
  try {
    for (const name of names) databases[name] = await openAs(name, copy, logs[name]);
  } catch (error) {
    for (const database of Object.values<AnyDatabase>(databases)) await database.close();
    await dropDatabase(copy);
    throw error;
  }
  return {
    databases,
    urls,
    async close() {
      for (const database of Object.values<AnyDatabase>(databases)) await database.close();
      await dropDatabase(copy);
    },
  };
}

/** A fresh seeded database for one subgraph (a copy of the template of its own). */
export async function openSeededDatabase(name: ServiceName, log?: StatementLog): Promise<AnyDatabase> {
  const { databases, close } = await openSeededDatabases([name], { [name]: log });
  return { db: databases[name].db, close };
}

async function copyTemplate(): Promise<string> {
  const copy = `${inject("databasePrefix")}_${randomBytes(4).toString("hex")}`;
  await withClient(inject("databaseServerUrl"), async (admin) => {
    // A template cannot be copied while anyone is connected to it: test files starting together may take turns.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${copy}" template "${inject("templateDatabase")}"`);
        return;
      } catch (error) {
        if (attempt > 100 || !/being accessed by other users/.test((error as Error).message)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  return copy;
}

/** A subgraph's role on a copy, as production connects it. */
function roleUrl(name: ServiceName, database: string): string {
  const url = new URL(inject("databaseServerUrl"));
  url.username = inject("serviceRoles")[name].role;
  url.password = inject("serviceRoles")[name].password;
  url.pathname = `/${database}`;
  return url.toString();
}

function openAs(name: ServiceName, database: string, log: StatementLog | undefined): Promise<AnyDatabase> {
  const definition = SUBGRAPH_DEFINITIONS[name];
  return openDatabase({
    service: name,
    schema: definition.dbSchema as Record<string, unknown>,
    migrationsFolder: definition.migrationsFolder,
    url: roleUrl(name, database),
    poolSize: 4,
    onStatement: log?.record,
  });
}

const dropDatabase = (name: string) =>
  withClient(inject("databaseServerUrl"), (admin) => admin.query(`drop database if exists "${name}" with (force)`));
