import { type KeysetOrder, keysetPages, readColumns } from "@newsfed/kit";
import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { ArticlesDb } from "../db/index.js";
import { articleLinks, articles, type LinkKind, mentions } from "../db/schema.js";

export interface ArticleFilter {
  search?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  theme?: string | null | undefined;
  officialId?: string | null | undefined;
  initiativeId?: string | null | undefined;
  countryCode?: string | null | undefined;
}

export type ArticleOrderName = "PUBLISHED_AT_DESC" | "PUBLISHED_AT_ASC" | "RELEVANCE";

export interface ArticlePageArgs {
  first: number;
  after?: string | null | undefined;
  filter?: ArticleFilter | null | undefined;
  orderBy?: ArticleOrderName | null | undefined;
}

const ORDERS: Record<ArticleOrderName, KeysetOrder> = {
  PUBLISHED_AT_DESC: { name: "articles:published-desc", sortType: "timestamptz", direction: "desc" },
  PUBLISHED_AT_ASC: { name: "articles:published-asc", sortType: "timestamptz", direction: "asc" },
  RELEVANCE: { name: "articles:rank", sortType: "numeric", direction: "desc" },
};

const linked = (kind: LinkKind, refId: string) =>
  sql`exists (select 1 from articles.article_links l where l.article_id = a.id and l.kind = ${kind} and l.ref_id = ${refId})`;

/** The only place that reads or writes the articles tables with SQL. */
export class ArticleRepo {
  constructor(private readonly db: ArticlesDb) {}

  byIds(ids: readonly string[]) {
    return this.db.select(readColumns(articles)).from(articles).where(inArray(articles.id, [...ids]));
  }

  bySlug(slug: string) {
    return this.db.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug));
  }

  linksOf(articleIds: readonly string[]) {
    return this.db
      .select()
      .from(articleLinks)
      .where(inArray(articleLinks.articleId, [...articleIds]))
      .orderBy(asc(articleLinks.position));
  }

  mentionsOf(articleIds: readonly string[]) {
    return this.db
      .select()
      .from(mentions)
      .where(inArray(mentions.articleId, [...articleIds]))
      .orderBy(asc(mentions.start));
  }

  /** How often each official is mentioned across all articles. */
  mentionCounts(officialIds: readonly string[]) {
    return this.db
      .select({ refId: mentions.refId, count: sql<number>`count(*)::int` })
      .from(mentions)
      .where(sql`${mentions.kind} = 'OFFICIAL' and ${inArray(mentions.refId, [...officialIds])}`)
      .groupBy(mentions.refId);
  }

  /** Pages articles, all of them (`by` omitted) or per linked entity of one kind, in one statement. */
  page(groups: readonly string[], args: ArticlePageArgs, by?: LinkKind) {
    const filter = args.filter ?? {};
    const search = filter.search?.trim();
    const orderName = args.orderBy ?? (search ? "RELEVANCE" : "PUBLISHED_AT_DESC");
    const query = search ? sql`websearch_to_tsquery('english', ${search})` : undefined;
    const conditions: SQL[] = [];
    if (query) conditions.push(sql`a.search @@ ${query}`);
    if (filter.from) conditions.push(sql`a.published_at >= ${filter.from}::date`);
    // `to` is a whole day: everything published before the next midnight (UTC).
    if (filter.to) conditions.push(sql`a.published_at < ${filter.to}::date + 1`);
    if (filter.theme) conditions.push(sql`${filter.theme} = any(a.themes)`);
    if (filter.officialId) conditions.push(linked("OFFICIAL", filter.officialId));
    if (filter.initiativeId) conditions.push(linked("INITIATIVE", filter.initiativeId));
    if (filter.countryCode) conditions.push(linked("COUNTRY", filter.countryCode.toUpperCase()));
    const groupKey = by ? sql`g.ref_id` : sql`''`;
    const join = by ? sql`join articles.article_links g on g.article_id = a.id and g.kind = ${by}` : sql``;
    if (by) conditions.push(sql`g.ref_id = any(${sql.param([...groups])}::text[])`);
    const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const sortKey = orderName === "RELEVANCE" && query ? sql`round(ts_rank(a.search, ${query})::numeric, 6)` : sql`a.published_at`;
    return keysetPages(this.db, {
      source: sql`select ${groupKey} as group_key, ${sortKey} as sort_key, a.id from articles.articles a ${join} ${where}`,
      order: ORDERS[orderName],
      groups,
      first: args.first,
      after: args.after,
    });
  }

  async insert(
    row: typeof articles.$inferInsert,
    links: Omit<typeof articleLinks.$inferInsert, "articleId">[],
    found: Omit<typeof mentions.$inferInsert, "articleId">[],
  ) {
    await this.db.transaction(async (tx) => {
      await tx.insert(articles).values(row);
      if (links.length) await tx.insert(articleLinks).values(links.map((link) => ({ ...link, articleId: row.id })));
      if (found.length) await tx.insert(mentions).values(found.map((mention) => ({ ...mention, articleId: row.id })));
    });
  }
}
