import { DateScalar, CreateInput } from "@newsfed/kit/graphql";
import { Field, ID, InputType } from "type-graphql";

@InputType({ description: "An office held for a period." })
export class PositionInput {
  @Field(() => String, { description: "Title of the post, e.g. Secretary of Commerce (at most 300 characters)." })
  title!: string;

  @Field(() => ID, { nullable: true, description: "The organization the post belongs to (must exist)." })
  organizationId?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day in office; omit when unknown." })
  startDate?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day in office; omit while held or when unknown. Not before startDate.",
  })
  endDate?: string | null;
}

@InputType({ description: "A new official." })
export class CreateOfficialInput extends CreateInput {
  @Field(() => String, { description: "Name without honorifics (at most 200 characters)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Honorific that precedes the name, e.g. Tan Sri." })
  honorificPrefix?: string | null;

  @Field(() => [String], { nullable: true, description: "Other forms of the name news uses (at most 20)." })
  otherNames?: string[] | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of the country served (must exist)." })
  countryCode?: string | null;

  @Field(() => [PositionInput], { nullable: true, description: "Offices held (at most 50)." })
  positions?: PositionInput[] | null;
}

@InputType({
  description:
    "Changes to an official. Omitted fields stay as they are; `null` clears a nullable field; a list replaces the whole list.",
})
export class UpdateOfficialInput {
  @Field(() => String, { nullable: true, description: "Name without honorifics." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "Honorific that precedes the name; null removes it." })
  honorificPrefix?: string | null;

  @Field(() => [String], { nullable: true, description: "Other forms of the name; replaces the list." })
  otherNames?: string[] | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of the country served; null removes it." })
  countryCode?: string | null;

  @Field(() => [PositionInput], { nullable: true, description: "Offices held; replaces the list." })
  positions?: PositionInput[] | null;
}
