import type { Identity } from "@newsfed/kit/identity";
import { readFileSync } from "node:fs";
import { stableId } from "@newsfed/kit/ids";
import { NO_FEDERATION } from "@newsfed/kit/subgraph";
import { expectWritten, seenBefore } from "@newsfed/kit/writes";
import { createContext } from "./context.js";
import type { ArticlesDb } from "./db/index.js";
import { contentHash } from "./wire/content-hash.js";
import { parseWireStory } from "./wire/wire-story.js";

/** The committed seed is trusted data loaded at start-up, recorded as changed by "seed". */
const SEED_IDENTITY: Identity = { subject: "seed", scopes: ["articles:write"] };

interface SeedFile {
  articles: {
    key: string;
    story: string;
    headline: string;
    summaryFromLead: boolean;
    source: { name: string; code: string | null };
    url: string | null;
    themes: string[];
    officials: string[];
    organizations: string[];
    initiatives: string[];
    countries: string[];
    events: string[];
    mentions: { text: string; kind: string; ref: string | null; confidence: number }[];
  }[];
}

const SEED_DIR = new URL("../seed/", import.meta.url);

/** The key kind behind each mention kind; countries are keyed by their code, places by nothing. */
const REF_KIND: Record<string, string | null> = { OFFICIAL: "official", INITIATIVE: "initiative", ORGANIZATION: "organization" };

/**
 * Loads the committed wire stories through the services the API uses. The raw story text is parsed the way
 * ingestion will parse it; only what the text cannot say (headline, links) comes from articles.json.
 * Creates only what is absent, so restarts never duplicate.
 */
export async function seedArticles(db: ArticlesDb): Promise<void> {
  const data = JSON.parse(readFileSync(new URL("articles.json", SEED_DIR), "utf8")) as SeedFile;
  const ctx = createContext(db, { identity: SEED_IDENTITY, federation: NO_FEDERATION });
  for (const entry of data.articles) {
    const id = stableId("article", entry.key);
    const raw = readFileSync(new URL(`stories/${entry.story}`, SEED_DIR), "utf8");
    // Skip what exists or existed, and a story someone already ingested (same text, other id).
    if ((await seenBefore(ctx.articles, id)) || (await ctx.articles.findByContentHash(contentHash(raw)))) continue;
    const story = parseWireStory(raw);
    // References point at the other seeds' stable ids; the gateway is not up yet to check them.
    await expectWritten(
      ctx.articles.writes.create(
        {
          headline: entry.headline,
          summary: entry.summaryFromLead ? story.body.split("\n\n")[0]! : null,
          body: story.body,
          publishedAt: new Date(`${story.publishedOn}T00:00:00Z`),
          source: entry.source,
          dateline: story.dateline,
          photo: story.photo,
          url: entry.url,
          themes: entry.themes,
          // As ingestion would record it: ingesting the same story later finds this article.
          contentHash: contentHash(raw),
          officialIds: entry.officials.map((key) => stableId("official", key)),
          organizationIds: entry.organizations.map((key) => stableId("organization", key)),
          initiativeIds: entry.initiatives.map((key) => stableId("initiative", key)),
          countryCodes: entry.countries,
          eventIds: entry.events.map((key) => stableId("event", key)),
          mentions: entry.mentions.map((mention) => {
            const kind = REF_KIND[mention.kind];
            const refId = mention.ref === null ? null : kind ? stableId(kind, mention.ref) : mention.ref;
            return { text: mention.text, kind: mention.kind, refId, confidence: mention.confidence };
          }),
        },
        { id, checkReferences: false },
      ),
    );
  }
}
