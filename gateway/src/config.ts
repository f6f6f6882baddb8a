import {
  duration,
  flag,
  isDevelopmentEnv,
  isLoopbackHost,
  MIN_SECRET_BYTES,
  optionalString,
  parseConfig,
  port,
  shutdownTimeout,
} from "@newsfed/kit/config";
import { DEVELOPMENT_GATEWAY_SECRET } from "@newsfed/kit/identity";
import { z } from "zod";
import { DEVELOPMENT_JWT_SECRET } from "./auth/tokens.js";
import { DEFAULT_LIMITS } from "./limits/operation-limits.js";
import { composedUrl, GATEWAY, SUBGRAPHS, type SubgraphName } from "@newsfed/kit/services";

/** Token lifetime (`exp` − `iat`) accepted: a day in production; in development the development tokens' 30 days. */
export const MAX_TOKEN_AGE = { production: 24 * 3600, development: 30 * 86_400 };
/** Requests per client per minute in production (0 = off); off in development, so benchmarks measure the engine. */
export const PRODUCTION_RATE_LIMIT = 600;

const limit = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000_000).default(fallback);
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

const schema = z
  .object({
    [GATEWAY.portEnv]: port(GATEWAY.defaultPort),
    HOST: z.string().default("127.0.0.1"),
    NODE_ENV: z.string().optional(),
    ...Object.fromEntries(SUBGRAPHS.map((service) => [service.urlEnv, optionalString()])),
    INTROSPECTION: flag(),
    IDE_ENABLED: flag(),
    METRICS_ENABLED: flag(),
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    // Anonymous reads answered from the gateway's response cache (see response-cache.ts); false turns it off.
    RESPONSE_CACHE: z.enum(["true", "false"]).default("true"),
    RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(5),
    SHUTDOWN_TIMEOUT_MS: shutdownTimeout(),
    SUBGRAPH_DEDUPE: flag(),
    SUBGRAPH_MERGE_FETCHES: flag(),
    JWT_SECRET: optionalString(),
    JWT_JWKS_URL: optionalString(),
    JWT_ISSUER: optionalString(),
    JWT_AUDIENCE: optionalString(),
    JWT_MAX_AGE: duration(),
    GATEWAY_SHARED_SECRET: z.string().min(16).default(DEVELOPMENT_GATEWAY_SECRET),
    // Browser apps on other origins (the example app's Vite dev server by default); `*` allows any.
    CORS_ORIGINS: z.string().default("http://localhost:5173,http://127.0.0.1:5173"),
    OPERATION_MAX_TOKENS: limit(DEFAULT_LIMITS.maxTokens),
    OPERATION_MAX_DEPTH: limit(DEFAULT_LIMITS.maxDepth),
    OPERATION_MAX_ALIASES: limit(DEFAULT_LIMITS.maxAliases),
    OPERATION_MAX_DIRECTIVES: limit(DEFAULT_LIMITS.maxDirectives),
    OPERATION_MAX_COST: limit(DEFAULT_LIMITS.maxCost),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).optional(),
    RATE_LIMIT_EXEMPT: z.string().default(""),
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  })
  .superRefine((env, ctx) => {
    const development = isDevelopmentEnv(env.NODE_ENV);
    // The development secrets are public: fine on a developer's loopback, never in production or on a network.
    if (development && isLoopbackHost(env.HOST)) return;
    const where = development ? `listening on ${env.HOST}` : `NODE_ENV=${env.NODE_ENV}`;
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message: `${where} ${message}` });
    if (env.JWT_JWKS_URL) {
      if (!env.JWT_ISSUER || !env.JWT_AUDIENCE)
        issue(
          env.JWT_ISSUER ? "JWT_AUDIENCE" : "JWT_ISSUER",
          "needs JWT_ISSUER and JWT_AUDIENCE with JWT_JWKS_URL (else any token the provider signs for anyone is accepted)",
        );
    } else if (!env.JWT_SECRET || env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
      issue("JWT_SECRET", "needs JWT_SECRET or JWT_JWKS_URL (the development secret is public)");
    } else if (bytes(env.JWT_SECRET) < MIN_SECRET_BYTES) {
      issue("JWT_SECRET", `needs a JWT_SECRET of at least ${MIN_SECRET_BYTES} bytes`);
    }
    if (env.GATEWAY_SHARED_SECRET === DEVELOPMENT_GATEWAY_SECRET) {
      issue("GATEWAY_SHARED_SECRET", "needs its own GATEWAY_SHARED_SECRET (the development secret is public)");
    } else if (bytes(env.GATEWAY_SHARED_SECRET) < MIN_SECRET_BYTES) {
      issue("GATEWAY_SHARED_SECRET", `needs a GATEWAY_SHARED_SECRET of at least ${MIN_SECRET_BYTES} bytes`);
    }
  })
  .transform((env) => {
    const development = isDevelopmentEnv(env.NODE_ENV);
    return {
      port: env[GATEWAY.portEnv],
      host: env.HOST,
      development,
      /** Off in production unless set: the schema is public (GET /schema.graphql) but introspection need not be. */
      introspection: env.INTROSPECTION ?? development,
      /** The IDE (a 9 MB page) on GET /graphql for browsers. */
      ide: env.IDE_ENABLED ?? development,
      /** A ready-made all-scope token in the IDE: only for a developer on their own machine. */
      ideDevelopmentToken: development && isLoopbackHost(env.HOST),
      /** GET /metrics on the API port; METRICS_PORT serves it on a port of its own (for a private network) instead. */
      metrics: env.METRICS_ENABLED ?? (development && env.METRICS_PORT === undefined),
      metricsPort: env.METRICS_PORT,
      subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      /** Identical in-flight subgraph reads are sent once (on unless SUBGRAPH_DEDUPE=false). */
      subgraphDedupe: env.SUBGRAPH_DEDUPE ?? true,
      /** The reads of one caller waiting for a subgraph at once go as one subgraph request (on unless SUBGRAPH_MERGE_FETCHES=false). */
      subgraphMergeFetches: env.SUBGRAPH_MERGE_FETCHES ?? true,
      /** Anonymous reads answered from the gateway's response cache (off with RESPONSE_CACHE=false). */
      responseCache: env.RESPONSE_CACHE === "true" ? { ttlSeconds: env.RESPONSE_CACHE_TTL_SECONDS } : (false as const),
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
        maxAgeSeconds: env.JWT_MAX_AGE ?? (development ? MAX_TOKEN_AGE.development : MAX_TOKEN_AGE.production),
      },
      sharedSecret: env.GATEWAY_SHARED_SECRET,
      corsOrigins: list(env.CORS_ORIGINS),
      limits: {
        maxTokens: env.OPERATION_MAX_TOKENS,
        maxDepth: env.OPERATION_MAX_DEPTH,
        maxAliases: env.OPERATION_MAX_ALIASES,
        maxDirectives: env.OPERATION_MAX_DIRECTIVES,
        maxCost: env.OPERATION_MAX_COST,
      },
      rateLimit: {
        perMinute: env.RATE_LIMIT_PER_MINUTE ?? (development ? 0 : PRODUCTION_RATE_LIMIT),
        exempt: list(env.RATE_LIMIT_EXEMPT),
        trustedProxies: env.TRUST_PROXY_HOPS,
      },
    };
  });

const list = (text: string) =>
  text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

export type GatewayConfig = z.infer<typeof schema>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig => parseConfig("gateway", schema, env);
