import { newId } from "@newsfed/kit/ids";
import { UserErrorCode } from "@newsfed/kit/graphql";
import { clearLoaders } from "@newsfed/kit/loaders";
import type { FederationClient } from "@newsfed/kit/subgraph";
import {
  calendarDate,
  checkUnreferenced,
  countryCode,
  type EntitySpec,
  idempotencyKey,
  list,
  refuse,
  refusingDuplicates,
  requiredText,
  text,
  texts,
} from "@newsfed/kit/writes";
import { z } from "zod";
import type { OfficialsTx } from "../db/index.js";
import { checkNameInCountry } from "../name-in-country.rule.js";
import { OFFICIAL_NATURAL_KEY, type OfficialRow } from "../db/schema.js";
import type { Loaders } from "../loaders.js";
import type { ReferenceRepo } from "../references.repo.js";
import type { OfficialRepo } from "./official.repo.js";

/** An office held for a period (PositionInput); `id` only from trusted loaders (the seed keeps ids stable). */
const POSITION = z
  .object({
    id: text({ max: 100 }),
    title: requiredText(300),
    organizationId: text({ max: 100 }),
    startDate: calendarDate(),
    endDate: calendarDate(),
  })
  .superRefine((position, ctx) => {
    if (position.startDate && position.endDate && position.endDate < position.startDate) {
      refuse(ctx, UserErrorCode.INVALID_DATE_RANGE, `(${position.endDate}) is before \`startDate\` (${position.startDate}).`, [
        "endDate",
      ]);
    }
  });

/** The declared fields of CreateOfficialInput / UpdateOfficialInput and the rule of each. */
export const OFFICIAL_FIELDS = {
  name: requiredText(200),
  honorificPrefix: text({ max: 100 }),
  otherNames: texts({ maxItems: 20, max: 200 }),
  countryCode: countryCode(),
  positions: list(POSITION, 50),
  idempotencyKey: idempotencyKey(),
};

/** How officials are written: references inside this subgraph, storage with positions, and who may refer to one. */
export function officialWrites(deps: {
  repo: OfficialRepo;
  references: ReferenceRepo;
  loaders: Loaders;
  federation: FederationClient;
}): EntitySpec<OfficialRow, typeof OFFICIAL_FIELDS, OfficialsTx> {
  return {
    entityType: "Official",
    scope: "officials:write",
    fields: OFFICIAL_FIELDS,
    load: (id) => deps.loaders.officialById.load(id),
    async check(values, errors, current, input) {
      await checkNameInCountry({ values, current }, errors, {
        holderOfNaturalKey: (name, country, exceptId) => deps.repo.holderOfNaturalKey(name, country, exceptId),
        references: deps.references,
        duplicateMessage,
      });
      // From the input as sent: a position that broke another rule still has its organization checked.
      const organizationIds = (Array.isArray(input.positions) ? input.positions : []).map((position: unknown) => {
        const id = (position as { organizationId?: unknown } | null)?.organizationId;
        return typeof id === "string" && id ? id : null;
      });
      const known = await deps.references.organizationsExist(organizationIds.filter((id): id is string => id !== null));
      organizationIds.forEach((id, index) => {
        if (id && !known.has(id)) {
          const field = `input.positions.${index}.organizationId`;
          errors.add(field, UserErrorCode.UNKNOWN_REFERENCE, `\`${field}\`: no organization "${id}" exists.`);
        }
      });
    },
    insert: (tx, id, { positions, idempotencyKey: _, ...row }, actor) =>
      refusingDuplicates(
        () => deps.repo.insert(tx, { id, ...row, name: row.name!, updatedBy: actor.subject }, positionRows(id, positions ?? [])),
        OFFICIAL_NATURAL_KEY,
        () => duplicate(row.name!, row.countryCode),
      ),
    update: (tx, id, { positions, idempotencyKey: _, ...row }, actor) =>
      refusingDuplicates(
        () =>
          deps.repo.update(
            tx,
            id,
            { ...row, updatedBy: actor.subject, updatedAt: new Date() },
            positions && positionRows(id, positions),
          ),
        OFFICIAL_NATURAL_KEY,
        () => duplicate(row.name ?? "this name", row.countryCode),
      ),
    remove: (tx, id) => deps.repo.delete(tx, id),
    usage: (id, _current, errors) =>
      checkUnreferenced(
        deps.federation,
        "official",
        `query OfficialUsage($id: ID!) { official(id: $id) {
          articles(first: 0) { totalCount } mentionCount initiatives(first: 0) { totalCount } events(first: 0) { totalCount } } }`,
        { id },
        {
          "article(s)": (d) => d.official?.articles?.totalCount,
          "mention(s) in articles": (d) => d.official?.mentionCount,
          "initiative(s) as champion": (d) => d.official?.initiatives?.totalCount,
          "event(s) as participant": (d) => d.official?.events?.totalCount,
        },
        errors,
      ),
    reset: () => clearLoaders(deps.loaders),
  };
}

const duplicateMessage = (name: string, country: string | null | undefined, holder?: string) =>
  `Another official named "${name}" already serves ${country ?? "that country"}${holder ? ` (${holder})` : ""}; two officials of one country cannot share a name (add what tells them apart, e.g. a middle name).`;

const duplicate = (name: string, country: string | null | undefined) => ({
  field: "input.name",
  code: UserErrorCode.DUPLICATE,
  message: duplicateMessage(name, country),
});

const positionRows = (officialId: string, positions: readonly z.output<typeof POSITION>[]) =>
  positions.map((position) => ({
    id: position.id ?? newId(),
    officialId,
    title: position.title,
    organizationId: position.organizationId,
    startDate: position.startDate,
    endDate: position.endDate,
  }));
