import { DateScalar, DateTimeScalar, UpdatedByField } from "@newsfed/kit/graphql";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { InitiativeStatus } from "../enums.js";
import { PolicyTheme } from "../themes.js";

@ObjectType({
  description:
    "A government policy programme or plan, e.g. the Malaysia Digital Economy Blueprint. Owned by the policy subgraph.",
})
@Directive('@key(fields: "id")')
export class PolicyInitiative {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;

  @Field(() => String, { description: "Full name, e.g. Malaysia Digital Economy Blueprint." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Short form in common use, e.g. MyDIGITAL; null when none." })
  acronym!: string | null;

  @Field(() => String, { nullable: true, description: "What the initiative sets out to do; null when not yet written." })
  description!: string | null;

  @Field(() => InitiativeStatus, { description: "Where the initiative stands." })
  status!: InitiativeStatus;

  @Field(() => [PolicyTheme], { description: "Policy areas the initiative covers." })
  themes!: PolicyTheme[];

  @Field(() => DateScalar, { nullable: true, description: "When it was launched or took effect; null when unknown." })
  startDate!: string | null;

  @Field(() => DateTimeScalar, { description: "When this record last changed." })
  updatedAt!: Date;

  @UpdatedByField()
  updatedBy!: string;
}
