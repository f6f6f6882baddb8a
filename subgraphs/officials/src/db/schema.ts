import { auditColumns, tsvector } from "@newsfed/kit/db";
import { changeLogTable, idempotencyTable } from "@newsfed/kit/writes";
import { sql } from "drizzle-orm";
import { date, index, pgSchema, text, uniqueIndex } from "drizzle-orm/pg-core";

/** Every table of this subgraph lives in the `officials` Postgres schema; no other service reads it. */
export const officials = pgSchema("officials");

/** Unique indexes of the natural keys (name key and country). */
export const OFFICIAL_NATURAL_KEY = "officials_natural_key_idx";
export const ORGANIZATION_NATURAL_KEY = "organizations_natural_key_idx";

export const countries = officials.table("countries", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

export const organizations = officials.table(
  "organizations",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    acronym: text("acronym"),
    kind: text("kind").notNull(),
    countryCode: text("country_code").references(() => countries.code),
    search: tsvector("search").generatedAlwaysAs(sql`to_tsvector('simple', name || ' ' || coalesce(acronym, ''))`),
    // Name keys (officials.name_key, custom migration 0006): lookups by name or acronym, and the natural key.
    nameKeys: text("name_keys")
      .array()
      .generatedAlwaysAs(sql`array_remove(array[officials.name_key(name), officials.name_key(acronym)], null)`),
    nameKey: text("name_key").generatedAlwaysAs(sql`officials.name_key(name)`),
    ...auditColumns(),
  },
  // Every filter and order of the organizations list has an index (tests/postgres/indexes.postgres.test.ts checks it).
  (t) => [
    index("organizations_search_idx").using("gin", t.search),
    index("organizations_country_idx").on(t.countryCode, t.name, t.id),
    index("organizations_kind_idx").on(t.kind, t.name, t.id),
    index("organizations_name_idx").on(t.name, t.id),
    index("organizations_name_keys_idx").using("gin", t.nameKeys).with({ fastupdate: false }),
    // One organization of a name per country: a second is refused as DUPLICATE (decision 0011).
    uniqueIndex(ORGANIZATION_NATURAL_KEY)
      .on(t.nameKey, t.countryCode)
      .where(sql`country_code is not null`),
  ],
);

export const people = officials.table(
  "officials",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    honorificPrefix: text("honorific_prefix"),
    otherNames: text("other_names")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    countryCode: text("country_code").references(() => countries.code),
    // officials.name_document is an immutable SQL function from the custom migration 0001.
    search: tsvector("search").generatedAlwaysAs(sql`officials.name_document(name, honorific_prefix, other_names)`),
    // Name keys of every name form (officials.name_keys, custom migration 0006): lookups by name, and the natural key.
    nameKeys: text("name_keys")
      .array()
      .generatedAlwaysAs(sql`officials.name_keys(name, honorific_prefix, other_names)`),
    nameKey: text("name_key").generatedAlwaysAs(sql`officials.name_key(name)`),
    ...auditColumns(),
  },
  (t) => [
    index("officials_search_idx").using("gin", t.search),
    index("officials_country_idx").on(t.countryCode, t.name, t.id),
    index("officials_name_keys_idx").using("gin", t.nameKeys).with({ fastupdate: false }),
    // One official of a name per country: a second is refused as DUPLICATE (decision 0011).
    uniqueIndex(OFFICIAL_NATURAL_KEY)
      .on(t.nameKey, t.countryCode)
      .where(sql`country_code is not null`),
    index("officials_name_idx").on(t.name, t.id),
  ],
);

export const positions = officials.table(
  "positions",
  {
    id: text("id").primaryKey(),
    officialId: text("official_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    organizationId: text("organization_id").references(() => organizations.id),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
  },
  (t) => [index("positions_official_idx").on(t.officialId), index("positions_organization_idx").on(t.organizationId)],
);

/** The audit trail: every write to this subgraph's entities, recorded in the same transaction. */
export const changes = changeLogTable(officials);

/** Keys that make creates safe to retry, written in the create's transaction. */
export const idempotencyKeys = idempotencyTable(officials);

export type CountryRow = typeof countries.$inferSelect;
export type OrganizationRow = Omit<typeof organizations.$inferSelect, "search">;
export type OfficialRow = Omit<typeof people.$inferSelect, "search">;
export type PositionRow = typeof positions.$inferSelect;
