import { stackProcesses } from "../../scripts/process-table.js";
import { SERVICE_NODE_FLAGS } from "../../scripts/supervisor/service-process.js";
import { randomBytes } from "node:crypto";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Stack } from "./stack.js";
import { type Ports, sleep, spawnLogged, waitFor } from "./processes.js";

export interface Gateway {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function started(what: string, marker: string, handle: ReturnType<typeof spawnLogged>, readyUrl: string): Promise<Gateway> {
  let exited = false;
  void handle.exited.then(() => (exited = true));
  const stop = async () => {
    try {
      process.kill(-handle.child.pid!, "SIGTERM");
    } catch {
      // gone already
    }
    await waitFor(`${what} stopped`, () => stackProcesses(marker).length === 0, 20_000).catch(async () => {
      for (const p of stackProcesses(marker)) process.kill(p.pid, "SIGKILL");
      await sleep(300);
    });
    handle.log.end();
  };
  try {
    await waitFor(
      what,
      async () => (await fetch(readyUrl, { signal: AbortSignal.timeout(2000) })).ok,
      120_000,
      () => (exited ? "exited before it was ready" : undefined),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  // The serving process: the one node process of the group that listens (Hive runs one worker with --fork 1).
  const nodes = stackProcesses(marker).filter((p) => /(^|\/)node /.test(p.command) || p.command.startsWith("node"));
  const pid = nodes.at(-1)?.pid ?? handle.child.pid!;
  return { url: readyUrl.replace(/\/(health\/ready|readiness)$/, "/graphql"), pid, stop };
}

/** Another of our gateways over a stack's subgraphs (e.g. with RESPONSE_CACHE=false), as `pnpm start` runs it. */
export async function startOurGateway(root: string, stack: Stack, ports: Ports, log: string, env: NodeJS.ProcessEnv) {
  const port = await ports.take();
  const marker = `NEWSFED_BENCH_GATEWAY=${randomBytes(6).toString("hex")}`;
  const [key, value] = marker.split("=") as [string, string];
  const handle = spawnLogged(process.execPath, [...SERVICE_NODE_FLAGS, join(root, "gateway/dist/main.js")], {
    cwd: root,
    log,
    env: {
      ...process.env,
      [key]: value,
      GATEWAY_PORT: String(port),
      HOST: "127.0.0.1",
      ARTICLES_URL: stack.url("articles"),
      OFFICIALS_URL: stack.url("officials"),
      POLICY_URL: stack.url("policy"),
      ...env,
    },
  });
  return started(`our gateway (${JSON.stringify(env)})`, marker, handle, `http://127.0.0.1:${port}/health/ready`);
}

const BENCH = resolve(fileURLToPath(new URL("..", import.meta.url)));

/**
 * Hive Gateway 2.15.1 (`@graphql-hive/gateway`, a dependency of this package only) in production mode, serving the
 * committed supergraph with the stack's subgraph URLs; `dedupe: false` turns off its in-flight deduplication.
 */
export async function startHive(root: string, stack: Stack, ports: Ports, log: string, dedupe: boolean) {
  const port = await ports.take();
  const marker = `NEWSFED_BENCH_HIVE=${randomBytes(6).toString("hex")}`;
  const [key, value] = marker.split("=") as [string, string];
  const bin = join(BENCH, "node_modules/@graphql-hive/gateway/dist/bin.js");
  const handle = spawnLogged(
    process.execPath,
    [
      bin,
      "supergraph",
      join(root, "gateway/supergraph.graphql"),
      "-c",
      join(BENCH, "hive.config.mjs"),
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
    ],
    {
      cwd: BENCH,
      log,
      env: {
        ...process.env,
        [key]: value,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        HIVE_ARTICLES_URL: stack.url("articles"),
        HIVE_OFFICIALS_URL: stack.url("officials"),
        HIVE_POLICY_URL: stack.url("policy"),
        HIVE_DEDUPE: String(dedupe),
      },
    },
  );
  return started(`Hive Gateway (dedupe ${dedupe ? "on" : "off"})`, marker, handle, `http://127.0.0.1:${port}/readiness`);
}
