/**
 * `pnpm start`: the whole federation on one machine. Starts the three subgraphs, waits until each answers its
 * health check, starts the gateway, prints the IDE URL, and stays in the foreground. A process that dies is
 * restarted (with a back-off); SIGINT/SIGTERM stop every process it started, then it exits.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { GATEWAY, SUBGRAPHS } from "@newsfed/kit/services";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const env = process.env;
const host = env.HOST ?? "127.0.0.1";

interface Service {
  name: string;
  entry: string;
  healthUrl: string;
}

const portOf = (portEnv: string, fallback: number) => Number(env[portEnv] ?? fallback);
const SUBGRAPH_SERVICES: Service[] = SUBGRAPHS.map((service) => ({
  name: service.name,
  entry: `subgraphs/${service.name}/src/main.ts`,
  healthUrl: `http://${host}:${portOf(service.portEnv, service.defaultPort)}/health`,
}));
const gatewayPort = portOf(GATEWAY.portEnv, GATEWAY.defaultPort);
const GATEWAY_SERVICE: Service = {
  name: "gateway",
  entry: "gateway/src/main.ts",
  healthUrl: `http://${host}:${gatewayPort}/health/ready`,
};

const children = new Map<string, ChildProcess>();
const restarts = new Map<string, number>();
let stopping = false;

function launch(service: Service): void {
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", service.entry], {
    cwd: ROOT,
    env: {
      ...env,
      // The gateway reaches each subgraph where this supervisor started it.
      ...Object.fromEntries(
        SUBGRAPHS.map((subgraph, index) => [
          subgraph.urlEnv,
          env[subgraph.urlEnv] ?? SUBGRAPH_SERVICES[index]!.healthUrl.replace("/health", "/graphql"),
        ]),
      ),
      // Subgraphs read facts other subgraphs own (reference checks) through the gateway.
      GATEWAY_URL: env.GATEWAY_URL ?? `http://${host}:${gatewayPort}/graphql`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.set(service.name, child);
  const prefix = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) =>
    stream.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) out.write(`[${service.name}] ${line}\n`);
    });
  prefix(child.stdout!, process.stdout);
  prefix(child.stderr!, process.stderr);
  child.on("exit", (code, signal) => {
    children.delete(service.name);
    // Exit 0 or SIGTERM/SIGINT is a requested stop (Ctrl-C reaches the whole process group); anything else is a crash.
    if (stopping || code === 0 || signal === "SIGTERM" || signal === "SIGINT") return;
    const count = (restarts.get(service.name) ?? 0) + 1;
    restarts.set(service.name, count);
    const delay = Math.min(30_000, 500 * 2 ** Math.min(count, 6));
    console.error(`[start] ${service.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
    setTimeout(() => !stopping && launch(service), delay);
  });
}

async function waitUntilHealthy(service: Service, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      if ((await fetch(service.healthUrl, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} did not become healthy within ${timeoutMs / 1000} s (${service.healthUrl})`);
}

async function stop(exitCode = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log("[start] stopping…");
  const exits = [...children.values()].map((child) => new Promise((resolve) => child.once("exit", resolve)));
  for (const child of children.values()) child.kill("SIGTERM");
  const forced = setTimeout(() => {
    for (const child of children.values()) child.kill("SIGKILL");
  }, 10_000);
  await Promise.all(exits);
  clearTimeout(forced);
  process.exit(exitCode);
}

process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());

const started = Date.now();
try {
  for (const subgraph of SUBGRAPH_SERVICES) launch(subgraph);
  await Promise.all(SUBGRAPH_SERVICES.map((subgraph) => waitUntilHealthy(subgraph)));
  launch(GATEWAY_SERVICE);
  await waitUntilHealthy(GATEWAY_SERVICE);
  const ide = `http://localhost:${gatewayPort}/graphql`;
  console.log(
    `\n  Federation ready in ${((Date.now() - started) / 1000).toFixed(1)} s.\n  IDE and API: ${ide}\n  Press Ctrl-C to stop.\n`,
  );
} catch (error) {
  console.error(`[start] ${(error as Error).message}`);
  await stop(1);
}
