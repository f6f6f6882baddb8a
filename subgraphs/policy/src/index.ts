import "reflect-metadata";
import type { SubgraphDefinition } from "@newsfed/kit/subgraph";
import { createContext, type PolicyContext } from "./context.js";
import { migrationsFolder, schema } from "./db/index.js";
import { buildPolicySchema } from "./schema.js";
import { seedPolicy } from "./seed.js";

/** The policy subgraph as the shared runner and the tests see it. */
export const policySubgraph: SubgraphDefinition<typeof schema, PolicyContext> = {
  service: "policy",
  dbSchema: schema,
  migrationsFolder,
  buildSchema: buildPolicySchema,
  createContext,
  seed: seedPolicy,
};
