import { auditColumns, tsvector } from "@newsfed/kit/db";
import { changeLogTable, idempotencyTable } from "@newsfed/kit/writes";
import { sql } from "drizzle-orm";
import { index, integer, pgSchema, primaryKey, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** Every table of this subgraph lives in the `articles` Postgres schema. Officials, initiatives, events and
 * countries are other subgraphs' entities: referenced here by key only, never joined. */
export const articlesSchema = pgSchema("articles");

export const articles = articlesSchema.table(
  "articles",
  {
    id: text("id").primaryKey(),
    slug: text("slug").notNull(),
    headline: text("headline").notNull(),
    summary: text("summary"),
    body: text("body").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    sourceName: text("source_name").notNull(),
    sourceCode: text("source_code"),
    datelinePlace: text("dateline_place"),
    datelineAgency: text("dateline_agency"),
    photoCaption: text("photo_caption"),
    photoCredit: text("photo_credit"),
    url: text("url"),
    themes: text("themes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** SHA-256 of an ingested wire story's normalized text: the same story ingested twice is one article. */
    contentHash: text("content_hash"),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', headline), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'B') || setweight(to_tsvector('english', body), 'C')`,
    ),
    ...auditColumns(),
  },
  (t) => [
    uniqueIndex("articles_slug_idx").on(t.slug),
    uniqueIndex("articles_content_hash_idx").on(t.contentHash),
    index("articles_search_idx").using("gin", t.search),
    index("articles_themes_idx").using("gin", t.themes),
    index("articles_published_idx").on(t.publishedAt, t.id),
  ],
);

/** Which other-subgraph entities an article is about: kind OFFICIAL | ORGANIZATION | INITIATIVE | COUNTRY | EVENT, and its key. */
export const articleLinks = articlesSchema.table(
  "article_links",
  {
    articleId: text("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    refId: text("ref_id").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.kind, t.refId] }), index("article_links_ref_idx").on(t.kind, t.refId)],
);

/** Where the text names something: surface form, character offsets into the body, and what it refers to. */
export const mentions = articlesSchema.table(
  "mentions",
  {
    id: text("id").primaryKey(),
    articleId: text("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    surfaceText: text("surface_text").notNull(),
    kind: text("kind").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    confidence: real("confidence").notNull(),
    refId: text("ref_id"),
  },
  (t) => [index("mentions_article_idx").on(t.articleId, t.start), index("mentions_ref_idx").on(t.kind, t.refId)],
);

/** The audit trail: every write to this subgraph's entities, recorded in the same transaction. */
export const changes = changeLogTable(articlesSchema);

/** Keys that make creates safe to retry, written in the create's transaction. */
export const idempotencyKeys = idempotencyTable(articlesSchema);

export type ArticleRow = Omit<typeof articles.$inferSelect, "search">;
export type MentionRow = typeof mentions.$inferSelect;
export type LinkKind = "OFFICIAL" | "ORGANIZATION" | "INITIATIVE" | "COUNTRY" | "EVENT";
