import { fileURLToPath } from "node:url";
import { z } from "zod";
import { isLoopbackHost, optionalString, parseConfig, port } from "../config.js";
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
      NODE_ENV: z.string().default("development"),
    })
    .refine(
      (env) =>
        env.GATEWAY_SHARED_SECRET !== DEVELOPMENT_GATEWAY_SECRET ||
        (env.NODE_ENV !== "production" && isLoopbackHost(env.HOST as string)),
      {
        message:
          "production, or listening beyond loopback (HOST), needs its own GATEWAY_SHARED_SECRET (the development secret is public)",
        path: ["GATEWAY_SHARED_SECRET"],
      },
    )
    .transform((env) => ({
      port: env[entry.portEnv] as number,
      host: env.HOST as string,
      databaseUrl: (env[entry.databaseUrlEnv] ?? env.DATABASE_URL) as string | undefined,
      dataDir: `${env.DATA_DIR as string}/${service}`,
      poolSize: env.DATABASE_POOL_SIZE as number,
      seed: env.SEED === "true",
      gatewayUrl: env.GATEWAY_URL as string,
      sharedSecret: env.GATEWAY_SHARED_SECRET as string,
    }));
}

export type SubgraphConfig = z.infer<ReturnType<typeof subgraphConfigSchema>>;

export const loadSubgraphConfig = (service: string, env: NodeJS.ProcessEnv = process.env): SubgraphConfig =>
  parseConfig(service, subgraphConfigSchema(service), env);
