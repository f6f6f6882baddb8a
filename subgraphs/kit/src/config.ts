import { z } from "zod";

/**
 * Parses a service's environment once, at start-up. Every problem is printed at once (not just the first),
 * then the process exits: a misconfigured service must not half-start.
 */
export function parseConfig<T extends z.ZodTypeAny>(
  service: string,
  schema: T,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`${service}: invalid configuration\n${lines.join("\n")}`);
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** A TCP port from the environment, with a default that makes a zero-config start work. */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Listening only on this machine: where the public development secrets are harmless. */
export const isLoopbackHost = (host: string): boolean => host === "localhost" || host === "::1" || host.startsWith("127.");

/** Environment values that are set but empty count as unset, so `FOO=` in a .env file means "default". */
export const optionalString = () =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === "" ? undefined : value));

/** SHUTDOWN_TIMEOUT_MS: how long a service may take to drain and stop before it (or its supervisor) ends it. */
export const shutdownTimeout = () => z.coerce.number().int().min(100).max(600_000).default(10_000);
