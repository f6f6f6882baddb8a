import { UserErrorCode } from "@newsfed/kit/graphql";
import { clearLoaders } from "@newsfed/kit/loaders";
import type { FederationClient } from "@newsfed/kit/subgraph";
import {
  checkUnreferenced,
  countryCode,
  type EntitySpec,
  idempotencyKey,
  oneOf,
  refusingDuplicates,
  requiredText,
  text,
} from "@newsfed/kit/writes";
import type { OfficialsTx } from "../db/index.js";
import { checkNameInCountry } from "../name-in-country.rule.js";
import { ORGANIZATION_NATURAL_KEY, type OrganizationRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { ReferenceRepo } from "../references.repo.js";
import { OrganizationKind } from "./organization-kind.enum.js";
import type { OrganizationRepo } from "./organization.repo.js";

/** The declared fields of CreateOrganizationInput / UpdateOrganizationInput and the rule of each. */
export const ORGANIZATION_FIELDS = {
  name: requiredText(300),
  acronym: text({ max: 32 }),
  kind: oneOf(Object.values(OrganizationKind), { required: true }),
  countryCode: countryCode(),
  idempotencyKey: idempotencyKey(),
};

/** How organizations are written: the rules beyond single fields, storage, and who may still refer to one. */
export function organizationWrites(deps: {
  repo: OrganizationRepo;
  references: ReferenceRepo;
  loaders: Loaders;
  federation: FederationClient;
}): EntitySpec<OrganizationRow, typeof ORGANIZATION_FIELDS, OfficialsTx> {
  return {
    entityType: "Organization",
    scope: "officials:write",
    fields: ORGANIZATION_FIELDS,
    load: (id) => deps.loaders.organizationById.load(id),
    async check(values, errors, current) {
      await checkNameInCountry({ values, current }, errors, {
        holderOfNaturalKey: (name, country, exceptId) => deps.repo.holderOfNaturalKey(name, country, exceptId),
        references: deps.references,
        duplicateMessage,
      });
    },
    insert: (tx, id, { idempotencyKey: _, ...row }, actor) =>
      refusingDuplicates(
        () => deps.repo.insert(tx, { id, ...row, name: row.name!, kind: row.kind!, updatedBy: actor.subject }),
        ORGANIZATION_NATURAL_KEY,
        () => duplicate(row.name!, row.countryCode),
      ),
    // Absent fields are undefined here, and drizzle leaves undefined columns as they are.
    update: (tx, id, { idempotencyKey: _, kind, ...row }, actor) =>
      refusingDuplicates(
        () => deps.repo.update(tx, id, { ...row, kind: kind ?? undefined, updatedBy: actor.subject, updatedAt: new Date() }),
        ORGANIZATION_NATURAL_KEY,
        () => duplicate(row.name ?? "this name", row.countryCode),
      ),
    remove: (tx, id) => deps.repo.delete(tx, id),
    async usage(id, _current, errors) {
      const positions = await deps.references.positionsAt(id);
      await checkUnreferenced(
        deps.federation,
        "organization",
        `query OrganizationUsage($id: ID!) { organization(id: $id) {
          initiatives(first: 0) { totalCount } articles(first: 0) { totalCount } mentionCount } }`,
        { id },
        {
          "position(s) of officials": () => positions,
          "initiative(s) it leads": (d) => d.organization?.initiatives?.totalCount,
          "article(s)": (d) => d.organization?.articles?.totalCount,
          "mention(s) in articles": (d) => d.organization?.mentionCount,
        },
        errors,
      );
    },
    reset: () => clearLoaders(deps.loaders),
  };
}

const duplicateMessage = (name: string, country: string | null | undefined, holder?: string) =>
  `Another organization named "${name}" already exists in ${country ?? "that country"}${holder ? ` (${holder})` : ""}; one country has one organization of a name.`;

const duplicate = (name: string, country: string | null | undefined) => ({
  field: "input.name",
  code: UserErrorCode.DUPLICATE,
  message: duplicateMessage(name, country),
});
