import { Field, InputType } from "type-graphql";

@InputType({ description: "Narrows the list of countries." })
export class CountryFilterInput {
  @Field(() => [String], {
    nullable: true,
    description:
      "Only these countries, by ISO 3166-1 alpha-2 code (any case); at most 100. Fetches a known set in one field; codes of no known country are left out. An empty list finds none.",
  })
  codes?: string[] | null;
}
