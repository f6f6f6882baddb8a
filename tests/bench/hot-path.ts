/**
 * A quick before/after measurement of the hot path against an already running stack (not a test; nothing asserted):
 * `{ __typename }` and a 10-row list straight on a subgraph, and the contract example through the gateway.
 * Prints p50/p95 (sequential), req/s with 8 concurrent clients, server CPU µs per request (from /proc, steadier than
 * req/s on a shared machine) and the load average.
 *
 *   GATEWAY_PORT=59000 ARTICLES_PORT=59001 OFFICIALS_PORT=59002 POLICY_PORT=59003 DATA_DIR=/tmp/http-data pnpm start
 *   GATEWAY_PORT=59000 OFFICIALS_PORT=59002 node --conditions=source --import tsx tests/bench/hot-path.ts
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { signDevelopmentToken } from "@newsfed/gateway";
import { CONTRACT_EXAMPLE } from "../helpers/queries.js";

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);
const CONCURRENCY = 8;
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 59000);
const officialsPort = Number(process.env.OFFICIALS_PORT ?? 59002);
const gateway = `http://127.0.0.1:${gatewayPort}/graphql`;
const officials = `http://127.0.0.1:${officialsPort}/graphql`;
// What the client accepts: Node's fetch asks for gzip/deflate/br by default (answers above 1 KB come compressed);
// BENCH_ACCEPT_ENCODING=identity measures the server without compression.
const acceptEncoding: Record<string, string> = process.env.BENCH_ACCEPT_ENCODING
  ? { "accept-encoding": process.env.BENCH_ACCEPT_ENCODING }
  : {};

async function post<TData = unknown>(url: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...acceptEncoding, ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: unknown[]; data?: TData };
  if (body.errors) throw new Error(`errors from ${url}: ${JSON.stringify(body.errors)}`);
  // Without errors, a GraphQL answer holds its data.
  return body.data as TData;
}

/** The pid listening on a port, so its CPU time can be read from /proc. */
function pidOn(port: number): number {
  const out = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
  return Number(/pid=(\d+)/.exec(out)![1]);
}
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

async function measure(name: string, pids: number[], run: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const cpuBefore = pids.map(cpuSeconds);
  let remaining = SAMPLES;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (remaining-- > 0) await run();
    }),
  );
  const rps = SAMPLES / ((performance.now() - started) / 1000);
  const cpu = pids.map((pid, i) => (((cpuSeconds(pid) - cpuBefore[i]!) / SAMPLES) * 1e6).toFixed(0));
  const p = (q: number) => times[Math.floor(SAMPLES * q)]!.toFixed(2);
  console.log(
    `${name.padEnd(34)} p50 ${p(0.5).padStart(6)} ms  p95 ${p(0.95).padStart(6)} ms  ${rps.toFixed(0).padStart(5)} req/s  ` +
      `CPU µs/req ${cpu.join(" + ")}  (load ${loadavg()[0]!.toFixed(2)})`,
  );
}

// Ten organizations to list (the seed has six); created once through the gateway, kept in DATA_DIR.
const LIST = `{ organizations(first: 10) { edges { node { id name kind acronym } } } }`;
const existing = (await post<{ organizations: { edges: unknown[] } }>(officials, LIST)).organizations.edges.length;
const token = await signDevelopmentToken({ subject: "bench", scopes: ["officials:write"] });
for (let i = existing; i < 10; i++) {
  await post(
    gateway,
    `mutation { createOrganization(input: { name: "Bench Organization ${i}", kind: OTHER }) { organization { id } } }`,
    {
      authorization: `Bearer ${token}`,
    },
  );
}
const [gatewayPid, officialsPid] = [pidOn(gatewayPort), pidOn(officialsPort)];
const subgraphPids = ["ARTICLES_PORT", "OFFICIALS_PORT", "POLICY_PORT"].map((env, i) =>
  pidOn(Number(process.env[env] ?? 59001 + i)),
);
console.log(
  `gateway :${gatewayPort}, accept-encoding ${process.env.BENCH_ACCEPT_ENCODING ?? "(fetch default)"}: ${SAMPLES} sequential requests, then ${SAMPLES} over ${CONCURRENCY} concurrent clients; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
if (!process.env.BENCH_ONLY_GATEWAY) {
  await measure("officials: { __typename }", [officialsPid], () => post(officials, "{ __typename }"));
  await measure("officials: 10 organizations", [officialsPid], () => post(officials, LIST));
}
await measure("gateway: { __typename } (no fetch)", [gatewayPid], () => post(gateway, "{ __typename }"));
await measure("gateway: contract (gw + 3 subgraphs)", [gatewayPid, ...subgraphPids], () => post(gateway, CONTRACT_EXAMPLE));
