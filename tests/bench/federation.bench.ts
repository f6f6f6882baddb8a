/**
 * `pnpm bench`: latency and throughput of the running federation on this machine, printed side by side with the
 * same data fetched straight from the subgraphs, so the gateway's cost is a ratio rather than a guess. Starts its
 * own stack on free ports with a fresh embedded database; bounded in requests and time; loopback only.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stableId } from "@newsfed/kit/ids";
import { CONTRACT_EXAMPLE } from "../helpers/queries.js";
import { startStack } from "../helpers/stack.js";

const WARMUP = 30;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const CONCURRENCY = 8;

const ANNUAR = stableId("official", "annuar-musa");
const RAIMONDO = stableId("official", "gina-raimondo");

async function post(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`errors from ${url}: ${JSON.stringify(body.errors)}`);
}

interface Result {
  p50: number;
  p95: number;
  rps: number;
}

/** Sequential latency percentiles, then throughput with CONCURRENCY clients for the same number of requests. */
async function measure(run: () => Promise<void>): Promise<Result> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  let remaining = SAMPLES;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (remaining-- > 0) await run();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { p50: times[Math.floor(SAMPLES * 0.5)]!, p95: times[Math.floor(SAMPLES * 0.95)]!, rps: SAMPLES / seconds };
}

const dataDir = mkdtempSync(join(tmpdir(), "newsfed-bench-"));
const stack = await startStack(dataDir, { LOG_LEVEL: "warn" });
const gateway = `${stack.gatewayUrl}/graphql`;
const subgraph = (name: keyof typeof stack.ports) => `http://127.0.0.1:${stack.ports[name]}/graphql`;

// The contract example's data straight from the owners: what the gateway's plan does, by hand, in sequence.
const direct = async () => {
  await post(
    subgraph("articles"),
    `{ articles(first: 5, filter: { search: "cybersecurity" }) { totalCount edges { node { headline publishedAt officials { id } events { id } } } } }`,
  );
  await Promise.all([
    post(
      subgraph("officials"),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Official { displayName currentPosition { title organization { name } } country { name } } } }`,
      {
        r: [ANNUAR, RAIMONDO].map((id) => ({ __typename: "Official", id })),
      },
    ),
    post(
      subgraph("policy"),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Official { initiatives(first: 5) { totalCount edges { node { name acronym status } } } } } }`,
      {
        r: [ANNUAR, RAIMONDO].map((id) => ({ __typename: "Official", id })),
      },
    ),
    post(
      subgraph("policy"),
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on PolicyEvent { title startDate location { name } outcomes { statement status } } } }`,
      {
        r: [stableId("event", "annuar-raimondo-putrajaya-2021-11-18"), stableId("event", "raimondo-asia-visit-2021-11")].map(
          (id) => ({ __typename: "PolicyEvent", id }),
        ),
      },
    ),
  ]);
};
const OFFICIAL = `query($id: ID!) { official(id: $id) { displayName otherNames positions { title startDate endDate } } }`;

try {
  console.log(
    `newsfed benchmark: ${SAMPLES} sequential requests, then ${SAMPLES} more over ${CONCURRENCY} concurrent clients, per scenario\n`,
  );
  const rows: [string, Result, Result][] = [
    ["contract example (3 subgraphs)", await measure(() => post(gateway, CONTRACT_EXAMPLE)), await measure(direct)],
    [
      "official(id) (1 subgraph)",
      await measure(() => post(gateway, OFFICIAL, { id: ANNUAR })),
      await measure(() => post(subgraph("officials"), OFFICIAL, { id: ANNUAR })),
    ],
  ];
  const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);
  console.log(
    `${"scenario".padEnd(32)}${"via gateway p50/p95".padStart(24)}${"direct p50/p95".padStart(24)}${"p50 ratio".padStart(11)}${"gateway rps".padStart(13)}${"direct rps".padStart(12)}`,
  );
  for (const [name, viaGateway, straight] of rows) {
    console.log(
      `${name.padEnd(32)}${`${ms(viaGateway.p50)} /${ms(viaGateway.p95)}`.padStart(24)}${`${ms(straight.p50)} /${ms(straight.p95)}`.padStart(24)}` +
        `${`${(viaGateway.p50 / straight.p50).toFixed(2)}x`.padStart(11)}${viaGateway.rps.toFixed(0).padStart(13)}${straight.rps.toFixed(0).padStart(12)}`,
    );
  }
  console.log(
    "\nDirect = the same data fetched by hand from the subgraphs (the contract example: root call, then the entity calls in parallel).",
  );
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
