import type { GraphQLResolveInfo } from "graphql";
import { UNAVAILABLE, asksFor } from "@newsfed/kit/graphql";
import { ChangeConnection } from "@newsfed/kit/writes";
import { ConnectionArgs } from "@newsfed/kit/graphql";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { PolicyContext } from "../context.js";
import type { EventRow } from "../db/schema.js";
import { PolicyEventConnection } from "./event.connection.js";
import { EventFilterInput } from "./event-filter.input.js";
import { PolicyInitiative } from "../initiative/initiative.type.js";
import { Country, Official } from "../references/references.type.js";
import { Location, Outcome, PolicyEvent } from "./event.type.js";

@Resolver(() => PolicyEvent)
export class EventResolver {
  @FieldResolver(() => ChangeConnection, {
    description: "Who changed this record, when, and which fields: its audit trail, newest first.",
  })
  history(@Root() record: EventRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: PolicyContext) {
    return ctx.events.history(record.id, page);
  }

  @Query(() => PolicyEvent, { nullable: true, description: "One policy event by id; null when there is none." })
  event(@Arg("id", () => ID, { description: "The event's id." }) id: string, @Ctx() ctx: PolicyContext) {
    return ctx.events.get(id);
  }

  @Query(() => PolicyEventConnection, { description: "Policy events, newest first." })
  events(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => EventFilterInput, { nullable: true, description: "Conditions the events must meet." })
    filter: EventFilterInput | null,
    @Ctx() ctx: PolicyContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.events.list({ ...page, filter, count: asksFor(info, "totalCount") });
  }

  @FieldResolver(() => Location, { nullable: true, description: "Where it took place; null when not reported." })
  location(@Root() event: EventRow) {
    return event.locationName ? { name: event.locationName, countryCode: event.locationCountryCode } : null;
  }

  @FieldResolver(() => PolicyEvent, {
    nullable: true,
    description: "The event this one is part of, e.g. the visit a meeting belongs to.",
  })
  parent(@Root() event: EventRow, @Ctx() ctx: PolicyContext) {
    return event.parentId ? ctx.events.get(event.parentId) : null;
  }

  @FieldResolver(() => [PolicyEvent], {
    description: "Events that are part of this one, e.g. the meetings of a visit, oldest first.",
  })
  children(@Root() event: EventRow, @Ctx() ctx: PolicyContext) {
    return ctx.events.children(event.id);
  }

  @FieldResolver(() => [Official], { nullable: true, description: `Officials who took part.${UNAVAILABLE}` })
  async participants(@Root() event: EventRow, @Ctx() ctx: PolicyContext): Promise<Official[]> {
    return (await ctx.events.participantIds(event.id)).map((id) => ({ id }));
  }

  @FieldResolver(() => [Country], {
    nullable: true,
    description: `Countries the event involved (visited, or represented).${UNAVAILABLE}`,
  })
  async countries(@Root() event: EventRow, @Ctx() ctx: PolicyContext): Promise<Country[]> {
    return (await ctx.events.countryCodes(event.id)).map((code) => ({ code }));
  }

  @FieldResolver(() => [PolicyInitiative], { description: "Initiatives discussed or advanced at the event." })
  initiatives(@Root() event: EventRow, @Ctx() ctx: PolicyContext) {
    return ctx.events.initiatives(event.id);
  }

  @FieldResolver(() => [Outcome], { description: "What the event produced, in reported order." })
  outcomes(@Root() event: EventRow, @Ctx() ctx: PolicyContext) {
    return ctx.events.outcomes(event.id);
  }
}

@Resolver(() => Location)
export class LocationResolver {
  @FieldResolver(() => Country, { nullable: true, description: "The country the place is in; null when unknown." })
  country(@Root() location: { countryCode: string | null }): Country | null {
    return location.countryCode ? { code: location.countryCode } : null;
  }
}
