import { CreateInput, DateTimeScalar } from "@newsfed/kit/graphql";
import { PolicyTheme } from "../vocabulary/policy-theme.enum.js";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "Who published an article." })
export class ArticleSourceInput {
  @Field(() => String, { description: "Publisher or agency name, e.g. Vietnam News Agency." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Short code, e.g. VNA." })
  code?: string | null;
}

@InputType({ description: "A wire story's dateline." })
export class DatelineInput {
  @Field(() => String, { description: "Place the story was filed from." })
  place!: string;

  @Field(() => String, { nullable: true, description: "Agency code in the dateline." })
  agency?: string | null;
}

@InputType({ description: "The illustrating photo." })
export class PhotoInput {
  @Field(() => String, { description: "Caption as published." })
  caption!: string;

  @Field(() => String, { nullable: true, description: "Credit line." })
  credit?: string | null;
}

@InputType({ description: "A new article." })
export class CreateArticleInput extends CreateInput {
  @Field(() => String, { description: "Headline (at most 300 characters)." })
  headline!: string;

  @Field(() => String, { description: "Full text; paragraphs separated by a blank line." })
  body!: string;

  @Field(() => String, { nullable: true, description: "Short summary (at most 2000 characters)." })
  summary?: string | null;

  @Field(() => DateTimeScalar, { description: "Publication time; not in the future." })
  publishedAt!: Date;

  @Field(() => String, { nullable: true, description: "Where it is published online (http or https)." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "Unique URL name; derived from the headline when omitted." })
  slug?: string | null;

  @Field(() => ArticleSourceInput, { description: "Who published it." })
  source!: ArticleSourceInput;

  @Field(() => DatelineInput, { nullable: true, description: "The wire dateline, if any." })
  dateline?: DatelineInput | null;

  @Field(() => PhotoInput, { nullable: true, description: "The illustrating photo, if any." })
  photo?: PhotoInput | null;

  @Field(() => [ID], { nullable: true, description: "Officials the article is about (each must exist)." })
  officialIds?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Organizations the article is about: ministries, agencies, companies (each must exist).",
  })
  organizationIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Initiatives the article is about (each must exist)." })
  initiativeIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "ISO codes of countries the article is about (each must exist)." })
  countryCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Policy events the article reports on (each must exist)." })
  eventIds?: string[] | null;

  @Field(() => [PolicyTheme], { nullable: true, description: "Policy areas it is about." })
  themes?: PolicyTheme[] | null;
}

@InputType({
  description:
    "Changes to an article. Omitted fields stay as they are; `null` clears a nullable field; a list replaces the whole list.",
})
export class UpdateArticleInput {
  @Field(() => String, { nullable: true, description: "Headline." })
  headline?: string | null;

  @Field(() => String, { nullable: true, description: "Full text; the article's mentions are located again in it." })
  body?: string | null;

  @Field(() => String, { nullable: true, description: "Short summary; null removes it." })
  summary?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "Publication time; not in the future." })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Where it is published online; null removes it." })
  url?: string | null;

  @Field(() => String, { nullable: true, description: "Unique URL name." })
  slug?: string | null;

  @Field(() => ArticleSourceInput, { nullable: true, description: "Who published it." })
  source?: ArticleSourceInput | null;

  @Field(() => DatelineInput, { nullable: true, description: "The wire dateline; null removes it." })
  dateline?: DatelineInput | null;

  @Field(() => PhotoInput, { nullable: true, description: "The illustrating photo; null removes it." })
  photo?: PhotoInput | null;

  @Field(() => [ID], { nullable: true, description: "Officials; replaces the list." })
  officialIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Organizations; replaces the list." })
  organizationIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Initiatives; replaces the list." })
  initiativeIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Countries; replaces the list." })
  countryCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Events; replaces the list." })
  eventIds?: string[] | null;

  @Field(() => [PolicyTheme], { nullable: true, description: "Policy areas; replaces the list." })
  themes?: PolicyTheme[] | null;
}
