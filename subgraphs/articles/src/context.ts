import { lazily } from "@newsfed/kit/loaders";
import type { RequestRuntime } from "@newsfed/kit/subgraph";
import type { WriteRuntime } from "@newsfed/kit/writes";
import { ArticleRepo } from "./article/article.repo.js";
import { ArticleService } from "./article/article.service.js";
import type { ArticlesDb, ArticlesTx } from "./db/index.js";
import { changes, idempotencyKeys } from "./db/schema.js";
import { IngestService } from "./ingest/ingest.service.js";
import { createLoaders } from "./loaders.js";

/** Everything a request needs: its own loaders and the services over them. Per request; each made when first used. */
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
  const context = lazily({
    identity: () => runtime.identity,
    requestId: () => runtime.requestId,
    loaders: () => loaders,
    articles: () => new ArticleService(repo, loaders, writes),
    ingestion: (): IngestService => new IngestService(context.articles, repo, runtime),
  });
  return context;
}

export type ArticlesContext = ReturnType<typeof createContext>;
