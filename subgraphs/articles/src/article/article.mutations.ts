import { deletePayloadType, payloadType } from "@newsfed/kit/graphql";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { ArticlesContext } from "../context.js";
import { CreateArticleInput, UpdateArticleInput } from "./article-write.inputs.js";
import { Article } from "./article.type.js";

const CreateArticlePayload = payloadType("CreateArticlePayload", "article", Article, "createArticle");
const UpdateArticlePayload = payloadType("UpdateArticlePayload", "article", Article, "updateArticle");
const DeleteArticlePayload = deletePayloadType("DeleteArticlePayload", "article");

@Resolver(() => Article)
export class ArticleMutations {
  @Mutation(() => CreateArticlePayload, { description: "Adds an article with its links. Needs the `articles:write` scope." })
  createArticle(
    @Arg("input", () => CreateArticleInput, { description: "The new article." }) input: CreateArticleInput,
    @Ctx() ctx: ArticlesContext,
  ) {
    return ctx.articles.writes.create(input);
  }

  @Mutation(() => UpdateArticlePayload, {
    description: "Changes an article; omitted fields stay as they are. Needs `articles:write`.",
  })
  updateArticle(
    @Arg("id", () => ID, { description: "The article to change." }) id: string,
    @Arg("input", () => UpdateArticleInput, { description: "The changes." }) input: UpdateArticleInput,
    @Ctx() ctx: ArticlesContext,
  ) {
    return ctx.articles.writes.update(id, input);
  }

  @Mutation(() => DeleteArticlePayload, {
    description: "Deletes an article with its links and mentions. Needs `articles:write`.",
  })
  deleteArticle(@Arg("id", () => ID, { description: "The article to delete." }) id: string, @Ctx() ctx: ArticlesContext) {
    return ctx.articles.writes.delete(id);
  }
}
