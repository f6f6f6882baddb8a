import { ConnectionArgs, connectionType } from "@newsfed/kit/graphql";
import { ChangeConnection } from "@newsfed/kit/writes";
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from "type-graphql";
import type { OfficialsContext } from "../context.js";
import { Country } from "../country/country.type.js";
import type { OrganizationRow } from "../db/schema.js";
import { OfficialConnection } from "../official/official.connection.js";
import { OrganizationKind } from "./organization-kind.enum.js";
import { Organization } from "./organization.type.js";

const OrganizationConnection = connectionType(Organization, "Organization", "organizations");

@InputType({ description: "Narrows a list of organizations; all given conditions must hold." })
class OrganizationFilterInput {
  @Field(() => String, { nullable: true, description: "Full-text search over name and acronym." })
  search?: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only organizations one of whose name or acronym equals one of these names, compared without case, accents or punctuation ("Nguyễn Mạnh Hùng" finds Nguyen Manh Hung); at most 100 names of 200 characters. A lookup by exact name, for linking text to known entities; an empty list finds none.',
  })
  names?: string[] | null;

  @Field(() => String, { nullable: true, description: "Only organizations of this country (ISO 3166-1 alpha-2 code)." })
  countryCode?: string | null;

  @Field(() => OrganizationKind, { nullable: true, description: "Only organizations of this kind." })
  kind?: OrganizationKind | null;
}

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
  ) {
    return ctx.organizations.list({ ...page, filter });
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
