import { anyOf, insertColumns, insertRows, type KeysetOrder, keysetPages, readColumns, searchQuery } from "@newsfed/kit/db";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { ArticlesDb, ArticlesTx } from "../db/index.js";
import { articleLinks, articles, type LinkKind, mentions } from "../db/schema.js";

export interface ArticleFilter {
  search?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  theme?: string | null | undefined;
  officialId?: string | null | undefined;
  organizationId?: string | null | undefined;
  initiativeId?: string | null | undefined;
  eventId?: string | null | undefined;
  countryCode?: string | null | undefined;
}

export type ArticleOrderName = "PUBLISHED_AT_DESC" | "PUBLISHED_AT_ASC" | "RELEVANCE";

export interface ArticlePageArgs {
  first: number;
  after?: string | null | undefined;
  filter?: ArticleFilter | null | undefined;
  orderBy?: ArticleOrderName | null | undefined;
  /** Count every match for `totalCount` (default true); see KeysetRequest.count. */
  count?: boolean | undefined;
}

const ORDERS: Record<ArticleOrderName, KeysetOrder> = {
  PUBLISHED_AT_DESC: { name: "articles:published-desc", sortType: "timestamptz", direction: "desc" },
  PUBLISHED_AT_ASC: { name: "articles:published-asc", sortType: "timestamptz", direction: "asc" },
  RELEVANCE: { name: "articles:relevance", sortType: "real", direction: "desc", computed: true },
};

const linked = (kind: LinkKind, refId: string) =>
  sql`exists (select 1 from ${articleLinks} l where l.article_id = a.id and l.kind = ${kind} and l.ref_id = ${refId})`;

/** The only place that reads or writes the articles tables with SQL. */
export class ArticleRepo {
  constructor(private readonly db: ArticlesDb) {}

  byIds(ids: readonly string[]) {
    return this.db
      .select(readColumns(articles))
      .from(articles)
      .where(anyOf(articles.id, ids))
      .prepare("articles.articles_by_ids")
      .execute();
  }

  byContentHash(hash: string) {
    return this.db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.contentHash, hash))
      .prepare("articles.article_by_content_hash")
      .execute();
  }

  /** Stored stories by content hash and by URL (ingestion: one statement for a batch). */
  storiesMatching(hashes: readonly string[], urls: readonly string[]) {
    return this.db
      .select({ id: articles.id, contentHash: articles.contentHash, url: articles.url })
      .from(articles)
      .where(
        sql`${articles.contentHash} = any(${sql.param([...hashes])}::text[]) or (${articles.url} = any(${sql.param([...urls])}::text[]) and ${articles.contentHash} is not null)`,
      )
      .orderBy(asc(articles.createdAt), asc(articles.id))
      .prepare("articles.stories_matching")
      .execute();
  }

  bySlug(slug: string) {
    return this.db
      .select({ id: articles.id })
      .from(articles)
      .where(eq(articles.slug, slug))
      .prepare("articles.article_by_slug")
      .execute();
  }

  linksOf(articleIds: readonly string[]) {
    return this.db
      .select()
      .from(articleLinks)
      .where(anyOf(articleLinks.articleId, articleIds))
      .orderBy(asc(articleLinks.position))
      .prepare("articles.links_of")
      .execute();
  }

  mentionsOf(articleIds: readonly string[]) {
    return this.db
      .select()
      .from(mentions)
      .where(anyOf(mentions.articleId, articleIds))
      .orderBy(asc(mentions.start))
      .prepare("articles.mentions_of")
      .execute();
  }

  /** How often each entity of one kind is mentioned across all articles. */
  mentionCounts(kind: string, refIds: readonly string[]) {
    return this.db
      .select({ refId: mentions.refId, count: sql<number>`count(*)::int` })
      .from(mentions)
      .where(sql`${mentions.kind} = ${kind} and ${anyOf(mentions.refId, refIds)}`)
      .groupBy(mentions.refId)
      .prepare("articles.mention_counts")
      .execute();
  }

  /** The articles holding any of these slugs (slug checks of many writes in one statement). */
  slugHolders(slugs: readonly string[]) {
    return this.db
      .select({ id: articles.id, slug: articles.slug })
      .from(articles)
      .where(anyOf(articles.slug, slugs))
      .prepare("articles.slug_holders")
      .execute();
  }

  /** Distinct mention specs of an article, to locate them again in an edited body. */
  mentionSpecs(articleId: string) {
    return this.db
      .selectDistinct({ text: mentions.surfaceText, kind: mentions.kind, refId: mentions.refId, confidence: mentions.confidence })
      .from(mentions)
      .where(eq(mentions.articleId, articleId))
      .prepare("articles.mention_specs")
      .execute();
  }

  /** Pages articles, all of them (`by` omitted) or per linked entity of one kind, in one statement. */
  page(groups: readonly string[], args: ArticlePageArgs, by?: LinkKind) {
    const filter = args.filter ?? {};
    const query = searchQuery("english", filter.search);
    const search = query !== undefined;
    // RELEVANCE needs a search to rank by; without one it means newest first (as ArticleOrder documents).
    const requested = args.orderBy ?? (search ? "RELEVANCE" : "PUBLISHED_AT_DESC");
    const orderName = requested === "RELEVANCE" && !search ? "PUBLISHED_AT_DESC" : requested;
    const conditions: SQL[] = [];
    if (query) conditions.push(sql`a.search @@ ${query}`);
    // Whole days in UTC, whatever the server session's time zone: [from 00:00Z, to + 1 day 00:00Z).
    if (filter.from) conditions.push(sql`a.published_at >= (${filter.from}::date)::timestamp at time zone 'UTC'`);
    if (filter.to) conditions.push(sql`a.published_at < (${filter.to}::date + 1)::timestamp at time zone 'UTC'`);
    if (filter.theme) conditions.push(sql`a.themes @> array[${filter.theme}]::text[]`);
    if (filter.officialId) conditions.push(linked("OFFICIAL", filter.officialId));
    if (filter.organizationId) conditions.push(linked("ORGANIZATION", filter.organizationId));
    if (filter.initiativeId) conditions.push(linked("INITIATIVE", filter.initiativeId));
    if (filter.eventId) conditions.push(linked("EVENT", filter.eventId));
    if (filter.countryCode) conditions.push(linked("COUNTRY", filter.countryCode.toUpperCase()));
    const groupKey = by ? sql`g.ref_id` : sql`''`;
    const join = by ? sql`join ${articleLinks} g on g.article_id = a.id and g.kind = ${by}` : sql``;
    if (by) conditions.push(sql`g.ref_id = any(${sql.param([...groups])}::text[])`);
    const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const sortKey = orderName === "RELEVANCE" ? sql`ts_rank(a.search, ${query})` : sql`a.published_at`;
    return keysetPages(this.db, {
      purpose: by ? `articles.articles_by_${by.toLowerCase()}` : "articles.articles",
      source: sql`select ${groupKey} as group_key, ${sortKey} as sort_key, a.id from ${articles} a ${join} ${where}`,
      order: ORDERS[orderName],
      groups,
      first: args.first,
      after: args.after,
      count: args.count,
      rows: { table: articles, key: articles.id },
    });
  }

  insert(tx: ArticlesTx, row: typeof articles.$inferInsert, links: LinkRow[], found: MentionInsert[]) {
    return this.insertMany(tx, [{ row, links, mentions: found }]);
  }

  /** Several new articles with their links and mentions: one multi-row statement per table. */
  async insertMany(
    tx: ArticlesTx,
    items: readonly { row: typeof articles.$inferInsert; links: LinkRow[]; mentions: MentionInsert[] }[],
  ) {
    if (!items.length) return;
    await tx.execute(
      insertRows(
        articles,
        items.map((item) => item.row),
      ),
    );
    const links = items.flatMap((item) => item.links.map((link) => ({ ...link, articleId: item.row.id })));
    if (links.length) await tx.execute(insertColumns(articleLinks, ["articleId", "kind", "refId", "position"], links));
    const found = items.flatMap((item) => item.mentions.map((mention) => ({ ...mention, articleId: item.row.id })));
    if (found.length) await tx.execute(insertColumns(mentions, MENTION_COLUMNS, found));
  }

  /**
   * Inside a write of new ingested articles: waits for any other transaction storing an ingested story at one of
   * their URLs (transaction-scoped advisory locks on the URLs, taken in one order, so two such writes never wait for
   * each other crosswise), then answers the ingested articles other than these that already have one of the URLs.
   */
  async ingestedUrlHolders(tx: ArticlesTx, stories: readonly { id: string; url: string }[]) {
    const urls = [...new Set(stories.map((story) => story.url))].sort();
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended('articles.url:' || u, 0)) from unnest(${sql.param(urls)}::text[]) as u order by u`,
    );
    return tx
      .select({ id: articles.id, url: articles.url })
      .from(articles)
      .where(
        and(
          sql`${articles.url} = any(${sql.param(urls)}::text[])`,
          sql`${articles.contentHash} is not null`,
          sql`${articles.id} <> all(${sql.param(stories.map((story) => story.id))}::text[])`,
        ),
      );
  }

  /** Updates the row; replaces the links of each given kind, and the mentions when given. */
  async update(
    tx: ArticlesTx,
    id: string,
    row: Partial<typeof articles.$inferInsert>,
    links: Map<LinkKind, LinkRow[]>,
    found: MentionInsert[] | undefined,
  ) {
    await tx.update(articles).set(row).where(eq(articles.id, id));
    for (const [kind, rows] of links) {
      await tx.delete(articleLinks).where(and(eq(articleLinks.articleId, id), eq(articleLinks.kind, kind)));
      if (rows.length) await tx.insert(articleLinks).values(rows.map((link) => ({ ...link, articleId: id })));
    }
    if (found) {
      await tx.delete(mentions).where(eq(mentions.articleId, id));
      if (found.length) await tx.insert(mentions).values(found.map((mention) => ({ ...mention, articleId: id })));
    }
  }

  /** Links and mentions go with it (ON DELETE CASCADE). */
  delete(tx: ArticlesTx, id: string) {
    return tx.delete(articles).where(eq(articles.id, id));
  }
}

export type LinkRow = Omit<typeof articleLinks.$inferInsert, "articleId">;
export type MentionInsert = Omit<typeof mentions.$inferInsert, "articleId">;

const MENTION_COLUMNS = ["id", "articleId", "surfaceText", "kind", "start", "end", "confidence", "refId"] as const;
