import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { SUBGRAPH_DEFINITIONS, type ServiceName } from "./subgraph-definitions.js";
import { openDatabase } from "@newsfed/kit";

declare module "vitest" {
  export interface ProvidedContext {
    /** Per subgraph: a tarball of a migrated, seeded embedded database to open copies of. */
    templates: Record<ServiceName, string>;
  }
}

/**
 * Migrates and seeds one embedded database per subgraph once, through the real migrations and seed loaders,
 * and dumps each; every test file then opens fresh copies in about a second instead of running initdb.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "newsfed-templates-"));
  const templates = {} as Record<ServiceName, string>;
  for (const [name, definition] of Object.entries(SUBGRAPH_DEFINITIONS) as [
    ServiceName,
    (typeof SUBGRAPH_DEFINITIONS)[ServiceName],
  ][]) {
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
  return () => rmSync(dir, { recursive: true, force: true });
}
