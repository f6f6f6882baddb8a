import type { GraphQLResolveInfo } from "graphql";
import { ConnectionArgs, asksFor } from "@newsfed/kit/graphql";
import { ChangeConnection } from "@newsfed/kit/writes";
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import type { OfficialsContext } from "../context.js";
import { Country } from "../country/country.type.js";
import type { OrganizationRow } from "../db/schema.js";
import { OfficialConnection } from "../official/official.connection.js";
import { OrganizationConnection } from "./organization.connection.js";
import { OrganizationFilterInput } from "./organization-filter.input.js";
import { Organization } from "./organization.type.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => ChangeConnection, {
    description: "Who changed this record, when, and which fields: its audit trail, newest first.",
  })
  history(@Root() record: OrganizationRow, @Args(() => ConnectionArgs) page: ConnectionArgs, @Ctx() ctx: OfficialsContext) {
    return ctx.organizations.history(record.id, page);
  }

  @Query(() => Organization, { nullable: true, description: "One organization by id; null when there is none." })
  organization(@Arg("id", () => ID, { description: "The organization's id." }) id: string, @Ctx() ctx: OfficialsContext) {
    return ctx.organizations.get(id);
  }

  @Query(() => OrganizationConnection, { description: "Organizations, alphabetically by name; by relevance when searching." })
  organizations(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg("filter", () => OrganizationFilterInput, { nullable: true, description: "Conditions the organizations must meet." })
    filter: OrganizationFilterInput | null,
    @Ctx() ctx: OfficialsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.organizations.list({ ...page, filter, count: asksFor(info, "totalCount") });
  }

  @FieldResolver(() => Country, {
    nullable: true,
    description: "The country the organization belongs to; null for international bodies.",
  })
  country(@Root() organization: OrganizationRow, @Ctx() ctx: OfficialsContext) {
    return organization.countryCode ? ctx.countries.get(organization.countryCode) : null;
  }

  @FieldResolver(() => OfficialConnection, {
    description: "Officials who hold or held a position in this organization, by name.",
  })
  officials(
    @Root() organization: OrganizationRow,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Ctx() ctx: OfficialsContext,
  ) {
    return ctx.officials.ofOrganization(organization.id, page);
  }
}
