import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type StackProcess, stackProcesses } from "../process-table.js";
import { repoRoot } from "../supervisor/repo-root.js";

// A whole stack started with the README's start command, for the fault scripts (durability, soak): free ports, a
// fresh DATA_DIR, its own process group; every process found from the process tree by a marker in its environment
// (PostgreSQL's, whose titles overwrite it, by their working directory in DATA_DIR).

export const ROOT = repoRoot();
/** The README's start command. */
export const START_COMMAND = ["npx", "-y", "pnpm@12.4.2", "start"] as const;
export const SERVICES = ["gateway", "articles", "officials", "policy"] as const;
export type Service = (typeof SERVICES)[number];
export type KillTarget = Exclude<Service, "gateway"> | "postgres";

/** A port nobody listens on right now: the OS picks one, or the first free one from `from` on. */
export async function freePort(from?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = createServer();
      server.unref();
      server.once("error", () => resolve(undefined));
      server.listen(port, "127.0.0.1", () => {
        const { port: chosen } = server.address() as { port: number };
        server.close(() => resolve(chosen));
      });
    });
  if (from === undefined) return (await tryPort(0))!;
  for (let port = from; port < from + 200; port++) if (await tryPort(port)) return port;
  throw new Error(`no free port in ${from}–${from + 199}`);
}

export type ProcessInfo = StackProcess;

export interface StackOptions {
  /** Ports from here on (gateway, articles, officials, policy, PostgreSQL); default: any free ports. */
  basePort?: number;
  env?: Record<string, string>;
  /** Called with every line the stack prints. */
  onLine?: (line: string) => void;
}

export interface Stack {
  gatewayUrl: string;
  dataDir: string;
  ports: Record<Service | "postgres", number>;
  /** Seconds from the start command to "Federation ready". */
  readySeconds: number;
  output(): string;
  processes(): ProcessInfo[];
  /** The current process of a service, or PostgreSQL's postmaster. */
  pidOf(target: Service | "postgres"): number | undefined;
  /** Every PostgreSQL process (postmaster and its children). */
  postgresProcesses(): ProcessInfo[];
  supervisorPid(): number | undefined;
  /** SIGTERM to the start command's process group; SIGKILL to whatever is left after the deadline. Removes DATA_DIR. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const base = options.basePort;
  const ports = {} as Record<Service | "postgres", number>;
  let next = base;
  for (const name of [...SERVICES, "postgres"] as const) {
    ports[name] = await freePort(next);
    if (next !== undefined) next = ports[name] + 1;
  }
  const dataDir = mkdtempSync(join(tmpdir(), "newsfed-faults-"));
  chmodSync(dataDir, 0o755); // the embedded server runs as OS user postgres when we are root
  const marker = `NEWSFED_STACK=${randomBytes(6).toString("hex")}`;
  const started = Date.now();
  const child: ChildProcess = spawn(START_COMMAND[0], START_COMMAND.slice(1), {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      [marker.split("=")[0]!]: marker.split("=")[1]!,
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(ports.gateway),
      ARTICLES_PORT: String(ports.articles),
      OFFICIALS_PORT: String(ports.officials),
      POLICY_PORT: String(ports.policy),
      EMBEDDED_POSTGRES_PORT: String(ports.postgres),
      ...options.env,
    },
  });
  let output = "";
  let partial = "";
  const take = (chunk: Buffer) => {
    const text = partial + chunk.toString("utf8");
    const lines = text.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      output += `${line}\n`;
      options.onLine?.(line);
    }
    if (output.length > 4_000_000) output = output.slice(-2_000_000); // a long soak logs a lot
  };
  child.stdout!.on("data", take);
  child.stderr!.on("data", take);
  const postgresDir = join(dataDir, "postgres");
  const processes = () => stackProcesses(marker, postgresDir);
  const postgresProcesses = () => processes().filter((p) => p.cwd === postgresDir || p.cwd.startsWith(`${postgresDir}/`));
  const pidOf = (target: Service | "postgres") => {
    if (target === "postgres") {
      const file = join(postgresDir, "postmaster.pid");
      if (!existsSync(file)) return undefined;
      const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
      return processes().some((p) => p.pid === pid) ? pid : undefined;
    }
    const entry = target === "gateway" ? "gateway/dist/main.js" : `subgraphs/${target}/dist/main.js`;
    return processes().find((p) => p.command.includes(entry))?.pid;
  };
  const stop = async ({ keepData = false } = {}) => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // the group is gone already
    }
    const deadline = Date.now() + 60_000;
    while (processes().length > 0 && Date.now() < deadline) await sleep(250);
    for (const left of processes()) {
      try {
        process.kill(left.pid, "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
    while (processes().length > 0) await sleep(250);
    if (!keepData) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stack not ready after 300 s:\n${output.slice(-5000)}`)), 300_000);
      const check = () => {
        if (output.includes("Federation ready")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on("data", check);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`start command exited (${code}) before ready:\n${output.slice(-5000)}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    dataDir,
    ports,
    readySeconds: (Date.now() - started) / 1000,
    output: () => output,
    processes,
    pidOf,
    postgresProcesses,
    supervisorPid: () => processes().find((p) => p.command.includes("scripts/dist/start.js"))?.pid,
    stop,
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A development bearer token from the README's command (`pnpm --silent run token`). */
export function developmentToken(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "npx",
      ["-y", "pnpm@12.4.2", "--silent", "run", "token", "--subject", "fault-scripts", "--expires", "1d"],
      { cwd: ROOT, timeout: 180_000 },
      (error, stdout) => {
        const token = stdout.trim().split("\n").pop() ?? "";
        if (error || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) reject(error ?? new Error(`no token in: ${stdout}`));
        else resolve(token);
      },
    );
  });
}

/** The machine's load averages (1, 5, 15 minutes). */
export function loadAverage(): [number, number, number] {
  const [one, five, fifteen] = readFileSync("/proc/loadavg", "utf8").split(" ").map(Number);
  return [one!, five!, fifteen!];
}

/** Stops the stack on SIGINT/SIGTERM, so an interrupted run leaves nothing behind. */
export function stopOnSignals(stack: () => Stack | undefined): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the stack`);
      void (stack()?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
    });
}
