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
