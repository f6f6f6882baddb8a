import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { OfficialsContext } from "../context.js";
import type { PositionRow } from "../db/schema.js";
import { Organization } from "../organization/organization.type.js";
import { isActiveOn } from "./official.service.js";
import { Position } from "./position.type.js";

@Resolver(() => Position)
export class PositionResolver {
  @FieldResolver(() => Organization, { nullable: true, description: "The organization the post belongs to; null when unknown." })
  organization(@Root() position: PositionRow, @Ctx() ctx: OfficialsContext) {
    return position.organizationId ? ctx.organizations.get(position.organizationId) : null;
  }

  @FieldResolver(() => Boolean, { description: "True when the post is held today." })
  isCurrent(@Root() position: PositionRow): boolean {
    return isActiveOn(position, new Date().toISOString().slice(0, 10));
  }
}
