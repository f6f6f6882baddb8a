import type { Identity } from "@newsfed/kit/identity";
import { readFileSync } from "node:fs";
import { stableId } from "@newsfed/kit/ids";
import { NO_FEDERATION } from "@newsfed/kit/subgraph";
import { seenBefore } from "@newsfed/kit/writes";
import { createContext } from "./context.js";
import type { ArticlesDb } from "./db/index.js";
import { IngestStatus } from "./ingest/ingest.service.js";
import { SeedDirectory } from "./ingest/seed-directory.js";
import { contentHash } from "./wire/content-hash.js";
import { parseWireStory } from "./wire/wire-story.js";

/** The committed seed is trusted data loaded at start-up, recorded as changed by "seed". */
const SEED_IDENTITY: Identity = { subject: "seed", scopes: ["articles:write"] };

interface SeedFile {
  articles: { key: string; story: string; headline: string; url: string | null }[];
}

const SEED_DIR = new URL("../seed/", import.meta.url);

/**
 * Ingests the committed wire stories through the ingestion pipeline the API uses (parse, extract, resolve, link), with
 * the curated seed data of the officials and policy subgraphs as its directory, since the gateway is not up yet at
 * first start (decision 0012). Only what the text cannot give comes from articles.json: the stable key and the
 * headline. A seed story must resolve to curated entities only: anything it would create or leave out fails the seed.
 * Creates only what is absent, so restarts never duplicate (nor bring back a deleted article).
 */
export async function seedArticles(db: ArticlesDb): Promise<void> {
  const data = JSON.parse(readFileSync(new URL("articles.json", SEED_DIR), "utf8")) as SeedFile;
  const ctx = createContext(db, { identity: SEED_IDENTITY, federation: NO_FEDERATION });
  const directory = new SeedDirectory();
  for (const entry of data.articles) {
    const id = stableId("article", entry.key);
    const text = readFileSync(new URL(`stories/${entry.story}`, SEED_DIR), "utf8");
    // Skip what exists or existed, and a story someone already ingested (same text, other id).
    if (await seenBefore(ctx.articles, id)) continue;
    if (await ctx.articles.findByContentHash(contentHash(parseWireStory(text).body))) continue;
    const [result] = await ctx.ingestion.ingestMany([{ text, url: entry.url, headline: entry.headline }], {
      ids: [id],
      directory,
    });
    if (result!.status !== IngestStatus.CREATED || result!.skippedEntities.length || result!.createdEntities.length) {
      throw new Error(
        `seed story ${entry.story} did not ingest from curated data alone: ${JSON.stringify({
          status: result!.status,
          userErrors: result!.userErrors,
          skipped: result!.skippedEntities,
        })}`,
      );
    }
  }
}
