import { Directive, Field, ID, ObjectType } from "type-graphql";

// Entities of other subgraphs, declared here by key only. This subgraph contributes fields to them
// (references.resolver.ts) and returns them from its own fields; the gateway fetches the rest from their owner.

@ObjectType({ description: "A public official: a minister, secretary or other office holder. Owned by the officials subgraph." })
@Directive('@key(fields: "id")')
export class Official {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;
}

@ObjectType({ description: "A country, identified by its ISO 3166-1 alpha-2 code. Owned by the officials subgraph." })
@Directive('@key(fields: "code")')
export class Country {
  @Field(() => String, { description: "ISO 3166-1 alpha-2 code, upper case, e.g. MY." })
  code!: string;
}

@ObjectType({ description: "A government body, agency, company or news organization. Owned by the officials subgraph." })
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;
}

@ObjectType({
  description:
    "A government policy programme or plan, e.g. the Malaysia Digital Economy Blueprint. Owned by the policy subgraph.",
})
@Directive('@key(fields: "id")')
export class PolicyInitiative {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;
}

@ObjectType({
  description:
    "Something that happened in policy: a meeting, a visit (a trip, whose meetings are its children), an announcement, a launch or a signing. Owned by the policy subgraph.",
})
@Directive('@key(fields: "id")')
export class PolicyEvent {
  @Field(() => ID, { description: "Stable opaque identifier." })
  id!: string;
}
