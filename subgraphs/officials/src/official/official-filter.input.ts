import { DateScalar } from "@newsfed/kit/graphql";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "Narrows a list of officials; all given conditions must hold." })
export class OfficialFilterInput {
  @Field(() => String, { nullable: true, description: "Full-text search over every name form (name, honorific, other names)." })
  search?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only officials one of whose name forms (name, honorific and name, other names) equals one of these names, compared without case, accents or punctuation ("Nguyễn Mạnh Hùng" finds Nguyen Manh Hung); at most 100 names of 200 characters. A lookup by exact name, for linking text to known entities; an empty list finds none.',
  })
  names?: string[] | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      "Only these officials, by id; at most 100. Fetches a known set in one field (refreshing a cache, checking references); ids that name no official are left out. An empty list finds none.",
  })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: "Only officials of this country (ISO 3166-1 alpha-2 code)." })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Only officials who hold or held a position in this organization." })
  organizationId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only officials who held a position on this day." })
  activeAt?: string | null;
}
