import type { GraphQLResolveInfo } from "graphql";
import { ConnectionArgs, asksFor } from "@newsfed/kit/graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import type { OfficialsContext } from "../context.js";
import type { CountryRow } from "../db/schema.js";
import { OfficialConnection } from "../official/official.connection.js";
import { OfficialFilterInput } from "../official/official-filter.input.js";
import { CountryConnection } from "./country.connection.js";
import { CountryFilterInput } from "./country-filter.input.js";
import { Country } from "./country.type.js";

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => Country, { nullable: true, description: "One country by ISO 3166-1 alpha-2 code (any case); null when unknown." })
  country(
    @Arg("code", () => String, { description: "ISO 3166-1 alpha-2 code, e.g. MY." }) code: string,
    @Ctx() ctx: OfficialsContext,
  ) {
    return ctx.countries.get(code);
  }

  @Query(() => CountryConnection, { description: "Every country the API knows, by code." })
  countries(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => CountryFilterInput, { nullable: true, description: "Conditions the countries must meet." })
    filter: CountryFilterInput | null,
    @Ctx() ctx: OfficialsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.countries.list({ ...page, codes: filter?.codes ?? null, count: asksFor(info, "totalCount") });
  }

  @FieldResolver(() => OfficialConnection, { description: "Officials of this country, by name." })
  officials(
    @Root() country: CountryRow,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => OfficialFilterInput, { nullable: true, description: "Further conditions the officials must meet." })
    filter: OfficialFilterInput | null,
    @Ctx() ctx: OfficialsContext,
  ) {
    return ctx.officials.ofCountry(country.code, { ...page, filter });
  }
}
