import { isLoopbackHost, optionalString, parseConfig, port, shutdownTimeout } from "@newsfed/kit/config";
import { DEVELOPMENT_GATEWAY_SECRET } from "@newsfed/kit/identity";
import { z } from "zod";
import { DEVELOPMENT_JWT_SECRET } from "./auth/tokens.js";
import { composedUrl, GATEWAY, SUBGRAPHS, type SubgraphName } from "@newsfed/kit/services";

const schema = z
  .object({
    [GATEWAY.portEnv]: port(GATEWAY.defaultPort),
    HOST: z.string().default("127.0.0.1"),
    NODE_ENV: z.string().default("development"),
    ...Object.fromEntries(SUBGRAPHS.map((service) => [service.urlEnv, optionalString()])),
    INTROSPECTION: z.enum(["true", "false"]).default("true"),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    // Anonymous reads answered from the gateway's response cache (see response-cache.ts); false turns it off.
    RESPONSE_CACHE: z.enum(["true", "false"]).default("true"),
    RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(5),
    SHUTDOWN_TIMEOUT_MS: shutdownTimeout(),
    JWT_SECRET: optionalString(),
    JWT_JWKS_URL: optionalString(),
    JWT_ISSUER: optionalString(),
    JWT_AUDIENCE: optionalString(),
    GATEWAY_SHARED_SECRET: z.string().min(16).default(DEVELOPMENT_GATEWAY_SECRET),
    // Browser apps on other origins (the example app's Vite dev server by default); `*` allows any.
    CORS_ORIGINS: z.string().default("http://localhost:5173,http://127.0.0.1:5173"),
  })
  .superRefine((env, ctx) => {
    // The development secrets are public: fine on a developer's loopback, never in production or on a network.
    if (env.NODE_ENV !== "production" && isLoopbackHost(env.HOST)) return;
    const where = env.NODE_ENV === "production" ? "production" : `listening on ${env.HOST}`;
    if (!env.JWT_JWKS_URL && (!env.JWT_SECRET || env.JWT_SECRET === DEVELOPMENT_JWT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["JWT_SECRET"],
        message: `${where} needs JWT_SECRET or JWT_JWKS_URL (the development secret is public)`,
      });
    }
    if (env.GATEWAY_SHARED_SECRET === DEVELOPMENT_GATEWAY_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["GATEWAY_SHARED_SECRET"],
        message: `${where} needs its own GATEWAY_SHARED_SECRET (the development secret is public)`,
      });
    }
  })
  .transform((env) => ({
    port: env[GATEWAY.portEnv],
    host: env.HOST,
    introspection: env.INTROSPECTION === "true",
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    responseCache: env.RESPONSE_CACHE === "true" ? { ttlSeconds: env.RESPONSE_CACHE_TTL_SECONDS } : (false as const),
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    /** Where each subgraph runs: the env override, else the URL composed into the supergraph. */
    subgraphUrls: Object.fromEntries(
      SUBGRAPHS.map((service) => [
        service.name,
        (env as unknown as Record<string, string | undefined>)[service.urlEnv] ?? composedUrl(service),
      ]),
    ) as Record<SubgraphName, string>,
    auth: {
      secret: env.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
      jwksUrl: env.JWT_JWKS_URL,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
    },
    sharedSecret: env.GATEWAY_SHARED_SECRET,
    corsOrigins: env.CORS_ORIGINS.split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  }));

export type GatewayConfig = z.infer<typeof schema>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig => parseConfig("gateway", schema, env);
