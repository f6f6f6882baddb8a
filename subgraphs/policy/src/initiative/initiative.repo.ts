import { anyOf, type KeysetOrder, keysetPages, namedRows, readColumns, searchQuery } from "@newsfed/kit/db";
import { and, asc, eq, ne, type SQL, sql } from "drizzle-orm";
import type { PolicyDb, PolicyTx } from "../db/index.js";
import { champions, initiatives } from "../db/schema.js";

export interface InitiativeFilter {
  search?: string | null | undefined;
  names?: readonly string[] | null | undefined;
  countryCode?: string | null | undefined;
  theme?: string | null | undefined;
  status?: string | null | undefined;
}

/** Which list initiatives are paged in: all, or per championing official / lead organization / country. */
export type InitiativeGrouping = "all" | "champion" | "leadOrganization" | "country";

export interface InitiativePageArgs {
  first: number;
  after?: string | null | undefined;
  filter?: InitiativeFilter | null | undefined;
  /** Count every match for `totalCount` (default true); see KeysetRequest.count. */
  count?: boolean | undefined;
}

const BY_NAME: KeysetOrder = { name: "initiatives:name", sortType: "text", direction: "asc" };
const BY_RANK: KeysetOrder = { name: "initiatives:relevance", sortType: "real", direction: "desc", computed: true };

const GROUP_KEY: Record<InitiativeGrouping, SQL> = {
  all: sql`''`,
  champion: sql`c.official_id`,
  leadOrganization: sql`i.lead_organization_id`,
  country: sql`i.country_code`,
};

/** Each grouping as it reads in a statement's purpose. */
const GROUPING_NAME: Record<Exclude<InitiativeGrouping, "all">, string> = {
  champion: "champion",
  leadOrganization: "lead_organization",
  country: "country",
};

export class InitiativeRepo {
  constructor(private readonly db: PolicyDb) {}

  byIds(ids: readonly string[]) {
    return this.db
      .select(readColumns(initiatives))
      .from(initiatives)
      .where(anyOf(initiatives.id, ids))
      .prepare("policy.initiatives_by_ids")
      .execute();
  }

  championsOf(initiativeIds: readonly string[]) {
    return this.db
      .select()
      .from(champions)
      .where(anyOf(champions.initiativeId, initiativeIds))
      .orderBy(asc(champions.position), asc(champions.officialId))
      .prepare("policy.champions_of")
      .execute();
  }

  page(groups: readonly string[], grouping: InitiativeGrouping, args: InitiativePageArgs) {
    const filter = args.filter ?? {};
    const query = searchQuery("english", filter.search);
    const conditions: SQL[] = [];
    if (query) conditions.push(sql`i.search @@ ${query}`);
    const named = namedRows(initiatives, "i", filter.names) ?? sql`${initiatives} i`;
    if (filter.countryCode) conditions.push(sql`i.country_code = ${filter.countryCode.toUpperCase()}`);
    if (filter.theme) conditions.push(sql`i.themes @> array[${filter.theme}]::text[]`);
    if (filter.status) conditions.push(sql`i.status = ${filter.status}`);
    if (grouping !== "all") conditions.push(sql`${GROUP_KEY[grouping]} = any(${sql.param([...groups])}::text[])`);
    const from = grouping === "champion" ? sql`${named} join ${champions} c on c.initiative_id = i.id` : named;
    const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const sortKey = query ? sql`ts_rank(i.search, ${query})` : sql`i.name`;
    return keysetPages(this.db, {
      purpose: grouping === "all" ? "policy.initiatives" : `policy.initiatives_by_${GROUPING_NAME[grouping]}`,
      source: sql`select ${GROUP_KEY[grouping]} as group_key, ${sortKey} as sort_key, i.id from ${from} ${where}`,
      order: query ? BY_RANK : BY_NAME,
      groups,
      first: args.first,
      after: args.after,
      count: args.count,
      rows: { table: initiatives, key: initiatives.id },
    });
  }

  /**
   * Another initiative (than `exceptId`) holding a natural key: the same name in the same country, or the same acronym
   * in the same country (or both without one).
   */
  async holderOfNaturalKey(
    key: { name: string; acronym: string | null; countryCode: string | null },
    exceptId?: string,
  ): Promise<{ id: string; by: "name" | "acronym" } | null> {
    const other = exceptId ? ne(initiatives.id, exceptId) : undefined;
    if (key.countryCode) {
      const [row] = await this.db
        .select({ id: initiatives.id })
        .from(initiatives)
        .where(
          and(sql`${initiatives.nameKey} = policy.name_key(${key.name})`, eq(initiatives.countryCode, key.countryCode), other),
        )
        .limit(1)
        .prepare("policy.initiative_by_name")
        .execute();
      if (row) return { id: row.id, by: "name" };
    }
    if (key.acronym) {
      const [row] = await this.db
        .select({ id: initiatives.id })
        .from(initiatives)
        .where(
          and(
            sql`${initiatives.acronymKey} = policy.name_key(${key.acronym})`,
            sql`${initiatives.acronymKey} <> ''`,
            sql`coalesce(${initiatives.countryCode}, '') = ${key.countryCode ?? ""}`,
            other,
          ),
        )
        .limit(1)
        .prepare("policy.initiative_by_acronym")
        .execute();
      if (row) return { id: row.id, by: "acronym" };
    }
    return null;
  }

  async insert(tx: PolicyTx, row: typeof initiatives.$inferInsert, championIds: readonly string[]) {
    await tx.insert(initiatives).values(row);
    if (championIds.length) await tx.insert(champions).values(championRows(row.id, championIds));
  }

  /** Updates the row; replaces the champions when given. */
  async update(
    tx: PolicyTx,
    id: string,
    row: Partial<typeof initiatives.$inferInsert>,
    championIds: readonly string[] | undefined,
  ) {
    await tx.update(initiatives).set(row).where(eq(initiatives.id, id));
    if (championIds) {
      await tx.delete(champions).where(eq(champions.initiativeId, id));
      if (championIds.length) await tx.insert(champions).values(championRows(id, championIds));
    }
  }

  delete(tx: PolicyTx, id: string) {
    return tx.delete(initiatives).where(eq(initiatives.id, id));
  }
}

const championRows = (initiativeId: string, officialIds: readonly string[]) =>
  officialIds.map((officialId, position) => ({ initiativeId, officialId, position }));
