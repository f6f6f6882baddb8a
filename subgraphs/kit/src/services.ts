/**
 * The services of the federation, in one place: their names, default ports and the environment variables that
 * move them. The supervisor, the gateway, composition and the tests all read this list.
 */
export interface SubgraphService {
  /** Also the subgraph's Postgres schema and role, its write-scope prefix and its env prefix. */
  name: "articles" | "officials" | "policy";
  defaultPort: number;
  /** Where the service listens (`ARTICLES_PORT`). */
  portEnv: string;
  /** Where the gateway finds it (`ARTICLES_URL`); default `http://localhost:<port>/graphql`, as composed. */
  urlEnv: string;
  /** Its own PostgreSQL server or database (`ARTICLES_DATABASE_URL`); default `DATABASE_URL`. */
  databaseUrlEnv: string;
}

const subgraph = (name: SubgraphService["name"], defaultPort: number): SubgraphService => {
  const prefix = name.toUpperCase();
  return {
    name,
    defaultPort,
    portEnv: `${prefix}_PORT`,
    urlEnv: `${prefix}_URL`,
    databaseUrlEnv: `${prefix}_DATABASE_URL`,
  };
};

export const SUBGRAPHS: readonly SubgraphService[] = [
  subgraph("articles", 4001),
  subgraph("officials", 4002),
  subgraph("policy", 4003),
];

export type SubgraphName = SubgraphService["name"];

export const GATEWAY = { name: "gateway", defaultPort: 4000, portEnv: "GATEWAY_PORT" } as const;

/** The URL composed into the committed supergraph for a subgraph (what a router uses unless told otherwise). */
export const composedUrl = (service: SubgraphService): string => `http://localhost:${service.defaultPort}/graphql`;

export const subgraphNamed = (name: string): SubgraphService => {
  const found = SUBGRAPHS.find((service) => service.name === name);
  if (!found) throw new Error(`no subgraph named "${name}"`);
  return found;
};
