import { buildFederatedSchema } from "@newsfed/kit/graphql";
import type { OfficialsContext } from "./context.js";
import { CountryResolver } from "./country/country.resolver.js";
import { OfficialMutations } from "./official/official.mutations.js";
import { OfficialResolver } from "./official/official.resolver.js";
import { PositionResolver } from "./official/position.resolver.js";
import { OrganizationMutations } from "./organization/organization.mutations.js";
import { OrganizationResolver } from "./organization/organization.resolver.js";

/** The officials subgraph schema: owns Official, Organization and Country. */
export function buildOfficialsSchema() {
  return buildFederatedSchema<OfficialsContext>({
    resolvers: [
      OfficialResolver,
      OfficialMutations,
      PositionResolver,
      OrganizationResolver,
      OrganizationMutations,
      CountryResolver,
    ],
    referenceResolvers: {
      Official: { __resolveReference: (ref, ctx) => ctx.officials.get(String(ref.id)) },
      Organization: { __resolveReference: (ref, ctx) => ctx.organizations.get(String(ref.id)) },
      Country: { __resolveReference: (ref, ctx) => ctx.countries.get(String(ref.code)) },
    },
  });
}
