import { stackProcesses } from "../../scripts/process-table.js";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { cpuSeconds, memoryOf, type Ports, sleep, spawnLogged, waitFor } from "./processes.js";

export const START_COMMAND = ["npx", "-y", "pnpm@12.4.2", "start"] as const;

export interface StackMemory {
  rss: number;
  pss: number;
  processes: number;
  launcher: { rss: number; pss: number; processes: number };
}

/** npx, pnpm, and the shell pnpm runs a script in: how the stack is launched, not part of it. */
const LAUNCHER = /^(npm exec |npx |pnpm |sh -c 'pnpm'|node \S*(npx|pnpm)\S* )/;

export interface Stack {
  name: string;
  dataDir: string;
  ports: Record<"gateway" | "articles" | "officials" | "policy", number>;
  url(service: "gateway" | "articles" | "officials" | "policy"): string;
  /** Every process of the stack: npx and pnpm, the supervisor, the services, PostgreSQL. */
  processes(): { pid: number; command: string }[];
  pidOf(service: "gateway" | "articles" | "officials" | "policy"): number;
  /** PostgreSQL's processes: the server (postmaster) and its children. */
  postgresProcesses(): { pid: number; command: string }[];
  /**
   * The stack's memory: PostgreSQL, the subgraphs, the gateway and the supervisor. The launcher the README's command
   * goes through (npx, pnpm and its shell: ~160 MiB RSS, gone when the supervisor is started with node directly) is
   * reported apart.
   */
  memory(): StackMemory;
  stop(): Promise<void>;
}

/**
 * The README's start command on the given ports with a fresh DATA_DIR, in its own process group; its output goes to
 * `log`. Its processes carry a marker in their environment (PostgreSQL's are found by their working directory).
 */
export async function startStack(
  name: string,
  root: string,
  ports: Ports,
  log: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), `newsfed-bench-${name}-`));
  chmodSync(dataDir, 0o755); // the embedded server runs as OS user postgres when this runs as root
  const stackPorts = {
    gateway: await ports.take(),
    articles: await ports.take(),
    officials: await ports.take(),
    policy: await ports.take(),
  };
  const marker = `NEWSFED_BENCH_STACK=${randomBytes(6).toString("hex")}`;
  const [key, value] = marker.split("=") as [string, string];
  const started = spawnLogged(START_COMMAND[0], START_COMMAND.slice(1), {
    cwd: root,
    log,
    env: {
      ...process.env,
      [key]: value,
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(stackPorts.gateway),
      ARTICLES_PORT: String(stackPorts.articles),
      OFFICIALS_PORT: String(stackPorts.officials),
      POLICY_PORT: String(stackPorts.policy),
      EMBEDDED_POSTGRES_PORT: String(await ports.take()),
      ...env,
    },
  });
  let exited = false;
  void started.exited.then(() => (exited = true));
  const postgresDir = join(dataDir, "postgres");
  const processes = () => stackProcesses(marker, postgresDir);
  const pidOf = (service: string) => {
    const entry = service === "gateway" ? "gateway/dist/main.js" : `subgraphs/${service}/dist/main.js`;
    const found = processes().find((p) => p.command.includes(entry) && !p.command.startsWith("npx"));
    if (!found) throw new Error(`${name}: no ${service} process`);
    return found.pid;
  };
  const stack: Stack = {
    name,
    dataDir,
    ports: stackPorts,
    url: (service) => `http://127.0.0.1:${stackPorts[service]}/graphql`,
    processes,
    pidOf,
    // The server (…/bin/postgres -D …) and its children (titled "postgres: …").
    postgresProcesses: () => processes().filter((p) => /\/bin\/postgres |^postgres:/.test(p.command)),
    memory() {
      const sum = (list: { pid: number }[]) => ({
        ...list.map((p) => memoryOf(p.pid)).reduce((a, b) => ({ rss: a.rss + b.rss, pss: a.pss + b.pss }), { rss: 0, pss: 0 }),
        processes: list.length,
      });
      const all = processes();
      return {
        ...sum(all.filter((p) => !LAUNCHER.test(p.command))),
        launcher: sum(all.filter((p) => LAUNCHER.test(p.command))),
      };
    },
    async stop() {
      try {
        process.kill(-started.child.pid!, "SIGTERM");
      } catch {
        // gone already
      }
      await waitFor(`${name} stopped`, () => processes().length === 0, 60_000).catch(async () => {
        for (const p of processes()) process.kill(p.pid, "SIGKILL");
        await sleep(500);
      });
      started.log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitFor(
      `${name}: the start command's ready line`,
      () => readFileSync(log, "utf8").includes("Federation ready"),
      300_000,
      () => (exited ? `the start command exited; see ${log}` : undefined),
    );
  } catch (error) {
    await stack.stop();
    throw error;
  }
  return stack;
}

/** `pnpm dataset --articles N` into a stack (the compiled script the start command built). */
export function loadDataset(root: string, stack: Stack, articles: number): string {
  return execFileSync(process.execPath, [join(root, "scripts/dist/dataset.js"), "--articles", String(articles)], {
    cwd: root,
    env: { ...process.env, DATA_DIR: stack.dataDir },
    encoding: "utf8",
    timeout: 600_000,
  });
}

/** CPU seconds so far of a stack's groups of processes. */
export function stackCpu(stack: Stack): { subgraphs: number; postgres: number } {
  const subgraphs = (["articles", "officials", "policy"] as const).reduce((sum, s) => sum + cpuSeconds(stack.pidOf(s)), 0);
  // Every server process, plus (counted by the postmaster, their parent) the backends that have ended.
  // The postmaster is the server binary itself (`…/bin/postgres -D …`): not the lowest pid once pids wrap around.
  const servers = stack.postgresProcesses();
  const postmaster = servers.find((p) => /\/bin\/postgres /.test(p.command))?.pid;
  const postgres = servers.reduce((sum, { pid }) => sum + cpuSeconds(pid, pid === postmaster), 0);
  return { subgraphs, postgres };
}
