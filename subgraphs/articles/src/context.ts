import type { RequestRuntime } from "@newsfed/kit/subgraph";
import type { WriteRuntime } from "@newsfed/kit/writes";
import { ArticleRepo } from "./article/article.repo.js";
import { ArticleService } from "./article/article.service.js";
import type { ArticlesDb, ArticlesTx } from "./db/index.js";
import { changes, idempotencyKeys } from "./db/schema.js";
import { IngestService } from "./ingest/ingest.service.js";
import { createLoaders } from "./loaders.js";

/** Everything a request needs: its own loaders and the service over them. Built per request. */
export function createContext(db: ArticlesDb, runtime: RequestRuntime) {
  const repo = new ArticleRepo(db);
  const loaders = createLoaders(repo, db);
  const writes: WriteRuntime<ArticlesTx> = {
    identity: runtime.identity,
    federation: runtime.federation,
    db,
    changes,
    idempotency: idempotencyKeys,
  };
  const articles = new ArticleService(repo, loaders, writes);
  return {
    identity: runtime.identity,
    requestId: runtime.requestId,
    loaders,
    articles,
    ingestion: new IngestService(articles, repo, runtime),
  };
}

export type ArticlesContext = ReturnType<typeof createContext>;
