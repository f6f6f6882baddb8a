import { DateScalar } from "@newsfed/kit/graphql";
import { Field, ID, InputType } from "type-graphql";
import { EventKind } from "../enums.js";

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
