import { newId } from "@newsfed/kit/ids";
import { UserErrorCode } from "@newsfed/kit/graphql";
import { clearLoaders } from "@newsfed/kit/loaders";
import type { Identity } from "@newsfed/kit/identity";
import type { FederationClient } from "@newsfed/kit/subgraph";
import {
  calendarDate,
  checkUnreferenced,
  countryCode,
  countryCodes,
  type EntitySpec,
  idempotencyKey,
  keys,
  list,
  oneOf,
  requiredOneOf,
  type Reference,
  requiredText,
  setOf,
  text,
  type UserErrorList,
} from "@newsfed/kit/writes";
import { z } from "zod";
import type { PolicyTx } from "../db/index.js";
import type { EventRow } from "../db/schema.js";
import { EventKind, OutcomeStatus } from "../enums.js";
import type { Loaders } from "../loaders.js";
import { LOOKUPS } from "../references/lookups.js";
import { PolicyTheme } from "../themes.js";
import type { EventRepo } from "./event.repo.js";

/** LocationInput. */
const LOCATION = z.object({ name: requiredText(200), countryCode: countryCode() }).nullish();

/** OutcomeInput; `id` only from trusted loaders (the seed keeps ids stable). */
const OUTCOME = z.object({
  id: text({ max: 100 }),
  statement: requiredText(2000),
  status: requiredOneOf(Object.values(OutcomeStatus)),
  themes: setOf(Object.values(PolicyTheme)),
});

/** The declared fields of CreatePolicyEventInput / UpdatePolicyEventInput and the rule of each. */
export const EVENT_FIELDS = {
  kind: oneOf(Object.values(EventKind), { required: true }),
  title: requiredText(300),
  startDate: calendarDate({ required: true }),
  endDate: calendarDate(),
  location: LOCATION,
  parentId: text({ max: 100 }),
  themes: setOf(Object.values(PolicyTheme)),
  participantIds: keys({ maxItems: 50 }),
  countryCodes: countryCodes(50),
  initiativeIds: keys({ maxItems: 50 }),
  outcomes: list(OUTCOME, 50),
  idempotencyKey: idempotencyKey(),
};

/** How events are written: date ranges, a parent that is no descendant, links checked with their owners, outcomes. */
export function eventWrites(deps: {
  repo: EventRepo;
  loaders: Loaders;
  federation: FederationClient;
}): EntitySpec<EventRow, typeof EVENT_FIELDS, PolicyTx> {
  return {
    entityType: "PolicyEvent",
    scope: "policy:write",
    fields: EVENT_FIELDS,
    load: (id) => deps.loaders.eventById.load(id),
    async check(values, errors, current) {
      errors.dateRange(
        "input.startDate",
        values.startDate ?? current?.startDate,
        "input.endDate",
        values.endDate === undefined ? current?.endDate : values.endDate,
      );
      if (values.parentId) await checkParent(deps, current?.id, values.parentId, errors);
      const initiatives = values.initiativeIds ?? [];
      // Initiatives live in this subgraph: checked here, not through the gateway.
      const found = await deps.loaders.initiativeById.loadMany(initiatives.map((i) => i.key));
      initiatives.forEach(({ key, index }, position) => {
        if (!found[position] || found[position] instanceof Error) {
          const field = `input.initiativeIds.${index}`;
          errors.add(field, UserErrorCode.UNKNOWN_REFERENCE, `\`${field}\`: no initiative "${key}" exists.`);
        }
      });
      const references: Reference[] = [];
      if (values.location?.countryCode) {
        references.push({ lookup: LOOKUPS.country, key: values.location.countryCode, field: "input.location.countryCode" });
      }
      for (const { key, index } of values.participantIds ?? []) {
        references.push({ lookup: LOOKUPS.official, key, field: `input.participantIds.${index}` });
      }
      for (const { key, index } of values.countryCodes ?? []) {
        references.push({ lookup: LOOKUPS.country, key, field: `input.countryCodes.${index}` });
      }
      return { references };
    },
    insert: (tx, id, values, actor) => deps.repo.insertMany(tx, [newEvent(id, values, actor)]),
    insertMany: (tx, entities, actor) =>
      deps.repo.insertMany(
        tx,
        entities.map(({ id, write }) => newEvent(id, write, actor)),
      ),
    update: (tx, id, values, actor) => {
      const { row, links, outcomes } = split(values);
      return deps.repo.update(tx, id, { ...row, updatedBy: actor.subject, updatedAt: new Date() }, links, outcomes);
    },
    remove: (tx, id) => deps.repo.delete(tx, id),
    async usage(id, _current, errors) {
      const children = (await deps.loaders.childrenByEvent.load(id)).length;
      await checkUnreferenced(
        deps.federation,
        "event",
        `query EventUsage($id: ID!) { event(id: $id) { articles(first: 0) { totalCount } } }`,
        { id },
        { "child event(s)": () => children, "article(s)": (d) => d.event?.articles?.totalCount },
        errors,
      );
    },
    reset: () => clearLoaders(deps.loaders),
  };
}

type EventValues = Parameters<ReturnType<typeof eventWrites>["insert"]>[2];

/** A new event's rows, as the repository inserts them. */
function newEvent(id: string, values: EventValues, actor: Identity) {
  const { row, links, outcomes } = split(values);
  return {
    row: { id, ...row, kind: row.kind!, title: row.title!, startDate: row.startDate!, updatedBy: actor.subject },
    links: { participantIds: [], countryCodes: [], initiativeIds: [], ...links },
    results: outcomes ?? [],
  };
}

/** A checked input as the repository stores it: the event's columns, its link lists and its outcomes. */
function split(values: EventValues) {
  const { location, participantIds, countryCodes: countries, initiativeIds, outcomes, idempotencyKey: _, ...rest } = values;
  const row = {
    ...rest,
    kind: rest.kind ?? undefined,
    title: rest.title,
    startDate: rest.startDate ?? undefined,
    ...(location !== undefined && {
      locationName: location?.name ?? null,
      locationCountryCode: location?.countryCode ?? null,
    }),
  };
  const links = {
    ...(participantIds && { participantIds: participantIds.map((k) => k.key) }),
    ...(countries && { countryCodes: countries.map((k) => k.key) }),
    ...(initiativeIds && { initiativeIds: initiativeIds.map((k) => k.key) }),
  };
  return {
    row,
    links,
    outcomes: outcomes?.map((outcome, position) => ({ ...outcome, id: outcome.id ?? newId(), position })),
  };
}

/** The parent must exist, and must not be the event itself or one of its descendants (no cycles). */
async function checkParent(
  deps: { repo: EventRepo; loaders: Loaders },
  eventId: string | undefined,
  parentId: string,
  errors: UserErrorList,
) {
  if (!(await deps.loaders.eventById.load(parentId))) {
    errors.add("input.parentId", UserErrorCode.UNKNOWN_REFERENCE, `\`input.parentId\`: no event "${parentId}" exists.`);
    return;
  }
  if (eventId && (parentId === eventId || (await deps.repo.ancestorIds(parentId)).includes(eventId))) {
    errors.add("input.parentId", UserErrorCode.CYCLE, "`input.parentId` would make this event its own ancestor.");
  }
}
