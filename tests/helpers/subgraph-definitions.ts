import { articlesSubgraph } from "@newsfed/articles";
import { officialsSubgraph } from "@newsfed/officials";
import { policySubgraph } from "@newsfed/policy";

export const SUBGRAPH_DEFINITIONS = {
  articles: articlesSubgraph,
  officials: officialsSubgraph,
  policy: policySubgraph,
};

export type ServiceName = keyof typeof SUBGRAPH_DEFINITIONS;
