import { UserError } from "@newsfed/kit/graphql";
import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import { Article } from "../article/article.type.js";
import type { ArticlesContext } from "../context.js";

@InputType({ description: "A raw wire story as agencies file it." })
export class IngestArticleInput {
  @Field(() => String, {
    description:
      'The story\'s text: a date line (`date YYYY-MM-DD` with the photo caption and "(Photo: credit)"), then paragraphs, the first opening with a "Place (AGENCY) -" dateline, the last ending with "/.". At most 200,000 characters.',
  })
  text!: string;

  @Field(() => String, { nullable: true, description: "Where the story is published online (http or https)." })
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The headline; wire text carries none, so the lead's first sentence is used when omitted.",
  })
  headline?: string | null;
}

@ObjectType({ description: "The result of ingesting a wire story." })
export class IngestArticlePayload {
  @Field(() => Article, {
    nullable: true,
    description: "The article for this story: new, or the one an earlier ingestion of the same text created.",
  })
  article!: unknown;

  @Field(() => Boolean, { description: "False when the same story was already ingested (nothing new was stored)." })
  created!: boolean;

  @Field(() => [UserError], { description: "Why the story was refused; empty on success." })
  userErrors!: UserError[];
}

@Resolver()
export class IngestMutations {
  @Mutation(() => IngestArticlePayload, {
    description:
      "Turns a raw wire story into an article with located mentions, linked to the known officials, initiatives and countries it names. Idempotent: the same text again returns the same article with `created: false`. Needs `articles:write`.",
  })
  ingestArticle(
    @Arg("input", () => IngestArticleInput, { description: "The story." }) input: IngestArticleInput,
    @Ctx() ctx: ArticlesContext,
  ) {
    return ctx.ingestion.ingest(input);
  }
}
