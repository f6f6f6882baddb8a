import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningStack {
  gatewayUrl: string;
  /** Process group of the start command and everything it started. */
  pgid: number;
  ports: Record<"gateway" | "articles" | "officials" | "policy", number>;
  output: () => string;
  /** Milliseconds from spawning the start command to its "ready" line. */
  readyAfterMs: number;
  /** SIGTERM to the whole process group, as Ctrl-C would; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Runs the README's start command (the supervisor) on free ports and a given data directory. */
export async function startStack(dataDir: string, extraEnv: Record<string, string> = {}): Promise<RunningStack> {
  const ports = { gateway: await freePort(), articles: await freePort(), officials: await freePort(), policy: await freePort() };
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, ["--conditions=source", "--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
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
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stack not ready after 150 s:\n${output}`)), 150_000);
    const check = () => {
      if (output.includes("Federation ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => reject(new Error(`start command exited (${code}) before ready:\n${output}`)));
  });
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}`,
    pgid: child.pid!,
    ports,
    output: () => output,
    readyAfterMs: Date.now() - started,
    async stop() {
      process.kill(-child.pid!, "SIGTERM");
      return exited;
    },
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

export async function postGraphQL(
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
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}
