import "reflect-metadata";
import type { SubgraphDefinition } from "@newsfed/kit/subgraph";
import { createContext, type OfficialsContext } from "./context.js";
import { migrationsFolder, schema } from "./db/index.js";
import { buildOfficialsSchema } from "./schema.js";
import { seedOfficials } from "./seed.js";

/** The officials subgraph as the shared runner and the tests see it. */
export const officialsSubgraph: SubgraphDefinition<typeof schema, OfficialsContext> = {
  service: "officials",
  dbSchema: schema,
  migrationsFolder,
  buildSchema: buildOfficialsSchema,
  createContext,
  seed: seedOfficials,
};
