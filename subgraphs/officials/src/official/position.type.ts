import { DateScalar } from "@newsfed/kit/graphql";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({
  description: "An office an official holds or held for a period (a Popolo membership of a post). Dates are null where unknown.",
})
export class Position {
  @Field(() => ID, { description: "Stable opaque identifier of this period in office." })
  id!: string;

  @Field(() => String, { description: "Title of the post, e.g. Minister of Communications and Multimedia." })
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: "First day in office; null when unknown." })
  startDate!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Last day in office; null while the post is still held or when unknown.",
  })
  endDate!: string | null;
}
