import { type Connection, toConnection } from "@newsfed/kit/paging";
import { EntityWriter, historyOf, type WriteRuntime } from "@newsfed/kit/writes";
import type { ArticlesTx } from "../db/index.js";
import type { ArticleRow, LinkKind, MentionRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { ArticlePageArgs, ArticleRepo } from "./article.repo.js";
import { ARTICLE_FIELDS, type ArticleWrite, articleWrites } from "./article.writes.js";

const LINKED_BY: Record<LinkKind, keyof Loaders> = {
  OFFICIAL: "articlesByOfficial",
  ORGANIZATION: "articlesByOrganization",
  INITIATIVE: "articlesByInitiative",
  COUNTRY: "articlesByCountry",
  EVENT: "articlesByEvent",
};

/** Reads of articles, their links and mentions; writes go through the kit's one write path. */
export class ArticleService {
  private writer: EntityWriter<ArticleRow, typeof ARTICLE_FIELDS, ArticlesTx, ArticleWrite> | undefined;
  private readonly makeWriter: () => EntityWriter<ArticleRow, typeof ARTICLE_FIELDS, ArticlesTx, ArticleWrite>;

  constructor(
    private readonly repo: ArticleRepo,
    private readonly loaders: Loaders,
    writeRuntime: WriteRuntime<ArticlesTx>,
  ) {
    this.makeWriter = () => new EntityWriter(articleWrites({ repo, loaders }), writeRuntime);
  }

  /** Its writes through the kit's write path, made on first use (most requests only read). */
  get writes(): EntityWriter<ArticleRow, typeof ARTICLE_FIELDS, ArticlesTx, ArticleWrite> {
    return (this.writer ??= this.makeWriter());
  }

  /** The record's audit trail, newest first. */
  history(id: string, args: { first: number; after?: string | null }) {
    return historyOf(this.loaders.changes, "Article", id, args);
  }

  get(id: string): Promise<ArticleRow | null> {
    return this.loaders.articleById.load(id);
  }

  /** The article an earlier ingestion (or the seed) stored for a story with this content hash. */
  async findByContentHash(hash: string): Promise<ArticleRow | null> {
    const [row] = await this.repo.byContentHash(hash);
    return row ? this.get(row.id) : null;
  }

  async getBySlug(slug: string): Promise<ArticleRow | null> {
    const [row] = await this.repo.bySlug(slug);
    return row ? this.get(row.id) : null;
  }

  async list(args: ArticlePageArgs): Promise<Connection<ArticleRow>> {
    // Through the request's page loader: aliases asking for the same page share one statement.
    const page = await this.loaders.articles(args).load("");
    return toConnection(page, (ids) => this.loaders.articleById.loadMany(ids));
  }

  /** Articles about one official / initiative / country / event: one statement per batch of parents. */
  async linkedTo(kind: LinkKind, refId: string, args: ArticlePageArgs): Promise<Connection<ArticleRow>> {
    const loader = this.loaders[LINKED_BY[kind]] as Loaders["articlesByOfficial"];
    return toConnection(await loader(args).load(refId), (ids) => this.loaders.articleById.loadMany(ids));
  }

  /** Keys of the entities of one kind the article is about, in editorial order. */
  async links(articleId: string, kind: LinkKind): Promise<string[]> {
    return (await this.loaders.linksByArticle.load(articleId)).filter((link) => link.kind === kind).map((link) => link.refId);
  }

  mentions(articleId: string): Promise<MentionRow[]> {
    return this.loaders.mentionsByArticle.load(articleId);
  }
}
