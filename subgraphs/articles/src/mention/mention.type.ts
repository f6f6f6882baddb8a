import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";

export enum MentionKind {
  OFFICIAL = "OFFICIAL",
  INITIATIVE = "INITIATIVE",
  COUNTRY = "COUNTRY",
  ORGANIZATION = "ORGANIZATION",
  PLACE = "PLACE",
}

registerEnumType(MentionKind, {
  name: "MentionKind",
  description: "What a mention in an article's text refers to.",
  valuesConfig: {
    OFFICIAL: { description: "A public official; `official` is set." },
    INITIATIVE: { description: "A policy initiative; `initiative` is set." },
    COUNTRY: { description: "A country, by name or adjective; `country` is set." },
    ORGANIZATION: { description: "An organization; `organization` is set." },
    PLACE: { description: "A place (city, region) that is not an entity of the API; only the text is kept." },
  },
});

@ObjectType({ description: "One place in an article's body that names an official, initiative, country, organization or place." })
export class Mention {
  @Field(() => String, { description: "The text as written, e.g. Tan Sri Annuar Musa." })
  surfaceText!: string;

  @Field(() => MentionKind, { description: "What the mention refers to." })
  kind!: MentionKind;

  @Field(() => Int, { description: "Offset of the first character in `Article.body` (UTF-16 code units, from 0)." })
  start!: number;

  @Field(() => Int, { description: "Offset just past the last character in `Article.body` (exclusive)." })
  end!: number;

  @Field(() => Float, { description: "How sure the link to the entity is, from 0 to 1." })
  confidence!: number;
}
