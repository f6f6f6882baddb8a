import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { createGatewayServer, SUBGRAPHS } from "@newsfed/gateway";
import { type GraphQLSchema, graphql } from "graphql";
import { openSeededDatabase, StatementLog } from "./databases.js";
import { type GraphQLResult, singleResult } from "./results.js";
import { SUBGRAPH_DEFINITIONS, type ServiceName } from "./subgraph-definitions.js";

/** Runs a gateway fetch against a subgraph schema in-process, with a fresh per-request context like HTTP would. */
class InProcessDataSource implements GraphQLDataSource {
  fetches = 0;
  failing = false;
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly createContext: () => unknown,
  ) {}

  async process({ request }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    this.fetches += 1;
    if (this.failing) throw new Error("connect ECONNREFUSED (subgraph down for this test)");
    return (await graphql({
      schema: this.schema,
      source: request.query!,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: this.createContext(),
    })) as GatewayGraphQLResponse;
  }
}

export interface TestFederation {
  query<TData = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<TData>>;
  statements: Record<ServiceName, StatementLog>;
  /** A fresh request context of a subgraph: its services, for writing fixtures the way the API does. */
  context<TName extends ServiceName>(name: TName): ReturnType<(typeof SUBGRAPH_DEFINITIONS)[TName]["createContext"]>;
  sources: Record<ServiceName, InProcessDataSource>;
  resetCounters(): void;
  close(): Promise<void>;
}

/** The real gateway (committed supergraph, real query planner) over the three subgraphs in-process: no ports. */
export async function startFederation(): Promise<TestFederation> {
  const statements = {} as Record<ServiceName, StatementLog>;
  const sources = {} as Record<ServiceName, InProcessDataSource>;
  const closers: (() => Promise<void>)[] = [];
  const contexts = {} as Record<ServiceName, () => unknown>;
  for (const name of Object.keys(SUBGRAPH_DEFINITIONS) as ServiceName[]) {
    const definition = SUBGRAPH_DEFINITIONS[name] as (typeof SUBGRAPH_DEFINITIONS)["officials"];
    statements[name] = new StatementLog();
    const database = await openSeededDatabase(name, statements[name]);
    closers.push(() => database.close());
    const schema = await definition.buildSchema();
    contexts[name] = () => definition.createContext(database.db as never, undefined);
    sources[name] = new InProcessDataSource(schema, contexts[name]);
  }
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.url])) as Record<ServiceName, string>;
  const { apollo } = await createGatewayServer({
    subgraphUrls: urls,
    buildService: ({ name }) => sources[name as ServiceName],
  });
  return {
    statements,
    sources,
    context: (name) => contexts[name]() as never,
    async query(query, variables) {
      return singleResult(await apollo.executeOperation({ query, variables }));
    },
    resetCounters() {
      for (const name of Object.keys(sources) as ServiceName[]) {
        sources[name].fetches = 0;
        statements[name].reset();
      }
    },
    async close() {
      await apollo.stop();
      for (const close of closers) await close();
    },
  };
}
