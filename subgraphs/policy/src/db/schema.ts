import { auditColumns, tsvector } from "@newsfed/kit/db";
import { changeLogTable, idempotencyTable } from "@newsfed/kit/writes";
import { sql } from "drizzle-orm";
import { date, index, integer, pgSchema, primaryKey, text, type AnyPgColumn, uniqueIndex } from "drizzle-orm/pg-core";

/** Every table of this subgraph lives in the `policy` Postgres schema. Officials, organizations and countries
 * belong to the officials subgraph: they are referenced here by key only, never joined. */
export const policy = pgSchema("policy");

/** Unique indexes of the initiatives' natural keys. */
export const INITIATIVE_NAME_KEY = "initiatives_natural_key_idx";
export const INITIATIVE_ACRONYM_KEY = "initiatives_acronym_key_idx";

export const initiatives = policy.table(
  "initiatives",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    acronym: text("acronym"),
    description: text("description"),
    countryCode: text("country_code"),
    status: text("status").notNull(),
    themes: text("themes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    startDate: date("start_date", { mode: "string" }),
    leadOrganizationId: text("lead_organization_id"),
    search: tsvector("search").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', name || ' ' || coalesce(acronym, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')`,
    ),
    // Name keys (policy.name_key, custom migration 0004): lookups by name or acronym, and the natural keys.
    nameKeys: text("name_keys")
      .array()
      .generatedAlwaysAs(sql`array_remove(array[policy.name_key(name), policy.name_key(acronym)], null)`),
    nameKey: text("name_key").generatedAlwaysAs(sql`policy.name_key(name)`),
    acronymKey: text("acronym_key").generatedAlwaysAs(sql`policy.name_key(acronym)`),
    ...auditColumns(),
  },
  (t) => [
    index("initiatives_name_keys_idx").using("gin", t.nameKeys).with({ fastupdate: false }),
    // One initiative of a name per country, and one of an acronym per country (or without one): a second is refused
    // as DUPLICATE (decision 0011).
    uniqueIndex(INITIATIVE_NAME_KEY)
      .on(t.nameKey, t.countryCode)
      .where(sql`country_code is not null`),
    uniqueIndex(INITIATIVE_ACRONYM_KEY)
      .on(t.acronymKey, sql`coalesce(country_code, '')`)
      .where(sql`acronym_key is not null and acronym_key <> ''`),
    index("initiatives_search_idx").using("gin", t.search),
    index("initiatives_themes_idx").using("gin", t.themes),
    index("initiatives_country_idx").on(t.countryCode, t.name, t.id),
    index("initiatives_lead_idx").on(t.leadOrganizationId, t.name, t.id),
    index("initiatives_status_idx").on(t.status, t.name, t.id),
    index("initiatives_name_idx").on(t.name, t.id),
  ],
);

export const champions = policy.table(
  "initiative_champions",
  {
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    officialId: text("official_id").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.officialId] }), index("champions_official_idx").on(t.officialId)],
);

export const events = policy.table(
  "events",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    locationName: text("location_name"),
    locationCountryCode: text("location_country_code"),
    parentId: text("parent_id").references((): AnyPgColumn => events.id),
    themes: text("themes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('english', title || ' ' || coalesce(location_name, ''))`),
    ...auditColumns(),
  },
  (t) => [
    index("events_search_idx").using("gin", t.search),
    index("events_start_idx").on(t.startDate, t.id),
    index("events_kind_idx").on(t.kind, t.startDate, t.id),
    // The `from` filter: an event is in range when its last day (end, else start) is.
    index("events_last_day_idx").on(sql`coalesce(${t.endDate}, ${t.startDate})`),
    index("events_parent_idx").on(t.parentId),
  ],
);

/** Officials taking part in an event, by id (the officials subgraph owns them). */
export const participants = policy.table(
  "event_participants",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    officialId: text("official_id").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.officialId] }), index("participants_official_idx").on(t.officialId)],
);

/** Countries an event involves, by ISO code. */
export const eventCountries = policy.table(
  "event_countries",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    countryCode: text("country_code").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.countryCode] }), index("event_countries_country_idx").on(t.countryCode)],
);

export const eventInitiatives = policy.table(
  "event_initiatives",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    initiativeId: text("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.initiativeId] }), index("event_initiatives_initiative_idx").on(t.initiativeId)],
);

export const outcomes = policy.table(
  "outcomes",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    statement: text("statement").notNull(),
    status: text("status").notNull(),
    themes: text("themes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [index("outcomes_event_idx").on(t.eventId)],
);

/** The audit trail: every write to this subgraph's entities, recorded in the same transaction. */
export const changes = changeLogTable(policy);

/** Keys that make creates safe to retry, written in the create's transaction. */
export const idempotencyKeys = idempotencyTable(policy);

export type InitiativeRow = Omit<typeof initiatives.$inferSelect, "search">;
export type EventRow = Omit<typeof events.$inferSelect, "search">;
export type OutcomeRow = typeof outcomes.$inferSelect;
