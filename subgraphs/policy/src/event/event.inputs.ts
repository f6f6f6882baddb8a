import { DateScalar, CreateInput } from "@newsfed/kit/graphql";
import { Field, ID, InputType } from "type-graphql";
import { EventKind, OutcomeStatus } from "../enums.js";
import { PolicyTheme } from "../themes.js";

@InputType({ description: "Where an event took place." })
export class LocationInput {
  @Field(() => String, { description: "Place name, e.g. Putrajaya (at most 200 characters)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2 code of the place's country (must exist)." })
  countryCode?: string | null;
}

@InputType({ description: "What an event produced." })
export class OutcomeInput {
  @Field(() => String, { description: "The outcome in one sentence (at most 2000 characters)." })
  statement!: string;

  @Field(() => OutcomeStatus, { description: "How binding it is; 'agreed to enhance cooperation' is AGREED_IN_PRINCIPLE." })
  status!: OutcomeStatus;

  @Field(() => [PolicyTheme], { nullable: true, description: "Policy areas it concerns." })
  themes?: PolicyTheme[] | null;
}

@InputType({ description: "A new policy event." })
export class CreatePolicyEventInput extends CreateInput {
  @Field(() => EventKind, { description: "What kind of event." })
  kind!: EventKind;

  @Field(() => String, { description: "Short title (at most 300 characters)." })
  title!: string;

  @Field(() => DateScalar, { description: "First day." })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day of a multi-day event; not before startDate." })
  endDate?: string | null;

  @Field(() => LocationInput, { nullable: true, description: "Where it took place." })
  location?: LocationInput | null;

  @Field(() => ID, {
    nullable: true,
    description: "The event this one is part of, e.g. the visit of a meeting (must exist; no cycles).",
  })
  parentId?: string | null;

  @Field(() => [PolicyTheme], { nullable: true, description: "Policy areas it dealt with." })
  themes?: PolicyTheme[] | null;

  @Field(() => [ID], { nullable: true, description: "Officials who took part (each must exist)." })
  participantIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "ISO codes of the countries involved (each must exist)." })
  countryCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Initiatives discussed or advanced (each must exist)." })
  initiativeIds?: string[] | null;

  @Field(() => [OutcomeInput], { nullable: true, description: "What it produced, in order (at most 50)." })
  outcomes?: OutcomeInput[] | null;
}

@InputType({
  description:
    "Changes to a policy event. Omitted fields stay as they are; `null` clears a nullable field; a list replaces the whole list.",
})
export class UpdatePolicyEventInput {
  @Field(() => EventKind, { nullable: true, description: "What kind of event." })
  kind?: EventKind | null;

  @Field(() => String, { nullable: true, description: "Short title." })
  title?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day." })
  startDate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day; null makes it a one-day event." })
  endDate?: string | null;

  @Field(() => LocationInput, { nullable: true, description: "Where it took place; null removes it." })
  location?: LocationInput | null;

  @Field(() => ID, { nullable: true, description: "The event this one is part of; null detaches it." })
  parentId?: string | null;

  @Field(() => [PolicyTheme], { nullable: true, description: "Policy areas; replaces the list." })
  themes?: PolicyTheme[] | null;

  @Field(() => [ID], { nullable: true, description: "Participating officials; replaces the list." })
  participantIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Countries involved; replaces the list." })
  countryCodes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Initiatives; replaces the list." })
  initiativeIds?: string[] | null;

  @Field(() => [OutcomeInput], { nullable: true, description: "Outcomes; replaces the list." })
  outcomes?: OutcomeInput[] | null;
}
