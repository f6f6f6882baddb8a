import { anyOf } from "@newsfed/kit/db";
import { sql } from "drizzle-orm";
import type { OfficialsDb } from "./db/index.js";
import { countries, organizations, positions } from "./db/schema.js";

/** Existence and usage checks inside this subgraph's own tables. */
export class ReferenceRepo {
  constructor(private readonly db: OfficialsDb) {}

  async countriesExist(codes: readonly string[]): Promise<Set<string>> {
    if (!codes.length) return new Set();
    const rows = await this.db
      .select({ code: countries.code })
      .from(countries)
      .where(anyOf(countries.code, codes))
      .prepare("officials.countries_exist")
      .execute();
    return new Set(rows.map((row) => row.code));
  }

  async organizationsExist(ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await this.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(anyOf(organizations.id, ids))
      .prepare("officials.organizations_exist")
      .execute();
    return new Set(rows.map((row) => row.id));
  }

  async positionsAt(organizationId: string): Promise<number> {
    const [row] = await this.db
      .select({ count: sql<number>`count(*)::int` })
      .from(positions)
      .where(sql`${positions.organizationId} = ${organizationId}`)
      .prepare("officials.positions_at")
      .execute();
    return row?.count ?? 0;
  }
}
