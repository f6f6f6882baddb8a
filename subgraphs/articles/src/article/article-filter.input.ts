import { ConnectionArgs, DateScalar } from "@newsfed/kit/graphql";
import { PolicyTheme } from "../vocabulary/policy-theme.enum.js";
import { ArgsType, Field, ID, InputType, registerEnumType } from "type-graphql";

export enum ArticleOrder {
  PUBLISHED_AT_DESC = "PUBLISHED_AT_DESC",
  PUBLISHED_AT_ASC = "PUBLISHED_AT_ASC",
  RELEVANCE = "RELEVANCE",
}

registerEnumType(ArticleOrder, {
  name: "ArticleOrder",
  description: "How a list of articles is ordered.",
  valuesConfig: {
    PUBLISHED_AT_DESC: { description: "Newest first." },
    PUBLISHED_AT_ASC: { description: "Oldest first." },
    RELEVANCE: { description: "Best full-text match first (needs `filter.search`; otherwise newest first)." },
  },
});

@InputType({ description: "Narrows a list of articles; all given conditions must hold." })
export class ArticleFilterInput {
  @Field(() => String, {
    nullable: true,
    description: "Full-text search over headline, summary and body (English stemming; quotes, OR and -word work as on the web).",
  })
  search?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only articles published on or after this day (UTC)." })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only articles published on or before this day (UTC)." })
  to?: string | null;

  @Field(() => PolicyTheme, { nullable: true, description: "Only articles about this policy theme." })
  theme?: PolicyTheme | null;

  @Field(() => ID, { nullable: true, description: "Only articles about this official." })
  officialId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only articles about this organization." })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only articles about this policy initiative." })
  initiativeId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only articles reporting on this policy event." })
  eventId?: string | null;

  @Field(() => String, { nullable: true, description: "Only articles about this country (ISO 3166-1 alpha-2 code)." })
  countryCode?: string | null;
}

@ArgsType()
export class ArticlesArgs extends ConnectionArgs {
  @Field(() => ArticleFilterInput, { nullable: true, description: "Conditions the articles must meet." })
  filter?: ArticleFilterInput | null;

  @Field(() => ArticleOrder, {
    nullable: true,
    description: "Order of the list; by default RELEVANCE when searching, otherwise PUBLISHED_AT_DESC.",
  })
  orderBy?: ArticleOrder | null;
}
