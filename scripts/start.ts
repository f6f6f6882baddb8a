/**
 * `pnpm start` (compiled: scripts/dist/start.js): the whole federation on one machine. Starts PostgreSQL (embedded,
 * unless DATABASE_URL or every <SERVICE>_DATABASE_URL names a server), the three subgraphs, waits until each answers
 * its health check, starts the gateway, prints the IDE URL and stays in the foreground. A service that dies is
 * restarted with back-off. SIGINT/SIGTERM stop the gateway, then the subgraphs, then PostgreSQL, each within
 * SHUTDOWN_TIMEOUT_MS (then SIGKILL), so everything is gone within three times that. Services and PostgreSQL also end when this
 * process is killed outright: they watch it (IPC channel; the kernel's parent-death signal for PostgreSQL).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { GATEWAY, SUBGRAPHS, type SubgraphName } from "@newsfed/kit/services";
import { EmbeddedDatabase } from "./supervisor/embedded-database.js";
import { repoRoot } from "./supervisor/repo-root.js";
import { ServiceProcess } from "./supervisor/service-process.js";
import { loadSettings } from "./supervisor/settings.js";

const HEALTH_TIMEOUT_MS = 180_000;
const ROOT = repoRoot();
const say = (message: string) => console.log(`[start] ${message}`);
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error; // whoever read our output is gone; keep stopping cleanly
  });
}

let settings: ReturnType<typeof loadSettings>;
try {
  settings = loadSettings(ROOT);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const entry = (path: string) => {
  const file = join(ROOT, path);
  if (!existsSync(file)) throw new Error(`${path} is missing: build first (pnpm build; pnpm start does it)`);
  return file;
};
const subgraphUrl = (name: SubgraphName) => `http://${settings.reachHost}:${settings.subgraphPorts[name]}`;
const gatewayBase = `http://${settings.reachHost}:${settings.gatewayPort}`;

// The embedded server is for the subgraphs no DATABASE_URL / <SERVICE>_DATABASE_URL points elsewhere.
const embeddedFor = SUBGRAPHS.filter((service) => !settings.databaseUrls[service.name]).map((service) => service.name);
const database = embeddedFor.length
  ? new EmbeddedDatabase({
      dataDir: settings.dataDir,
      port: settings.embeddedPostgresPort,
      sharedBuffers: settings.embeddedPostgresSharedBuffers,
      services: embeddedFor,
      say,
      log: (line) => process.stdout.write(`[postgres] ${line}\n`),
    })
  : undefined;

/**
 * Connections per subgraph on the embedded server unless DATABASE_POOL_SIZE says otherwise: one machine's cores run
 * only so many statements at once, and every idle server connection costs memory (a backend process, ~10–20 MB).
 */
const EMBEDDED_POOL_SIZE = "4";

// Every service gets the environment minus the database URLs meant for the others.
const baseEnv: NodeJS.ProcessEnv = { ...process.env, SHUTDOWN_TIMEOUT_MS: String(settings.shutdownTimeoutMs) };
for (const service of SUBGRAPHS) delete baseEnv[service.databaseUrlEnv];
delete baseEnv.DATABASE_URL;

let subgraphs: ServiceProcess[] = [];
let gateway: ServiceProcess | undefined;
let stopping = false;

async function stop(exitCode: number): Promise<void> {
  // One stop at a time: a signal often arrives twice (from the terminal to the process group, and forwarded by pnpm).
  if (stopping) return;
  stopping = true;
  const deadline = settings.shutdownTimeoutMs;
  say(`stopping: gateway, then subgraphs, then PostgreSQL (each within ${deadline} ms)`);
  await gateway?.stop(deadline);
  say("gateway stopped");
  await Promise.all(subgraphs.map((subgraph) => subgraph.stop(deadline)));
  say("subgraphs stopped");
  await database?.stop(deadline);
  if (database) say("PostgreSQL stopped");
  say(`stopped (exit ${exitCode})`);
  process.exit(exitCode);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop(0));

const started = Date.now();
try {
  say(`supervisor pid ${process.pid}`);
  const embeddedUrls = (await database?.start()) ?? {};
  subgraphs = SUBGRAPHS.map(
    (service) =>
      new ServiceProcess(
        {
          name: service.name,
          entry: entry(`subgraphs/${service.name}/dist/main.js`),
          cwd: ROOT,
          healthUrl: `${subgraphUrl(service.name)}/health`,
          env: {
            ...baseEnv,
            [service.databaseUrlEnv]: settings.databaseUrls[service.name] ?? embeddedUrls[service.name],
            ...(settings.databaseUrls[service.name] || process.env.DATABASE_POOL_SIZE
              ? {}
              : { DATABASE_POOL_SIZE: EMBEDDED_POOL_SIZE }),
            // Subgraphs read facts other subgraphs own (reference checks) through the gateway.
            GATEWAY_URL: process.env.GATEWAY_URL ?? `${gatewayBase}/graphql`,
          },
        },
        say,
      ),
  );
  gateway = new ServiceProcess(
    {
      name: GATEWAY.name,
      entry: entry("gateway/dist/main.js"),
      cwd: ROOT,
      healthUrl: `${gatewayBase}/health/ready`,
      // The gateway reaches each subgraph where this supervisor started it.
      env: {
        ...baseEnv,
        ...Object.fromEntries(
          SUBGRAPHS.map((service) => [service.urlEnv, process.env[service.urlEnv] ?? `${subgraphUrl(service.name)}/graphql`]),
        ),
      },
    },
    say,
  );
  if (stopping) throw new Error("stopping");
  for (const subgraph of subgraphs) subgraph.start();
  await Promise.all(subgraphs.map((subgraph) => subgraph.waitUntilHealthy(HEALTH_TIMEOUT_MS, () => stopping)));
  gateway.start();
  await gateway.waitUntilHealthy(HEALTH_TIMEOUT_MS, () => stopping);
  for (const service of [...subgraphs, gateway]) service.keepAlive();
  console.log(
    `\n  Federation ready in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
      `  IDE and API: http://localhost:${settings.gatewayPort}/graphql\n  Press Ctrl-C to stop.\n`,
  );
} catch (error) {
  if (!stopping) {
    say(`could not start: ${(error as Error).message}`);
    await stop(1);
  }
}
