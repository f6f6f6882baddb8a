import { anyOf, type KeysetOrder, keyedBy, keysetPages, namedRows, readColumns, searchQuery } from "@newsfed/kit/db";
import { and, asc, eq, ne, type SQL, sql } from "drizzle-orm";
import type { OfficialsDb, OfficialsTx } from "../db/index.js";
import { people, positions } from "../db/schema.js";

export interface OfficialFilter {
  search?: string | null | undefined;
  names?: readonly string[] | null | undefined;
  ids?: readonly string[] | null | undefined;
  countryCode?: string | null | undefined;
  organizationId?: string | null | undefined;
  activeAt?: string | null | undefined;
}

/** Which list the officials belong to: all of them, or those of each country / organization. */
export type OfficialGrouping = "all" | "country" | "organization";

const BY_NAME: KeysetOrder = { name: "officials:name", sortType: "text", direction: "asc" };
const BY_RANK: KeysetOrder = { name: "officials:relevance", sortType: "real", direction: "desc", computed: true };

/** The only place that reads or writes the officials tables with SQL. */
export class OfficialRepo {
  constructor(private readonly db: OfficialsDb) {}

  byIds(ids: readonly string[]) {
    return this.db
      .select(readColumns(people))
      .from(people)
      .where(anyOf(people.id, ids))
      .prepare("officials.officials_by_ids")
      .execute();
  }

  positionsOf(officialIds: readonly string[]) {
    return this.db
      .select()
      .from(positions)
      .where(anyOf(positions.officialId, officialIds))
      .orderBy(sql`${positions.startDate} desc nulls last`, asc(positions.id))
      .prepare("officials.positions_of")
      .execute();
  }

  page(
    groups: readonly string[],
    grouping: OfficialGrouping,
    args: { first: number; after?: string | null; filter?: OfficialFilter; count?: boolean | undefined },
  ) {
    const filter = args.filter ?? {};
    const query = searchQuery("simple", filter.search);
    const conditions: SQL[] = [];
    if (query) conditions.push(sql`o.search @@ ${query}`);
    const keyed = keyedBy(sql`o.id`, filter.ids, "filter.ids");
    if (keyed) conditions.push(keyed);
    const officials = namedRows(people, "o", filter.names) ?? sql`${people} o`;
    if (filter.countryCode) conditions.push(sql`o.country_code = ${filter.countryCode.toUpperCase()}`);
    if (filter.organizationId || filter.activeAt) {
      const held: SQL[] = [sql`p.official_id = o.id`];
      if (filter.organizationId) held.push(sql`p.organization_id = ${filter.organizationId}`);
      if (filter.activeAt) held.push(activeAt(filter.activeAt));
      conditions.push(sql`exists (select 1 from ${positions} p where ${sql.join(held, sql` and `)})`);
    }
    const groupKey =
      grouping === "country" ? sql`o.country_code` : grouping === "organization" ? sql`m.organization_id` : sql`''`;
    const from =
      grouping === "organization"
        ? sql`${officials} join (select distinct official_id, organization_id from ${positions}) m on m.official_id = o.id`
        : officials;
    if (grouping !== "all") conditions.push(sql`${groupKey} = any(${sql.param([...groups])}::text[])`);
    const sortKey = query ? sql`ts_rank(o.search, ${query})` : sql`o.name`;
    const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    return keysetPages(this.db, {
      purpose: grouping === "all" ? "officials.officials" : `officials.officials_by_${grouping}`,
      source: sql`select ${groupKey} as group_key, ${sortKey} as sort_key, o.id from ${from} ${where}`,
      order: query ? BY_RANK : BY_NAME,
      groups,
      first: args.first,
      after: args.after,
      count: args.count,
      rows: { table: people, key: people.id },
    });
  }

  /** The official of this name (compared by name key) and country other than `exceptId`, if any: the natural key. */
  async holderOfNaturalKey(name: string, countryCode: string, exceptId?: string): Promise<string | null> {
    const [row] = await this.db
      .select({ id: people.id })
      .from(people)
      .where(
        and(
          sql`${people.nameKey} = officials.name_key(${name})`,
          eq(people.countryCode, countryCode),
          exceptId ? ne(people.id, exceptId) : undefined,
        ),
      )
      .limit(1)
      .prepare("officials.official_by_natural_key")
      .execute();
    return row?.id ?? null;
  }

  async insert(tx: OfficialsTx, row: typeof people.$inferInsert, held: (typeof positions.$inferInsert)[]) {
    await tx.insert(people).values(row);
    if (held.length) await tx.insert(positions).values(held);
  }

  /** Updates the row; replaces the positions when given. */
  async update(
    tx: OfficialsTx,
    id: string,
    row: Partial<typeof people.$inferInsert>,
    held: (typeof positions.$inferInsert)[] | undefined,
  ) {
    await tx.update(people).set(row).where(eq(people.id, id));
    if (held) {
      await tx.delete(positions).where(eq(positions.officialId, id));
      if (held.length) await tx.insert(positions).values(held);
    }
  }

  /** Positions go with the official (ON DELETE CASCADE), in the same statement. */
  delete(tx: OfficialsTx, id: string) {
    return tx.delete(people).where(eq(people.id, id));
  }
}

/** A position is active on a day when it started on or before it and had not ended before it. */
export const activeAt = (day: string) =>
  sql`(p.start_date is null or p.start_date <= ${day}::date) and (p.end_date is null or p.end_date >= ${day}::date)`;
