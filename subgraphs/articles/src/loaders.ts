import { groupLoader, lazily, pageLoader, rowLoader } from "@newsfed/kit/loaders";
import { changeLoaders } from "@newsfed/kit/writes";
import type { ArticlesDb } from "./db/index.js";
import DataLoader from "dataloader";
import type { ArticlePageArgs, ArticleRepo } from "./article/article.repo.js";
import { changes, type LinkKind } from "./db/schema.js";

/** Per request, so batching and caching never leak across callers; each loader is made when first used. */
export function createLoaders(repo: ArticleRepo, db: ArticlesDb) {
  const mentionCounter = (kind: string) =>
    new DataLoader<string, number>(async (ids) => {
      const counts = new Map((await repo.mentionCounts(kind, ids)).map((row) => [row.refId, row.count]));
      return ids.map((id) => counts.get(id) ?? 0);
    });
  const articlesLinkedTo = (kind: LinkKind) => pageLoader((ids, args: ArticlePageArgs) => repo.page(ids, args, kind));
  return lazily({
    changes: () => changeLoaders(db, changes),
    articles: () => pageLoader((groups, args: ArticlePageArgs) => repo.page(groups, args)),
    articleById: () =>
      rowLoader(
        (ids) => repo.byIds(ids),
        (row) => row.id,
      ),
    linksByArticle: () =>
      groupLoader(
        (ids) => repo.linksOf(ids),
        (row) => row.articleId,
      ),
    mentionsByArticle: () =>
      groupLoader(
        (ids) => repo.mentionsOf(ids),
        (row) => row.articleId,
      ),
    articleIdsBySlug: () =>
      groupLoader(
        (slugs) => repo.slugHolders(slugs),
        (row) => row.slug,
      ),
    mentionCountOfOfficial: () => mentionCounter("OFFICIAL"),
    mentionCountOfOrganization: () => mentionCounter("ORGANIZATION"),
    mentionCountOfInitiative: () => mentionCounter("INITIATIVE"),
    articlesByOfficial: () => articlesLinkedTo("OFFICIAL"),
    articlesByOrganization: () => articlesLinkedTo("ORGANIZATION"),
    articlesByInitiative: () => articlesLinkedTo("INITIATIVE"),
    articlesByCountry: () => articlesLinkedTo("COUNTRY"),
    articlesByEvent: () => articlesLinkedTo("EVENT"),
  });
}

export type Loaders = ReturnType<typeof createLoaders>;
