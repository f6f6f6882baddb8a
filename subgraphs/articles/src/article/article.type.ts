import { DateTimeScalar, UpdatedByField } from "@newsfed/kit/graphql";
import { PolicyTheme } from "../vocabulary/policy-theme.enum.js";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType({
  description:
    "A news article, with the officials, initiatives, countries and events it is about. Owned by the articles subgraph.",
})
@Directive('@key(fields: "id")')
export class Article {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;

  @Field(() => String, { description: "URL-safe unique name derived from the headline; use it in links." })
  slug!: string;

  @Field(() => String, { description: "The headline." })
  headline!: string;

  @Field(() => String, { nullable: true, description: "Short summary, usually the lead paragraph; null when none." })
  summary!: string | null;

  @Field(() => String, { description: "Full text: paragraphs separated by a blank line. Mention offsets index into it." })
  body!: string;

  @Field(() => DateTimeScalar, {
    description: "When the article was published. Stories dated by day only are stored at 00:00 UTC of that day.",
  })
  publishedAt!: Date;

  @Field(() => String, { nullable: true, description: "Where the article is published online; null when unknown." })
  url!: string | null;

  @Field(() => [PolicyTheme], { description: "Policy areas the article is about." })
  themes!: PolicyTheme[];

  @Field(() => DateTimeScalar, { description: "When this record last changed." })
  updatedAt!: Date;

  @UpdatedByField()
  updatedBy!: string;
}

@ObjectType({ description: "Who published an article." })
export class ArticleSource {
  @Field(() => String, { description: "Name of the publisher or agency, e.g. Vietnam News Agency." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Its short code, e.g. VNA; null when none." })
  code!: string | null;
}

@ObjectType({ description: "The dateline that opens a wire story: where it was filed and by which agency." })
export class Dateline {
  @Field(() => String, { description: "Place the story was filed from, e.g. Kuala Lumpur." })
  place!: string;

  @Field(() => String, { nullable: true, description: "Agency code in the dateline, e.g. VNA." })
  agency!: string | null;
}

@ObjectType({ description: "The photo that illustrates an article." })
export class Photo {
  @Field(() => String, { description: "The caption as published." })
  caption!: string;

  @Field(() => String, { nullable: true, description: "Credit line, e.g. bernama.com; null when not given." })
  credit!: string | null;
}
