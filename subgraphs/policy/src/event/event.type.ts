import { DateScalar, DateTimeScalar, UpdatedByField } from "@newsfed/kit/graphql";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { EventKind, OutcomeStatus } from "../enums.js";
import { PolicyTheme } from "../themes.js";

@ObjectType({
  description:
    "Something that happened in policy: a meeting, a visit (a trip, whose meetings are its children), an announcement, a launch or a signing. Owned by the policy subgraph.",
})
@Directive('@key(fields: "id")')
export class PolicyEvent {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;

  @Field(() => EventKind, { description: "What kind of event this is." })
  kind!: EventKind;

  @Field(() => String, { description: "Short title, e.g. Annuar Musa meets Gina Raimondo in Putrajaya." })
  title!: string;

  @Field(() => DateScalar, { description: "First day of the event." })
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day of a multi-day event; null for a one-day event." })
  endDate!: string | null;

  @Field(() => [PolicyTheme], { description: "Policy areas the event dealt with." })
  themes!: PolicyTheme[];

  @Field(() => DateTimeScalar, { description: "When this record last changed." })
  updatedAt!: Date;

  @UpdatedByField()
  updatedBy!: string;
}

@ObjectType({ description: "Where an event took place." })
export class Location {
  @Field(() => String, { description: "Place name as reported, e.g. Putrajaya." })
  name!: string;
}

@ObjectType({
  description: "What an event produced: an agreement, a commitment to follow up, a signed text, an implemented measure.",
})
export class Outcome {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;

  @Field(() => String, { description: "The outcome in one sentence, as reported." })
  statement!: string;

  @Field(() => OutcomeStatus, { description: "How binding the outcome is." })
  status!: OutcomeStatus;

  @Field(() => [PolicyTheme], { description: "Policy areas the outcome concerns." })
  themes!: PolicyTheme[];
}
