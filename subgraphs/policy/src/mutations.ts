import { bulkPayloadType, deletePayloadType, payloadType } from "@newsfed/kit/graphql";
import { bulkCreate } from "@newsfed/kit/writes";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { PolicyContext } from "./context.js";
import { CreatePolicyEventInput, UpdatePolicyEventInput } from "./event/event.inputs.js";
import { PolicyEvent } from "./event/event.type.js";
import { CreatePolicyInitiativeInput, UpdatePolicyInitiativeInput } from "./initiative/initiative.inputs.js";
import { PolicyInitiative } from "./initiative/initiative.type.js";

const CreatePolicyInitiativePayload = payloadType(
  "CreatePolicyInitiativePayload",
  "policyInitiative",
  PolicyInitiative,
  "createPolicyInitiative",
  ["initiative"],
);
const UpdatePolicyInitiativePayload = payloadType(
  "UpdatePolicyInitiativePayload",
  "policyInitiative",
  PolicyInitiative,
  "updatePolicyInitiative",
  ["initiative"],
);
const DeletePolicyInitiativePayload = deletePayloadType("DeletePolicyInitiativePayload", "policy initiative");
const CreatePolicyEventPayload = payloadType("CreatePolicyEventPayload", "policyEvent", PolicyEvent, "createPolicyEvent", [
  "event",
]);
const UpdatePolicyEventPayload = payloadType("UpdatePolicyEventPayload", "policyEvent", PolicyEvent, "updatePolicyEvent", [
  "event",
]);
const DeletePolicyEventPayload = deletePayloadType("DeletePolicyEventPayload", "policy event");
const CreatePolicyInitiativesPayload = bulkPayloadType(
  "CreatePolicyInitiativesPayload",
  CreatePolicyInitiativePayload,
  "policy initiatives",
);
const CreatePolicyEventsPayload = bulkPayloadType("CreatePolicyEventsPayload", CreatePolicyEventPayload, "policy events");

@Resolver()
export class PolicyMutations {
  @Mutation(() => CreatePolicyInitiativePayload, { description: "Adds a policy initiative. Needs the `policy:write` scope." })
  createPolicyInitiative(
    @Arg("input", () => CreatePolicyInitiativeInput, { description: "The new initiative." }) input: CreatePolicyInitiativeInput,
    @Ctx() ctx: PolicyContext,
  ) {
    return ctx.initiatives.writes.create(input);
  }

  @Mutation(() => CreatePolicyInitiativesPayload, {
    description:
      "Adds up to 100 policy initiatives at once, each exactly as `createPolicyInitiative` would (its own result and user errors), with their references checked together and all stored in one transaction. Needs `policy:write`.",
  })
  createPolicyInitiatives(
    @Arg("inputs", () => [CreatePolicyInitiativeInput], { description: "The new initiatives, at most 100." })
    inputs: CreatePolicyInitiativeInput[],
    @Ctx() ctx: PolicyContext,
  ) {
    return bulkCreate(inputs, (all) => ctx.initiatives.writes.createMany(all));
  }

  @Mutation(() => UpdatePolicyInitiativePayload, {
    description: "Changes a policy initiative; omitted fields stay as they are. Needs `policy:write`.",
  })
  updatePolicyInitiative(
    @Arg("id", () => ID, { description: "The initiative to change." }) id: string,
    @Arg("input", () => UpdatePolicyInitiativeInput, { description: "The changes." }) input: UpdatePolicyInitiativeInput,
    @Ctx() ctx: PolicyContext,
  ) {
    return ctx.initiatives.writes.update(id, input);
  }

  @Mutation(() => DeletePolicyInitiativePayload, {
    description: "Deletes a policy initiative. Refused (REFERENCED) while events or articles refer to it. Needs `policy:write`.",
  })
  deletePolicyInitiative(
    @Arg("id", () => ID, { description: "The initiative to delete." }) id: string,
    @Ctx() ctx: PolicyContext,
  ) {
    return ctx.initiatives.writes.delete(id);
  }

  @Mutation(() => CreatePolicyEventPayload, {
    description: "Adds a policy event with its links and outcomes. Needs the `policy:write` scope.",
  })
  createPolicyEvent(
    @Arg("input", () => CreatePolicyEventInput, { description: "The new event." }) input: CreatePolicyEventInput,
    @Ctx() ctx: PolicyContext,
  ) {
    return ctx.events.writes.create(input);
  }

  @Mutation(() => CreatePolicyEventsPayload, {
    description:
      "Adds up to 100 policy events at once, each exactly as `createPolicyEvent` would (its own result and user errors), with their references checked together and all stored in one transaction. A parent must exist before the request. Needs `policy:write`.",
  })
  createPolicyEvents(
    @Arg("inputs", () => [CreatePolicyEventInput], { description: "The new events, at most 100." })
    inputs: CreatePolicyEventInput[],
    @Ctx() ctx: PolicyContext,
  ) {
    return bulkCreate(inputs, (all) => ctx.events.writes.createMany(all));
  }

  @Mutation(() => UpdatePolicyEventPayload, {
    description: "Changes a policy event; omitted fields stay as they are. Needs `policy:write`.",
  })
  updatePolicyEvent(
    @Arg("id", () => ID, { description: "The event to change." }) id: string,
    @Arg("input", () => UpdatePolicyEventInput, { description: "The changes." }) input: UpdatePolicyEventInput,
    @Ctx() ctx: PolicyContext,
  ) {
    return ctx.events.writes.update(id, input);
  }

  @Mutation(() => DeletePolicyEventPayload, {
    description:
      "Deletes a policy event with its outcomes. Refused (REFERENCED) while it has child events or articles report on it. Needs `policy:write`.",
  })
  deletePolicyEvent(@Arg("id", () => ID, { description: "The event to delete." }) id: string, @Ctx() ctx: PolicyContext) {
    return ctx.events.writes.delete(id);
  }
}
