import { anyOf, type KeysetOrder, keyedBy, keysetPages, namedRows, readColumns, searchQuery } from "@newsfed/kit/db";
import { and, eq, ne, type SQL, sql } from "drizzle-orm";
import type { OfficialsDb, OfficialsTx } from "../db/index.js";
import { organizations } from "../db/schema.js";

export interface OrganizationFilter {
  search?: string | null | undefined;
  names?: readonly string[] | null | undefined;
  ids?: readonly string[] | null | undefined;
  countryCode?: string | null | undefined;
  kind?: string | null | undefined;
}

const BY_NAME: KeysetOrder = { name: "organizations:name", sortType: "text", direction: "asc" };
const BY_RANK: KeysetOrder = { name: "organizations:relevance", sortType: "real", direction: "desc", computed: true };

export class OrganizationRepo {
  constructor(private readonly db: OfficialsDb) {}

  byIds(ids: readonly string[]) {
    return this.db
      .select(readColumns(organizations))
      .from(organizations)
      .where(anyOf(organizations.id, ids))
      .prepare("officials.organizations_by_ids")
      .execute();
  }

  /** The organization of this name (compared by name key) and country other than `exceptId`, if any: the natural key. */
  async holderOfNaturalKey(name: string, countryCode: string, exceptId?: string): Promise<string | null> {
    const [row] = await this.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(
        and(
          sql`${organizations.nameKey} = officials.name_key(${name})`,
          eq(organizations.countryCode, countryCode),
          exceptId ? ne(organizations.id, exceptId) : undefined,
        ),
      )
      .limit(1)
      .prepare("officials.organization_by_natural_key")
      .execute();
    return row?.id ?? null;
  }

  insert(tx: OfficialsTx, row: typeof organizations.$inferInsert) {
    return tx.insert(organizations).values(row);
  }

  update(tx: OfficialsTx, id: string, row: Partial<typeof organizations.$inferInsert>) {
    return tx.update(organizations).set(row).where(eq(organizations.id, id));
  }

  delete(tx: OfficialsTx, id: string) {
    return tx.delete(organizations).where(eq(organizations.id, id));
  }

  page(args: { first: number; after?: string | null; filter?: OrganizationFilter | null; count?: boolean | undefined }) {
    const filter = args.filter ?? {};
    const query = searchQuery("simple", filter.search);
    const conditions: SQL[] = [];
    if (query) conditions.push(sql`search @@ ${query}`);
    const keyed = keyedBy(sql`id`, filter.ids, "filter.ids");
    if (keyed) conditions.push(keyed);
    const named = namedRows(organizations, "o", filter.names);
    if (filter.countryCode) conditions.push(sql`country_code = ${filter.countryCode.toUpperCase()}`);
    if (filter.kind) conditions.push(sql`kind = ${filter.kind}`);
    const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const sortKey = query ? sql`ts_rank(search, ${query})` : sql`name`;
    return keysetPages(this.db, {
      purpose: "officials.organizations",
      source: sql`select '' as group_key, ${sortKey} as sort_key, id from ${named ?? organizations} ${where}`,
      order: query ? BY_RANK : BY_NAME,
      groups: [""],
      first: args.first,
      after: args.after,
      count: args.count,
      rows: { table: organizations, key: organizations.id },
    });
  }
}
