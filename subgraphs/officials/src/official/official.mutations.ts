import { bulkPayloadType, deletePayloadType, payloadType } from "@newsfed/kit/graphql";
import { bulkCreate } from "@newsfed/kit/writes";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { OfficialsContext } from "../context.js";
import { CreateOfficialInput, UpdateOfficialInput } from "./official.inputs.js";
import { Official } from "./official.type.js";

const CreateOfficialPayload = payloadType("CreateOfficialPayload", "official", Official, "createOfficial");
const CreateOfficialsPayload = bulkPayloadType("CreateOfficialsPayload", CreateOfficialPayload, "officials");
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

  @Mutation(() => CreateOfficialsPayload, {
    description:
      "Adds up to 100 officials at once, each exactly as `createOfficial` would (its own result and user errors; a refused one does not stop the others), with the references of all checked together and all stored in one transaction. For bulk loads and ingestion. Needs `officials:write`.",
  })
  createOfficials(
    @Arg("inputs", () => [CreateOfficialInput], { description: "The new officials, at most 100." }) inputs: CreateOfficialInput[],
    @Ctx() ctx: OfficialsContext,
  ) {
    return bulkCreate(inputs, (all) => ctx.officials.writes.createMany(all));
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
