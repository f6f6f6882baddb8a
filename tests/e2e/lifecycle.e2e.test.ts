import { readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { isListening, postGraphQL, type RunningStack, startStack, STOP_TIMEOUT_MS, tempDataDir } from "../helpers/stack.js";

// The start command's processes: how they stop, what survives a killed supervisor, what they cost. Each test owns
// its stacks and data directory; afterEach stops whatever a failed test left running.
const running = new Set<RunningStack>();
const dirs: string[] = [];
async function start(dataDir: string): Promise<RunningStack> {
  const stack = await startStack(dataDir);
  running.add(stack);
  return stack;
}
async function stop(stack: RunningStack): Promise<number | null> {
  running.delete(stack);
  return stack.stop();
}
function dataDir(): string {
  const dir = tempDataDir("newsfed-lifecycle-");
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const stack of running) await stop(stack);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// Countries are seeded from the officials subgraph's curated data, never created by ingestion.
const SEEDED_COUNTRIES = (
  JSON.parse(readFileSync(new URL("../../subgraphs/officials/seed/officials.json", import.meta.url), "utf8")) as {
    countries: unknown[];
  }
).countries.length;
const COUNTS = `{ articles { totalCount } officials { totalCount } initiatives { totalCount } events { totalCount } countries { totalCount } }`;
type Counts = Record<"articles" | "officials" | "initiatives" | "events" | "countries", { totalCount: number }>;
const counts = async (stack: RunningStack) => (await postGraphQL<Counts>(stack.gatewayUrl, COUNTS)).body.data!;
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
/** What the stack itself holds in memory: PostgreSQL, the services and the supervisor (not npx and pnpm, which launched it). */
const memory = (stack: RunningStack) => {
  const own = stack.processes().filter((p) => !/^(npm exec|sh -c|pnpm)|\/pnpm\b/.test(p.command));
  return {
    processes: own.length,
    rss: own.reduce((sum, p) => sum + p.rss, 0),
    pss: own.reduce((sum, p) => sum + p.pss, 0),
  };
};
const describeMemory = ({ processes, rss, pss }: ReturnType<typeof memory>) =>
  `${processes} processes, ${mib(pss)} MiB proportional (PSS), ${mib(rss)} MiB summed RSS`;

describe("the start command's processes", () => {
  it(
    "stop on SIGTERM in order — gateway, subgraphs, PostgreSQL — each within the deadline, and start again on the same data without migrating or seeding twice",
    { timeout: 600_000 },
    async () => {
      const dir = dataDir();
      const first = await start(dir);
      const before = await counts(first);
      expect(before.countries.totalCount).toBe(SEEDED_COUNTRIES);
      expect(first.processes().some((p) => p.command.includes("postgres"))).toBe(true);

      expect(await stop(first)).toBe(0); // resolves once no process of the stack is left
      const output = first.output();
      const order = ["gateway stopped", "subgraphs stopped", "PostgreSQL stopped", "stopped (exit 0)"].map((line) =>
        output.indexOf(`[start] ${line}`),
      );
      expect(order.every((index) => index > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(output).not.toMatch(/did not stop within/); // every service drained and exited by itself
      for (const port of Object.values(first.ports)) expect(await isListening(port)).toBe(false);

      const second = await start(dir);
      console.log(`restart on existing data: ready after ${second.readyAfterMs} ms`);
      expect(await counts(second)).toEqual(before);
      // Each journal lists every migration once: nothing was applied twice.
      const credentials = JSON.parse(readFileSync(join(dir, "postgres-credentials.json"), "utf8"));
      const port = Number(/ready on 127\.0\.0\.1:(\d+)/.exec(second.output())![1]);
      const client = new pg.Client({
        host: "127.0.0.1",
        port,
        database: "newsfed",
        user: "articles",
        password: credentials.roles.articles,
      });
      await client.connect();
      try {
        const journal = await client.query(
          "select count(*)::int as n, count(distinct created_at)::int as distinct_n from __drizzle_migrations",
        );
        expect(journal.rows[0].n).toBeGreaterThan(0);
        expect(journal.rows[0].n).toBe(journal.rows[0].distinct_n);
      } finally {
        await client.end();
      }
    },
  );

  it(
    "leave nothing running when the supervisor itself is SIGKILLed (services watch it, PostgreSQL dies with it), and the next start on that data works",
    { timeout: 600_000 },
    async () => {
      const dir = dataDir();
      const stack = await start(dir);
      const commands = stack.processes().map((p) => p.command);
      expect(commands.some((c) => c.includes("scripts/dist/start.js"))).toBe(true);
      expect(commands.filter((c) => c.includes("/dist/main.js"))).toHaveLength(4);
      expect(commands.some((c) => c.includes("postgres"))).toBe(true);

      process.kill(stack.supervisorPid, "SIGKILL");
      await expect.poll(() => stack.processes().map((p) => p.command), { timeout: STOP_TIMEOUT_MS, interval: 200 }).toEqual([]);
      running.delete(stack);

      // No stale server, lock file or half-written state stands in the way of the next start.
      const again = await start(dir);
      expect((await counts(again)).countries.totalCount).toBe(SEEDED_COUNTRIES);
    },
  );

  it("give each subgraph a database role that can use its own schema and nothing else", { timeout: 600_000 }, async () => {
    const dir = dataDir();
    const stack = await start(dir);
    const file = join(dir, "postgres-credentials.json");
    expect(statSync(file).mode & 0o777).toBe(0o600); // generated once, readable by its owner only
    const credentials = JSON.parse(readFileSync(file, "utf8"));
    const port = Number(/ready on 127\.0\.0\.1:(\d+)/.exec(stack.output())![1]);
    const as = (user: string) =>
      new pg.Client({ host: "127.0.0.1", port, database: "newsfed", user, password: credentials.roles[user] });
    const articles = as("articles");
    await articles.connect();
    try {
      expect((await articles.query("select current_schema() as s")).rows[0].s).toBe("articles");
      expect((await articles.query("select count(*)::int as n from articles.articles")).rows[0].n).toBe(1);
      await expect(articles.query("select * from officials.officials")).rejects.toThrow(/permission denied for schema officials/);
      await expect(articles.query("create table public.t (id int)")).rejects.toThrow(/permission denied for schema public/);
      await expect(articles.query("create schema other")).rejects.toThrow(/permission denied for database/);
      await expect(articles.query("create database other")).rejects.toThrow(/permission denied to create database/);
    } finally {
      await articles.end();
    }
  });

  it(
    "keep the whole stack — PostgreSQL, three subgraphs, gateway, supervisor — under 1 GB resident, after start and after some load",
    { timeout: 600_000 },
    async () => {
      const stack = await start(dataDir());
      const afterStart = memory(stack);
      const query = `{ articles(first: 5, filter: { search: "cybersecurity" }) { totalCount edges { node { headline officials { displayName currentPosition { title } initiatives { edges { node { name } } } } events { title outcomes { statement status } } } } } }`;
      for (let round = 0; round < 20; round++) {
        const answers = await Promise.all(Array.from({ length: 10 }, () => postGraphQL(stack.gatewayUrl, query)));
        for (const { body } of answers) expect(body.errors).toBeUndefined();
      }
      const afterLoad = memory(stack);
      const byProcess = stack
        .processes()
        .map((p) => `${mib(p.pss)} MiB PSS, ${mib(p.rss)} MiB RSS: ${p.command.slice(0, 70)}`)
        .join("\n  ");
      console.log(
        `stack memory after start: ${describeMemory(afterStart)}\n` +
          `stack memory after 200 requests, 10 at a time: ${describeMemory(afterLoad)}\n  ${byProcess}`,
      );
      // Summed RSS counts every page PostgreSQL's processes share (shared buffers, libraries) once per process;
      // the proportional share is what the stack takes from the machine.
      expect(afterStart.pss).toBeLessThan(2 ** 30);
      expect(afterLoad.pss).toBeLessThan(2 ** 30);
    },
  );
});
