import { type Connection, newId, toConnection } from "@newsfed/kit";
import type { ArticleRow, LinkKind, MentionRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import { findMentions, type MentionSpec } from "../wire/find-mentions.js";
import type { ArticlePageArgs, ArticleRepo } from "./article.repo.js";

export interface NewArticle {
  id?: string;
  slug?: string;
  headline: string;
  summary?: string | null;
  body: string;
  publishedAt: Date;
  source: { name: string; code?: string | null };
  dateline?: { place: string; agency?: string | null } | null;
  photo?: { caption: string; credit?: string | null } | null;
  url?: string | null;
  themes?: string[];
  officialIds?: string[];
  initiativeIds?: string[];
  countryCodes?: string[];
  eventIds?: string[];
  /** Surface forms to locate in the body; each occurrence becomes a mention with offsets. */
  mentions?: MentionSpec[];
}

const LINKED_BY: Record<LinkKind, keyof Loaders> = {
  OFFICIAL: "articlesByOfficial",
  INITIATIVE: "articlesByInitiative",
  COUNTRY: "articlesByCountry",
  EVENT: "articlesByEvent",
};

export class ArticleService {
  constructor(
    private readonly repo: ArticleRepo,
    private readonly loaders: Loaders,
  ) {}

  get(id: string): Promise<ArticleRow | null> {
    return this.loaders.articleById.load(id);
  }

  async getBySlug(slug: string): Promise<ArticleRow | null> {
    const [row] = await this.repo.bySlug(slug);
    return row ? this.get(row.id) : null;
  }

  async list(args: ArticlePageArgs): Promise<Connection<ArticleRow>> {
    const pages = await this.repo.page([""], args);
    return toConnection(pages.get("")!, (ids) => this.loaders.articleById.loadMany(ids));
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

  mentionCount(officialId: string): Promise<number> {
    return this.loaders.mentionCountByOfficial.load(officialId);
  }

  /** Creates the article with its links and located mentions in one transaction; the seed passes stable ids. */
  async create(input: NewArticle, actor: string): Promise<ArticleRow> {
    const id = input.id ?? newId();
    const links = [
      ...(input.officialIds ?? []).map((refId, position) => ({ kind: "OFFICIAL", refId, position })),
      ...(input.initiativeIds ?? []).map((refId, position) => ({ kind: "INITIATIVE", refId, position })),
      ...(input.countryCodes ?? []).map((refId, position) => ({ kind: "COUNTRY", refId, position })),
      ...(input.eventIds ?? []).map((refId, position) => ({ kind: "EVENT", refId, position })),
    ];
    const found = findMentions(input.body, input.mentions ?? []).map((mention) => ({
      id: newId(),
      surfaceText: mention.text,
      kind: mention.kind,
      start: mention.start,
      end: mention.end,
      confidence: mention.confidence,
      refId: mention.refId,
    }));
    await this.repo.insert(
      {
        id,
        slug: input.slug ?? slugify(input.headline),
        headline: input.headline.trim(),
        summary: input.summary ?? null,
        body: input.body,
        publishedAt: input.publishedAt,
        sourceName: input.source.name,
        sourceCode: input.source.code ?? null,
        datelinePlace: input.dateline?.place ?? null,
        datelineAgency: input.dateline?.agency ?? null,
        photoCaption: input.photo?.caption ?? null,
        photoCredit: input.photo?.credit ?? null,
        url: input.url ?? null,
        themes: input.themes ?? [],
        updatedBy: actor,
      },
      links,
      found,
    );
    this.loaders.articleById.clear(id);
    return (await this.get(id))!;
  }
}

/** URL-safe slug from a headline: lower case ASCII words joined by hyphens. */
export const slugify = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120);
