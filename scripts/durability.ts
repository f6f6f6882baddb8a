/**
 * `pnpm durability` (compiled: scripts/dist/durability.js): are acknowledged writes ever lost when processes crash?
 *
 * Starts the stack with the README's start command (free ports, a fresh DATA_DIR), runs a write load — creates in all
 * three subgraphs, each with an idempotency key and retried with the same key until acknowledged, as a careful client
 * does — and in each round `kill -9`s a subgraph or the PostgreSQL server (pids from the process tree; the supervisor
 * restarts them), waits until the federation answers again, lets the load run, and goes on. Afterwards every write the
 * API acknowledged is looked up by id, and every entity the run made is listed to find two for one key.
 *
 * Prints a table per round and a summary; exits 1 on any lost acknowledged write, any duplicate, or a round the
 * federation did not recover from. Options: --rounds 20, --settle 5 (seconds of load between recovery and the next
 * kill), --writers 2 (per subgraph), --targets articles,officials,policy,postgres, --base-port N (ports N… instead of
 * any free ones), --json FILE (the figures), --keep-data.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { graphql, percentile, seconds, table } from "./faults/client.js";
import { developmentToken, type KillTarget, loadAverage, sleep, type Stack, startStack, stopOnSignals } from "./faults/stack.js";
import { CarefulWriter, type Domain, DOMAINS, verify } from "./faults/writes.js";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "20" },
    settle: { type: "string", default: "5" },
    writers: { type: "string", default: "2" },
    targets: { type: "string", default: "articles,officials,policy,postgres" },
    "base-port": { type: "string" },
    json: { type: "string" },
    log: { type: "string" },
    "keep-data": { type: "boolean", default: false },
  },
});
const ROUNDS = Number(args.rounds);
const SETTLE_MS = Number(args.settle) * 1000;
const WRITERS = Number(args.writers);
const TARGETS = args.targets.split(",") as KillTarget[];
const RECOVERY_TIMEOUT_MS = 180_000;

/** A read through the gateway that needs the target (PostgreSQL: every subgraph's data). */
const PROBES: Record<KillTarget, string> = {
  articles: "{ articles(first: 1) { totalCount } }",
  officials: "{ organizations(first: 1) { totalCount } }",
  policy: "{ initiatives(first: 1) { totalCount } }",
  postgres: "{ articles(first: 1) { totalCount } organizations(first: 1) { totalCount } initiatives(first: 1) { totalCount } }",
};
/** Whose writes a kill interrupts directly. */
const AFFECTS: Record<KillTarget, readonly Domain[]> = {
  articles: ["articles"],
  officials: ["officials"],
  policy: ["policy"],
  postgres: DOMAINS,
};

interface Round {
  round: number;
  target: KillTarget;
  killedPid: number;
  newPid?: number;
  killedAt: number;
  /** Until a read through the gateway that needs the target succeeds. */
  readsBackMs: number;
  /** Until the first acknowledged write of an affected subgraph sent after the kill. */
  writesBackMs?: number;
  endAt?: number;
}

let stack: Stack | undefined;
stopOnSignals(() => stack);

const say = (message: string) => console.log(`[durability] ${message}`);
const loadAtStart = loadAverage();
say(`load average ${loadAtStart.join(" ")} on ${(await import("node:os")).cpus().length} cores; starting the stack`);
stack = await startStack({ basePort: args["base-port"] ? Number(args["base-port"]) : undefined });
say(`stack ready in ${stack.readySeconds.toFixed(1)} s at ${stack.gatewayUrl} (data in ${stack.dataDir})`);
let exitCode = 0;
try {
  const token = await developmentToken();
  const writer = new CarefulWriter(stack.gatewayUrl, token);
  let running = true;
  const loops = DOMAINS.flatMap((domain) =>
    Array.from({ length: WRITERS }, async () => {
      while (running) await writer.write(domain);
    }),
  );
  const loadStarted = Date.now();
  const rounds: Round[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    await sleep(SETTLE_MS);
    const target = TARGETS[(round - 1) % TARGETS.length]!;
    const pid = stack.pidOf(target);
    if (!pid) throw new Error(`round ${round}: no running ${target} process found`);
    process.kill(pid, "SIGKILL");
    const killedAt = Date.now();
    const current: Round = { round, target, killedPid: pid, killedAt, readsBackMs: NaN };
    rounds.push(current);
    // The supervisor restarts it; the federation answers again once the probe reads through it.
    for (;;) {
      const answer = await graphql(stack.gatewayUrl, PROBES[target], undefined, { timeoutMs: 15_000 });
      if (answer.status === 200 && !answer.body?.errors?.length && Date.now() - killedAt > 50) {
        current.readsBackMs = Date.now() - killedAt;
        break;
      }
      if (Date.now() - killedAt > RECOVERY_TIMEOUT_MS) break;
      await sleep(200);
    }
    current.newPid = stack.pidOf(target);
    if (Number.isNaN(current.readsBackMs)) {
      say(`round ${round}: ${target} did not come back within ${RECOVERY_TIMEOUT_MS / 1000} s`);
      exitCode = 1;
      break;
    }
    say(
      `round ${round}: kill -9 ${target} (pid ${pid}) → answering again after ${seconds(current.readsBackMs)} s (pid ${current.newPid})`,
    );
  }
  await sleep(SETTLE_MS);
  running = false;
  say("load stopping: waiting for the writes in flight to be acknowledged");
  await Promise.all(loops);
  const loadEnded = Date.now();
  rounds.forEach((r, i) => (r.endAt = rounds[i + 1]?.killedAt ?? loadEnded));
  for (const r of rounds) {
    const firstAck = writer.records
      .filter((w) => AFFECTS[r.target].includes(w.domain) && w.ackAt && w.ackAt > r.killedAt)
      .map((w) => writer.attempts.find((a) => a.key === w.key && a.outcome.kind === "acknowledged")!)
      .filter((a) => a.at > r.killedAt)
      .sort((a, b) => a.at + a.ms - (b.at + b.ms))[0];
    if (firstAck) r.writesBackMs = firstAck.at + firstAck.ms - r.killedAt;
  }

  say("verifying: every acknowledged write looked up by id, every entity of the run listed");
  const result = await verify(stack.gatewayUrl, writer.records);
  const failedIn = (from: number, to: number) =>
    writer.attempts.filter((a) => a.at >= from && a.at < to && a.outcome.kind !== "acknowledged");
  const ackedIn = (from: number, to: number) => writer.records.filter((w) => w.ackAt && w.ackAt >= from && w.ackAt < to);
  const rows = rounds.map((r) => [
    r.round,
    r.target,
    `${r.killedPid} → ${r.newPid ?? "-"}`,
    seconds(r.readsBackMs),
    seconds(r.writesBackMs ?? NaN),
    failedIn(r.killedAt, r.endAt!).length,
    ackedIn(r.killedAt, r.endAt!).length,
  ]);
  console.log(
    `\n${table(["round", "kill -9", "pid → restarted as", "reads back (s)", "writes back (s)", "failed requests", "acknowledged"], rows)}`,
  );
  const recoveries = rounds.map((r) => r.readsBackMs).filter(Number.isFinite);
  const failures = writer.attempts.filter((a) => a.outcome.kind !== "acknowledged");
  const reasons = new Map<string, number>();
  for (const failure of failures) {
    const reason = failure.outcome.kind === "acknowledged" ? "" : failure.outcome.reason.replace(/[0-9a-f-]{36}/g, "…");
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const loadAtEnd = loadAverage();
  const summary = {
    rounds: rounds.length,
    durationSeconds: Math.round((loadEnded - loadStarted) / 1000),
    writes: writer.records.length,
    requests: writer.attempts.length,
    acknowledged: result.acknowledged,
    lostAcknowledged: result.lost.length,
    duplicates: result.duplicates.length,
    gaveUp: result.gaveUp.length,
    unacknowledgedButWritten: result.unacknowledgedButWritten.length,
    failedRequests: failures.length,
    retriesPerWrite: +(writer.attempts.length / Math.max(1, writer.records.length)).toFixed(2),
    recoverySeconds: {
      p50: +(percentile(recoveries, 50) / 1000).toFixed(1),
      max: +(Math.max(...recoveries) / 1000).toFixed(1),
    },
    loadAverage: { start: loadAtStart, end: loadAtEnd },
  };
  console.log(
    `\n${table(
      ["", "value"],
      [
        ["rounds (kill -9)", `${summary.rounds} over ${summary.durationSeconds} s`],
        ["writes (creates, each with its own idempotency key)", summary.writes],
        ["requests sent (with retries)", summary.requests],
        ["acknowledged writes", summary.acknowledged],
        ["lost acknowledged writes", summary.lostAcknowledged],
        ["duplicates (two entities for one key)", summary.duplicates],
        ["writes given up or refused", summary.gaveUp],
        ["… of which written anyway", summary.unacknowledgedButWritten],
        ["failed requests (retried)", summary.failedRequests],
        ["time to answer again, p50 / max (s)", `${summary.recoverySeconds.p50} / ${summary.recoverySeconds.max}`],
        ["load average at start / end", `${loadAtStart.join(" ")} / ${loadAtEnd.join(" ")}`],
      ],
    )}`,
  );
  console.log(
    `\nfailed requests by reason:\n${[...reasons]
      .sort((a, b) => b[1] - a[1])
      .map(([r, n]) => `  ${n} × ${r}`)
      .join("\n")}`,
  );
  for (const record of result.lost) console.log(`LOST: ${record.domain} ${record.key} acknowledged as ${record.id}`);
  for (const duplicate of result.duplicates) console.log(`DUPLICATE: ${duplicate.key} → ${duplicate.ids.join(", ")}`);
  for (const record of result.gaveUp) console.log(`GAVE UP: ${record.domain} ${record.key}: ${record.gaveUp}`);
  if (args.json) writeFileSync(args.json, JSON.stringify({ summary, rounds, reasons: Object.fromEntries(reasons) }, null, 2));
  if (result.lost.length || result.duplicates.length) exitCode = 1;
  say(exitCode === 0 ? "no acknowledged write lost, no duplicate" : "FAILED");
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  if (args.log) writeFileSync(args.log, stack.output());
  say("stopping the stack");
  await stack.stop({ keepData: args["keep-data"] });
}
process.exit(exitCode);
