import { resolve } from "node:path";
import { optionalString, parseConfig, port, shutdownTimeout } from "@newsfed/kit/config";
import { GATEWAY, SUBGRAPHS, type SubgraphName } from "@newsfed/kit/services";
import { z } from "zod";

/** What `pnpm start` reads from its environment (everything else passes through to the services). */
export function loadSettings(root: string, env: NodeJS.ProcessEnv = process.env) {
  const schema = z
    .object({
      HOST: z.string().default("127.0.0.1"),
      [GATEWAY.portEnv]: port(GATEWAY.defaultPort),
      ...Object.fromEntries(SUBGRAPHS.map((service) => [service.portEnv, port(service.defaultPort)])),
      ...Object.fromEntries(SUBGRAPHS.map((service) => [service.databaseUrlEnv, optionalString()])),
      DATABASE_URL: optionalString(),
      DATA_DIR: z.string().default(resolve(root, ".data")),
      EMBEDDED_POSTGRES_PORT: port(0),
      EMBEDDED_POSTGRES_SHARED_BUFFERS: z
        .string()
        .regex(/^\d+(kB|MB|GB)$/, "a size such as 128MB")
        .optional(),
      SHUTDOWN_TIMEOUT_MS: shutdownTimeout(),
    })
    .transform((values) => {
      const read = values as Record<string, unknown>;
      const host = values.HOST;
      // Where this machine reaches a service listening on HOST (any interface → loopback).
      const reachHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
      return {
        host,
        reachHost,
        gatewayPort: read[GATEWAY.portEnv] as number,
        subgraphPorts: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, read[s.portEnv] as number])) as Record<
          SubgraphName,
          number
        >,
        /** A server chosen for a subgraph (its own variable, else DATABASE_URL); undefined: the embedded one. */
        databaseUrls: Object.fromEntries(
          SUBGRAPHS.map((s) => [s.name, (read[s.databaseUrlEnv] as string | undefined) ?? values.DATABASE_URL]),
        ) as Record<SubgraphName, string | undefined>,
        dataDir: resolve(values.DATA_DIR),
        embeddedPostgresPort: values.EMBEDDED_POSTGRES_PORT || undefined,
        embeddedPostgresSharedBuffers: values.EMBEDDED_POSTGRES_SHARED_BUFFERS,
        shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
      };
    });
  return parseConfig("start", schema, env);
}

export type Settings = ReturnType<typeof loadSettings>;
