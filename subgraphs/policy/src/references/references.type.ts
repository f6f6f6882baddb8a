import { Directive, Field, ID, ObjectType } from "type-graphql";

// Entities owned by the officials subgraph, declared here by key only. This subgraph contributes fields to them
// (see references.resolver.ts) and returns them from its own fields; the gateway fetches the rest from their owner.

@ObjectType({ description: "A public official: a minister, secretary or other office holder. Owned by the officials subgraph." })
@Directive('@key(fields: "id")')
export class Official {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;
}

@ObjectType({ description: "A government body, agency, company or news organization. Owned by the officials subgraph." })
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;
}

@ObjectType({ description: "A country, identified by its ISO 3166-1 alpha-2 code. Owned by the officials subgraph." })
@Directive('@key(fields: "code")')
export class Country {
  @Field(() => String, { description: "ISO 3166-1 alpha-2 code, upper case, e.g. MY." })
  code!: string;
}
