import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { createGatewayServer } from "@newsfed/gateway";
import { composedUrl, SUBGRAPHS } from "@newsfed/kit/services";
import type { ApolloServer, BaseContext } from "@apollo/server";
import {
  DEVELOPMENT_GATEWAY_SECRET,
  GATEWAY_AUDIENCE,
  IDENTITY_HEADER,
  signIdentity,
  verifyIdentity,
} from "@newsfed/kit/identity";
import { createSubgraphServer, type FederationClient, type RequestRuntime } from "@newsfed/kit/subgraph";
import { openSeededDatabases, StatementLog } from "./databases.js";
import { type GraphQLResult, singleResult } from "./results.js";
import { SUBGRAPH_DEFINITIONS, type ServiceName } from "./subgraph-definitions.js";

/**
 * Runs a gateway fetch against a subgraph schema in-process, with a fresh per-request context like HTTP would,
 * and the identity taken from the signed header the gateway attached (verified exactly as a subgraph server does).
 */
class InProcessDataSource implements GraphQLDataSource {
  fetches = 0;
  failing = false;
  /** Fails only the fetches whose operation this returns true for (a fault in the middle of a multi-step write). */
  failIf: ((query: string) => boolean) | null = null;
  constructor(
    private readonly service: string,
    private readonly apollo: ApolloServer<BaseContext>,
    private readonly createContext: (runtime: RequestRuntime) => unknown,
    private readonly federation: FederationClient,
  ) {}

  async process({ request }: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    this.fetches += 1;
    if (this.failing || this.failIf?.(request.query ?? "")) throw new Error("connect ECONNREFUSED (subgraph down for this test)");
    const identity = verifyIdentity(
      request.http?.headers.get(IDENTITY_HEADER) ?? undefined,
      DEVELOPMENT_GATEWAY_SECRET,
      this.service,
    );
    // The subgraph's own Apollo server (same plugins and error masking as over HTTP), minus the socket.
    const response = await this.apollo.executeOperation(
      { query: request.query!, variables: request.variables, operationName: request.operationName },
      { contextValue: this.createContext({ identity, federation: this.federation }) as BaseContext },
    );
    return singleResult(response) as GatewayGraphQLResponse;
  }
}

export interface QueryOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as the `x-newsfed-identity` header: a subgraph's delegated identity (signed for the gateway). */
  identityHeader?: string;
}

export interface TestFederation {
  query<TData = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: QueryOptions,
  ): Promise<GraphQLResult<TData>>;
  statements: Record<ServiceName, StatementLog>;
  /** A fresh request context of a subgraph, acting as `identity`: its services, for fixtures written the way the API does. */
  context<TName extends ServiceName>(
    name: TName,
    runtime?: Partial<RequestRuntime>,
  ): ReturnType<(typeof SUBGRAPH_DEFINITIONS)[TName]["createContext"]>;
  /** Loads a subgraph's committed seed again, as a restart does. */
  reseed(name: ServiceName): Promise<void>;
  /** Raw SQL on a subgraph's database, for tests that inject database-level faults. */
  sql(name: ServiceName, statement: unknown): Promise<unknown>;
  sources: Record<ServiceName, InProcessDataSource>;
  resetCounters(): void;
  close(): Promise<void>;
}

/** The real gateway (committed supergraph, real query planner, real auth) over the three subgraphs in-process: no ports. */
export async function startFederation(): Promise<TestFederation> {
  const statements = {} as Record<ServiceName, StatementLog>;
  const sources = {} as Record<ServiceName, InProcessDataSource>;
  const closers: (() => Promise<void>)[] = [];
  const contexts = {} as Record<ServiceName, (runtime: RequestRuntime) => unknown>;
  const databases = {} as Record<ServiceName, { execute(statement: unknown): Promise<unknown> }>;
  // Subgraphs reach other subgraphs' entities through the gateway, as over HTTP: anonymously, or on behalf of their
  // caller with the identity signed for the gateway (delegation), exactly as httpFederationClient sends it.
  let gatewayQuery: FederationClient = async () => {
    throw new Error("gateway not started yet");
  };
  const federation: FederationClient = (query, variables, call) =>
    gatewayQuery(query, variables, call?.identity ? { identity: call.identity } : undefined);
  const names = Object.keys(SUBGRAPH_DEFINITIONS) as ServiceName[];
  for (const name of names) statements[name] = new StatementLog();
  const opened = await openSeededDatabases(names, statements);
  for (const name of names) {
    const definition = SUBGRAPH_DEFINITIONS[name] as (typeof SUBGRAPH_DEFINITIONS)["officials"];
    const database = opened.databases[name];
    databases[name] = database.db as never;
    const { apollo } = await createSubgraphServer(definition, database.db as never, {
      sharedSecret: DEVELOPMENT_GATEWAY_SECRET,
      federation,
    });
    closers.push(() => apollo.stop());
    contexts[name] = (runtime) => definition.createContext(database.db as never, runtime);
    sources[name] = new InProcessDataSource(name, apollo as never, contexts[name], federation);
  }
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, composedUrl(s)])) as Record<ServiceName, string>;
  const { apollo, contextFor } = await createGatewayServer({
    subgraphUrls: urls,
    buildService: ({ name }) => sources[name as ServiceName],
  });
  const run = async (query: string, variables?: Record<string, unknown>, options: QueryOptions = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.identityHeader) headers[IDENTITY_HEADER] = options.identityHeader;
    const contextValue = await contextFor({ headers } as never);
    return singleResult<any>(await apollo.executeOperation({ query, variables }, { contextValue }));
  };
  gatewayQuery = (query, variables, call) =>
    run(
      query,
      variables,
      call?.identity ? { identityHeader: signIdentity(call.identity, DEVELOPMENT_GATEWAY_SECRET, GATEWAY_AUDIENCE) } : {},
    ) as never;
  return {
    statements,
    sources,
    query: run,
    context: (name, runtime) => contexts[name]({ identity: null, federation, ...runtime }) as never,
    sql: async (name, statement) => databases[name].execute(statement),
    reseed: (name) => SUBGRAPH_DEFINITIONS[name].seed(databases[name] as never),
    resetCounters() {
      for (const name of Object.keys(sources) as ServiceName[]) {
        sources[name].fetches = 0;
        statements[name].reset();
      }
    },
    async close() {
      await apollo.stop();
      for (const close of closers) await close();
      await opened.close();
    },
  };
}
