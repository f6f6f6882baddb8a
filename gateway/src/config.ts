import { optionalString, parseConfig, port } from "@newsfed/kit";
import { z } from "zod";
import { SUBGRAPHS, type SubgraphName } from "./subgraph-list.js";

const schema = z
  .object({
    GATEWAY_PORT: port(4000),
    HOST: z.string().default("127.0.0.1"),
    ARTICLES_URL: optionalString(),
    OFFICIALS_URL: optionalString(),
    POLICY_URL: optionalString(),
    INTROSPECTION: z.enum(["true", "false"]).default("true"),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  })
  .transform((env) => ({
    port: env.GATEWAY_PORT,
    host: env.HOST,
    introspection: env.INTROSPECTION === "true",
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    /** Where each subgraph runs: the env override, else the URL composed into the supergraph. */
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, env[s.env] ?? s.url])) as Record<SubgraphName, string>,
  }));

export type GatewayConfig = z.infer<typeof schema>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig => parseConfig("gateway", schema, env);
