import { anyOf, type KeysetOrder, keyedBy, keysetPages } from "@newsfed/kit/db";
import { sql } from "drizzle-orm";
import type { OfficialsDb } from "../db/index.js";
import { countries } from "../db/schema.js";

export interface CountryPageArgs {
  first: number;
  after?: string | null;
  /** Only these codes (any case). */
  codes?: readonly string[] | null;
  count?: boolean | undefined;
}

const BY_CODE: KeysetOrder = { name: "countries:code", sortType: "text", direction: "asc" };

export class CountryRepo {
  constructor(private readonly db: OfficialsDb) {}

  byCodes(codes: readonly string[]) {
    return this.db.select().from(countries).where(anyOf(countries.code, codes)).prepare("officials.countries_by_codes").execute();
  }

  page(args: CountryPageArgs) {
    const keyed = keyedBy(
      sql`code`,
      args.codes?.map((code) => code.toUpperCase()),
      "filter.codes",
    );
    return keysetPages(this.db, {
      purpose: "officials.countries",
      source: sql`select '' as group_key, code as sort_key, code as id from ${countries}${keyed ? sql` where ${keyed}` : sql``}`,
      order: BY_CODE,
      groups: [""],
      first: args.first,
      after: args.after,
      count: args.count,
      rows: { table: countries, key: countries.code },
    });
  }

  async upsert(row: typeof countries.$inferInsert) {
    await this.db
      .insert(countries)
      .values(row)
      .onConflictDoUpdate({ target: countries.code, set: { name: row.name } })
      .prepare("officials.country_upsert")
      .execute();
  }
}
