import { DateTimeScalar, UpdatedByField } from "@newsfed/kit/graphql";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A public official: a minister, secretary or other office holder. Owned by the officials subgraph." })
@Directive('@key(fields: "id")')
export class Official {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;

  @Field(() => String, { description: "Name without honorifics, as the person is commonly known, e.g. Annuar Musa." })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: "Honorific or title that precedes the name, e.g. Tan Sri; null when none.",
  })
  honorificPrefix!: string | null;

  @Field(() => [String], {
    description: "Other forms of the name that news uses: family name alone, given-name forms, family-name-first forms.",
  })
  otherNames!: string[];

  @Field(() => DateTimeScalar, { description: "When this record last changed." })
  updatedAt!: Date;

  @UpdatedByField()
  updatedBy!: string;
}
