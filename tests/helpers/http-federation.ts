import { createGatewayServer, type GatewayOptions } from "@newsfed/gateway";
import { closeGracefully, listen } from "@newsfed/kit/http";
import { DEVELOPMENT_GATEWAY_SECRET } from "@newsfed/kit/identity";
import { createSubgraphServer, type FederationClient, httpFederationClient } from "@newsfed/kit/subgraph";
import { openSeededDatabases, StatementLog } from "./databases.js";
import { SUBGRAPH_DEFINITIONS, type ServiceName } from "./subgraph-definitions.js";

export interface HttpFederation {
  /** The gateway's base URL (`${url}/graphql` is the API), on a free port of 127.0.0.1. */
  url: string;
  subgraphUrls: Record<ServiceName, string>;
  statements: Record<ServiceName, StatementLog>;
  close(): Promise<void>;
}

/**
 * The production shape without processes: the three subgraphs' HTTP servers and the gateway's HTTP server (real
 * RemoteGraphQLDataSource transport, real HTTP handling, body limit, CSRF, content types), each on port 0, over a
 * fresh seeded database copy. Subgraphs read the federation through the gateway over HTTP, as they do in production.
 */
export async function startHttpFederation(gatewayOptions: Partial<GatewayOptions> = {}): Promise<HttpFederation> {
  const names = Object.keys(SUBGRAPH_DEFINITIONS) as ServiceName[];
  const statements = Object.fromEntries(names.map((name) => [name, new StatementLog()])) as Record<ServiceName, StatementLog>;
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => undefined);
  };
  try {
    const opened = await openSeededDatabases(names, statements);
    closers.push(() => opened.close());
    let gatewayClient: FederationClient = async () => {
      throw new Error("gateway not started yet");
    };
    const federation: FederationClient = (query, variables) => gatewayClient(query, variables);
    const subgraphUrls = {} as Record<ServiceName, string>;
    for (const name of names) {
      const definition = SUBGRAPH_DEFINITIONS[name] as (typeof SUBGRAPH_DEFINITIONS)["officials"];
      const subgraph = await createSubgraphServer(definition, opened.databases[name].db as never, {
        sharedSecret: DEVELOPMENT_GATEWAY_SECRET,
        federation,
      });
      closers.push(() => subgraph.apollo.stop());
      subgraphUrls[name] = `${await listen(subgraph.http, 0)}/graphql`;
      closers.push(() => closeGracefully(subgraph.http));
    }
    const gateway = await createGatewayServer({ ...gatewayOptions, subgraphUrls });
    closers.push(() => gateway.apollo.stop());
    const url = await listen(gateway.http, 0);
    closers.push(() => closeGracefully(gateway.http));
    gatewayClient = httpFederationClient(`${url}/graphql`, 30_000);
    return { url, subgraphUrls, statements, close };
  } catch (error) {
    await close();
    throw error;
  }
}
