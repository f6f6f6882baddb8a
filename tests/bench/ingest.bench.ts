/**
 * `pnpm bench:ingest`: bulk ingestion rate on this machine. Starts its own stack (the README's start command, fresh
 * embedded database) on ports BENCH_PORT..BENCH_PORT+4 (default 30100, below the ephemeral port range so no outgoing connection holds one), grows the catalogue to BENCH_OFFICIALS
 * officials (default 5,000; created through the gateway, 25 per request), writes BENCH_STORIES generated wire
 * stories (default 2,000) to a temporary folder, each naming two of those officials at a meeting with an agreement
 * (one in ten names a minister the catalogue lacks), and ingests the folder exactly as `pnpm ingest` does (batches of
 * 50 through `ingestArticles`, BENCH_CONCURRENCY requests in flight, default `pnpm ingest`'s 4). Prints stories per
 * second, the stack's CPU per story and what was created. BENCH_PASSES folders (default 3) of new stories are each
 * ingested for the first time, one after the other, and the median pass is reported: on a shared machine one pass
 * can be a quarter slower than the next. Then the first folder again (every story already present). Not a test:
 * numbers vary with the machine and its load.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signDevelopmentToken } from "@newsfed/gateway";
import { cpuSeconds } from "../../bench/src/processes.js";
import { DEFAULT_PARALLEL, ingestFiles, storyFiles, summarize } from "../../scripts/ingest/client.js";
import { startStack, tempDataDir } from "../helpers/stack.js";

const BASE_PORT = Number(process.env.BENCH_PORT ?? 30100);
const OFFICIALS = Number(process.env.BENCH_OFFICIALS ?? 5000);
const STORIES = Number(process.env.BENCH_STORIES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? DEFAULT_PARALLEL);
const PASSES = Math.max(1, Number(process.env.BENCH_PASSES ?? 3));

/** A deterministic generator, so every run ingests the same stories. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
const next = random(42);
const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;

const FAMILY = "Tran Pham Hoang Vo Dang Bui Duong Ly Truong Mai Kieu Quach Thach Luu Doan Vuong Trinh Lam Ton Ha".split(" ");
const MIDDLE = "Van Thi Duc Minh Quoc Thanh Ngoc Huu Kim Xuan Bao Dinh Gia Tuan Khanh Phuong Hong Anh Trung Cong".split(" ");
const GIVEN = "Hai Lan Son Tung Dung Hieu Khoa Linh Nga Quan Thao Vinh Yen Binh Cuong Giang Hanh Loc Phuc Tam".split(" ");
const COUNTRIES = [
  { code: "VN", demonym: "Vietnamese", city: "Hanoi" },
  { code: "MY", demonym: "Malaysian", city: "Kuala Lumpur" },
  { code: "SG", demonym: "Singaporean", city: "Singapore" },
  { code: "TH", demonym: "Thai", city: "Bangkok" },
  { code: "ID", demonym: "Indonesian", city: "Jakarta" },
  { code: "PH", demonym: "Philippine", city: "Manila" },
  { code: "JP", demonym: "Japanese", city: "Tokyo" },
  { code: "KR", demonym: "South Korean", city: "Seoul" },
  { code: "AU", demonym: "Australian", city: "Canberra" },
  { code: "IN", demonym: "Indian", city: "New Delhi" },
];
const PORTFOLIOS = [
  "Trade",
  "Finance",
  "Digital Economy",
  "Information and Communications",
  "Science and Technology",
  "Industry",
  "Energy",
  "Transport",
  "Health",
  "Education",
];
const THEMES = [
  "cybersecurity",
  "the digital economy",
  "semiconductors",
  "data centres",
  "artificial intelligence",
  "supply chains",
  "5G networks",
  "cloud computing",
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"];

interface Minister {
  name: string;
  country: (typeof COUNTRIES)[number];
  portfolio: string;
}

function ministers(count: number): Minister[] {
  const all: Minister[] = [];
  const seen = new Set<string>();
  while (all.length < count) {
    const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const country = pick(COUNTRIES);
    if (seen.has(`${name}|${country.code}`)) continue;
    seen.add(`${name}|${country.code}`);
    all.push({ name, country, portfolio: pick(PORTFOLIOS) });
  }
  return all;
}

const title = (m: Minister) => `${m.country.demonym} Minister of ${m.portfolio} ${m.name}`;

function story(index: number, a: Minister, b: Minister): string {
  const month = MONTHS[index % MONTHS.length]!;
  const day = 1 + (index % 27);
  const theme = pick(THEMES);
  return ` date 2023-${String((index % MONTHS.length) + 1).padStart(2, "0")}-${String(day + 1).padStart(2, "0")} ${a.name} and ${b.name} at the talks. (Photo: VNA)

${a.country.city} (VNA) - ${title(a)} met ${title(b)} in ${a.country.city} on ${month} ${day}, and the two sides agreed to boost cooperation in ${theme}.

${a.name.split(" ").at(-1)} said the two countries would review progress in bulletin number ${index} next year./.`;
}

async function post<TData = unknown>(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  // Without errors, a GraphQL answer holds its data.
  return body.data as TData;
}

const dataDir = tempDataDir("newsfed-bench-ingest-");
const storyDir = mkdtempSync(join(tmpdir(), "newsfed-bench-stories-"));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ports = {
  GATEWAY_PORT: BASE_PORT,
  ARTICLES_PORT: BASE_PORT + 1,
  OFFICIALS_PORT: BASE_PORT + 2,
  POLICY_PORT: BASE_PORT + 3,
};
const stack = await startStack(dataDir, {
  LOG_LEVEL: "warn",
  EMBEDDED_POSTGRES_PORT: String(BASE_PORT + 4),
  ...Object.fromEntries(Object.entries(ports).map(([key, port]) => [key, String(port)])),
});
const gateway = `http://127.0.0.1:${BASE_PORT}/graphql`;
/**
 * CPU seconds (user + system, with ended children: PostgreSQL's backends that closed) used so far by each of the
 * stack's processes, summed by role. Read before and after a pass, it gives the CPU a story costs, which the machine's
 * other work disturbs far less than the rate.
 */
function stackCpu(): Map<string, number> {
  const byRole = new Map<string, number>();
  for (const { pid, command } of stack.processes()) {
    const seconds = cpuSeconds(pid, true);
    const role =
      /subgraphs\/(\w+)\/dist/.exec(command)?.[1] ??
      (command.includes("gateway/dist") ? "gateway" : command.includes("postgres") ? "postgres" : "other");
    byRole.set(role, (byRole.get(role) ?? 0) + seconds);
  }
  return byRole;
}

/** The CPU of a pass, per story and by role, from two readings of `stackCpu`; `perStory` in milliseconds. */
function cpuReport(before: Map<string, number>, after: Map<string, number>, stories: number) {
  const used = [...after].map(([role, seconds]) => [role, seconds - (before.get(role) ?? 0)] as const);
  const total = used.reduce((sum, [, seconds]) => sum + seconds, 0);
  const parts = used.sort((a, b) => b[1] - a[1]).map(([role, seconds]) => `${role} ${seconds.toFixed(1)}`);
  const perStory = (1000 * total) / stories;
  return {
    perStory,
    text: `CPU of the stack: ${total.toFixed(1)} s, ${perStory.toFixed(1)} ms a story (${parts.join(", ")})`,
  };
}

/** How many officials, organizations, initiatives and events the graph holds. */
async function graphCounts(token: string): Promise<Record<string, number>> {
  const data = await post<Record<string, { totalCount: number }>>(
    gateway,
    token,
    `{ official: officials(first: 0) { totalCount } organization: organizations(first: 0) { totalCount }
       initiative: initiatives(first: 0) { totalCount } event: events(first: 0) { totalCount } }`,
    {},
  );
  return Object.fromEntries(Object.entries(data).map(([kind, connection]) => [kind, connection.totalCount]));
}

const cleanUp = async () => {
  await stack.stop();
  rmSync(storyDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
};
// Interrupted (Ctrl-C, a timeout's SIGTERM): `finally` below never runs, so the stack would be left running.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log(`${signal}: stopping the stack`);
    void cleanUp().finally(() => process.exit(130));
  });
}
try {
  const token = await signDevelopmentToken({ subject: "bench" });
  const catalogue = ministers(OFFICIALS + PASSES * Math.ceil(STORIES / 10));
  const known = catalogue.slice(0, OFFICIALS);
  const unknown = catalogue.slice(OFFICIALS);

  const started = performance.now();
  for (let i = 0; i < known.length; i += 25) {
    const chunk = known.slice(i, i + 25);
    const declarations = chunk.map((_, j) => `$i${j}: CreateOfficialInput!`).join(", ");
    const fields = chunk
      .map((_, j) => `c${j}: createOfficial(input: $i${j}) { official { id } userErrors { message } }`)
      .join(" ");
    const variables = Object.fromEntries(
      chunk.map((m, j) => [
        `i${j}`,
        { name: m.name, countryCode: m.country.code, positions: [{ title: `Minister of ${m.portfolio}` }] },
      ]),
    );
    const data = await post<Record<string, { userErrors: unknown[] }>>(
      gateway,
      token,
      `mutation Catalogue(${declarations}) { ${fields} }`,
      variables,
    );
    const refused = Object.values(data).filter((answer) => answer.userErrors.length);
    if (refused.length) throw new Error(`catalogue refused: ${JSON.stringify(refused[0])}`);
  }
  console.log(`catalogue: ${known.length} officials created in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  // One folder of new stories per pass; one story in ten names a minister the catalogue lacks (new in every pass).
  const folders = Array.from({ length: PASSES }, (_, pass) => {
    const folder = join(storyDir, `pass-${pass + 1}`);
    mkdirSync(folder);
    for (let n = 0; n < STORIES; n++) {
      const i = pass * STORIES + n;
      const a = n % 10 === 9 ? unknown[Math.floor(i / 10)]! : pick(known);
      let b = pick(known);
      while (b.country.code === a.country.code) b = pick(known);
      writeFileSync(join(folder, `${String(n).padStart(5, "0")}.txt`), story(i, a, b));
    }
    return storyFiles([folder]).files;
  });
  const rates: number[] = [];
  const cpus: number[] = [];
  const outcomes: Awaited<ReturnType<typeof ingestFiles>>["outcomes"] = [];
  for (const [pass, files] of folders.entries()) {
    const countsBefore = await graphCounts(token);
    const cpuAtStart = stackCpu();
    const run = await ingestFiles(files, { gatewayUrl: gateway, token, batchSize: 50, concurrency: CONCURRENCY });
    const cpuAfter = stackCpu();
    const cpu = cpuReport(cpuAtStart, cpuAfter, files.length);
    rates.push(run.outcomes.length / run.seconds);
    cpus.push(cpu.perStory);
    outcomes.push(...run.outcomes);
    const catalogueNow = countsBefore.official!;
    console.log(
      `\nfirst ingestion, pass ${pass + 1} of ${PASSES} (${catalogueNow} officials in the catalogue):\n${summarize(run)}`,
    );
    console.log(cpu.text);
    // What the payloads said was created, against what the graph gained: they differ if a create is counted twice.
    const countsAfter = await graphCounts(token);
    console.log(
      `the graph gained: ${Object.entries(countsAfter)
        .map(([kind, n]) => `${n - countsBefore[kind]!} ${kind}`)
        .join(", ")}`,
    );
  }
  console.log(
    `\nfirst ingestions: ${rates.map((rate) => rate.toFixed(1)).join(", ")} stories/s, median ${median(rates).toFixed(1)}; ` +
      `CPU ${cpus.map((ms) => ms.toFixed(1)).join(", ")} ms a story, median ${median(cpus).toFixed(1)}`,
  );
  const cpuBeforeAgain = stackCpu();
  const again = await ingestFiles(folders[0]!, { gatewayUrl: gateway, token, batchSize: 50, concurrency: CONCURRENCY });
  console.log(`\nthe first folder again:\n${summarize(again)}`);
  console.log(cpuReport(cpuBeforeAgain, stackCpu(), folders[0]!.length).text);
  const refused = [...outcomes, ...again.outcomes].filter((o) => o.status === "REFUSED");
  if (refused.length) console.log(`refused, e.g.: ${refused[0]!.file.label}: ${refused[0]!.reason}`);
} finally {
  await cleanUp();
}
