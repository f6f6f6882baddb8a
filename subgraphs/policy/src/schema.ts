import { buildFederatedSchema } from "@newsfed/kit/graphql";
import type { PolicyContext } from "./context.js";
import { EventResolver, LocationResolver } from "./event/event.resolver.js";
import { PolicyMutations } from "./mutations.js";
import { InitiativeResolver } from "./initiative/initiative.resolver.js";
import { CountryPolicyResolver, OfficialPolicyResolver, OrganizationPolicyResolver } from "./references/references.resolver.js";

/** The policy subgraph schema: owns PolicyInitiative and PolicyEvent, contributes to Official, Organization, Country. */
export function buildPolicySchema() {
  return buildFederatedSchema<PolicyContext>({
    resolvers: [
      InitiativeResolver,
      EventResolver,
      PolicyMutations,
      LocationResolver,
      OfficialPolicyResolver,
      OrganizationPolicyResolver,
      CountryPolicyResolver,
    ],
    referenceResolvers: {
      PolicyInitiative: { __resolveReference: (ref, ctx) => ctx.initiatives.get(String(ref.id)) },
      PolicyEvent: { __resolveReference: (ref, ctx) => ctx.events.get(String(ref.id)) },
    },
  });
}
