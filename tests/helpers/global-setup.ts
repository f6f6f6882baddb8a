import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@newsfed/kit/db";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { SUBGRAPH_DEFINITIONS, type ServiceName } from "./subgraph-definitions.js";

declare module "vitest" {
  export interface ProvidedContext {
    /**
     * Per subgraph, a migrated and seeded database to open copies of: a PGlite data-directory tarball (the
     * default), or, when TEST_DATABASE_URL is set, the name of a template database on that PostgreSQL server.
     */
    templates: Record<ServiceName, string>;
    templateKind: "pglite" | "postgres";
  }
}

const DEFINITIONS = Object.entries(SUBGRAPH_DEFINITIONS) as [ServiceName, (typeof SUBGRAPH_DEFINITIONS)[ServiceName]][];

/**
 * Migrates and seeds one database per subgraph once, through the real migrations and seed loaders; every test file
 * then opens fresh copies (a PGlite dump loads in about a second; a server copies a template database).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const templates = {} as Record<ServiceName, string>;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const suffix = randomBytes(4).toString("hex");
    for (const [name, definition] of DEFINITIONS) {
      const template = `newsfed_template_${name}_${suffix}`;
      await admin.query(`create database ${template}`);
      const database = await openDatabase({
        service: name,
        schema: definition.dbSchema,
        migrationsFolder: definition.migrationsFolder,
        url: Object.assign(new URL(serverUrl), { pathname: `/${template}` }).toString(),
        afterMigrate: (db) => definition.seed(db as never),
      });
      await database.close();
      templates[name] = template;
    }
    project.provide("templates", templates);
    project.provide("templateKind", "postgres");
    return async () => {
      for (const template of Object.values(templates)) await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }

  const dir = mkdtempSync(join(tmpdir(), "newsfed-templates-"));
  for (const [name, definition] of DEFINITIONS) {
    const database = await openDatabase({
      service: name,
      schema: definition.dbSchema,
      migrationsFolder: definition.migrationsFolder,
    });
    await definition.seed(database.db as never);
    const file = join(dir, `${name}.tar`);
    writeFileSync(file, Buffer.from(await (await database.dump()).arrayBuffer()));
    await database.close();
    templates[name] = file;
  }
  project.provide("templates", templates);
  project.provide("templateKind", "pglite");
  return () => rmSync(dir, { recursive: true, force: true });
}
