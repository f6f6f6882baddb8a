import type { GraphQLResolveInfo } from "graphql";
import { UNAVAILABLE, asksFor } from "@newsfed/kit/graphql";
import { ChangeConnection } from "@newsfed/kit/writes";
import { ConnectionArgs } from "@newsfed/kit/graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { PolicyContext } from "../context.js";
import type { InitiativeRow } from "../db/schema.js";
import { PolicyEvent } from "../event/event.type.js";
import { Country, Official, Organization } from "../references/references.type.js";
import { PolicyInitiativeConnection } from "./initiative.connection.js";
import { InitiativeFilterInput } from "./initiative-filter.input.js";
import { PolicyInitiative } from "./initiative.type.js";

@Resolver(() => PolicyInitiative)
export class InitiativeResolver {
  @FieldResolver(() => ChangeConnection, {
    description: "Who changed this record, when, and which fields: its audit trail, newest first.",
  })
  history(@Root() record: InitiativeRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: PolicyContext) {
    return ctx.initiatives.history(record.id, page);
  }

  @Query(() => PolicyInitiative, { nullable: true, description: "One policy initiative by id; null when there is none." })
  initiative(@Arg("id", () => ID, { description: "The initiative's id." }) id: string, @Ctx() ctx: PolicyContext) {
    return ctx.initiatives.get(id);
  }

  @Query(() => PolicyInitiativeConnection, {
    description: "Policy initiatives, alphabetically by name; by relevance when searching.",
  })
  initiatives(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => InitiativeFilterInput, { nullable: true, description: "Conditions the initiatives must meet." })
    filter: InitiativeFilterInput | null,
    @Ctx() ctx: PolicyContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.initiatives.list({ ...page, filter, count: asksFor(info, "totalCount") });
  }

  @FieldResolver(() => Country, {
    nullable: true,
    description: "The country whose initiative this is; null for multinational ones.",
  })
  country(@Root() initiative: InitiativeRow): Country | null {
    return initiative.countryCode ? { code: initiative.countryCode } : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: "The body that leads it; null when unknown." })
  leadOrganization(@Root() initiative: InitiativeRow): Organization | null {
    return initiative.leadOrganizationId ? { id: initiative.leadOrganizationId } : null;
  }

  @FieldResolver(() => [Official], {
    nullable: true,
    description: `Officials who promote or are responsible for the initiative.${UNAVAILABLE}`,
  })
  async champions(@Root() initiative: InitiativeRow, @Ctx() ctx: PolicyContext): Promise<Official[]> {
    return (await ctx.initiatives.championIds(initiative.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => [PolicyEvent], { description: "Events at which the initiative was discussed, launched or advanced." })
  events(@Root() initiative: InitiativeRow, @Ctx() ctx: PolicyContext) {
    return ctx.initiatives.events(initiative.id);
  }
}
