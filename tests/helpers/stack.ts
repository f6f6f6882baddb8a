import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type StackProcess, stackProcesses } from "../../scripts/process-table.js";
import type { GraphQLResult } from "./results.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The README's start command. */
export const START_COMMAND = ["npx", "-y", "pnpm@12.4.2", "start"] as const;

/**
 * A port nothing listens on, chosen at random below Linux's ephemeral range (32768–60999). A port the system handed
 * out (listen on 0) can be taken again, as the local end of some outgoing connection, in the seconds before the stack
 * binds it; one below that range is only ever taken on purpose.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error("no free port found below the ephemeral range");
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A fresh DATA_DIR (searchable by OS user postgres, which the embedded server runs as when tests run as root). */
export function tempDataDir(prefix = "newsfed-e2e-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export type { StackProcess };

export interface RunningStack {
  gatewayUrl: string;
  ports: Record<"gateway" | "articles" | "officials" | "policy", number>;
  dataDir: string;
  output: () => string;
  /** Milliseconds from spawning the start command to its "ready" line. */
  readyAfterMs: number;
  /** The supervisor (scripts/dist/start.js), as it reported itself. */
  supervisorPid: number;
  /** Every process of this stack still running: the start command (npx, pnpm), the supervisor, services, PostgreSQL. */
  processes(): StackProcess[];
  /** The running process of a service ("gateway", "articles", …). */
  pidOf(service: string): number | undefined;
  /**
   * SIGTERM to the start command's process group, as Ctrl-C would; resolves once every process of the stack is gone,
   * with the exit code the supervisor reported (null if it reported none).
   */
  stop(): Promise<number | null>;
}

/** How long a stack may take to be gone after SIGTERM: the supervisor's bound is 3 × SHUTDOWN_TIMEOUT_MS (10 s). */
export const STOP_TIMEOUT_MS = 45_000;

/**
 * Runs the README's start command on free ports and the given data directory, in its own process group. Every
 * process of the stack carries a unique NEWSFED_STACK value in its environment (PostgreSQL's, whose titles overwrite
 * it, are found by their working directory in DATA_DIR instead), so tests can see exactly what is still running.
 */
export async function startStack(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningStack> {
  const ports = { gateway: await freePort(), articles: await freePort(), officials: await freePort(), policy: await freePort() };
  const id = randomBytes(6).toString("hex");
  const started = Date.now();
  const child: ChildProcess = spawn(START_COMMAND[0], START_COMMAND.slice(1), {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NEWSFED_STACK: id,
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(ports.gateway),
      ARTICLES_PORT: String(ports.articles),
      OFFICIALS_PORT: String(ports.officials),
      POLICY_PORT: String(ports.policy),
      ...extraEnv,
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const processes = () => stackProcesses(`NEWSFED_STACK=${id}`, join(dataDir, "postgres"));
  const gone = async () => {
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (processes().length > 0) {
      if (Date.now() > deadline) {
        throw new Error(`still running ${STOP_TIMEOUT_MS} ms after SIGTERM: ${JSON.stringify(processes())}\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // the group is gone already
    }
    await gone();
    const reported = /\[start\] stopped \(exit (\d+)\)/.exec(output);
    return reported ? Number(reported[1]) : null;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stack not ready after 300 s:\n${output}`)), 300_000);
      const check = () => {
        if (output.includes("Federation ready")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on("data", check);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`start command exited (${code}) before ready:\n${output}`));
      });
    });
  } catch (error) {
    await stop().catch(() => undefined); // leave nothing running behind a failed start
    throw error;
  }
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    ports,
    dataDir,
    output: () => output,
    readyAfterMs: Date.now() - started,
    supervisorPid: Number(/\[start\] supervisor pid (\d+)/.exec(output)?.[1]),
    processes,
    pidOf: (service) => {
      const entry = service === "gateway" ? "gateway/dist/main.js" : `subgraphs/${service}/dist/main.js`;
      return processes().find((p) => p.command.includes(entry))?.pid;
    },
    stop,
  };
}

/** True when something accepts connections on the port. */
export async function isListening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResult<TData> };
}
