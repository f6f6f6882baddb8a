import type { GraphQLResolveInfo } from "graphql";
import { ConnectionArgs, DateScalar, asksFor } from "@newsfed/kit/graphql";
import { ChangeConnection } from "@newsfed/kit/writes";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { OfficialsContext } from "../context.js";
import { Country } from "../country/country.type.js";
import type { OfficialRow } from "../db/schema.js";
import { OfficialConnection } from "./official.connection.js";
import { OfficialFilterInput } from "./official-filter.input.js";
import { Official } from "./official.type.js";
import { Position } from "./position.type.js";

@Resolver(() => Official)
export class OfficialResolver {
  @FieldResolver(() => ChangeConnection, {
    description: "Who changed this record, when, and which fields: its audit trail, newest first.",
  })
  history(@Root() record: OfficialRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: OfficialsContext) {
    return ctx.officials.history(record.id, page);
  }

  @Query(() => Official, { nullable: true, description: "One official by id; null when there is none." })
  official(@Arg("id", () => ID, { description: "The official's id." }) id: string, @Ctx() ctx: OfficialsContext) {
    return ctx.officials.get(id);
  }

  @Query(() => OfficialConnection, { description: "Officials, alphabetically by name; by relevance when searching." })
  officials(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => OfficialFilterInput, { nullable: true, description: "Conditions the officials must meet." })
    filter: OfficialFilterInput | null,
    @Ctx() ctx: OfficialsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.officials.list({ ...page, filter, count: asksFor(info, "totalCount") });
  }

  @FieldResolver(() => String, {
    description: "The name as news writes it on first mention: honorific and name, e.g. Tan Sri Annuar Musa.",
  })
  displayName(@Root() official: OfficialRow): string {
    return official.honorificPrefix ? `${official.honorificPrefix} ${official.name}` : official.name;
  }

  @FieldResolver(() => Country, { nullable: true, description: "The country the official serves; null when unknown." })
  country(@Root() official: OfficialRow, @Ctx() ctx: OfficialsContext) {
    return official.countryCode ? ctx.countries.get(official.countryCode) : null;
  }

  @FieldResolver(() => [Position], { description: "Offices held, newest first." })
  positions(
    @Root() official: OfficialRow,
    @Arg("activeAt", () => DateScalar, { nullable: true, description: "Only the positions held on this day." })
    activeAt: string | null,
    @Ctx() ctx: OfficialsContext,
  ) {
    return ctx.officials.positions(official.id, activeAt);
  }

  @FieldResolver(() => Position, {
    nullable: true,
    description: "The office held today; null when the official holds none today (see `latestPosition` for the most recent one).",
  })
  currentPosition(@Root() official: OfficialRow, @Ctx() ctx: OfficialsContext) {
    return ctx.officials.currentPosition(official.id);
  }

  @FieldResolver(() => Position, {
    nullable: true,
    description:
      "The most recent office, held today or not (`isCurrent` and `endDate` tell); null when no position is known. What to show as a former official's last post.",
  })
  latestPosition(@Root() official: OfficialRow, @Ctx() ctx: OfficialsContext) {
    return ctx.officials.latestPosition(official.id);
  }
}
