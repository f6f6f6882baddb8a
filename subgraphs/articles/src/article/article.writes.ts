import { isUniqueViolation } from "@newsfed/kit/db";
import { newId } from "@newsfed/kit/ids";
import type { Identity } from "@newsfed/kit/identity";
import { UserErrorCode } from "@newsfed/kit/graphql";
import { clearLoaders } from "@newsfed/kit/loaders";
import {
  countryCodes,
  type EntitySpec,
  httpUrl,
  idempotencyKey,
  type KeyAt,
  keys,
  type Reference,
  refuse,
  refusingDuplicates,
  requiredText,
  Rule,
  setOf,
  text,
  WriteRefused,
} from "@newsfed/kit/writes";
import { z } from "zod";
import type { ArticlesTx } from "../db/index.js";
import type { ArticleRow, LinkKind } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import { LOOKUPS } from "../references/lookups.js";
import { PolicyTheme } from "../vocabulary/policy-theme.enum.js";
import { findMentions } from "../wire/find-mentions.js";
import type { ArticleRepo, LinkRow, MentionInsert } from "./article.repo.js";
import { slugify } from "./slug.js";

/** Clocks differ: a publication time up to this far ahead of ours is accepted. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const SLUG_INDEX = "articles_slug_idx";
const CONTENT_HASH_INDEX = "articles_content_hash_idx";

/** A publication time: a Date (from the DateTime scalar) or an ISO string (trusted loaders); never in the future. */
const publishedAt = new Rule((value, ctx): Date => {
  if (value === null || value === undefined) return refuse(ctx, UserErrorCode.REQUIRED, "is required.");
  const date = value instanceof Date ? value : typeof value === "string" ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) return refuse(ctx, UserErrorCode.INVALID_FORMAT, "must be an ISO 8601 date-time.");
  if (date.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    return refuse(ctx, UserErrorCode.IN_FUTURE, "lies in the future; an article cannot be published later than now.");
  }
  return date;
});

const slug = text({ max: 120 }).andThen((value, ctx): string | null => {
  if (value === null || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) return value;
  return refuse(
    ctx,
    UserErrorCode.INVALID_FORMAT,
    "must be lower-case words of a-z and 0-9 joined by hyphens, at most 120 characters.",
  );
});

/** A surface form to locate in the body (trusted loaders: the seed and ingestion). */
const MENTION = z.object({
  text: requiredText(300),
  kind: requiredText(32),
  refId: text({ max: 100 }),
  confidence: z.number().min(0).max(1),
});

/** The declared fields of CreateArticleInput / UpdateArticleInput and the rule of each, plus two internal ones. */
export const ARTICLE_FIELDS = {
  headline: requiredText(300),
  body: requiredText(200_000),
  summary: text({ max: 2000 }),
  publishedAt,
  url: httpUrl(),
  slug,
  source: z.object({ name: requiredText(200), code: text({ max: 32 }) }),
  dateline: z.object({ place: requiredText(200), agency: text({ max: 32 }) }).nullish(),
  photo: z.object({ caption: requiredText(2000), credit: text({ max: 200 }) }).nullish(),
  themes: setOf(Object.values(PolicyTheme)),
  officialIds: keys({ maxItems: 100 }),
  organizationIds: keys({ maxItems: 100 }),
  initiativeIds: keys({ maxItems: 100 }),
  countryCodes: countryCodes(100),
  eventIds: keys({ maxItems: 100 }),
  idempotencyKey: idempotencyKey(),
  /** Internal: surface forms to locate in the body, each occurrence a mention with offsets. */
  mentions: z.array(MENTION).max(5000).nullish(),
  /** Internal: the wire story's content hash (ingestion), unique, so a story is stored once. */
  contentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullish(),
};

type Values = { [K in keyof typeof ARTICLE_FIELDS]?: z.output<(typeof ARTICLE_FIELDS)[K]> };

/** What the repository stores for one write: the article's columns, its links per kind, its located mentions. */
export interface ArticleWrite {
  row: Partial<Omit<ArticleRow, "id" | "createdAt" | "updatedAt" | "updatedBy">>;
  /** True when the slug was derived from the headline: a clash moves it aside instead of refusing the write. */
  derivedSlug: boolean;
  links: Map<LinkKind, LinkRow[]>;
  mentions: MentionInsert[] | undefined;
}

const LINKS: {
  kind: LinkKind;
  field: "officialIds" | "organizationIds" | "initiativeIds" | "countryCodes" | "eventIds";
  lookup: keyof typeof LOOKUPS;
}[] = [
  { kind: "OFFICIAL", field: "officialIds", lookup: "official" },
  { kind: "ORGANIZATION", field: "organizationIds", lookup: "organization" },
  { kind: "INITIATIVE", field: "initiativeIds", lookup: "initiative" },
  { kind: "COUNTRY", field: "countryCodes", lookup: "country" },
  { kind: "EVENT", field: "eventIds", lookup: "event" },
];

/** How articles are written: slugs, links checked with their owners, mentions located in the body. Nothing refers to articles. */
export function articleWrites(deps: {
  repo: ArticleRepo;
  loaders: Loaders;
}): EntitySpec<ArticleRow, typeof ARTICLE_FIELDS, ArticlesTx, ArticleWrite> {
  return {
    entityType: "Article",
    scope: "articles:write",
    fields: ARTICLE_FIELDS,
    internalFields: ["mentions", "contentHash"],
    load: (id) => deps.loaders.articleById.load(id),
    async check(values, errors, current) {
      let derivedSlug = false;
      let slugValue = values.slug;
      if (!current && (slugValue === undefined || slugValue === null) && values.headline) {
        slugValue = await freeSlug(deps.loaders, slugify(values.headline));
        derivedSlug = true;
      } else if (slugValue && (await slugTaken(deps.loaders, slugValue, current ? (current as ArticleRow).id : undefined))) {
        errors.add("input.slug", UserErrorCode.DUPLICATE, `Another article already has the slug "${slugValue}".`);
      }
      const references: Reference[] = [];
      const links = new Map<LinkKind, LinkRow[]>();
      for (const { kind, field, lookup } of LINKS) {
        const given: KeyAt[] | undefined = values[field];
        if (!given) continue;
        links.set(
          kind,
          given.map(({ key }, position) => ({ kind, refId: key, position })),
        );
        for (const { key, index } of given) references.push({ lookup: LOOKUPS[lookup], key, field: `input.${field}.${index}` });
      }
      // A new body keeps the article's mentions, located again in the new text.
      const specs = values.mentions ?? (current && values.body ? await deps.repo.mentionSpecs(current.id) : undefined);
      const body = values.body ?? undefined;
      return {
        references,
        write: {
          row: columns(values, slugValue),
          derivedSlug,
          links,
          mentions: body && (specs || !current) ? mentionRows(body, specs ?? []) : undefined,
        },
      };
    },
    insert: async (tx, id, write, actor) => {
      // One ingested story per URL: a concurrent ingestion of another text at the same URL waits here, then finds it.
      if (write.row.contentHash && write.row.url) {
        const [holder] = await deps.repo.ingestedUrlHolders(tx, [{ id, url: write.row.url }]);
        if (holder) {
          throw new WriteRefused([
            {
              field: "input.url",
              code: UserErrorCode.DUPLICATE,
              message: `Another ingested article (${holder.id}) is the story at this URL; update it instead.`,
            },
          ]);
        }
      }
      return refusingDuplicates(
        () => withSlug(tx, write, (t, slugValue) => deps.repo.insertMany(t, [newArticle(id, write, actor, slugValue)])),
        CONTENT_HASH_INDEX,
        // A concurrent ingestion stored the same story first.
        () => ({ field: "input.contentHash", code: UserErrorCode.DUPLICATE, message: "This story is already stored." }),
      );
    },
    // A bulk create (ingestion) stores its articles together; a taken URL, slug or story makes the write path store
    // them one at a time, which tells apart the one at fault.
    insertMany: async (tx, entities, actor) => {
      const ingested = entities.flatMap(({ id, write }) =>
        write.row.contentHash && write.row.url ? [{ id, url: write.row.url }] : [],
      );
      // Two of them at one URL: only the first may have it, which the one-at-a-time path decides.
      if (new Set(ingested.map((story) => story.url)).size < ingested.length) throw new WriteRefused([]);
      if (ingested.length && (await deps.repo.ingestedUrlHolders(tx, ingested)).length) throw new WriteRefused([]);
      await deps.repo.insertMany(
        tx,
        entities.map(({ id, write }) => newArticle(id, write, actor, write.row.slug)),
      );
    },
    update: (tx, id, write, actor) =>
      withSlug(tx, write, (t, slugValue) =>
        deps.repo.update(
          t,
          id,
          { ...write.row, slug: slugValue ?? undefined, updatedBy: actor.subject, updatedAt: new Date() },
          write.links,
          write.mentions,
        ),
      ),
    remove: (tx, id) => deps.repo.delete(tx, id),
    reset: () => clearLoaders(deps.loaders),
  };
}

/**
 * Stores with the checked slug; when a concurrent write took it meanwhile, a derived slug moves aside (a short suffix,
 * in a savepoint so the transaction goes on) and a chosen one is refused as DUPLICATE.
 */
/** A new article's rows, as the repository inserts them. */
function newArticle(id: string, write: ArticleWrite, actor: Identity, slugValue: string | null | undefined) {
  return {
    row: {
      id,
      ...write.row,
      slug: slugValue!,
      headline: write.row.headline!,
      body: write.row.body!,
      publishedAt: write.row.publishedAt!,
      sourceName: write.row.sourceName!,
      updatedBy: actor.subject,
    },
    links: [...write.links.values()].flat(),
    mentions: write.mentions ?? [],
  };
}

async function withSlug(
  tx: ArticlesTx,
  write: ArticleWrite,
  store: (tx: ArticlesTx, slug: string | null | undefined) => Promise<unknown>,
) {
  const wanted = write.row.slug;
  try {
    return await tx.transaction((savepoint) => store(savepoint, wanted));
  } catch (error) {
    if (!isUniqueViolation(error, SLUG_INDEX)) throw error;
    if (!write.derivedSlug) {
      throw new WriteRefused([
        { field: "input.slug", code: UserErrorCode.DUPLICATE, message: `Another article already has the slug "${wanted}".` },
      ]);
    }
    return store(tx, `${wanted}-${newId().slice(0, 8)}`);
  }
}

/** A derived slug never fails a write: on a clash it gets a short suffix. */
async function freeSlug(loaders: Loaders, base: string): Promise<string> {
  const root = base || "article";
  return (await slugTaken(loaders, root)) ? `${root}-${newId().slice(0, 8)}` : root;
}

/** Whether an article other than `exceptId` has the slug (the checks of a bulk write share one statement). */
async function slugTaken(loaders: Loaders, slug: string, exceptId?: string): Promise<boolean> {
  return (await loaders.articleIdsBySlug.load(slug)).some((row) => row.id !== exceptId);
}

/** The article columns a checked input sets; absent fields stay undefined (left as they are). */
function columns(values: Values, slugValue: string | null | undefined): ArticleWrite["row"] {
  return {
    headline: values.headline,
    body: values.body,
    summary: values.summary,
    publishedAt: values.publishedAt,
    url: values.url,
    slug: slugValue ?? undefined,
    themes: values.themes,
    contentHash: values.contentHash ?? undefined,
    ...(values.source !== undefined && { sourceName: values.source.name, sourceCode: values.source.code }),
    ...(values.dateline !== undefined && {
      datelinePlace: values.dateline?.place ?? null,
      datelineAgency: values.dateline?.agency ?? null,
    }),
    ...(values.photo !== undefined && { photoCaption: values.photo?.caption ?? null, photoCredit: values.photo?.credit ?? null }),
  };
}

const mentionRows = (body: string, specs: readonly z.output<typeof MENTION>[]): MentionInsert[] =>
  findMentions(body, specs).map((mention) => ({
    id: newId(),
    surfaceText: mention.text,
    kind: mention.kind,
    start: mention.start,
    end: mention.end,
    confidence: mention.confidence,
    refId: mention.refId,
  }));
