import { DateScalar } from "@newsfed/kit/graphql";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "Narrows a list of officials; all given conditions must hold." })
export class OfficialFilterInput {
  @Field(() => String, { nullable: true, description: "Full-text search over every name form (name, honorific, other names)." })
  search?: string | null;

  @Field(() => String, { nullable: true, description: "Only officials of this country (ISO 3166-1 alpha-2 code)." })
  countryCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Only officials who hold or held a position in this organization." })
  organizationId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only officials who held a position on this day." })
  activeAt?: string | null;
}
