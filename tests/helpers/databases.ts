import { readFileSync } from "node:fs";
import { openDatabase, type OpenDatabase } from "@newsfed/kit";
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

/** A fresh embedded database for one subgraph, migrated and seeded (a copy of the global template). */
export async function openSeededDatabase(name: ServiceName, log?: StatementLog): Promise<OpenDatabase<Record<string, unknown>>> {
  const definition = SUBGRAPH_DEFINITIONS[name];
  const template = new Blob([readFileSync(inject("templates")[name])]);
  return openDatabase({
    service: name,
    schema: definition.dbSchema as Record<string, unknown>,
    migrationsFolder: definition.migrationsFolder,
    loadDataDir: template,
    onStatement: log?.record,
  });
}
