/**
 * `pnpm soak` (compiled: scripts/dist/soak.js): a mixed read/write load for a while, with a subgraph killed midway.
 *
 * Starts the stack with the README's start command (free ports, a fresh DATA_DIR), runs readers (cross-subgraph
 * queries, search, paging) and writers (creates in all three subgraphs) for --duration, and `kill -9`s one subgraph
 * at --kill-at of the run (the supervisor restarts it). Every response is classified:
 * - ok;
 * - declared partial data: its errors are all SUBGRAPH_UNAVAILABLE for the killed subgraph, while it is down (from
 *   the kill until it answers again, plus --grace seconds); likewise a create refused with the documented
 *   `userErrors { code: UNAVAILABLE }` ("retry later") because a reference check needed the killed subgraph;
 * - failed: anything else (no answer, 5xx, any other error, unavailability outside the outage or of another service).
 * Reports failed responses (goal 0), memory of every process (RSS at start, end and peak; PSS summed for PostgreSQL),
 * latency p50/p99, and looks up every acknowledged create afterwards. Exits 1 when a response failed or an
 * acknowledged create is missing. Options: --duration 180 (seconds), --kill officials (or articles, policy, none),
 * --kill-at 0.5, --readers 4, --writers 1 (per subgraph), --grace 5, --sample 5 (seconds between memory samples),
 * --base-port N, --json FILE.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { stableId } from "@newsfed/kit/ids";
import { type Answer, errorCodes, graphql, mib, percentile, seconds, table } from "./faults/client.js";
import {
  developmentToken,
  loadAverage,
  type Service,
  SERVICES,
  sleep,
  type Stack,
  startStack,
  stopOnSignals,
} from "./faults/stack.js";
import { type Domain, DOMAINS, judge, NAME_PREFIX, verify, type WriteRecord, WRITES } from "./faults/writes.js";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "180" },
    kill: { type: "string", default: "officials" },
    "kill-at": { type: "string", default: "0.5" },
    readers: { type: "string", default: "4" },
    writers: { type: "string", default: "1" },
    grace: { type: "string", default: "5" },
    sample: { type: "string", default: "5" },
    "base-port": { type: "string" },
    json: { type: "string" },
    log: { type: "string" },
  },
});
const DURATION_MS = Number(args.duration) * 1000;
const KILL = args.kill as Exclude<Service, "gateway"> | "none";
const GRACE_MS = Number(args.grace) * 1000;

const ANNUAR = stableId("official", "annuar-musa");
const MALAYSIA = "MY";
/** What readers ask, in turn: the contract example across all three subgraphs, paging, search, entity pages. */
const READS: { name: string; query: string; variables?: Record<string, unknown> }[] = [
  {
    name: "contract example",
    query: `{ articles(first: 5, filter: { search: "cybersecurity" }) { totalCount edges { node { headline officials {
      displayName latestPosition { title isCurrent } initiatives { edges { node { name } } } } events { title outcomes { statement status } } } } } }`,
  },
  {
    name: "officials page",
    query: `{ officials(first: 20) { totalCount pageInfo { endCursor } edges { node { displayName positions { title organization { name } } } } } }`,
  },
  {
    name: "official timeline",
    query: `query($id: ID!) { official(id: $id) { displayName articles(first: 5) { totalCount edges { node { headline } } }
      initiatives(first: 5) { edges { node { name status } } } events(first: 5) { edges { node { title startDate } } } } }`,
    variables: { id: ANNUAR },
  },
  {
    name: "country overview",
    query: `query($code: String!) { country(code: $code) { name officials(first: 5) { totalCount } initiatives(first: 5) { totalCount }
      events(first: 5) { totalCount } articles(first: 5) { totalCount } } }`,
    variables: { code: MALAYSIA },
  },
  {
    name: "search initiatives",
    query: `{ initiatives(first: 10, filter: { search: "digital" }) { totalCount edges { node { name } } } }`,
  },
  { name: "newest organizations", query: `{ organizations(first: 20) { totalCount edges { node { name kind } } } }` },
  { name: "articles page", query: `{ articles(first: 20) { totalCount edges { node { headline publishedAt } } } }` },
];

interface Sample {
  at: number;
  /** Per service: the current process's RSS; PostgreSQL: summed over its processes. */
  rss: Record<string, number>;
  pss: Record<string, number>;
  pids: Record<string, number | undefined>;
}

type Verdict = "ok" | "partial" | "declined" | "failed";
interface Response {
  kind: "read" | "write";
  name: string;
  at: number;
  ms: number;
  verdict: Verdict;
  detail?: string;
}

let stack: Stack | undefined;
stopOnSignals(() => stack);
const say = (message: string) => console.log(`[soak] ${message}`);
const loadAtStart = loadAverage();
say(`load average ${loadAtStart.join(" ")} on ${cpus().length} cores; starting the stack`);
stack = await startStack({ basePort: args["base-port"] ? Number(args["base-port"]) : undefined });
say(`stack ready in ${stack.readySeconds.toFixed(1)} s at ${stack.gatewayUrl}`);
let exitCode = 0;
try {
  const token = await developmentToken();
  const running = stack;
  const responses: Response[] = [];
  const records: WriteRecord[] = [];
  const outage = { from: Infinity, to: Infinity };
  const inOutage = (at: number, ms: number) => at + ms >= outage.from && at <= outage.to + GRACE_MS;
  const judgeErrors = (answer: Answer): { verdict: Verdict; detail?: string } => {
    const codes = errorCodes(answer);
    if (codes.length === 0) return { verdict: "ok" };
    const errors = answer.body?.errors ?? [];
    const onlyKilled =
      answer.status === 200 &&
      !answer.failure &&
      errors.length > 0 &&
      errors.every((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE" && e.extensions?.serviceName === KILL);
    if (onlyKilled && inOutage(answer.at, answer.ms)) return { verdict: "partial" };
    return {
      verdict: "failed",
      detail: `${answer.status} ${codes.join(",")} ${errors
        .map((e) => e.message)
        .join("; ")
        .slice(0, 200)}`,
    };
  };

  const samples: Sample[] = [];
  const sample = () => {
    const processes = running.processes();
    const postgres = running.postgresProcesses();
    const entry: Sample = { at: Date.now(), rss: {}, pss: {}, pids: {} };
    for (const service of SERVICES) {
      const pid = running.pidOf(service);
      const process = processes.find((p) => p.pid === pid);
      entry.pids[service] = pid;
      entry.rss[service] = process?.rss ?? NaN;
      entry.pss[service] = process?.pss ?? NaN;
    }
    const supervisor = processes.find((p) => p.pid === running.supervisorPid());
    entry.rss.supervisor = supervisor?.rss ?? NaN;
    entry.pss.supervisor = supervisor?.pss ?? NaN;
    entry.rss.postgres = postgres.reduce((sum, p) => sum + p.rss, 0);
    entry.pss.postgres = postgres.reduce((sum, p) => sum + p.pss, 0);
    samples.push(entry);
  };

  const started = Date.now();
  const until = started + DURATION_MS;
  sample();
  const readers = Array.from({ length: Number(args.readers) }, async (_, reader) => {
    for (let turn = reader; Date.now() < until; turn++) {
      const read = READS[turn % READS.length]!;
      const answer = await graphql(running.gatewayUrl, read.query, read.variables);
      const verdict = judgeErrors(answer);
      responses.push({ kind: "read", name: read.name, at: answer.at, ms: answer.ms, ...verdict });
    }
  });
  let sequence = 0;
  const writers = DOMAINS.flatMap((domain: Domain) =>
    Array.from({ length: Number(args.writers) }, async () => {
      const spec = WRITES[domain];
      const mutation = `mutation Write($input: ${spec.field[0]!.toUpperCase()}${spec.field.slice(1)}Input!) {
        ${spec.field}(input: $input) { ${spec.entity} { id } userErrors { field code message } } }`;
      while (Date.now() < until) {
        const key = `soak-${started.toString(36)}-${domain}-${++sequence}`;
        const record: WriteRecord = { domain, key, name: `${NAME_PREFIX} ${key}`, attempts: 1 };
        records.push(record);
        const answer = await graphql(running.gatewayUrl, mutation, { input: spec.input(key, record.name) }, { token });
        const outcome = judge(domain, answer);
        let verdict: { verdict: Verdict; detail?: string };
        if (outcome.kind === "acknowledged") {
          record.id = outcome.id;
          record.ackAt = Date.now();
          verdict = { verdict: "ok" };
        } else if (outcome.kind === "retry" && outcome.reason === "userError UNAVAILABLE" && inOutage(answer.at, answer.ms))
          verdict = { verdict: "declined" };
        else {
          verdict = judgeErrors(answer);
          if (verdict.verdict === "ok") verdict = { verdict: "failed", detail: outcome.reason };
        }
        if (!record.id) record.gaveUp = verdict.verdict;
        responses.push({ kind: "write", name: spec.field, at: answer.at, ms: answer.ms, ...verdict });
      }
    }),
  );
  const sampler = (async () => {
    while (Date.now() < until) {
      await sleep(Number(args.sample) * 1000);
      sample();
    }
  })();
  const killer = (async () => {
    if (KILL === "none") return;
    await sleep(DURATION_MS * Number(args["kill-at"]));
    const pid = running.pidOf(KILL);
    if (!pid) throw new Error(`no running ${KILL} process to kill`);
    process.kill(pid, "SIGKILL");
    outage.from = Date.now();
    say(`kill -9 ${KILL} (pid ${pid}) at ${seconds(outage.from - started)} s`);
    const probe = `{ ${{ articles: "articles", officials: "organizations", policy: "initiatives" }[KILL]}(first: 1) { totalCount } }`;
    for (;;) {
      const answer = await graphql(running.gatewayUrl, probe, undefined, { timeoutMs: 15_000 });
      if (answer.status === 200 && !answer.body?.errors?.length) break;
      await sleep(200);
    }
    outage.to = Date.now();
    say(`${KILL} answering again after ${seconds(outage.to - outage.from)} s (pid ${running.pidOf(KILL)})`);
  })();
  await Promise.all([...readers, ...writers, sampler, killer]);
  sample();
  const ended = Date.now();

  say("verifying: every acknowledged create looked up by id");
  const verification = await verify(running.gatewayUrl, records);

  // Figures.
  const count = (verdict: Verdict, kind?: Response["kind"]) =>
    responses.filter((r) => r.verdict === verdict && (!kind || r.kind === kind)).length;
  const latency = (filter: (r: Response) => boolean) => {
    const ms = responses.filter(filter).map((r) => r.ms);
    return { n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99) };
  };
  const outside = (r: Response) => !inOutage(r.at, r.ms);
  const latencies = {
    reads: latency((r) => r.kind === "read"),
    writes: latency((r) => r.kind === "write"),
    "reads outside the outage": latency((r) => r.kind === "read" && outside(r)),
    "writes outside the outage": latency((r) => r.kind === "write" && outside(r)),
  };
  const memory = Object.fromEntries(
    [...SERVICES, "postgres", "supervisor"].map((service) => {
      const rss = samples.map((s) => s.rss[service]!).filter(Number.isFinite);
      const pss = samples.map((s) => s.pss[service]!).filter(Number.isFinite);
      const pids = new Set(samples.map((s) => s.pids[service]).filter(Boolean));
      return [
        service,
        {
          rssStart: rss[0]!,
          rssEnd: rss.at(-1)!,
          rssPeak: Math.max(...rss),
          pssStart: pss[0]!,
          pssEnd: pss.at(-1)!,
          restarted: pids.size > 1,
        },
      ];
    }),
  );
  const failed = responses.filter((r) => r.verdict === "failed");
  const loadAtEnd = loadAverage();
  console.log(
    `\n${table(
      ["responses", "reads", "writes"],
      [
        ["total", latencies.reads.n, latencies.writes.n],
        ["ok", count("ok", "read"), count("ok", "write")],
        [
          `declared partial data (SUBGRAPH_UNAVAILABLE of ${KILL} while down)`,
          count("partial", "read"),
          count("partial", "write"),
        ],
        [
          `declined for now (userError UNAVAILABLE while ${KILL} was down)`,
          count("declined", "read"),
          count("declined", "write"),
        ],
        ["failed (goal 0)", count("failed", "read"), count("failed", "write")],
      ],
    )}`,
  );
  console.log(
    `\n${table(
      ["latency (ms)", "n", "p50", "p99"],
      Object.entries(latencies).map(([name, l]) => [name, l.n, l.p50.toFixed(0), l.p99.toFixed(0)]),
    )}`,
  );
  console.log(
    `\n${table(
      ["memory (MiB)", "RSS start", "RSS end", "RSS peak", "growth", "PSS start", "PSS end"],
      Object.entries(memory).map(([service, m]) => [
        service === "postgres"
          ? "postgres (all processes)"
          : m.restarted
            ? `${service} (restarted: new process at end)`
            : service,
        mib(m.rssStart),
        mib(m.rssEnd),
        mib(m.rssPeak),
        `${m.rssEnd >= m.rssStart ? "+" : ""}${mib(m.rssEnd - m.rssStart)}`,
        mib(m.pssStart),
        mib(m.pssEnd),
      ]),
    )}`,
  );
  const summary = {
    durationSeconds: Math.round((ended - started) / 1000),
    killed: KILL,
    killedAtSeconds: Number.isFinite(outage.from) ? +((outage.from - started) / 1000).toFixed(1) : null,
    recoverySeconds: Number.isFinite(outage.to) ? +((outage.to - outage.from) / 1000).toFixed(1) : null,
    responses: responses.length,
    ok: count("ok"),
    partial: count("partial"),
    declined: count("declined"),
    failed: failed.length,
    acknowledgedCreates: verification.acknowledged,
    lostAcknowledged: verification.lost.length,
    duplicates: verification.duplicates.length,
    latencies,
    memory,
    loadAverage: { start: loadAtStart, end: loadAtEnd },
  };
  console.log(
    `\n${table(
      ["", "value"],
      [
        [
          "duration",
          `${summary.durationSeconds} s, ${responses.length} responses (${(responses.length / summary.durationSeconds).toFixed(1)}/s)`,
        ],
        [
          `kill -9 ${KILL}`,
          summary.killedAtSeconds === null
            ? "-"
            : `at ${summary.killedAtSeconds} s, answering again after ${summary.recoverySeconds} s`,
        ],
        ["failed responses beyond declared partial data", summary.failed],
        [
          "acknowledged creates / lost / duplicates",
          `${summary.acknowledgedCreates} / ${summary.lostAcknowledged} / ${summary.duplicates}`,
        ],
        ["load average at start / end", `${loadAtStart.join(" ")} / ${loadAtEnd.join(" ")}`],
      ],
    )}`,
  );
  const shown = new Map<string, number>();
  for (const f of failed) shown.set(`${f.kind} ${f.name}: ${f.detail}`, (shown.get(`${f.kind} ${f.name}: ${f.detail}`) ?? 0) + 1);
  for (const [detail, n] of shown) console.log(`FAILED ${n} × ${detail}`);
  for (const record of verification.lost) console.log(`LOST: ${record.domain} ${record.key} acknowledged as ${record.id}`);
  if (args.json) writeFileSync(args.json, JSON.stringify({ summary, samples }, null, 2));
  if (failed.length || verification.lost.length || verification.duplicates.length) exitCode = 1;
  say(exitCode === 0 ? "goal met: no failed response beyond the declared partial data" : "FAILED: goal missed");
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (args.log) writeFileSync(args.log, stack.output());
  say("stopping the stack");
  await stack.stop();
}
process.exit(exitCode);
