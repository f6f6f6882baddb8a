import { clearLoaders } from "@newsfed/kit/loaders";
import type { FederationClient } from "@newsfed/kit/subgraph";
import {
  calendarDate,
  checkUnreferenced,
  countryCode,
  type EntitySpec,
  idempotencyKey,
  keys,
  oneOf,
  type Reference,
  requiredText,
  setOf,
  text,
} from "@newsfed/kit/writes";
import type { PolicyTx } from "../db/index.js";
import type { InitiativeRow } from "../db/schema.js";
import { InitiativeStatus } from "../enums.js";
import type { Loaders } from "../loaders.js";
import { LOOKUPS } from "../references/lookups.js";
import { PolicyTheme } from "../themes.js";
import type { InitiativeRepo } from "./initiative.repo.js";

/** The declared fields of CreatePolicyInitiativeInput / UpdatePolicyInitiativeInput and the rule of each. */
export const INITIATIVE_FIELDS = {
  name: requiredText(300),
  acronym: text({ max: 32 }),
  description: text({ max: 5000 }),
  countryCode: countryCode(),
  status: oneOf(Object.values(InitiativeStatus), { required: true }),
  themes: setOf(Object.values(PolicyTheme)),
  startDate: calendarDate(),
  leadOrganizationId: text({ max: 100 }),
  championIds: keys({ maxItems: 50 }),
  idempotencyKey: idempotencyKey(),
};

/** How initiatives are written: references to officials' entities, storage with champions, and who refers to one. */
export function initiativeWrites(deps: {
  repo: InitiativeRepo;
  loaders: Loaders;
  federation: FederationClient;
}): EntitySpec<InitiativeRow, typeof INITIATIVE_FIELDS, PolicyTx> {
  return {
    entityType: "PolicyInitiative",
    scope: "policy:write",
    fields: INITIATIVE_FIELDS,
    load: (id) => deps.loaders.initiativeById.load(id),
    async check(values) {
      const references: Reference[] = [];
      if (values.countryCode) references.push({ lookup: LOOKUPS.country, key: values.countryCode, field: "input.countryCode" });
      if (values.leadOrganizationId) {
        references.push({ lookup: LOOKUPS.organization, key: values.leadOrganizationId, field: "input.leadOrganizationId" });
      }
      for (const { key, index } of values.championIds ?? []) {
        references.push({ lookup: LOOKUPS.official, key, field: `input.championIds.${index}` });
      }
      return { references };
    },
    insert: (tx, id, { championIds, idempotencyKey: _, ...row }, actor) =>
      deps.repo.insert(
        tx,
        { id, ...row, name: row.name!, status: row.status!, updatedBy: actor.subject },
        (championIds ?? []).map((c) => c.key),
      ),
    update: (tx, id, { championIds, idempotencyKey: _, status, ...row }, actor) =>
      deps.repo.update(
        tx,
        id,
        { ...row, status: status ?? undefined, updatedBy: actor.subject, updatedAt: new Date() },
        championIds?.map((c) => c.key),
      ),
    remove: (tx, id) => deps.repo.delete(tx, id),
    async usage(id, _current, errors) {
      const events = (await deps.loaders.eventsByInitiative.load(id)).length;
      await checkUnreferenced(
        deps.federation,
        "initiative",
        `query InitiativeUsage($id: ID!) { initiative(id: $id) { articles(first: 0) { totalCount } mentionCount } }`,
        { id },
        {
          "event(s)": () => events,
          "article(s)": (d) => d.initiative?.articles?.totalCount,
          "mention(s) in articles": (d) => d.initiative?.mentionCount,
        },
        errors,
      );
    },
    reset: () => clearLoaders(deps.loaders),
  };
}
