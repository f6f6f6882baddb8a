/**
 * Loads the synthetic dataset (generate.ts) into the subgraphs' databases in bulk: COPY, one transaction per
 * subgraph, each through its own connection (its own role on the embedded server). Loading twice is refused; a
 * subgraph already holding the dataset of the same size is left as it is, so a re-run completes a partial load.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { COUNTRIES, datasetId, MARKERS, rowsOf, type DatasetSizes, type ServiceName } from "./generate.js";

export const DATASET_SERVICES: readonly ServiceName[] = ["officials", "policy", "articles"];

export interface LoadReport {
  service: ServiceName;
  /** loaded: written now; present: the same dataset was there already. */
  outcome: "loaded" | "present";
  rows: Record<string, number>;
  seconds: number;
}

/** What a subgraph's database holds of the dataset: nothing, this size, or another size (refused). */
async function present(client: pg.Client, service: ServiceName, sizes: DatasetSizes): Promise<"none" | "same" | "other"> {
  const marker = MARKERS[service];
  const count = marker.count(sizes);
  const ids = [datasetId(marker.kind, 0), datasetId(marker.kind, count - 1), datasetId(marker.kind, count)];
  const { rows } = await client.query<{ id: string }>(`select id from ${marker.table} where id = any($1::text[])`, [ids]);
  const found = new Set(rows.map((row) => row.id));
  if (!found.has(ids[0]!)) return "none";
  return found.has(ids[1]!) && !found.has(ids[2]!) ? "same" : "other";
}

export async function loadService(url: string, service: ServiceName, sizes: DatasetSizes): Promise<LoadReport> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url, options: "-c statement_timeout=0" });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    const state = await present(client, service, sizes);
    if (state === "same") return { service, outcome: "present", rows, seconds: 0 };
    if (state === "other") {
      throw new Error(
        `${service}: a synthetic dataset of another size is loaded already; load into a fresh DATA_DIR (or database) instead`,
      );
    }
    await client.query("begin");
    // The transaction is the unit: a failed load leaves nothing behind, and the marker check above stays exact.
    await client.query("set local synchronous_commit = off");
    if (service === "officials") {
      const values = COUNTRIES.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(", ");
      const result = await client.query(
        `insert into officials.countries (code, name) values ${values} on conflict (code) do nothing`,
        COUNTRIES.flat(),
      );
      rows["officials.countries"] = result.rowCount ?? 0;
    }
    for (const { table, columns, rows: lines } of rowsOf(service, sizes)) {
      const copy = client.query(copyFrom(`copy ${table} (${columns.map((c) => `"${c}"`).join(", ")}) from stdin`));
      await pipeline(Readable.from(batched(lines), { objectMode: false }), copy);
      rows[table] = copy.rowCount;
    }
    await client.query("commit");
    return { service, outcome: "loaded", rows, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** COPY lines in chunks of ~256 KB, so the stream moves buffers rather than a million tiny strings. */
function* batched(lines: Iterable<string>): Generator<string> {
  let chunk = "";
  for (const text of lines) {
    chunk += text;
    if (chunk.length > 262_144) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/**
 * Fresh statistics for the planner, and a visibility map for index-only scans. Run once every load has committed:
 * while any of them is still open, VACUUM cannot mark the others' new pages all-visible.
 */
export async function vacuumTables(url: string, tables: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: "-c statement_timeout=0" });
  await client.connect();
  try {
    for (const table of tables) await client.query(`vacuum (analyze) ${table}`);
  } finally {
    await client.end();
  }
}

/** Loads every subgraph's part at once (three connections), each in its own transaction, then vacuums what it wrote. */
export async function loadDataset(urls: Record<ServiceName, string>, sizes: DatasetSizes): Promise<LoadReport[]> {
  const reports = await Promise.all(DATASET_SERVICES.map((service) => loadService(urls[service], service, sizes)));
  for (const report of reports) {
    if (report.outcome === "loaded") await vacuumTables(urls[report.service], Object.keys(report.rows));
  }
  return reports;
}
