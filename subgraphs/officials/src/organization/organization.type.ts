import { DateTimeScalar, UpdatedByField } from "@newsfed/kit/graphql";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { OrganizationKind } from "./organization-kind.enum.js";

@ObjectType({ description: "A government body, agency, company or news organization. Owned by the officials subgraph." })
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;

  @Field(() => String, { description: "Full English name, e.g. Ministry of Communications and Multimedia." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Short form in common use, e.g. KKMM; null when none." })
  acronym!: string | null;

  @Field(() => OrganizationKind, { description: "What kind of body this is." })
  kind!: OrganizationKind;

  @Field(() => DateTimeScalar, { description: "When this record last changed." })
  updatedAt!: Date;

  @UpdatedByField()
  updatedBy!: string;
}
