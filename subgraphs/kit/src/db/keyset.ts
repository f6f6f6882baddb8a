import { type SQL, sql } from "drizzle-orm";
import { badInput, checkPageSize, decodeCursor, encodeCursor, type KeysetPage } from "../paging.js";
import type { Database } from "./database.js";
import { isDataException } from "./errors.js";

export interface KeysetOrder {
  /** Name stored in cursors, so a cursor is never applied to another ordering. */
  name: string;
  /** SQL type of the `sort_key` column, to read a cursor's sort value back exactly. */
  sortType: "text" | "timestamptz" | "date" | "numeric";
  direction: "asc" | "desc";
}

export interface KeysetRequest {
  /**
   * A SELECT with columns `group_key` (text; which parent a row belongs to, or a constant for a top-level list),
   * `sort_key` and `id` (text), already filtered. Exact sort values (e.g. a rounded rank) keep cursors exact.
   */
  source: SQL;
  order: KeysetOrder;
  groups: readonly string[];
  first: number;
  after?: string | null | undefined;
}

/**
 * How a sort value becomes cursor text: one fixed format per type, independent of the server session's TimeZone and
 * DateStyle, so a cursor reads back exactly on any PostgreSQL.
 */
const SORT_TEXT: Record<KeysetOrder["sortType"], string> = {
  text: "sort_key::text",
  numeric: "sort_key::text",
  date: "to_char(sort_key, 'YYYY-MM-DD')",
  timestamptz: `to_char(sort_key at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

/** A cursor's sort value must have the shape its type's text has, or it was not issued here. */
const SORT_VALUE: Record<KeysetOrder["sortType"], (value: string | null) => boolean> = {
  text: (value) => value !== null,
  numeric: (value) => value !== null && /^-?\d{1,20}(\.\d{1,20})?$/.test(value),
  date: (value) => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value),
  timestamptz: (value) => value !== null && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value),
};

interface PageRow {
  group_key: string;
  total: number;
  id: string | null;
  sort_text: string | null;
}

/**
 * One statement pages any number of parents at once: totals per group (before the cursor) and the next
 * `first + 1` rows per group after it, ordered by (sort_key, id). Keyset, not OFFSET, so pages stay stable
 * while rows are added.
 */
export async function keysetPages<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  request: KeysetRequest,
): Promise<Map<string, KeysetPage>> {
  const first = checkPageSize(request.first);
  const { order } = request;
  const cursor = request.after ? decodeCursor(request.after, order.name) : undefined;
  if (cursor && !SORT_VALUE[order.sortType](cursor.sort)) {
    throw badInput("after", "`after` is not a cursor this API issued; pass a `pageInfo.endCursor` or `edges.cursor` value.");
  }
  const dir = sql.raw(order.direction);
  const cmp = sql.raw(order.direction === "asc" ? ">" : "<");
  const afterCursor = cursor
    ? sql`where (sort_key, id) ${cmp} (${cursor.sort}::${sql.raw(order.sortType)}, ${cursor.id})`
    : sql``;
  const statement = sql`
    with src as (${request.source}),
    totals as (select group_key, count(*)::int as total from src group by group_key),
    page as (
      select group_key, id, ${sql.raw(SORT_TEXT[order.sortType])} as sort_text,
             row_number() over (partition by group_key order by sort_key ${dir}, id ${dir}) as rn
      from src ${afterCursor}
    )
    select t.group_key, t.total, p.id, p.sort_text
    from totals t left join page p on p.group_key = t.group_key and p.rn <= ${first + 1}
    order by t.group_key, p.rn`;
  let result: { rows: PageRow[] };
  try {
    result = (await db.execute(statement)) as unknown as { rows: PageRow[] }; // both drivers return { rows }
  } catch (error) {
    if (cursor && isDataException(error)) {
      throw badInput("after", "`after` is not a cursor this API issued; pass a `pageInfo.endCursor` or `edges.cursor` value.");
    }
    throw error;
  }

  const pages = new Map<string, KeysetPage>();
  for (const group of request.groups) {
    pages.set(group, { edges: [], hasNextPage: false, hasPreviousPage: Boolean(cursor), totalCount: 0 });
  }
  for (const row of result.rows) {
    const page = pages.get(row.group_key);
    if (!page) continue;
    page.totalCount = Number(row.total);
    if (row.id === null) continue;
    if (page.edges.length === first) {
      // `first: 0` asks for the count alone: no page, so nothing follows it (a client looping on hasNextPage stops).
      page.hasNextPage = first > 0;
      continue;
    }
    page.edges.push({ id: row.id, cursor: encodeCursor({ order: order.name, sort: row.sort_text, id: row.id }) });
  }
  return pages;
}
