import { CONTRIBUTED } from "@newsfed/kit/graphql";
import { Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { ArticleConnection } from "../article/article.connection.js";
import { ArticlesArgs } from "../article/article-filter.input.js";
import type { ArticlesContext } from "../context.js";
import { Country, Official, Organization, PolicyEvent, PolicyInitiative } from "./references.type.js";

// Fields this subgraph contributes to other subgraphs' entities. The gateway calls them through `_entities`
// with a batch of keys; each goes through a per-request loader (one statement per batch).

@Resolver(() => Official)
export class OfficialArticlesResolver {
  @FieldResolver(() => ArticleConnection, {
    nullable: true,
    description: `Articles about this official, newest first unless \`orderBy\` says otherwise.${CONTRIBUTED}`,
  })
  articles(@Root() official: Official, @Args(() => ArticlesArgs) args: ArticlesArgs, @Ctx() ctx: ArticlesContext) {
    return ctx.articles.linkedTo("OFFICIAL", official.id, args);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `How many times articles' text names this official, over all articles.${CONTRIBUTED}`,
  })
  mentionCount(@Root() official: Official, @Ctx() ctx: ArticlesContext) {
    return ctx.loaders.mentionCountOfOfficial.load(official.id);
  }
}

@Resolver(() => Country)
export class CountryArticlesResolver {
  @FieldResolver(() => ArticleConnection, {
    nullable: true,
    description: `Articles about this country, newest first unless \`orderBy\` says otherwise.${CONTRIBUTED}`,
  })
  articles(@Root() country: Country, @Args(() => ArticlesArgs) args: ArticlesArgs, @Ctx() ctx: ArticlesContext) {
    return ctx.articles.linkedTo("COUNTRY", country.code, args);
  }
}

@Resolver(() => PolicyInitiative)
export class InitiativeArticlesResolver {
  @FieldResolver(() => ArticleConnection, {
    nullable: true,
    description: `Articles about this initiative, newest first unless \`orderBy\` says otherwise.${CONTRIBUTED}`,
  })
  articles(@Root() initiative: PolicyInitiative, @Args(() => ArticlesArgs) args: ArticlesArgs, @Ctx() ctx: ArticlesContext) {
    return ctx.articles.linkedTo("INITIATIVE", initiative.id, args);
  }

  @FieldResolver(() => Int, { nullable: true, description: `How many times articles' text names this initiative.${CONTRIBUTED}` })
  mentionCount(@Root() initiative: PolicyInitiative, @Ctx() ctx: ArticlesContext) {
    return ctx.loaders.mentionCountOfInitiative.load(initiative.id);
  }
}

@Resolver(() => Organization)
export class OrganizationArticlesResolver {
  @FieldResolver(() => ArticleConnection, {
    nullable: true,
    description: `Articles about this organization, newest first unless \`orderBy\` says otherwise.${CONTRIBUTED}`,
  })
  articles(@Root() organization: Organization, @Args(() => ArticlesArgs) args: ArticlesArgs, @Ctx() ctx: ArticlesContext) {
    return ctx.articles.linkedTo("ORGANIZATION", organization.id, args);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: `How many times articles' text names this organization.${CONTRIBUTED}`,
  })
  mentionCount(@Root() organization: Organization, @Ctx() ctx: ArticlesContext) {
    return ctx.loaders.mentionCountOfOrganization.load(organization.id);
  }
}

@Resolver(() => PolicyEvent)
export class EventArticlesResolver {
  @FieldResolver(() => ArticleConnection, {
    nullable: true,
    description: `Articles reporting on this event, newest first unless \`orderBy\` says otherwise.${CONTRIBUTED}`,
  })
  articles(@Root() event: PolicyEvent, @Args(() => ArticlesArgs) args: ArticlesArgs, @Ctx() ctx: ArticlesContext) {
    return ctx.articles.linkedTo("EVENT", event.id, args);
  }
}
