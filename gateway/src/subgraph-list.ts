/** The subgraphs the gateway composes, with the URLs baked into the committed supergraph (overridable by env). */
export const SUBGRAPHS = [
  { name: "articles", url: "http://localhost:4001/graphql", env: "ARTICLES_URL" },
  { name: "officials", url: "http://localhost:4002/graphql", env: "OFFICIALS_URL" },
  { name: "policy", url: "http://localhost:4003/graphql", env: "POLICY_URL" },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]["name"];
