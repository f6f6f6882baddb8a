import { z } from "zod";
import {
  flag,
  isDevelopmentEnv,
  isLoopbackHost,
  MIN_SECRET_BYTES,
  optionalString,
  parseConfig,
  port,
  shutdownTimeout,
} from "../config.js";
import { DEFAULT_STATEMENT_TIMEOUT_MS } from "../db/database.js";
import { DEVELOPMENT_GATEWAY_SECRET } from "../identity.js";
import { subgraphNamed } from "../services.js";

/** A subgraph's settings from its environment, parsed once at start-up. */
export function subgraphConfigSchema(service: string) {
  const entry = subgraphNamed(service);
  return z
    .object({
      [entry.portEnv]: port(entry.defaultPort),
      HOST: z.string().default("127.0.0.1"),
      DATABASE_URL: optionalString(),
      [entry.databaseUrlEnv]: optionalString(),
      DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
      DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(DEFAULT_STATEMENT_TIMEOUT_MS),
      SHUTDOWN_TIMEOUT_MS: shutdownTimeout(),
      SEED: z.enum(["true", "false"]).default("true"),
      CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(5),
      GATEWAY_URL: z.string().url().default("http://localhost:4000/graphql"),
      GATEWAY_SHARED_SECRET: z.string().min(16).default(DEVELOPMENT_GATEWAY_SECRET),
      NODE_ENV: z.string().optional(),
      METRICS_ENABLED: flag(),
    })
    .superRefine((env, ctx) => {
      // Same rule as the gateway: development (NODE_ENV unset, `development` or `test`) on loopback, or strict.
      const development = isDevelopmentEnv(env.NODE_ENV as string | undefined);
      if (development && isLoopbackHost(env.HOST as string)) return;
      const where = development ? `listening on ${env.HOST as string}` : `NODE_ENV=${env.NODE_ENV as string}`;
      const secret = env.GATEWAY_SHARED_SECRET as string;
      if (secret === DEVELOPMENT_GATEWAY_SECRET || Buffer.byteLength(secret, "utf8") < MIN_SECRET_BYTES) {
        ctx.addIssue({
          code: "custom",
          path: ["GATEWAY_SHARED_SECRET"],
          message: `${where} needs its own GATEWAY_SHARED_SECRET of at least ${MIN_SECRET_BYTES} bytes (the development secret is public)`,
        });
      }
    })
    .refine((env) => env[entry.databaseUrlEnv] !== undefined || env.DATABASE_URL !== undefined, {
      message: `no database: set ${entry.databaseUrlEnv} or DATABASE_URL (\`pnpm start\` sets it)`,
      path: [entry.databaseUrlEnv],
    })
    .transform((env) => ({
      port: env[entry.portEnv] as number,
      host: env.HOST as string,
      databaseUrl: (env[entry.databaseUrlEnv] ?? env.DATABASE_URL) as string,
      poolSize: env.DATABASE_POOL_SIZE as number,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS as number,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS as number,
      seed: env.SEED === "true",
      cacheMaxAgeSeconds: env.CACHE_MAX_AGE_SECONDS as number,
      gatewayUrl: env.GATEWAY_URL as string,
      sharedSecret: env.GATEWAY_SHARED_SECRET as string,
      /** GET /metrics: on in development, off in production unless METRICS_ENABLED (subgraphs belong on a private network). */
      metrics: (env.METRICS_ENABLED as boolean | undefined) ?? isDevelopmentEnv(env.NODE_ENV as string | undefined),
    }));
}

export type SubgraphConfig = z.infer<ReturnType<typeof subgraphConfigSchema>>;

export const loadSubgraphConfig = (service: string, env: NodeJS.ProcessEnv = process.env): SubgraphConfig =>
  parseConfig(service, subgraphConfigSchema(service), env);
