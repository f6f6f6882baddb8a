/** The PostgreSQL error behind a driver or drizzle error (drizzle wraps it as `cause`). */
const pgErrorOf = (error: unknown): { code?: string; constraint?: string; message?: string } | undefined => {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  return cause && typeof cause === "object" ? (cause as { code?: string; constraint?: string }) : undefined;
};

/** A unique violation (23505) on the named index or constraint. */
export function isUniqueViolation(error: unknown, index: string): boolean {
  const pg = pgErrorOf(error);
  return pg?.code === "23505" && (pg.constraint === index || String(pg.message ?? "").includes(index));
}

/** SQLSTATE class 22 (data exception): a value PostgreSQL could not read, e.g. a tampered cursor's 2024-02-30. */
export function isDataException(error: unknown): boolean {
  const code = pgErrorOf(error)?.code;
  return typeof code === "string" && code.startsWith("22");
}

/** SQLSTATE class 23 (integrity constraint violation) or 22 (data exception): the data, not the database, is at fault. */
export function isConstraintOrDataError(error: unknown): boolean {
  const code = pgErrorOf(error)?.code;
  return typeof code === "string" && (code.startsWith("23") || code.startsWith("22"));
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, recovering), 53300 too many
// connections; class 08: connection exceptions.
const UNREACHABLE_STATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// 57014 query_canceled: the statement timeout (or a cancelled request).
const TIMEOUT_STATE = "57014";
const DRIVER_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Connection ended/i;

/**
 * Why the database could not serve a statement, when that is the reason: "unreachable" (down, restarting,
 * recovering, out of connections, the connection lost) or "timeout" (the statement timeout cancelled it). Either
 * makes the service unavailable for now, which is no bug. Looks through drizzle's and graphql's wrappers (`cause`,
 * `originalError`).
 */
export function databaseUnavailability(error: unknown): "unreachable" | "timeout" | undefined {
  for (let current = error, hops = 0; current && typeof current === "object" && hops < 6; hops++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (code === TIMEOUT_STATE) return "timeout";
    if (typeof code === "string" && (NETWORK_CODES.has(code) || UNREACHABLE_STATES.has(code) || code.startsWith("08")))
      return "unreachable";
    if (code === undefined && typeof message === "string" && DRIVER_MESSAGES.test(message)) return "unreachable";
    const wrapper = current as { cause?: unknown; originalError?: unknown };
    current = wrapper.cause ?? wrapper.originalError;
  }
  return undefined;
}
