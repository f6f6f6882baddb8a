import { Field, InputType } from "type-graphql";
import { InitiativeStatus } from "../enums.js";
import { PolicyTheme } from "../themes.js";

@InputType({ description: "Narrows a list of policy initiatives; all given conditions must hold." })
export class InitiativeFilterInput {
  @Field(() => String, { nullable: true, description: "Full-text search over name, acronym and description (English stemming)." })
  search?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only initiatives one of whose name or acronym equals one of these names, compared without case, accents or punctuation ("Nguyễn Mạnh Hùng" finds Nguyen Manh Hung); at most 100 names of 200 characters. A lookup by exact name, for linking text to known entities; an empty list finds none.',
  })
  names?: string[] | null;

  @Field(() => String, { nullable: true, description: "Only initiatives of this country (ISO 3166-1 alpha-2 code)." })
  countryCode?: string | null;

  @Field(() => PolicyTheme, { nullable: true, description: "Only initiatives covering this theme." })
  theme?: PolicyTheme | null;

  @Field(() => InitiativeStatus, { nullable: true, description: "Only initiatives with this status." })
  status?: InitiativeStatus | null;
}
