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

/**
 * Development (relaxed defaults, public development secrets allowed on loopback) only when NODE_ENV says exactly
 * `development` or `test`, or is unset (the zero-config start). Anything else — `production`, `prod`, `Production`,
 * `staging` — is held to production rules: a misspelling must fail safe.
 */
export const isDevelopmentEnv = (nodeEnv: string | undefined): boolean =>
  nodeEnv === undefined || nodeEnv === "" || nodeEnv === "development" || nodeEnv === "test";

/** Secrets shorter than this (in bytes) are refused outside development: an HMAC key should be at least 256 bits. */
export const MIN_SECRET_BYTES = 32;

/** An on/off setting whose default depends on the environment (`true`/`false`, also `1`/`0`, `on`/`off`, `yes`/`no`). */
export const flag = () =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = value?.trim().toLowerCase();
      if (text === undefined || text === "") return undefined;
      if (["true", "1", "on", "yes"].includes(text)) return true;
      if (["false", "0", "off", "no"].includes(text)) return false;
      ctx.addIssue({ code: "custom", message: `expected true or false, got "${value}"` });
      return z.NEVER;
    });

/** A duration in seconds from `3600`, `90s`, `15m`, `24h` or `7d`. */
export const duration = () =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = value?.trim();
      if (text === undefined || text === "") return undefined;
      const match = /^(\d+)\s*(s|m|h|d)?$/.exec(text);
      if (!match || Number(match[1]) <= 0) {
        ctx.addIssue({ code: "custom", message: `expected a duration such as 3600, 15m, 24h or 7d, got "${value}"` });
        return z.NEVER;
      }
      return Number(match[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[(match[2] ?? "s") as "s" | "m" | "h" | "d"];
    });
