import type { ApolloServer, BaseContext } from "@apollo/server";
import { DEVELOPMENT_GATEWAY_SECRET, type Identity } from "@newsfed/kit/identity";
import { createSubgraphServer, NO_FEDERATION, type RequestRuntime } from "@newsfed/kit/subgraph";
import { openSeededDatabase, type StatementLog } from "./databases.js";
import { type GraphQLResult, singleResult } from "./results.js";
import { SUBGRAPH_DEFINITIONS, type ServiceName } from "./subgraph-definitions.js";

/** A subgraph's request context: its services, as its definition creates them. */
export type SubgraphContext<TName extends ServiceName> = ReturnType<(typeof SUBGRAPH_DEFINITIONS)[TName]["createContext"]>;

export interface TestSubgraph<TName extends ServiceName = ServiceName> {
  /** Runs an operation through the subgraph's Apollo server with a fresh per-request context. */
  query<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<TData>>;
  /** A fresh request context acting as `identity` (null: anonymous), for fixtures written through the services. */
  context(identity?: Identity | null): SubgraphContext<TName>;
  db: unknown;
  apollo: ApolloServer<BaseContext>;
  close(): Promise<void>;
}

/** One subgraph over its own fresh seeded database, in-process, with no federation to reach. */
export async function startSubgraph<TName extends ServiceName>(name: TName, log?: StatementLog): Promise<TestSubgraph<TName>> {
  const definition = SUBGRAPH_DEFINITIONS[name] as (typeof SUBGRAPH_DEFINITIONS)["officials"];
  const database = await openSeededDatabase(name, log);
  const db = database.db as never;
  const { apollo } = await createSubgraphServer(definition, db, {
    sharedSecret: DEVELOPMENT_GATEWAY_SECRET,
    federation: NO_FEDERATION,
  });
  const runtime = (identity: Identity | null = null): RequestRuntime => ({ identity, federation: NO_FEDERATION });
  return {
    db,
    apollo: apollo as unknown as ApolloServer<BaseContext>,
    context: (identity) => definition.createContext(db, runtime(identity)) as SubgraphContext<TName>,
    async query<TData>(query: string, variables?: Record<string, unknown>) {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: definition.createContext(db, runtime()) as never },
      );
      return singleResult<TData>(response);
    },
    async close() {
      await apollo.stop();
      await database.close();
    },
  };
}
