import { deletePayloadType, payloadType } from "@newsfed/kit/graphql";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { OfficialsContext } from "../context.js";
import { CreateOfficialInput, UpdateOfficialInput } from "./official.inputs.js";
import { Official } from "./official.type.js";

const CreateOfficialPayload = payloadType("CreateOfficialPayload", "official", Official, "createOfficial");
const UpdateOfficialPayload = payloadType("UpdateOfficialPayload", "official", Official, "updateOfficial");
const DeleteOfficialPayload = deletePayloadType("DeleteOfficialPayload", "official");

@Resolver(() => Official)
export class OfficialMutations {
  @Mutation(() => CreateOfficialPayload, {
    description: "Adds an official with their positions. Needs the `officials:write` scope.",
  })
  createOfficial(
    @Arg("input", () => CreateOfficialInput, { description: "The new official." }) input: CreateOfficialInput,
    @Ctx() ctx: OfficialsContext,
  ) {
    return ctx.officials.writes.create(input);
  }

  @Mutation(() => UpdateOfficialPayload, {
    description: "Changes an official; omitted fields stay as they are. Needs `officials:write`.",
  })
  updateOfficial(
    @Arg("id", () => ID, { description: "The official to change." }) id: string,
    @Arg("input", () => UpdateOfficialInput, { description: "The changes." }) input: UpdateOfficialInput,
    @Ctx() ctx: OfficialsContext,
  ) {
    return ctx.officials.writes.update(id, input);
  }

  @Mutation(() => DeleteOfficialPayload, {
    description:
      "Deletes an official and their positions. Refused (REFERENCED) while articles or policy records refer to them. Needs `officials:write`.",
  })
  deleteOfficial(@Arg("id", () => ID, { description: "The official to delete." }) id: string, @Ctx() ctx: OfficialsContext) {
    return ctx.officials.writes.delete(id);
  }
}
