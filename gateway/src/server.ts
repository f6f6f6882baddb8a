import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { ApolloGateway, type GraphQLDataSource, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { createGraphQLHttpServer, maskInternalErrors } from "@newsfed/kit";
import { ResilientDataSource } from "./resilient-data-source.js";
import { livenessRoute, readinessRoute } from "./health.js";
import type { SubgraphName } from "./subgraph-list.js";

export const SUPERGRAPH_PATH = new URL("../supergraph.graphql", import.meta.url);
export const API_SCHEMA_PATH = new URL("../schema.graphql", import.meta.url);

export interface GatewayOptions {
  subgraphUrls: Record<SubgraphName, string>;
  introspection?: boolean;
  subgraphTimeoutMs?: number;
  supergraphSdl?: string;
  /** Tests replace the HTTP data sources with in-process ones. */
  buildService?: (definition: { name: string; url?: string }) => GraphQLDataSource;
}

export interface GatewayServer {
  apollo: ApolloServer;
  http: Server;
}

/** Builds the gateway's Apollo server and HTTP server from the committed supergraph; never listens. */
export async function createGatewayServer(options: GatewayOptions): Promise<GatewayServer> {
  const urls: Record<string, string> = options.subgraphUrls;
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl ?? readFileSync(SUPERGRAPH_PATH, "utf8"),
    buildService: (definition) =>
      new ResilientDataSource(
        definition.name,
        options.buildService?.(definition) ??
          new RemoteGraphQLDataSource({
            url: urls[definition.name] ?? definition.url!,
            // A dead or hung subgraph must fail its own fetch (partial data), not hold the whole request.
            fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit),
          }),
      ),
  });
  const apollo = new ApolloServer({
    gateway,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    formatError: maskInternalErrors,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const apiSchema = readFileSync(API_SCHEMA_PATH, "utf8");
  const http = createGraphQLHttpServer({
    apollo,
    context: async () => ({}),
    routes: {
      "GET /health/live": livenessRoute,
      "GET /health/ready": readinessRoute(urls),
      "GET /schema.graphql": (_req, res) => {
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.end(apiSchema);
      },
    },
  });
  return { apollo, http };
}
