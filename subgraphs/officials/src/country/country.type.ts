import { Directive, Field, ObjectType } from "type-graphql";

@ObjectType({ description: "A country, identified by its ISO 3166-1 alpha-2 code. Owned by the officials subgraph." })
@Directive('@key(fields: "code")')
export class Country {
  @Field(() => String, { description: "ISO 3166-1 alpha-2 code, upper case, e.g. MY." })
  code!: string;

  @Field(() => String, { description: "Short English name, e.g. Malaysia." })
  name!: string;
}
