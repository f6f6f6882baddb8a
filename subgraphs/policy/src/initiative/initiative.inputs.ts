import { DateScalar, CreateInput } from "@newsfed/kit/graphql";
import { Field, ID, InputType } from "type-graphql";
import { InitiativeStatus } from "../enums.js";
import { PolicyTheme } from "../themes.js";

@InputType({ description: "A new policy initiative." })
export class CreatePolicyInitiativeInput extends CreateInput {
  @Field(() => String, { description: "Full name (at most 300 characters)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Short form in common use (at most 32 characters)." })
  acronym?: string | null;

  @Field(() => String, { nullable: true, description: "What it sets out to do (at most 5000 characters)." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of its country (must exist)." })
  countryCode?: string | null;

  @Field(() => InitiativeStatus, { description: "Where it stands." })
  status!: InitiativeStatus;

  @Field(() => [PolicyTheme], { nullable: true, description: "Policy areas it covers." })
  themes?: PolicyTheme[] | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was launched or took effect." })
  startDate?: string | null;

  @Field(() => ID, { nullable: true, description: "The organization that leads it (must exist)." })
  leadOrganizationId?: string | null;

  @Field(() => [ID], { nullable: true, description: "Officials who champion it (each must exist; at most 50)." })
  championIds?: string[] | null;
}

@InputType({
  description:
    "Changes to a policy initiative. Omitted fields stay as they are; `null` clears a nullable field; a list replaces the whole list.",
})
export class UpdatePolicyInitiativeInput {
  @Field(() => String, { nullable: true, description: "Full name." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Short form; null removes it." })
  acronym?: string | null;

  @Field(() => String, { nullable: true, description: "What it sets out to do; null removes it." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of its country; null removes it." })
  countryCode?: string | null;

  @Field(() => InitiativeStatus, { nullable: true, description: "Where it stands." })
  status?: InitiativeStatus | null;

  @Field(() => [PolicyTheme], { nullable: true, description: "Policy areas; replaces the list." })
  themes?: PolicyTheme[] | null;

  @Field(() => DateScalar, { nullable: true, description: "When it was launched; null removes it." })
  startDate?: string | null;

  @Field(() => ID, { nullable: true, description: "The organization that leads it; null removes it." })
  leadOrganizationId?: string | null;

  @Field(() => [ID], { nullable: true, description: "Officials who champion it; replaces the list." })
  championIds?: string[] | null;
}
