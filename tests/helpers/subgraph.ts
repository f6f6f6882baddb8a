import type { ApolloServer, BaseContext } from "@apollo/server";
import { createSubgraphServer } from "@newsfed/kit";
import { openSeededDatabase, type StatementLog } from "./databases.js";
import { type GraphQLResult, singleResult } from "./results.js";
import { SUBGRAPH_DEFINITIONS, type ServiceName } from "./subgraph-definitions.js";

export interface TestSubgraph {
  /** Runs an operation through the subgraph's Apollo server with a fresh per-request context. */
  query<TData = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<TData>>;
  db: unknown;
  apollo: ApolloServer<BaseContext>;
  close(): Promise<void>;
}

/** One subgraph over its own fresh seeded database, in-process. */
export async function startSubgraph(name: ServiceName, log?: StatementLog): Promise<TestSubgraph> {
  const definition = SUBGRAPH_DEFINITIONS[name] as (typeof SUBGRAPH_DEFINITIONS)["officials"];
  const database = await openSeededDatabase(name, log);
  const db = database.db as never;
  const { apollo } = await createSubgraphServer(definition, db);
  return {
    db,
    apollo: apollo as unknown as ApolloServer<BaseContext>,
    async query(query, variables) {
      const response = await apollo.executeOperation({ query, variables }, { contextValue: definition.createContext(db, undefined) as never });
      return singleResult(response);
    },
    async close() {
      await apollo.stop();
      await database.close();
    },
  };
}
