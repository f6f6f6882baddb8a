import { UserErrorCode } from "@newsfed/kit/graphql";
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
  refusingDuplicates,
  requiredText,
  setOf,
  text,
} from "@newsfed/kit/writes";
import type { PolicyTx } from "../db/index.js";
import { INITIATIVE_ACRONYM_KEY, INITIATIVE_NAME_KEY, type InitiativeRow } from "../db/schema.js";
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
    async check(values, errors, current) {
      // The natural keys: one initiative of a name, and one of an acronym, per country (decision 0011).
      if (values.name !== undefined || values.acronym !== undefined || values.countryCode !== undefined) {
        const key = {
          name: values.name ?? current?.name ?? "",
          acronym: values.acronym === undefined ? (current?.acronym ?? null) : values.acronym,
          countryCode: values.countryCode === undefined ? (current?.countryCode ?? null) : values.countryCode,
        };
        const holder = key.name ? await deps.repo.holderOfNaturalKey(key, current?.id) : null;
        if (holder) {
          const field = holder.by === "name" ? "input.name" : "input.acronym";
          errors.add(field, UserErrorCode.DUPLICATE, duplicateMessage(holder.by, key, holder.id));
        }
      }
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
      refusingNaturalKeys(row, () =>
        deps.repo.insert(
          tx,
          { id, ...row, name: row.name!, status: row.status!, updatedBy: actor.subject },
          (championIds ?? []).map((c) => c.key),
        ),
      ),
    update: (tx, id, { championIds, idempotencyKey: _, status, ...row }, actor) =>
      refusingNaturalKeys(row, () =>
        deps.repo.update(
          tx,
          id,
          { ...row, status: status ?? undefined, updatedBy: actor.subject, updatedAt: new Date() },
          championIds?.map((c) => c.key),
        ),
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

type NaturalKey = { name: string; acronym: string | null; countryCode: string | null };

const duplicateMessage = (by: "name" | "acronym", key: NaturalKey, holder?: string) =>
  by === "name"
    ? `Another initiative named "${key.name}" already exists in ${key.countryCode ?? "that country"}${holder ? ` (${holder})` : ""}.`
    : `Another initiative ${key.countryCode ? `of ${key.countryCode}` : "without a country"} already has the acronym "${key.acronym}"${holder ? ` (${holder})` : ""}.`;

/** A unique violation of either natural key from a concurrent write, as the DUPLICATE the check would have given. */
const refusingNaturalKeys = <T>(
  row: { name?: string | null; acronym?: string | null; countryCode?: string | null },
  store: () => Promise<T>,
) => {
  const key = { name: row.name ?? "this name", acronym: row.acronym ?? null, countryCode: row.countryCode ?? null };
  return refusingDuplicates(
    () =>
      refusingDuplicates(store, INITIATIVE_NAME_KEY, () => ({
        field: "input.name",
        code: UserErrorCode.DUPLICATE,
        message: duplicateMessage("name", key),
      })),
    INITIATIVE_ACRONYM_KEY,
    () => ({ field: "input.acronym", code: UserErrorCode.DUPLICATE, message: duplicateMessage("acronym", key) }),
  );
};
