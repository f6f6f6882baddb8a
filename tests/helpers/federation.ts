import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { createGatewayServer, type GatewayOptions } from "@newsfed/gateway";
import { GraphQLError } from "graphql";
import { composedUrl, SUBGRAPHS } from "@newsfed/kit/services";
import type { ApolloServer, BaseContext } from "@apollo/server";
import {
  DEVELOPMENT_GATEWAY_SECRET,
  GATEWAY_AUDIENCE,
  IDENTITY_HEADER,
  signIdentity,
  verifyIdentity,
} from "@newsfed/kit/identity";
import type { ServiceMetrics } from "@newsfed/kit/observability";
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
  /** While set, fetches are counted and then wait for it: lets a test hold requests in flight. */
  gate: Promise<void> | undefined;
  /** Fails only the fetches whose operation this returns true for (a fault in the middle of a multi-step write). */
  failIf: ((query: string) => boolean) | null = null;
  constructor(
    private readonly service: string,
    private readonly apollo: ApolloServer<BaseContext>,
    private readonly createContext: (runtime: RequestRuntime) => unknown,
    private readonly federation: FederationClient,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    this.fetches += 1;
    if (this.gate) await this.gate;
    if (this.failing || this.failIf?.(request.query ?? "")) throw new Error("connect ECONNREFUSED (subgraph down for this test)");
    const identity = await verifyIdentity(
      request.http?.headers.get(IDENTITY_HEADER) ?? undefined,
      DEVELOPMENT_GATEWAY_SECRET,
      this.service,
    );
    // The subgraph's own Apollo server (same plugins and error masking as over HTTP), minus the socket.
    const response = await this.apollo.executeOperation(
      { query: request.query!, variables: request.variables, operationName: request.operationName },
      { contextValue: this.createContext({ identity, federation: this.federation }) as BaseContext },
    );
    // The subgraph's cache hint restricts the operation's cache policy, as RemoteGraphQLDataSource does over HTTP.
    if ("incomingRequestContext" in options) {
      const maxAge = /max-age=(\d+)/.exec(response.http.headers.get("cache-control") ?? "")?.[1];
      options.incomingRequestContext.overallCachePolicy.restrict({ maxAge: maxAge ? Number(maxAge) : 0 });
    }
    const status = response.http.status ?? 200;
    // As RemoteGraphQLDataSource does over HTTP: a non-2xx answer is thrown, carrying the response.
    if (status >= 300) {
      throw new GraphQLError(`${status}: subgraph refused the request`, {
        extensions: { response: { status, body: singleResult(response) } },
      });
    }
    return singleResult(response) as GatewayGraphQLResponse;
  }
}

export interface QueryOptions {
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  operationName?: string;
  extensions?: Record<string, unknown>;
  /** The client's address, as the HTTP layer would see it (rate limiting). */
  clientAddress?: string;
  /** Sent as the `x-newsfed-identity` header: a subgraph's delegated identity (signed for the gateway). */
  identityHeader?: string;
}

/** A whole answer: HTTP status and headers as the HTTP layer would send them, and the body. */
export interface GatewayAnswer<TData> {
  status: number;
  headers: Map<string, string>;
  body: GraphQLResult<TData>;
}

export interface TestFederation {
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: QueryOptions,
  ): Promise<GraphQLResult<TData>>;
  /** The same, with the HTTP status and headers (in-process: Apollo's HTTP head, no socket). */
  request<TData = Record<string, unknown>>(
    query: string | undefined,
    variables?: Record<string, unknown>,
    options?: QueryOptions,
  ): Promise<GatewayAnswer<TData>>;
  /** The gateway's Prometheus metrics text. */
  metricsText(): Promise<string>;
  statements: Record<ServiceName, StatementLog>;
  /** Each subgraph's database, as its own role (for bulk fixtures such as the synthetic dataset, and EXPLAIN). */
  databaseUrls: Record<ServiceName, string>;
  /** A fresh request context of a subgraph, acting as `identity`: its services, for fixtures written the way the API does. */
  context<TName extends ServiceName>(
    name: TName,
    runtime?: Partial<RequestRuntime>,
  ): ReturnType<(typeof SUBGRAPH_DEFINITIONS)[TName]["createContext"]>;
  /** Loads a subgraph's committed seed again, as a restart does. */
  reseed(name: ServiceName): Promise<void>;
  /** Raw SQL on a subgraph's database, for tests that inject database-level faults. */
  sql(name: ServiceName, statement: unknown): Promise<unknown>;
  /** A subgraph's drizzle database itself (its pool is `$client`), for tests of the database layer. */
  database(name: ServiceName): unknown;
  sources: Record<ServiceName, InProcessDataSource>;
  /** The gateway's Prometheus registry (fetch counters). */
  gatewayMetrics: ServiceMetrics;
  resetCounters(): void;
  close(): Promise<void>;
}

/** The real gateway (committed supergraph, real query planner, real auth) over the three subgraphs in-process: no ports. */
export async function startFederation(gatewayOptions: Partial<GatewayOptions> = {}): Promise<TestFederation> {
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
  const { apollo, contextFor, metrics } = await createGatewayServer({
    ...gatewayOptions,
    subgraphUrls: urls,
    buildService: ({ name }) => sources[name as ServiceName],
  });
  const execute = async (query: string | undefined, variables?: Record<string, unknown>, options: QueryOptions = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.identityHeader) headers[IDENTITY_HEADER] = options.identityHeader;
    const socket = options.clientAddress ? { remoteAddress: options.clientAddress } : undefined;
    const contextValue = await contextFor({ headers, socket } as never);
    const { operationName, extensions } = options;
    return apollo.executeOperation({ query, variables, operationName, extensions } as never, { contextValue });
  };
  const run = async <TData>(query: string, variables?: Record<string, unknown>, options: QueryOptions = {}) =>
    singleResult<TData>(await execute(query, variables, options));
  const request = async <TData>(
    query: string | undefined,
    variables?: Record<string, unknown>,
    options: QueryOptions = {},
  ): Promise<GatewayAnswer<TData>> => {
    const response = await execute(query, variables, options);
    return { status: response.http.status ?? 200, headers: new Map(response.http.headers), body: singleResult<TData>(response) };
  };
  gatewayQuery = async (query, variables, call) =>
    run(
      query,
      variables,
      call?.identity ? { identityHeader: await signIdentity(call.identity, DEVELOPMENT_GATEWAY_SECRET, GATEWAY_AUDIENCE) } : {},
    ) as never;
  return {
    statements,
    databaseUrls: opened.urls,
    sources,
    gatewayMetrics: metrics,
    query: run,
    request,
    metricsText: () => metrics.registry.metrics(),
    context: (name, runtime) => contexts[name]({ identity: null, federation, ...runtime }) as never,
    sql: async (name, statement) => databases[name].execute(statement),
    database: (name) => databases[name],
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
