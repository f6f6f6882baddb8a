import { fileURLToPath } from "node:url";
import { z } from "zod";
import { flag, isDevelopmentEnv, isLoopbackHost, MIN_SECRET_BYTES, optionalString, parseConfig, port } from "../config.js";
import { DEVELOPMENT_GATEWAY_SECRET } from "../identity.js";
import { subgraphNamed } from "../services.js";

/** The repository root; the embedded databases live under `<root>/.data` unless DATA_DIR says otherwise. */
export const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** A subgraph's settings from its environment, parsed once at start-up. */
export function subgraphConfigSchema(service: string) {
  const entry = subgraphNamed(service);
  return z
    .object({
      [entry.portEnv]: port(entry.defaultPort),
      HOST: z.string().default("127.0.0.1"),
      DATABASE_URL: optionalString(),
      [entry.databaseUrlEnv]: optionalString(),
      DATA_DIR: z.string().default(`${REPO_ROOT}.data`),
      DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
      SEED: z.enum(["true", "false"]).default("true"),
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
    .transform((env) => ({
      port: env[entry.portEnv] as number,
      host: env.HOST as string,
      databaseUrl: (env[entry.databaseUrlEnv] ?? env.DATABASE_URL) as string | undefined,
      dataDir: `${env.DATA_DIR as string}/${service}`,
      poolSize: env.DATABASE_POOL_SIZE as number,
      seed: env.SEED === "true",
      gatewayUrl: env.GATEWAY_URL as string,
      sharedSecret: env.GATEWAY_SHARED_SECRET as string,
      /** GET /metrics: on in development, off in production unless METRICS_ENABLED (subgraphs belong on a private network). */
      metrics: (env.METRICS_ENABLED as boolean | undefined) ?? isDevelopmentEnv(env.NODE_ENV as string | undefined),
    }));
}

export type SubgraphConfig = z.infer<ReturnType<typeof subgraphConfigSchema>>;

export const loadSubgraphConfig = (service: string, env: NodeJS.ProcessEnv = process.env): SubgraphConfig =>
  parseConfig(service, subgraphConfigSchema(service), env);
