/**
 * `pnpm dataset --articles 100000` (compiled: scripts/dist/dataset.js): loads a deterministic synthetic dataset into
 * the running stack's databases in bulk (COPY, not the API): at 100,000 articles also 5,000 officials, 1,000
 * organizations, 2,000 initiatives and 20,000 events with their positions, champions, participants, countries,
 * outcomes, links and mentions; other article counts scale every kind in proportion (`--officials` etc. override).
 *
 * Each subgraph's rows go in through its own connection: `<SERVICE>_DATABASE_URL`, else `DATABASE_URL`, else the
 * embedded server of `pnpm start` (its role and password from DATA_DIR/postgres-credentials.json, its port from
 * DATA_DIR/postgres/postmaster.pid). A dataset is loaded once: the same size again does nothing, another size is
 * refused. The gateway's response cache does not see these writes; answers cached before the load age out
 * (RESPONSE_CACHE_TTL_SECONDS).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SUBGRAPHS } from "@newsfed/kit/services";
import { sizesFor, type DatasetSizes, type ServiceName } from "./dataset/generate.js";
import { loadDataset } from "./dataset/load.js";
import { repoRoot } from "./supervisor/repo-root.js";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "100000" },
    officials: { type: "string" },
    organizations: { type: "string" },
    initiatives: { type: "string" },
    events: { type: "string" },
    "data-dir": { type: "string" },
  },
});

const count = (name: string, text: string | undefined, fallback: number) => {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new Error(`--${name} must be a whole number from 1 to 10000000`);
  return n;
};
const articles = count("articles", values.articles, 100_000);
const scaled = sizesFor(articles);
const sizes: DatasetSizes = {
  articles,
  officials: count("officials", values.officials, scaled.officials),
  organizations: count("organizations", values.organizations, scaled.organizations),
  initiatives: count("initiatives", values.initiatives, scaled.initiatives),
  events: count("events", values.events, scaled.events),
};

/** Where each subgraph's data goes: its own URL, the shared one, or the embedded server's role. */
function databaseUrls(): Record<ServiceName, string> {
  const dataDir = resolve(values["data-dir"] ?? process.env.DATA_DIR ?? join(repoRoot(), ".data"));
  let embedded: ((service: ServiceName) => string) | undefined;
  const embeddedUrl = (service: ServiceName) => {
    if (!embedded) {
      const credentialsFile = join(dataDir, "postgres-credentials.json");
      const pidFile = join(dataDir, "postgres", "postmaster.pid");
      if (!existsSync(credentialsFile) || !existsSync(pidFile)) {
        throw new Error(
          `no running embedded PostgreSQL in ${dataDir} (start the stack with \`pnpm start\` first, or set DATABASE_URL)`,
        );
      }
      const credentials = JSON.parse(readFileSync(credentialsFile, "utf8")) as { roles: Record<string, string> };
      const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
      embedded = (name) => `postgres://${name}:${encodeURIComponent(credentials.roles[name]!)}@127.0.0.1:${port}/newsfed`;
    }
    return embedded(service);
  };
  return Object.fromEntries(
    SUBGRAPHS.map((service) => [
      service.name,
      process.env[service.databaseUrlEnv] ?? process.env.DATABASE_URL ?? embeddedUrl(service.name),
    ]),
  ) as Record<ServiceName, string>;
}

const started = Date.now();
console.log(`[dataset] loading ${JSON.stringify(sizes)}`);
try {
  for (const report of await loadDataset(databaseUrls(), sizes)) {
    const rows = Object.entries(report.rows)
      .map(([table, n]) => `${table} ${n}`)
      .join(", ");
    console.log(
      report.outcome === "present"
        ? `[dataset] ${report.service}: already loaded (same size); nothing to do`
        : `[dataset] ${report.service}: ${rows} in ${report.seconds.toFixed(1)} s`,
    );
  }
  console.log(`[dataset] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`[dataset] ${(error as Error).message}`);
  process.exitCode = 1;
}
