import { articlesSubgraph } from "@newsfed/articles";
import { officialsSubgraph } from "@newsfed/officials";
import { policySubgraph } from "@newsfed/policy";
import type { SubgraphName } from "@newsfed/kit/services";

/** Every subgraph's definition (schema, database, seed) by its name in the services list. */
export const SUBGRAPH_DEFINITIONS = {
  articles: articlesSubgraph,
  officials: officialsSubgraph,
  policy: policySubgraph,
} satisfies Record<SubgraphName, unknown>;
