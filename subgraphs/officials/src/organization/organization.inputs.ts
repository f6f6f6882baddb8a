import { CreateInput } from "@newsfed/kit/graphql";
import { Field, InputType } from "type-graphql";
import { OrganizationKind } from "./organization-kind.enum.js";

@InputType({ description: "A new organization." })
export class CreateOrganizationInput extends CreateInput {
  @Field(() => String, { description: "Full English name (at most 300 characters)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Short form in common use (at most 32 characters)." })
  acronym?: string | null;

  @Field(() => OrganizationKind, { description: "What kind of body it is." })
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of its country (must exist)." })
  countryCode?: string | null;
}

@InputType({ description: "Changes to an organization. Omitted fields stay as they are; `null` clears a nullable field." })
export class UpdateOrganizationInput {
  @Field(() => String, { nullable: true, description: "Full English name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Short form; null removes it." })
  acronym?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: "What kind of body it is." })
  kind?: OrganizationKind | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of its country; null removes it." })
  countryCode?: string | null;
}
