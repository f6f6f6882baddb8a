import { bulkPayloadType, deletePayloadType, payloadType } from "@newsfed/kit/graphql";
import { bulkCreate } from "@newsfed/kit/writes";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { OfficialsContext } from "../context.js";
import { CreateOrganizationInput, UpdateOrganizationInput } from "./organization.inputs.js";
import { Organization } from "./organization.type.js";

const CreateOrganizationPayload = payloadType("CreateOrganizationPayload", "organization", Organization, "createOrganization");
const CreateOrganizationsPayload = bulkPayloadType("CreateOrganizationsPayload", CreateOrganizationPayload, "organizations");
const UpdateOrganizationPayload = payloadType("UpdateOrganizationPayload", "organization", Organization, "updateOrganization");
const DeleteOrganizationPayload = deletePayloadType("DeleteOrganizationPayload", "organization");

@Resolver(() => Organization)
export class OrganizationMutations {
  @Mutation(() => CreateOrganizationPayload, { description: "Adds an organization. Needs the `officials:write` scope." })
  createOrganization(
    @Arg("input", () => CreateOrganizationInput, { description: "The new organization." }) input: CreateOrganizationInput,
    @Ctx() ctx: OfficialsContext,
  ) {
    return ctx.organizations.writes.create(input);
  }

  @Mutation(() => CreateOrganizationsPayload, {
    description:
      "Adds up to 100 organizations at once, each exactly as `createOrganization` would (its own result and user errors), stored in one transaction. Needs `officials:write`.",
  })
  createOrganizations(
    @Arg("inputs", () => [CreateOrganizationInput], { description: "The new organizations, at most 100." })
    inputs: CreateOrganizationInput[],
    @Ctx() ctx: OfficialsContext,
  ) {
    return bulkCreate(inputs, (all) => ctx.organizations.writes.createMany(all));
  }

  @Mutation(() => UpdateOrganizationPayload, {
    description: "Changes an organization; omitted fields stay as they are. Needs `officials:write`.",
  })
  updateOrganization(
    @Arg("id", () => ID, { description: "The organization to change." }) id: string,
    @Arg("input", () => UpdateOrganizationInput, { description: "The changes." }) input: UpdateOrganizationInput,
    @Ctx() ctx: OfficialsContext,
  ) {
    return ctx.organizations.writes.update(id, input);
  }

  @Mutation(() => DeleteOrganizationPayload, {
    description:
      "Deletes an organization. Refused (REFERENCED) while positions, initiatives or article mentions refer to it. Needs `officials:write`.",
  })
  deleteOrganization(
    @Arg("id", () => ID, { description: "The organization to delete." }) id: string,
    @Ctx() ctx: OfficialsContext,
  ) {
    return ctx.organizations.writes.delete(id);
  }
}
