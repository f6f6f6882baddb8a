import type { GraphQLResolveInfo } from "graphql";
import { ConnectionArgs, UNAVAILABLE, asksFor } from "@newsfed/kit/graphql";
import { ChangeConnection } from "@newsfed/kit/writes";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { ArticlesContext } from "../context.js";
import type { ArticleRow } from "../db/schema.js";
import { Mention } from "../mention/mention.type.js";
import { Country, Official, Organization, PolicyEvent, PolicyInitiative } from "../references/references.type.js";
import { ArticleConnection } from "./article.connection.js";
import { ArticlesArgs } from "./article-filter.input.js";
import { Article, ArticleSource, Dateline, Photo } from "./article.type.js";

@Resolver(() => Article)
export class ArticleResolver {
  @FieldResolver(() => ChangeConnection, {
    description: "Who changed this record, when, and which fields: its audit trail, newest first.",
  })
  history(@Root() record: ArticleRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: ArticlesContext) {
    return ctx.articles.history(record.id, page);
  }

  @Query(() => Article, { nullable: true, description: "One article by id; null when there is none." })
  article(@Arg("id", () => ID, { description: "The article's id." }) id: string, @Ctx() ctx: ArticlesContext) {
    return ctx.articles.get(id);
  }

  @Query(() => Article, { nullable: true, description: "One article by its slug; null when there is none." })
  articleBySlug(@Arg("slug", () => String, { description: "The article's slug." }) slug: string, @Ctx() ctx: ArticlesContext) {
    return ctx.articles.getBySlug(slug);
  }

  @Query(() => ArticleConnection, { description: "Articles, newest first unless `orderBy` says otherwise." })
  articles(@Args(() => ArticlesArgs) args: ArticlesArgs, @Ctx() ctx: ArticlesContext, @Info() info: GraphQLResolveInfo) {
    return ctx.articles.list({ ...args, count: asksFor(info, "totalCount") });
  }

  @FieldResolver(() => ArticleSource, { description: "Who published the article." })
  source(@Root() article: ArticleRow): ArticleSource {
    return { name: article.sourceName, code: article.sourceCode };
  }

  @FieldResolver(() => Dateline, { nullable: true, description: "The wire dateline; null when the story has none." })
  dateline(@Root() article: ArticleRow): Dateline | null {
    return article.datelinePlace ? { place: article.datelinePlace, agency: article.datelineAgency } : null;
  }

  @FieldResolver(() => Photo, { nullable: true, description: "The illustrating photo's caption and credit; null when none." })
  photo(@Root() article: ArticleRow): Photo | null {
    return article.photoCaption ? { caption: article.photoCaption, credit: article.photoCredit } : null;
  }

  @FieldResolver(() => [Mention], { description: "Every place the body names an entity, in text order." })
  mentions(@Root() article: ArticleRow, @Ctx() ctx: ArticlesContext) {
    return ctx.articles.mentions(article.id);
  }

  @FieldResolver(() => [Official], { nullable: true, description: `Officials the article is about.${UNAVAILABLE}` })
  async officials(@Root() article: ArticleRow, @Ctx() ctx: ArticlesContext): Promise<Official[]> {
    return (await ctx.articles.links(article.id, "OFFICIAL")).map((id) => ({ id }));
  }

  @FieldResolver(() => [Organization], {
    nullable: true,
    description: `Organizations the article is about: ministries, agencies, companies.${UNAVAILABLE}`,
  })
  async organizations(@Root() article: ArticleRow, @Ctx() ctx: ArticlesContext): Promise<Organization[]> {
    return (await ctx.articles.links(article.id, "ORGANIZATION")).map((id) => ({ id }));
  }

  @FieldResolver(() => [PolicyInitiative], {
    nullable: true,
    description: `Policy initiatives the article is about.${UNAVAILABLE}`,
  })
  async initiatives(@Root() article: ArticleRow, @Ctx() ctx: ArticlesContext): Promise<PolicyInitiative[]> {
    return (await ctx.articles.links(article.id, "INITIATIVE")).map((id) => ({ id }));
  }

  @FieldResolver(() => [Country], { nullable: true, description: `Countries the article is about.${UNAVAILABLE}` })
  async countries(@Root() article: ArticleRow, @Ctx() ctx: ArticlesContext): Promise<Country[]> {
    return (await ctx.articles.links(article.id, "COUNTRY")).map((code) => ({ code }));
  }

  @FieldResolver(() => [PolicyEvent], { nullable: true, description: `Policy events the article reports on.${UNAVAILABLE}` })
  async events(@Root() article: ArticleRow, @Ctx() ctx: ArticlesContext): Promise<PolicyEvent[]> {
    return (await ctx.articles.links(article.id, "EVENT")).map((id) => ({ id }));
  }
}
