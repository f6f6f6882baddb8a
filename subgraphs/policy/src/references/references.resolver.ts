import { ConnectionArgs, CONTRIBUTED } from "@newsfed/kit/graphql";
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { PolicyContext } from "../context.js";
import { PolicyEventConnection } from "../event/event.connection.js";
import { EventFilterInput } from "../event/event-filter.input.js";
import { PolicyInitiativeConnection } from "../initiative/initiative.connection.js";
import { InitiativeFilterInput } from "../initiative/initiative-filter.input.js";
import { Country, Official, Organization } from "./references.type.js";

// Fields this subgraph contributes to entities the officials subgraph owns. The gateway calls them through
// `_entities` with a batch of keys; each goes through a per-request page loader (one statement per batch).

@Resolver(() => Official)
export class OfficialPolicyResolver {
  @FieldResolver(() => PolicyInitiativeConnection, {
    nullable: true,
    description: `Policy initiatives this official champions, by name.${CONTRIBUTED}`,
  })
  initiatives(
    @Root() official: Official,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => InitiativeFilterInput, { nullable: true, description: "Further conditions on the initiatives." })
    filter: InitiativeFilterInput | null,
    @Ctx() ctx: PolicyContext,
  ) {
    return ctx.initiatives.listFor("champion", official.id, { ...page, filter });
  }

  @FieldResolver(() => PolicyEventConnection, {
    nullable: true,
    description: `Policy events this official took part in, newest first: their timeline.${CONTRIBUTED}`,
  })
  events(
    @Root() official: Official,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => EventFilterInput, { nullable: true, description: "Further conditions on the events." })
    filter: EventFilterInput | null,
    @Ctx() ctx: PolicyContext,
  ) {
    return ctx.events.listFor("participant", official.id, { ...page, filter });
  }
}

@Resolver(() => Organization)
export class OrganizationPolicyResolver {
  @FieldResolver(() => PolicyInitiativeConnection, {
    nullable: true,
    description: `Policy initiatives this organization leads, by name.${CONTRIBUTED}`,
  })
  initiatives(@Root() organization: Organization, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: PolicyContext) {
    return ctx.initiatives.listFor("leadOrganization", organization.id, page);
  }
}

@Resolver(() => Country)
export class CountryPolicyResolver {
  @FieldResolver(() => PolicyInitiativeConnection, {
    nullable: true,
    description: `Policy initiatives of this country, by name.${CONTRIBUTED}`,
  })
  initiatives(
    @Root() country: Country,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => InitiativeFilterInput, { nullable: true, description: "Further conditions on the initiatives." })
    filter: InitiativeFilterInput | null,
    @Ctx() ctx: PolicyContext,
  ) {
    return ctx.initiatives.listFor("country", country.code, { ...page, filter });
  }

  @FieldResolver(() => PolicyEventConnection, {
    nullable: true,
    description: `Policy events involving this country, newest first.${CONTRIBUTED}`,
  })
  events(
    @Root() country: Country,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => EventFilterInput, { nullable: true, description: "Further conditions on the events." })
    filter: EventFilterInput | null,
    @Ctx() ctx: PolicyContext,
  ) {
    return ctx.events.listFor("country", country.code, { ...page, filter });
  }
}
