import { Field, ID, InputType } from "type-graphql";
import { OrganizationKind } from "./organization-kind.enum.js";

@InputType({ description: "Narrows a list of organizations; all given conditions must hold." })
export class OrganizationFilterInput {
  @Field(() => String, { nullable: true, description: "Full-text search over name and acronym." })
  search?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only organizations one of whose name or acronym equals one of these names, compared without case, accents or punctuation ("Nguyễn Mạnh Hùng" finds Nguyen Manh Hung); at most 100 names of 200 characters. A lookup by exact name, for linking text to known entities; an empty list finds none.',
  })
  names?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Only these organizations, by id; at most 100. Fetches a known set in one field (refreshing a cache, checking references); ids that name no organization are left out. An empty list finds none.",
  })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: "Only organizations of this country (ISO 3166-1 alpha-2 code)." })
  countryCode?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: "Only organizations of this kind." })
  kind?: OrganizationKind | null;
}
