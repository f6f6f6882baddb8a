import { mapConcurrently } from "@newsfed/kit/concurrency";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** The fields `pnpm ingest` asks for each story: small, so a batch stays well within the gateway's cost limit. */
const INGEST_MANY = /* GraphQL */ `
  mutation IngestStories($inputs: [IngestArticleInput!]!) {
    ingestArticles(inputs: $inputs) {
      userErrors {
        field
        message
        code
      }
      results {
        status
        article {
          id
          slug
        }
        userErrors {
          field
          message
          code
        }
        createdEntities {
          kind
        }
        linkedEntities {
          kind
        }
        skippedEntities {
          kind
          name
          reason
        }
      }
    }
  }
`;

export interface StoryFile {
  path: string;
  /** As printed: relative to the working directory. */
  label: string;
}

export interface StoryOutcome {
  file: StoryFile;
  status: "CREATED" | "UNCHANGED" | "RELINKED" | "UPDATED" | "REFUSED";
  slug: string | null;
  created: Record<string, number>;
  skipped: number;
  reason: string | null;
}

export interface IngestRun {
  outcomes: StoryOutcome[];
  seconds: number;
}

/** The story files named: files as given, folders searched (depth first, sorted) for `*.txt`. */
export function storyFiles(paths: readonly string[], cwd = process.cwd()): { files: StoryFile[]; folders: boolean } {
  const files: StoryFile[] = [];
  let folders = false;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      folders = true;
      for (const name of readdirSync(path).sort()) {
        const child = join(path, name);
        if (statSync(child).isDirectory() || name.endsWith(".txt")) visit(child);
      }
    } else files.push({ path, label: relative(cwd, path) || path });
  };
  for (const path of paths) visit(path);
  return { files, folders };
}

export interface IngestOptions {
  gatewayUrl: string;
  token: string;
  /** Stories per request (the mutation takes at most 100). */
  batchSize?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Called after each story's outcome is known, in file order. */
  onOutcome?: (outcome: StoryOutcome, done: number, total: number) => void;
}

/**
 * Requests in flight by default. A batch waits on the gateway between its stages (lookups, creates, the article
 * writes), so two at a time left a third of this 2-core machine idle; four kept it busy (bench:ingest, 2026-11-28:
 * 180–190 → 212–216 stories/s). More only queue in the services.
 */
export const DEFAULT_PARALLEL = 4;

/** Most bytes of story text per request: the gateway refuses bodies over 1 MB. */
const MAX_BATCH_BYTES = 700_000;

/**
 * Ingests story files through the gateway's `ingestArticles`, in batches (the lookups and creates of a batch are
 * shared), a few requests at a time; outcomes are reported in file order.
 */
export async function ingestFiles(files: readonly StoryFile[], options: IngestOptions): Promise<IngestRun> {
  const batchSize = Math.min(options.batchSize ?? 50, 100);
  const batches: { files: StoryFile[]; texts: string[] }[] = [];
  let current: { files: StoryFile[]; texts: string[] } = { files: [], texts: [] };
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file.path, "utf8");
    if (current.files.length && (current.files.length >= batchSize || bytes + text.length > MAX_BATCH_BYTES)) {
      batches.push(current);
      current = { files: [], texts: [] };
      bytes = 0;
    }
    current.files.push(file);
    current.texts.push(text);
    bytes += text.length;
  }
  if (current.files.length) batches.push(current);

  const outcomes: StoryOutcome[][] = new Array(batches.length);
  let reported = 0;
  let done = 0;
  const report = () => {
    while (reported < batches.length && outcomes[reported]) {
      for (const outcome of outcomes[reported]!) options.onOutcome?.(outcome, ++done, files.length);
      reported++;
    }
  };
  const started = performance.now();
  await mapConcurrently(batches, options.concurrency ?? DEFAULT_PARALLEL, async (batch, index) => {
    outcomes[index] = await sendBatch(batch, options);
    report();
  });
  return { outcomes: outcomes.flat(), seconds: (performance.now() - started) / 1000 };
}

async function sendBatch(batch: { files: StoryFile[]; texts: string[] }, options: IngestOptions): Promise<StoryOutcome[]> {
  const refusedAll = (reason: string) =>
    batch.files.map((file): StoryOutcome => ({ file, status: "REFUSED", slug: null, created: {}, skipped: 0, reason }));
  let body: any;
  try {
    const response = await fetch(options.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${options.token}` },
      body: JSON.stringify({ query: INGEST_MANY, variables: { inputs: batch.texts.map((text) => ({ text })) } }),
      signal: AbortSignal.timeout(300_000),
    });
    body = await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status}` }] }));
  } catch (error) {
    return refusedAll(`the gateway could not be reached (${(error as Error).message})`);
  }
  if (body.errors?.length || !body.data)
    return refusedAll(body.errors?.map((e: { message: string }) => e.message).join("; ") ?? "no data");
  const payload = body.data.ingestArticles;
  if (payload.userErrors.length) return refusedAll(payload.userErrors.map((e: { message: string }) => e.message).join("; "));
  return batch.files.map((file, index): StoryOutcome => {
    const result = payload.results[index];
    const created: Record<string, number> = {};
    for (const entity of result.createdEntities) created[entity.kind] = (created[entity.kind] ?? 0) + 1;
    return {
      file,
      status: result.status,
      slug: result.article?.slug ?? null,
      created,
      skipped: result.skippedEntities.length,
      reason: result.userErrors.length ? result.userErrors.map((e: { message: string }) => e.message).join("; ") : null,
    };
  });
}

const WORDS: Record<StoryOutcome["status"], string> = {
  CREATED: "created",
  UNCHANGED: "already present",
  RELINKED: "already present, relinked",
  UPDATED: "updated",
  REFUSED: "refused",
};

/** One line per story: what became of it. */
export function describe(outcome: StoryOutcome): string {
  if (outcome.status === "REFUSED") return `refused          ${outcome.file.label}: ${outcome.reason}`;
  const made = Object.entries(outcome.created).map(([kind, count]) => `${count} ${kind.toLowerCase().replace("policy_", "")}`);
  const extra = [made.length ? `created ${made.join(", ")}` : "", outcome.skipped ? `${outcome.skipped} left out` : ""].filter(
    Boolean,
  );
  return `${WORDS[outcome.status].padEnd(16)} ${outcome.file.label} → ${outcome.slug}${extra.length ? ` (${extra.join("; ")})` : ""}`;
}

/** The closing summary: counts per outcome, entities created, time and rate. */
export function summarize(run: IngestRun): string {
  const count = (status: StoryOutcome["status"]) => run.outcomes.filter((o) => o.status === status).length;
  const entities: Record<string, number> = {};
  for (const outcome of run.outcomes)
    for (const [kind, n] of Object.entries(outcome.created)) entities[kind] = (entities[kind] ?? 0) + n;
  const made = Object.entries(entities).map(([kind, n]) => `${n} ${kind.toLowerCase().replace("policy_", "")}`);
  const rate = run.seconds > 0 ? run.outcomes.length / run.seconds : 0;
  return [
    `${run.outcomes.length} stories: ${count("CREATED")} created, ${count("UNCHANGED") + count("RELINKED")} already present (${count("RELINKED")} relinked), ${count("UPDATED")} updated, ${count("REFUSED")} refused`,
    made.length ? `entities created: ${made.join(", ")}` : "no entities created",
    `${run.seconds.toFixed(1)} s, ${rate.toFixed(1)} stories/s`,
  ].join("\n");
}

/** A one-line progress bar: `[#########-----------]  45% 450/1000`. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total ? Math.round((done / total) * width) : width;
  const percent = total ? Math.floor((done / total) * 100) : 100;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total}`;
}
