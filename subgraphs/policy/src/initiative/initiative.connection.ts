import { connectionType, DateScalar } from "@newsfed/kit/graphql";
import { Field, ID, InputType } from "type-graphql";
import { EventKind, InitiativeStatus } from "../enums.js";
import { PolicyEvent } from "../event/event.type.js";
import { PolicyTheme } from "../themes.js";
import { PolicyInitiative } from "./initiative.type.js";

export const PolicyInitiativeConnection = connectionType(PolicyInitiative, "PolicyInitiative", "policy initiatives");
export const PolicyEventConnection = connectionType(PolicyEvent, "PolicyEvent", "policy events");

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

@InputType({ description: "Narrows a list of policy events; all given conditions must hold." })
export class EventFilterInput {
  @Field(() => EventKind, { nullable: true, description: "Only events of this kind." })
  kind?: EventKind | null;

  @Field(() => DateScalar, { nullable: true, description: "Only events still running on or after this day." })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Only events that started on or before this day." })
  to?: string | null;

  @Field(() => ID, { nullable: true, description: "Only events this official took part in." })
  participantId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Only events in which one of these officials took part (at most 100).",
  })
  participantIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "Only events involving this country (ISO 3166-1 alpha-2 code)." })
  countryCode?: string | null;

  @Field(() => String, { nullable: true, description: "Full-text search over title and place (English stemming)." })
  search?: string | null;
}
