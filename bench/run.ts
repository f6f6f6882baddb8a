/**
 * `pnpm bench` (not part of `pnpm test`): the federation under load on this machine, side by side with Hive Gateway
 * 2.15.1 and with the subgraphs called directly, in alternating rounds within one run (a shared, busy machine moves
 * every absolute number; ratios of targets measured turn by turn are what it reports).
 *
 * It starts what it measures: a stack per dataset size with the README's start command (free ports, fresh DATA_DIR,
 * default configuration, so our gateway's response cache is on), `pnpm dataset --articles N` into each, a second
 * gateway of ours with RESPONSE_CACHE=false, and Hive Gateway (production mode, the committed supergraph, the same
 * subgraphs) with its deduplication on and off. Before timing, every peer answer is checked against ours.
 *
 *   pnpm bench [--rounds 3] [--duration 10] [--connections 16] [--sizes 1000,100000] [--port-base 60600] [--out FILE]
 *
 * Prints a table (req/s, p50/p99, errors, subgraph requests per request, CPU per request by process group, RSS) and
 * the goal ratios; writes JSON (bench-results/, git-ignored) and the table in Markdown beside it.
 */
import autocannon from "autocannon";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { type Gateway, startHive, startOurGateway } from "./src/gateways.js";
import { cpuSeconds, memoryOf, Ports, sleep } from "./src/processes.js";
import { loadDataset, type Stack, stackCpu, startStack } from "./src/stack.js";
import {
  CONTRACT_EXAMPLE,
  contractVariants,
  COUNTRIES_10,
  listPages,
  OFFICIALS_10,
  ONE_SUBGRAPH,
  searches,
  TYPENAME,
} from "./src/workloads.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const { values: opt } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    sizes: { type: "string", default: "1000,100000" },
    "port-base": { type: "string" },
    out: { type: "string" },
  },
});
const ROUNDS = Number(opt.rounds);
const DURATION = Number(opt.duration);
const CONNECTIONS = Number(opt.connections);
const SIZES = opt.sizes!.split(",").map(Number);
const SMALL = Math.min(...SIZES);
const LARGE = Math.max(...SIZES);
const ports = new Ports(opt["port-base"] ? Number(opt["port-base"]) : undefined);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const OUT_DIR = join(ROOT, "bench-results");
mkdirSync(OUT_DIR, { recursive: true });
const logOf = (name: string) => join(OUT_DIR, `${stamp}-${name}.log`);
const say = (message: string) => console.log(`[bench] ${message}`);

// ---------------------------------------------------------------------------------------------------------------
// What runs

interface Target {
  name: string;
  url: string;
  /** The process whose CPU is "the gateway" (none for a subgraph called directly). */
  gatewayPid?: number;
  stack: Stack;
  /** Response cache of our gateway: on, off, or not ours. */
  cache?: "on" | "off";
}

interface Workload {
  name: string;
  /** Request bodies, rotated across requests (one: identical requests). */
  queries: string[];
  targets: Target[];
  connections: number;
  /** Which goal this workload feeds. */
  goal: string;
}

interface Sample {
  round: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  completed: number;
  subgraphRequests: number;
  cpu: { gateway: number; subgraphs: number; postgres: number };
  loadavg: number;
}

const started: { stop(): Promise<void> }[] = [];
async function stopAll() {
  for (const thing of started.reverse()) await thing.stop().catch((error: Error) => say(`stop failed: ${error.message}`));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    say(`${signal}: stopping everything`);
    void stopAll().then(() => process.exit(130));
  });
}

async function post(url: string, query: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

/** graphql_requests_total summed over the stack's subgraphs (their /metrics). */
async function subgraphRequests(stack: Stack): Promise<number> {
  let total = 0;
  for (const service of ["articles", "officials", "policy"] as const) {
    const text = await (await fetch(`http://127.0.0.1:${stack.ports[service]}/metrics`)).text();
    for (const line of text.split("\n")) if (line.startsWith("graphql_requests_total")) total += Number(line.split(" ").pop());
  }
  return total;
}

/** Requests abandoned when a run ends still reach the subgraphs: wait until their counters stand still. */
async function quiesce(stack: Stack) {
  let last = await subgraphRequests(stack);
  for (let still = 0, tries = 0; still < 2 && tries < 50; tries++) {
    await sleep(300);
    const now = await subgraphRequests(stack);
    still = now === last ? still + 1 : 0;
    last = now;
  }
}

async function measure(workload: Workload, target: Target, round: number, duration: number): Promise<Sample> {
  await quiesce(target.stack);
  const bodies = workload.queries.map((query) => JSON.stringify({ query }));
  const before = {
    requests: await subgraphRequests(target.stack),
    gateway: target.gatewayPid ? cpuSeconds(target.gatewayPid) : 0,
    ...stackCpu(target.stack),
  };
  let next = 0;
  let bad = 0;
  const run = autocannon({
    url: target.url,
    connections: workload.connections,
    duration,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [
      {
        // One template for every request; bodies rotate globally, so in-flight requests mostly differ.
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }),
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) bad++;
        },
      },
    ],
  }) as unknown as Promise<autocannon.Result>;
  // autocannon's own percentiles are whole milliseconds; a 3 → 5 ms median is a 1.67 ratio that is mostly rounding.
  const times: number[] = [];
  const emitter = run as unknown as autocannon.Instance; // the promise autocannon returns is also the run's emitter
  emitter.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await run;
  await quiesce(target.stack);
  const after = {
    requests: await subgraphRequests(target.stack),
    gateway: target.gatewayPid ? cpuSeconds(target.gatewayPid) : 0,
    ...stackCpu(target.stack),
  };
  const completed = result.requests.total;
  // Requests cut off in flight when the run ends were still sent and served by the subgraphs: count them too.
  const sent = Math.max(completed, result.requests.sent);
  const perRequest = (delta: number) => (sent ? (1000 * delta) / sent : 0);
  return {
    round,
    rps: result.requests.average,
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    errors: result.errors + result.timeouts + result.non2xx + bad,
    completed,
    subgraphRequests: sent ? (after.requests - before.requests) / sent : 0,
    cpu: {
      gateway: perRequest(after.gateway - before.gateway),
      subgraphs: perRequest(after.subgraphs - before.subgraphs),
      postgres: perRequest(after.postgres - before.postgres),
    },
    loadavg: loadavg()[0]!,
  };
}

/** The value below which `share` of the samples lie (nearest rank), in ms to two decimals. */
function percentile(samples: number[], share: number) {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!.toFixed(2));
}

/** Every body answered by every target as by the first (ours), without errors: then the comparison is fair. */
async function verify(workload: Workload) {
  for (const query of workload.queries) {
    const reference = await post(workload.targets[0]!.url, query);
    if ((reference as { errors?: unknown }).errors)
      throw new Error(`${workload.name}: errors from ${workload.targets[0]!.name}: ${JSON.stringify(reference)}`);
    for (const target of workload.targets.slice(1)) {
      const answer = await post(target.url, query);
      if (!isDeepStrictEqual(answer, reference)) {
        throw new Error(
          `${workload.name}: ${target.name} answers differently:\n${JSON.stringify(reference)}\n${JSON.stringify(answer)}`,
        );
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Run

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const results: { workload: string; goal: string; target: string; cache?: string; samples: Sample[] }[] = [];
const memory: Record<string, unknown> = {};
const datasets: Record<string, string> = {};

try {
  say(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const stacks: Record<number, Stack> = {};
  for (const size of SIZES) {
    say(`starting a stack for ${size} articles (README start command)`);
    const stack = await startStack(`${size}`, ROOT, ports, logOf(`stack-${size}`));
    started.push(stack);
    stacks[size] = stack;
    memory[`stack ${size}: after start`] = stack.memory();
    const loadStarted = Date.now();
    datasets[size] = loadDataset(ROOT, stack, size);
    say(`dataset ${size} loaded in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);
  }
  const small = stacks[SMALL]!;

  say("starting our gateways without a response cache, and Hive Gateway with deduplication on and off");
  const extra: Record<string, Gateway> = {};
  for (const size of SIZES) {
    extra[`off-${size}`] = await startOurGateway(ROOT, stacks[size]!, ports, logOf(`gateway-nocache-${size}`), {
      RESPONSE_CACHE: "false",
    });
    started.push(extra[`off-${size}`]!);
  }
  const hiveOn = await startHive(ROOT, small, ports, logOf("hive-dedupe"), true);
  started.push(hiveOn);
  const hiveOff = await startHive(ROOT, small, ports, logOf("hive-nodedupe"), false);
  started.push(hiveOff);

  const ours = (stack: Stack): Target => ({
    name: "ours, response cache on",
    url: stack.url("gateway"),
    gatewayPid: stack.pidOf("gateway"),
    stack,
    cache: "on",
  });
  const oursOff = (stack: Stack, size: number): Target => ({
    name: "ours, response cache off",
    url: extra[`off-${size}`]!.url,
    gatewayPid: extra[`off-${size}`]!.pid,
    stack,
    cache: "off",
  });
  const peers: Target[] = [
    ours(small),
    oursOff(small, SMALL),
    { name: "Hive Gateway 2.15.1, dedupe on", url: hiveOn.url, gatewayPid: hiveOn.pid, stack: small },
    { name: "Hive Gateway 2.15.1, dedupe off", url: hiveOff.url, gatewayPid: hiveOff.pid, stack: small },
  ];
  const officialsDirect = (name: string): Target => ({ name, url: small.url("officials"), stack: small });

  const workloads: Workload[] = [
    { name: "contract query, identical", goal: "peer", queries: [CONTRACT_EXAMPLE], targets: peers, connections: CONNECTIONS },
    {
      name: "contract query, variants",
      goal: "peer",
      queries: await contractVariants(small.url("gateway")),
      targets: peers,
      connections: CONNECTIONS,
    },
    {
      name: "officials subgraph directly",
      goal: "subgraph",
      queries: [],
      targets: [
        officialsDirect("{ __typename }"),
        officialsDirect("countries(first: 10)"),
        officialsDirect("officials(first: 10)"),
      ],
      connections: CONNECTIONS,
    },
    {
      name: "one-subgraph query",
      goal: "gateway",
      queries: [ONE_SUBGRAPH],
      targets: [oursOff(small, SMALL), ours(small), officialsDirect("officials subgraph directly")],
      connections: CONNECTIONS,
    },
  ];
  // The subgraph workload's targets each have their own body.
  const subgraphBodies: Record<string, string> = {
    "{ __typename }": TYPENAME,
    "countries(first: 10)": COUNTRIES_10,
    "officials(first: 10)": OFFICIALS_10,
  };
  if (SIZES.length > 1) {
    for (const [name, bodiesOf] of [
      ["paginated list (pages 1-10)", async (stack: Stack) => listPages(stack.url("gateway"))],
      ["full-text search (people)", async (_stack: Stack, size: number) => searches(size)],
      ["contract query (cache off)", async () => [CONTRACT_EXAMPLE]],
    ] as const) {
      for (const size of SIZES) {
        workloads.push({
          name: `${name} @${size}`,
          goal: `scale:${name}`,
          queries: await bodiesOf(stacks[size]!, size),
          targets: [{ ...oursOff(stacks[size]!, size), name: `${size} articles` }],
          connections: 1,
        });
      }
    }
  }

  say("checking that every target answers as ours does");
  for (const workload of workloads) {
    if (workload.goal === "peer") await verify(workload);
  }
  for (const target of workloads[2]!.targets) {
    const answer = (await post(target.url, subgraphBodies[target.name]!)) as { errors?: unknown };
    if (answer.errors) throw new Error(`${target.name}: ${JSON.stringify(answer)}`);
  }

  say("warming up every target");
  for (const workload of workloads) {
    for (const target of workload.targets) {
      const queries = workload.goal === "subgraph" ? [subgraphBodies[target.name]!] : workload.queries;
      await measure({ ...workload, queries }, target, 0, 2);
    }
  }

  for (let round = 1; round <= ROUNDS; round++) {
    say(`round ${round} of ${ROUNDS} (load ${loadavg()[0]!.toFixed(1)})`);
    for (const workload of workloads) {
      // Alternate: each round starts with another target, so drifts in the machine's load hit every target alike.
      const order = workload.targets.map((_, i) => workload.targets[(i + round - 1) % workload.targets.length]!);
      for (const target of order) {
        const queries = workload.goal === "subgraph" ? [subgraphBodies[target.name]!] : workload.queries;
        const sample = await measure({ ...workload, queries }, target, round, DURATION);
        let entry = results.find((r) => r.workload === workload.name && r.target === target.name);
        if (!entry)
          results.push(
            (entry = { workload: workload.name, goal: workload.goal, target: target.name, cache: target.cache, samples: [] }),
          );
        entry.samples.push(sample);
        say(
          `  ${workload.name} | ${target.name}: ${sample.rps.toFixed(0)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms, ` +
            `${sample.errors} errors, ${sample.subgraphRequests.toFixed(2)} subgraph req/req`,
        );
      }
    }
  }
  for (const size of SIZES) memory[`stack ${size}: after load`] = stacks[size]!.memory();
  memory["our gateways without cache"] = SIZES.map((size) => memoryOf(extra[`off-${size}`]!.pid));
  memory["Hive Gateway (dedupe on, off)"] = [memoryOf(hiveOn.pid), memoryOf(hiveOff.pid)];
} finally {
  say("stopping everything this run started");
  await stopAll();
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const rows = results.map((r) => ({
  workload: r.workload,
  target: r.target,
  rps: mean(r.samples.map((s) => s.rps)),
  p50: median(r.samples.map((s) => s.p50)),
  p99: median(r.samples.map((s) => s.p99)),
  errors: r.samples.reduce((sum, s) => sum + s.errors, 0),
  subgraphRequests: mean(r.samples.map((s) => s.subgraphRequests)),
  cpu: {
    gateway: mean(r.samples.map((s) => s.cpu.gateway)),
    subgraphs: mean(r.samples.map((s) => s.cpu.subgraphs)),
    postgres: mean(r.samples.map((s) => s.cpu.postgres)),
  },
}));
const row = (workload: string, target: string) => rows.find((r) => r.workload === workload && r.target === target);
const ratio = (a: number | undefined, b: number | undefined) => (a !== undefined && b ? a / b : Number.NaN);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

const goals: { goal: string; value: number; target: string; met: boolean }[] = [];
const goal = (name: string, value: number, target: string, met: boolean) => goals.push({ goal: name, value, target, met });
for (const workload of ["contract query, identical", "contract query, variants"]) {
  for (const cache of ["on", "off"]) {
    const oursRps = row(workload, `ours, response cache ${cache}`)?.rps;
    const hive = row(workload, "Hive Gateway 2.15.1, dedupe on")?.rps;
    goal(
      `${workload}: ours (cache ${cache}) / Hive (dedupe on), req/s`,
      ratio(oursRps, hive),
      "≥ 1.5",
      ratio(oursRps, hive) >= 1.5,
    );
  }
}
const floor = row("officials subgraph directly", "{ __typename }")?.rps;
for (const list of ["countries(first: 10)", "officials(first: 10)"]) {
  const value = ratio(row("officials subgraph directly", list)?.rps, floor);
  goal(`subgraph ${list} / { __typename }, req/s`, value, "≥ 0.5", value >= 0.5);
}
const direct = row("one-subgraph query", "officials subgraph directly")?.rps;
for (const cache of ["off", "on"]) {
  const value = ratio(row("one-subgraph query", `ours, response cache ${cache}`)?.rps, direct);
  goal(`one-subgraph query: gateway (cache ${cache}) / subgraph directly, req/s`, value, "≥ 0.7", value >= 0.7);
}
for (const size of SIZES) {
  const after = memory[`stack ${size}: after load`] as { rss: number; pss: number } | undefined;
  if (after)
    goal(`stack RSS after load, ${size} articles (PSS ${mib(after.pss)})`, after.rss / 2 ** 30, "≤ 1 GiB", after.rss <= 2 ** 30);
}
if (SIZES.length > 1) {
  for (const name of ["paginated list (pages 1-10)", "full-text search (people)", "contract query (cache off)"]) {
    const value = ratio(row(`${name} @${LARGE}`, `${LARGE} articles`)?.p50, row(`${name} @${SMALL}`, `${SMALL} articles`)?.p50);
    goal(`median latency ${LARGE}/${SMALL} articles: ${name}`, value, "≤ 1.5", value <= 1.5);
  }
}

const table = [
  "| workload | target | req/s | p50 ms | p99 ms | errors | subgraph req/req | CPU ms/req gateway | subgraphs | PostgreSQL |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map(
    (r) =>
      `| ${r.workload} | ${r.target} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.subgraphRequests.toFixed(2)} | ` +
      `${r.cpu.gateway.toFixed(2)} | ${r.cpu.subgraphs.toFixed(2)} | ${r.cpu.postgres.toFixed(2)} |`,
  ),
].join("\n");
const goalTable = [
  "| goal | measured | target | met |",
  "| --- | ---: | --- | --- |",
  ...goals.map(
    (g) => `| ${g.goal} | ${Number.isFinite(g.value) ? g.value.toFixed(2) : "n/a"} | ${g.target} | ${g.met ? "yes" : "**no**"} |`,
  ),
].join("\n");
const memoryTable = [
  "| processes | RSS | PSS |",
  "| --- | ---: | ---: |",
  ...Object.entries(memory).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).map(
      (m: { rss: number; pss: number; processes?: number; launcher?: { rss: number; pss: number } }) =>
        `| ${name}${m.processes ? ` (${m.processes} processes)` : ""} | ${mib(m.rss)} | ${mib(m.pss)} |` +
        (m.launcher ? `\n| ${name}: its launcher (npx, pnpm) | ${mib(m.launcher.rss)} | ${mib(m.launcher.pss)} |` : ""),
    ),
  ),
].join("\n");
const machine = `${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, load average at the end ${loadavg()
  .map((l) => l.toFixed(1))
  .join(" ")}`;
const settings = `${ROUNDS} rounds × ${DURATION} s per target, ${CONNECTIONS} connections (latency-by-size workloads: 1), targets alternating`;
const markdown = `Run ${stamp}: ${settings}.\n\nMachine: ${machine}.\n\n${table}\n\n${goalTable}\n\n${memoryTable}\n`;
console.log(`\n${markdown}`);
const out = opt.out ?? join(OUT_DIR, `${stamp}.json`);
writeFileSync(out, JSON.stringify({ stamp, machine, settings, rows, goals, memory, datasets, results }, null, 2));
writeFileSync(out.replace(/\.json$/, ".md"), markdown);
say(`wrote ${out} and ${out.replace(/\.json$/, ".md")}`);
