import "reflect-metadata";
import type { SubgraphDefinition } from "@newsfed/kit/subgraph";
import { createContext, type ArticlesContext } from "./context.js";
import { migrationsFolder, schema } from "./db/index.js";
import { buildArticlesSchema } from "./schema.js";
import { seedArticles } from "./seed.js";

/** The articles subgraph as the shared runner and the tests see it. */
export const articlesSubgraph: SubgraphDefinition<typeof schema, ArticlesContext> = {
  service: "articles",
  dbSchema: schema,
  migrationsFolder,
  buildSchema: buildArticlesSchema,
  createContext,
  seed: seedArticles,
};
