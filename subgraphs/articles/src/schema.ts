import { buildFederatedSchema } from "@newsfed/kit/graphql";
import { ArticleMutations } from "./article/article.mutations.js";
import { ArticleResolver } from "./article/article.resolver.js";
import type { ArticlesContext } from "./context.js";
import { IngestedEntityResolver, IngestMutations } from "./ingest/ingest.mutations.js";
import { MentionResolver } from "./mention/mention.resolver.js";
import {
  CountryArticlesResolver,
  EventArticlesResolver,
  InitiativeArticlesResolver,
  OfficialArticlesResolver,
  OrganizationArticlesResolver,
} from "./references/references.resolver.js";

/** The articles subgraph schema: owns Article; contributes articles to Official, Country, PolicyInitiative, PolicyEvent. */
export function buildArticlesSchema() {
  return buildFederatedSchema<ArticlesContext>({
    resolvers: [
      ArticleResolver,
      ArticleMutations,
      IngestMutations,
      IngestedEntityResolver,
      MentionResolver,
      OfficialArticlesResolver,
      CountryArticlesResolver,
      InitiativeArticlesResolver,
      OrganizationArticlesResolver,
      EventArticlesResolver,
    ],
    referenceResolvers: {
      Article: { __resolveReference: (ref, ctx) => ctx.articles.get(String(ref.id)) },
    },
  });
}
