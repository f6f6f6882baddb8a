import { mapConcurrently } from "@newsfed/kit/concurrency";
import { type UserError, UserErrorCode } from "@newsfed/kit/graphql";
import { FederationUnavailableError, type RequestRuntime } from "@newsfed/kit/subgraph";
import { parseInput, requireScope, requiredText, text, httpUrl, UserErrorList } from "@newsfed/kit/writes";
import type { ArticleRepo } from "../article/article.repo.js";
import type { ArticleService } from "../article/article.service.js";
import type { ArticleRow, LinkKind } from "../db/schema.js";
import { contentHash } from "../wire/content-hash.js";
import { findMentions } from "../wire/find-mentions.js";
import { headlineFrom } from "../wire/headline.js";
import { MAX_STORY_CHARS, parseWireStory, type WireStory, WireStoryError } from "../wire/wire-story.js";
import type { Directory } from "./directory.js";
import { extractStory } from "./extract/extract.js";
import { GatewayDirectory } from "./gateway-directory.js";
import { type EntityRef, IngestPipeline, type SkippedEntity, type StoryResolution } from "./pipeline.js";

export interface IngestInput {
  text: string;
  url?: string | null;
  headline?: string | null;
}

/** What became of a story. */
export enum IngestStatus {
  /** A new article. */
  CREATED = "CREATED",
  /** The same story was already stored, linked as it would be now: nothing changed. */
  UNCHANGED = "UNCHANGED",
  /** The same story was already stored; its links were brought up to date with what the graph knows now. */
  RELINKED = "RELINKED",
  /** Another text of the story at the same `url` (a corrected re-file): the stored article was updated in place. */
  UPDATED = "UPDATED",
  /** Refused (see userErrors); nothing was stored. */
  REFUSED = "REFUSED",
}

export interface IngestPayload {
  article: ArticleRow | null;
  created: boolean;
  status: IngestStatus;
  createdEntities: EntityRef[];
  linkedEntities: EntityRef[];
  skippedEntities: SkippedEntity[];
  userErrors: UserError[];
}

export interface IngestOptions {
  /** Stable ids for the articles created (the seed's), by input position. */
  ids?: readonly (string | undefined)[];
  /** Where entities are found and created; the gateway, acting for the caller, unless given (the seed's data). */
  directory?: Directory;
}

/** Most stories one `ingestArticles` takes. */
export const MAX_BATCH = 100;
/** Articles written at once (the pool has ten connections; lookups and other requests need some). */
const WRITE_CONCURRENCY = 4;
const MIN_WORDS = 5;

const INPUT_FIELDS = { text: requiredText(MAX_STORY_CHARS), url: httpUrl(), headline: text({ max: 300 }) };
const LINK_FIELDS: [LinkKind, keyof StoryResolution][] = [
  ["OFFICIAL", "officialIds"],
  ["ORGANIZATION", "organizationIds"],
  ["INITIATIVE", "initiativeIds"],
  ["COUNTRY", "countryCodes"],
  ["EVENT", "eventIds"],
];

interface Parsed {
  position: number;
  story: WireStory;
  hash: string;
  url: string | null;
  headline: string | null;
}

/**
 * Raw wire stories → articles linked into the graph. For a batch: every text is checked and parsed first (nothing is
 * written for a refused one); the candidates of all stories are resolved together (IngestPipeline: lookups by name
 * through the gateway, creates of what is missing on behalf of the caller); then each article is created, relinked
 * (the same story again) or updated (another text at the same URL), each in its own transaction.
 */
export class IngestService {
  constructor(
    private readonly articles: ArticleService,
    private readonly repo: ArticleRepo,
    private readonly runtime: RequestRuntime,
  ) {}

  async ingest(input: IngestInput): Promise<IngestPayload> {
    return (await this.ingestMany([input]))[0]!;
  }

  async ingestMany(inputs: readonly IngestInput[], options: IngestOptions = {}): Promise<IngestPayload[]> {
    const identity = requireScope(this.runtime.identity, "articles:write");
    const payloads: IngestPayload[] = inputs.map(() => refusedPayload([]));
    const parsed: Parsed[] = [];
    inputs.forEach((input, position) => {
      const result = checkInput(input);
      if ("errors" in result) payloads[position] = refusedPayload(result.errors);
      else parsed.push({ position, ...result });
    });
    // The first of several copies of one story in a batch is ingested; the others answer with its article.
    const firstOf = new Map<string, Parsed>();
    const unique = parsed.filter((p) => (firstOf.has(p.hash) ? false : (firstOf.set(p.hash, p), true)));
    if (!unique.length) return payloads;

    const stories = unique.map((p) => ({ story: p.story, extraction: extractStory(p.story) }));
    let resolutions: StoryResolution[];
    try {
      const directory = options.directory ?? new GatewayDirectory(this.runtime.federation, identity);
      resolutions = await new IngestPipeline(directory, stories, { scopes: identity.scopes }).run();
    } catch (error) {
      if (!(error instanceof FederationUnavailableError)) throw error;
      for (const p of parsed) payloads[p.position] = refusedPayload([unavailable(error)]);
      return payloads;
    }

    const stored = await this.repo.storiesMatching(
      unique.map((p) => p.hash),
      unique.flatMap((p) => (p.url ? [p.url] : [])),
    );
    const byHash = new Map(stored.filter((row) => row.contentHash).map((row) => [row.contentHash!, row.id]));
    const byUrl = new Map<string, string>();
    for (const row of stored) if (row.url && !byUrl.has(row.url)) byUrl.set(row.url, row.id);

    // New stories (neither their body nor their URL stored) are created together: one transaction, a savepoint each.
    const fresh = unique.map((p, index) => ({ p, index })).filter(({ p }) => !byHash.has(p.hash) && !(p.url && byUrl.has(p.url)));
    const later = new Set(unique.map((_, index) => index));
    if (fresh.length) {
      const results = await this.articles.writes.createMany(
        fresh.map(({ p, index }) => ({ ...this.articleInput(p, resolutions[index]!), url: p.url })),
        { checkReferences: false, ids: fresh.map(({ p }) => options.ids?.[p.position]) },
      );
      fresh.forEach(({ p, index }, k) => {
        const { entity, userErrors } = results[k]!;
        // A concurrent ingestion stored the same story, or another text at this URL, first: handled below.
        if (
          userErrors.some(
            (e) => e.code === UserErrorCode.DUPLICATE && (e.field === "input.contentHash" || e.field === "input.url"),
          )
        )
          return;
        later.delete(index);
        payloads[p.position] = this.payload(p, resolutions[index]!, entity, IngestStatus.CREATED, userErrors, byHash, byUrl);
      });
    }
    if (later.size) {
      const again = await this.repo.storiesMatching(
        [...later].map((index) => unique[index]!.hash),
        [...later].flatMap((index) => (unique[index]!.url ? [unique[index]!.url!] : [])),
      );
      for (const row of again) {
        if (row.contentHash && !byHash.has(row.contentHash)) byHash.set(row.contentHash, row.id);
        if (row.url && !byUrl.has(row.url)) byUrl.set(row.url, row.id);
      }
    }
    // The rest (repeats, corrections at a known URL): stories sharing a URL one after the other, the others a few at a time.
    const chains = new Map<string, number[]>();
    unique.forEach((p, index) => {
      if (!later.has(index)) return;
      const key = p.url ?? `#${p.hash}`;
      chains.set(key, [...(chains.get(key) ?? []), index]);
    });
    await mapConcurrently([...chains.values()], WRITE_CONCURRENCY, async (chain) => {
      for (const index of chain) {
        const p = unique[index]!;
        payloads[p.position] = await this.store(p, resolutions[index]!, byHash, byUrl, options.ids?.[p.position]);
      }
    });
    for (const p of parsed) {
      const first = firstOf.get(p.hash)!;
      if (first !== p)
        payloads[p.position] = { ...payloads[first.position]!, created: false, status: repeatStatus(payloads[first.position]!) };
    }
    return payloads;
  }

  /** The article's fields for a story (links, mentions and themes from its resolution). */
  private articleInput(p: Parsed, resolution: StoryResolution) {
    const lead = p.story.body.split("\n\n")[0]!;
    return {
      headline: p.headline ?? headlineFrom(lead),
      summary: lead.length <= 2000 ? lead : null,
      body: p.story.body,
      publishedAt: new Date(`${p.story.publishedOn}T00:00:00Z`),
      source: { name: resolution.sourceName, code: p.story.dateline?.agency ?? null },
      dateline: p.story.dateline,
      photo: p.story.photo,
      themes: resolution.themes,
      ...Object.fromEntries(LINK_FIELDS.map(([, field]) => [field, resolution[field]])),
      mentions: resolution.mentions,
      contentHash: p.hash,
    };
  }

  private payload(
    p: Parsed,
    resolution: StoryResolution,
    article: ArticleRow | null,
    status: IngestStatus,
    errors: UserError[],
    byHash: Map<string, string>,
    byUrl: Map<string, string>,
  ): IngestPayload {
    if (errors.length || !article) return refusedPayload(errors.map(asTextError));
    byHash.set(p.hash, article.id);
    if (article.url) byUrl.set(article.url, article.id);
    return {
      article,
      created: status === IngestStatus.CREATED,
      status,
      createdEntities: resolution.created,
      linkedEntities: resolution.linked,
      skippedEntities: resolution.skipped,
      userErrors: [],
    };
  }

  /** Relinks (same body) or updates (same URL) the stored article of one story, or creates it (a race lost above). */
  private async store(
    p: Parsed,
    resolution: StoryResolution,
    byHash: Map<string, string>,
    byUrl: Map<string, string>,
    id: string | undefined,
  ): Promise<IngestPayload> {
    const content = this.articleInput(p, resolution);
    const links = Object.fromEntries(LINK_FIELDS.map(([, field]) => [field, resolution[field]]));
    const done = (article: ArticleRow | null, status: IngestStatus, errors: UserError[] = []) =>
      this.payload(p, resolution, article, status, errors, byHash, byUrl);

    const relink = async (articleId: string) => {
      const current = await this.articles.get(articleId);
      if (!current) return null;
      if (await this.linkedAsBefore(current, resolution, content.body)) return done(current, IngestStatus.UNCHANGED);
      const { entity, userErrors } = await this.articles.writes.update(
        articleId,
        { body: content.body, themes: content.themes, ...links, mentions: content.mentions },
        { checkReferences: false },
      );
      return done(entity, IngestStatus.RELINKED, userErrors);
    };
    const replace = async (articleId: string) => {
      const { entity, userErrors } = await this.articles.writes.update(
        articleId,
        { ...content, url: p.url },
        { checkReferences: false },
      );
      return done(entity, IngestStatus.UPDATED, userErrors);
    };

    const sameText = byHash.get(p.hash);
    if (sameText) return (await relink(sameText)) ?? refusedPayload([gone()]);
    const sameUrl = p.url ? byUrl.get(p.url) : undefined;
    if (sameUrl) return replace(sameUrl);

    const result = await this.articles.writes.create(
      { ...content, url: p.url },
      { checkReferences: false, ...(id ? { id } : {}) },
    );
    if (result.userErrors.some((e) => e.field === "input.contentHash" && e.code === UserErrorCode.DUPLICATE)) {
      // A concurrent ingestion of the same story won the unique content hash: the story is stored; link it as now.
      const winner = await this.articles.findByContentHash(p.hash);
      if (winner) return (await relink(winner.id)) ?? refusedPayload([gone()]);
    }
    if (result.userErrors.some((e) => e.field === "input.url" && e.code === UserErrorCode.DUPLICATE) && p.url) {
      // A concurrent ingestion stored another text at this URL: this one is its correction.
      const [row] = (await this.repo.storiesMatching([], [p.url])).filter((r) => r.url === p.url);
      if (row) return replace(row.id);
    }
    return done(result.entity, IngestStatus.CREATED, result.userErrors);
  }

  /** The stored links, mentions and themes are those the story would get now. */
  private async linkedAsBefore(current: ArticleRow, resolution: StoryResolution, body: string): Promise<boolean> {
    for (const [kind, field] of LINK_FIELDS) {
      const now = resolution[field] as string[];
      const before = await this.articles.links(current.id, kind);
      if (now.length !== before.length || now.some((id, i) => before[i] !== id)) return false;
    }
    if (resolution.themes.join() !== current.themes.join()) return false;
    const located = findMentions(body, resolution.mentions).map(
      (m) => `${m.start}|${m.end}|${m.kind}|${m.refId ?? ""}|${m.confidence.toFixed(3)}`,
    );
    const stored = (await this.articles.mentions(current.id)).map(
      (m) => `${m.start}|${m.end}|${m.kind}|${m.refId ?? ""}|${m.confidence.toFixed(3)}`,
    );
    return located.length === stored.length && located.every((m, i) => m === stored[i]);
  }
}

/** Checks one input before any work: size and format of the text, the URL, the headline; then parses the story. */
function checkInput(input: IngestInput): { errors: UserError[] } | Omit<Parsed, "position"> {
  const v = new UserErrorList();
  const checked = parseInput(INPUT_FIELDS, input, "create");
  v.addAll(checked.errors);
  const { text: raw, url, headline } = checked.values;
  let story: WireStory | undefined;
  if (raw) {
    try {
      story = parseWireStory(raw);
      if (!story.dateline) {
        v.add(
          "input.text",
          UserErrorCode.INVALID_FORMAT,
          "The story has no `Place (AGENCY) -` dateline opening its first paragraph.",
        );
      } else if (story.body.split(/\s+/).length < MIN_WORDS) {
        v.add(
          "input.text",
          UserErrorCode.INVALID_FORMAT,
          `The story's body has fewer than ${MIN_WORDS} words: it is not a story.`,
        );
      }
      if (story.publishedOn > new Date().toISOString().slice(0, 10)) {
        v.add("input.text", UserErrorCode.IN_FUTURE, `The date line's ${story.publishedOn} lies in the future.`);
      }
    } catch (error) {
      if (!(error instanceof WireStoryError)) throw error;
      v.add("input.text", UserErrorCode.INVALID_FORMAT, error.message);
    }
  }
  if (!v.ok || !story) return { errors: v.errors };
  return { story, hash: contentHash(story.body), url: url ?? null, headline: headline ?? null };
}

const refusedPayload = (userErrors: UserError[]): IngestPayload => ({
  article: null,
  created: false,
  status: IngestStatus.REFUSED,
  createdEntities: [],
  linkedEntities: [],
  skippedEntities: [],
  userErrors,
});

/** A later copy of a story in the same batch: the same article, not created by it. */
const repeatStatus = (first: IngestPayload) =>
  first.status === IngestStatus.REFUSED ? IngestStatus.REFUSED : IngestStatus.UNCHANGED;

// The story's parts came from `input.text`: a problem with any of them is a problem with the text.
const asTextError = (error: UserError): UserError =>
  error.field === "input.url" || error.field === "input.headline" ? error : { ...error, field: "input.text" };

const unavailable = (error: Error): UserError => ({
  field: null,
  code: UserErrorCode.UNAVAILABLE,
  message: `The graph could not be read or extended (${error.message}). Nothing was stored for this story; retrying it completes it without duplicates.`,
});

const gone = (): UserError => ({
  field: null,
  code: UserErrorCode.NOT_FOUND,
  message: "The stored article of this story was deleted meanwhile; retry to store it again.",
});
