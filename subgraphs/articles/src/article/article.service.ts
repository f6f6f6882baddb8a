import { newId } from "@newsfed/kit/db";
import { type UserError, UserErrorCode } from "@newsfed/kit/graphql";
import { clearLoaders } from "@newsfed/kit/loaders";
import { type Connection, toConnection } from "@newsfed/kit/paging";
import { type RequestRuntime } from "@newsfed/kit/subgraph";
import {
  ChangeAction,
  changeOf,
  checkReferences,
  historyOf,
  notFound,
  type Reference,
  requireScope,
  Validation,
} from "@newsfed/kit/writes";
import { PolicyTheme } from "../vocabulary/policy-theme.enum.js";
import type { ArticleRow, LinkKind, MentionRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import { LOOKUPS } from "../references/lookups.js";
import { findMentions, type MentionSpec } from "../wire/find-mentions.js";
import type { ArticlePageArgs, ArticleRepo, LinkRow, MentionInsert } from "./article.repo.js";

export interface ArticleInput {
  slug?: string | null;
  headline?: string | null;
  summary?: string | null;
  body?: string | null;
  publishedAt?: Date | null;
  source?: { name: string; code?: string | null } | null;
  dateline?: { place: string; agency?: string | null } | null;
  photo?: { caption: string; credit?: string | null } | null;
  url?: string | null;
  themes?: string[] | null;
  officialIds?: string[] | null;
  initiativeIds?: string[] | null;
  countryCodes?: string[] | null;
  eventIds?: string[] | null;
  /** Surface forms to locate in the body; each occurrence becomes a mention with offsets (ingestion, seed). */
  mentions?: MentionSpec[] | null;
  /** Ingested wire stories only: the text's hash, unique, so a story is stored once. */
  contentHash?: string;
}

export interface WriteOptions {
  /** Check references to other subgraphs' entities through the gateway (off only for the seed, loaded before it runs). */
  checkReferences?: boolean;
}

const WRITE_SCOPE = "articles:write";
/** Clocks differ: a publication time up to this far ahead of ours is accepted. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const THEMES = new Set<string>(Object.values(PolicyTheme));
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const LINKED_BY: Record<LinkKind, keyof Loaders> = {
  OFFICIAL: "articlesByOfficial",
  INITIATIVE: "articlesByInitiative",
  COUNTRY: "articlesByCountry",
  EVENT: "articlesByEvent",
};

const LINK_INPUTS: {
  kind: LinkKind;
  field: "officialIds" | "initiativeIds" | "countryCodes" | "eventIds";
  ref: keyof typeof LOOKUPS;
}[] = [
  { kind: "OFFICIAL", field: "officialIds", ref: "official" },
  { kind: "INITIATIVE", field: "initiativeIds", ref: "initiative" },
  { kind: "COUNTRY", field: "countryCodes", ref: "country" },
  { kind: "EVENT", field: "eventIds", ref: "event" },
];

export class ArticleService {
  constructor(
    private readonly repo: ArticleRepo,
    private readonly loaders: Loaders,
    private readonly runtime: RequestRuntime,
  ) {}

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

  /** Creates the article with its links and located mentions in one transaction. The seed passes a stable `id`. */
  async create(input: ArticleInput & { id?: string }, options: WriteOptions = {}) {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    const v = new Validation();
    const { row, links, references } = this.validate(input, v, true);
    const derivedSlug = row.slug === undefined;
    if (derivedSlug && row.headline) row.slug = await this.freeSlug(slugify(row.headline));
    else if (row.slug && (await this.repo.slugTaken(row.slug))) duplicateSlug(v, row.slug);
    if (options.checkReferences !== false) await checkReferences(this.runtime.federation, references, v);
    if (!v.ok) return { article: null, userErrors: v.errors };
    const id = input.id ?? newId();
    const insert = (slug: string) =>
      this.repo.insert(
        {
          id,
          ...row,
          slug,
          headline: row.headline!,
          body: row.body!,
          publishedAt: row.publishedAt!,
          sourceName: row.sourceName!,
          contentHash: input.contentHash ?? null,
          updatedBy: actor.subject,
        },
        [...links.values()].flat(),
        mentionRows(row.body!, input.mentions ?? []),
        changeOf("Article", ChangeAction.CREATED, id, actor, input),
      );
    try {
      await insert(row.slug!);
    } catch (error) {
      // Another write took the slug between the check and the insert: a derived slug moves aside, a chosen one is refused.
      if (!isUniqueViolation(error, "articles_slug_idx")) throw error;
      if (!derivedSlug) {
        duplicateSlug(v, row.slug!);
        return { article: null, userErrors: v.errors };
      }
      await insert(`${row.slug}-${newId().slice(0, 8)}`);
    }
    return { article: await this.fresh(id), userErrors: [] as UserError[] };
  }

  /** Partial update. A new body keeps the article's mentions, located again in the new text. */
  async update(id: string, input: ArticleInput) {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    if (!(await this.get(id))) return { article: null, userErrors: [notFound(id)] };
    const v = new Validation();
    const { row, links, references } = this.validate(input, v, false);
    if (row.slug && (await this.repo.slugTaken(row.slug, id))) duplicateSlug(v, row.slug);
    await checkReferences(this.runtime.federation, references, v);
    if (!v.ok) return { article: null, userErrors: v.errors };
    const found = row.body ? mentionRows(row.body, input.mentions ?? (await this.repo.mentionSpecs(id))) : undefined;
    await this.repo.update(
      id,
      { ...row, updatedBy: actor.subject, updatedAt: new Date() },
      links,
      found,
      changeOf("Article", ChangeAction.UPDATED, id, actor, input),
    );
    return { article: await this.fresh(id), userErrors: [] as UserError[] };
  }

  /** Nothing else refers to articles, so a delete always goes through, with the article's links and mentions. */
  async delete(id: string): Promise<{ deletedId: string | null; userErrors: UserError[] }> {
    const actor = requireScope(this.runtime.identity, WRITE_SCOPE);
    if (!(await this.get(id))) return { deletedId: null, userErrors: [notFound(id)] };
    await this.repo.delete(id, changeOf("Article", ChangeAction.DELETED, id, actor));
    clearLoaders(this.loaders);
    return { deletedId: id, userErrors: [] };
  }

  private async fresh(id: string) {
    clearLoaders(this.loaders);
    return this.get(id);
  }

  /** A derived slug never fails a write: on a clash it gets a short suffix. */
  private async freeSlug(base: string): Promise<string> {
    const root = base || "article";
    if (!(await this.repo.slugTaken(root))) return root;
    return `${root}-${newId().slice(0, 8)}`;
  }

  private validate(input: ArticleInput, v: Validation, creating: boolean) {
    const row: Partial<Omit<ArticleRow, "id" | "createdAt" | "updatedAt" | "updatedBy">> = {};
    if (creating || input.headline !== undefined)
      row.headline = v.text("input.headline", input.headline, { required: true, max: 300 }) ?? undefined;
    if (creating || input.body !== undefined)
      row.body = v.text("input.body", input.body, { required: true, max: 200_000 }) ?? undefined;
    if (input.summary !== undefined) row.summary = v.text("input.summary", input.summary, { max: 2000 });
    if (input.slug !== undefined && input.slug !== null) {
      if (!SLUG.test(input.slug) || input.slug.length > 120) {
        v.add(
          "input.slug",
          UserErrorCode.INVALID_FORMAT,
          "`input.slug` must be lower-case words of a-z and 0-9 joined by hyphens, at most 120 characters.",
        );
      } else row.slug = input.slug;
    }
    if (creating || input.publishedAt !== undefined) {
      if (!input.publishedAt) v.add("input.publishedAt", UserErrorCode.REQUIRED, "`input.publishedAt` is required.");
      else if (input.publishedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
        v.add(
          "input.publishedAt",
          UserErrorCode.IN_FUTURE,
          "`input.publishedAt` lies in the future; an article cannot be published later than now.",
        );
      } else row.publishedAt = input.publishedAt;
    }
    if (creating || input.source !== undefined) {
      row.sourceName = v.text("input.source.name", input.source?.name, { required: true, max: 200 }) ?? undefined;
      row.sourceCode = v.text("input.source.code", input.source?.code, { max: 32 });
    }
    if (input.dateline !== undefined) {
      row.datelinePlace = input.dateline
        ? v.text("input.dateline.place", input.dateline.place, { required: true, max: 200 })
        : null;
      row.datelineAgency = input.dateline ? v.text("input.dateline.agency", input.dateline.agency, { max: 32 }) : null;
    }
    if (input.photo !== undefined) {
      row.photoCaption = input.photo ? v.text("input.photo.caption", input.photo.caption, { required: true, max: 2000 }) : null;
      row.photoCredit = input.photo ? v.text("input.photo.credit", input.photo.credit, { max: 200 }) : null;
    }
    if (input.url !== undefined) row.url = v.url("input.url", input.url);
    if (input.themes !== undefined) {
      (input.themes ?? []).forEach((theme, index) => {
        if (!THEMES.has(theme))
          v.add(`input.themes.${index}`, UserErrorCode.INVALID_FORMAT, `\`input.themes.${index}\` is not a PolicyTheme.`);
      });
      row.themes = [...new Set(input.themes ?? [])];
    }
    const links = new Map<LinkKind, LinkRow[]>();
    const references: Reference[] = [];
    for (const { kind, field, ref } of LINK_INPUTS) {
      const given = input[field];
      if (given === undefined) continue;
      const list = given ?? [];
      if (list.length > 100) v.add(`input.${field}`, UserErrorCode.TOO_MANY, `\`input.${field}\` takes at most 100 items.`);
      const keys: string[] = [];
      list.forEach((value, index) => {
        const key = kind === "COUNTRY" ? value.trim().toUpperCase() : value;
        if (keys.includes(key)) return;
        keys.push(key);
        // The error names the item as the caller sent it (its index before duplicates were dropped).
        references.push({ lookup: LOOKUPS[ref], key, field: `input.${field}.${index}` });
      });
      links.set(
        kind,
        keys.map((refId, position) => ({ kind, refId, position })),
      );
    }
    return { row, links, references };
  }
}

/** A PostgreSQL unique violation (23505) on the named index, through drizzle's error wrapper. */
export function isUniqueViolation(error: unknown, index: string): boolean {
  const cause =
    (error as { cause?: { code?: string; constraint?: string } })?.cause ?? (error as { code?: string; constraint?: string });
  return cause?.code === "23505" && (cause.constraint === index || String((cause as Error).message ?? "").includes(index));
}

function duplicateSlug(v: Validation, slug: string) {
  v.add("input.slug", UserErrorCode.DUPLICATE, `Another article already has the slug "${slug}".`);
}

const mentionRows = (body: string, specs: readonly MentionSpec[]): MentionInsert[] =>
  findMentions(body, specs).map((mention) => ({
    id: newId(),
    surfaceText: mention.text,
    kind: mention.kind,
    start: mention.start,
    end: mention.end,
    confidence: mention.confidence,
    refId: mention.refId,
  }));

/** URL-safe slug from a headline: lower case ASCII words joined by hyphens. */
export const slugify = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/, "");
