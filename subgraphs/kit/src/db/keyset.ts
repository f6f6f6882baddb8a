import { type AnyColumn, type Column, getTableColumns, type SQL, sql, type Table } from "drizzle-orm";
import { badInput, checkPageSize, decodeCursor, encodeCursor, type KeysetPage } from "../paging.js";
import type { Database } from "./database.js";
import { isDataException } from "./errors.js";
import { namedStatement } from "./statement-names.js";

export interface KeysetOrder {
  /** Name stored in cursors, so a cursor is never applied to another ordering. */
  name: string;
  /** SQL type of the `sort_key` column, to read a cursor's sort value back exactly. */
  sortType: "text" | "timestamptz" | "date" | "numeric";
  direction: "asc" | "desc";
  /**
   * The sort key is computed for each row (a search rank), so no index can end the scan after the page: every match
   * is read and ranked anyway. The statement then reads the matches once, for the page and the count alike.
   */
  computed?: boolean;
}

export interface KeysetRequest {
  /** What the list is, as `<service>.<list>` (e.g. `officials.page`): the statement's name on the server. */
  purpose: string;
  /**
   * A SELECT with columns `group_key` (text; which parent a row belongs to, or a constant for a top-level list),
   * `sort_key` and `id` (text), already filtered. Exact sort values (e.g. a rounded rank) keep cursors exact.
   * Plain column expressions let PostgreSQL page along an index on (sort column, id) and stop after the page.
   */
  source: SQL;
  order: KeysetOrder;
  groups: readonly string[];
  first: number;
  after?: string | null | undefined;
  /**
   * Count every matching row for `totalCount` (default true). A count reads every match, so lists whose
   * `totalCount` nobody asked for skip it: their cost then stays that of one page, however long the list.
   */
  count?: boolean | undefined;
  /**
   * Read each page row's record in the same statement (the table, joined on its key column to the source's `id`):
   * the connection then needs no second statement for its nodes. Its generated columns are left out.
   */
  rows?: { table: Table; key: AnyColumn } | undefined;
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
  total: number | null;
  id: string | null;
  sort_text: string | null;
  [column: string]: unknown;
}

type RowColumns = { select: SQL; read: (row: PageRow) => Record<string, unknown> };
const rowColumnsOf = new WeakMap<Table, RowColumns>();

/**
 * A table's columns as the page statement selects them (`r:<field>`), and how each reads back as drizzle would; once
 * per table. Generated columns (search documents, name keys) serve the statements' filters, never a record: they are
 * left out (the name keys alone were most of the array parsing of an officials page).
 */
function rowColumns(table: Table): RowColumns {
  let known = rowColumnsOf.get(table);
  if (!known) rowColumnsOf.set(table, (known = readColumns(table)));
  return known;
}

function readColumns(table: Table): RowColumns {
  const columns = Object.entries(getTableColumns(table) as Record<string, Column>).filter(([, column]) => !column.generated);
  return {
    select: sql.join(
      columns.map(([field, column]) => sql`, r.${sql.identifier(column.name)} as ${sql.identifier(`r:${field}`)}`),
      sql``,
    ),
    read: (row) =>
      Object.fromEntries(
        columns.map(([field, column]) => {
          const raw = row[`r:${field}`];
          return [field, raw === null || raw === undefined ? null : column.mapFromDriverValue(raw)];
        }),
      ),
  };
}

/** A list whose `totalCount` was not asked for carries no count; serialising one anyway fails loudly (NaN). */
export const NOT_COUNTED = Number.NaN;

/**
 * One statement pages any number of parents at once: per group, the count of matching rows (unless `count: false`)
 * and the next `first + 1` rows after the cursor, ordered by (sort_key, id). Keyset, not OFFSET, so pages stay stable
 * while rows are added; each group's page is its own `ORDER BY … LIMIT` (a LATERAL subquery), so an index on the
 * sort columns ends the scan after the page instead of sorting the whole list.
 */
export async function keysetPages<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  request: KeysetRequest,
): Promise<Map<string, KeysetPage>> {
  const first = checkPageSize(request.first);
  const { order } = request;
  const count = request.count ?? true;
  const cursor = request.after ? decodeCursor(request.after, order.name) : undefined;
  if (cursor && !SORT_VALUE[order.sortType](cursor.sort)) {
    throw badInput("after", "`after` is not a cursor this API issued; pass a `pageInfo.endCursor` or `edges.cursor` value.");
  }
  const dir = sql.raw(order.direction);
  const cmp = sql.raw(order.direction === "asc" ? ">" : "<");
  const sortText = sql.raw(SORT_TEXT[order.sortType].replace("sort_key", "s.sort_key"));
  const afterCursor = cursor
    ? sql`and (s.sort_key, s.id) ${cmp} (${cursor.sort}::${sql.raw(order.sortType)}, ${cursor.id})`
    : sql``;
  const records = request.rows ? rowColumns(request.rows.table) : undefined;
  const join = request.rows ? sql`join ${request.rows.table} r on r.${sql.identifier(request.rows.key.name)} = s.id` : sql``;
  // A computed order reads its matches once (a materialized CTE); the page is cut from them before its records are
  // joined, else the planner may join every match first.
  const once = order.computed === true;
  const matches = once ? sql`matches` : sql`(${request.source})`;
  const page = (inGroup: SQL) =>
    once
      ? sql`
    select s.id, s.sort_key, ${sortText} as sort_text ${records?.select ?? sql``}
    from (select * from matches s where ${inGroup} ${afterCursor} order by s.sort_key ${dir}, s.id ${dir} limit ${first + 1}) s
    ${join}`
      : sql`
    select s.id, s.sort_key, ${sortText} as sort_text ${records?.select ?? sql``} from ${matches} s ${join}
    where ${inGroup} ${afterCursor}
    order by s.sort_key ${dir}, s.id ${dir} limit ${first + 1}`;
  const total = (inGroup: SQL) => (count ? sql`(select count(*)::int from ${matches} c where ${inGroup})` : sql`null::int`);
  const withMatches = once ? sql`with matches as materialized (${request.source})` : sql``;
  // A top-level list (one constant group) needs no grouping at all; parents are paged one LATERAL each.
  const statement =
    request.groups.length === 1 && request.groups[0] === ""
      ? sql`${withMatches}
    select '' as group_key, ${total(sql`true`)} as total, p.*
    from (select 1) one left join lateral (${page(sql`true`)}) p on true
    order by p.sort_key ${dir}, p.id ${dir}`
      : sql`${withMatches}
    select g.key as group_key, ${total(sql`c.group_key = g.key`)} as total, p.*
    from unnest(${sql.param([...request.groups])}::text[]) with ordinality as g(key, n)
    left join lateral (${page(sql`s.group_key = g.key`)}) p on true
    order by g.n, p.sort_key ${dir}, p.id ${dir}`;
  let result: { rows: PageRow[] };
  try {
    result = (await db.execute(namedStatement(request.purpose, statement))) as unknown as { rows: PageRow[] }; // both drivers return { rows }
  } catch (error) {
    if (cursor && isDataException(error)) {
      throw badInput("after", "`after` is not a cursor this API issued; pass a `pageInfo.endCursor` or `edges.cursor` value.");
    }
    throw error;
  }

  const pages = new Map<string, KeysetPage>();
  for (const group of request.groups) {
    pages.set(group, { edges: [], hasNextPage: false, hasPreviousPage: Boolean(cursor), totalCount: count ? 0 : NOT_COUNTED });
  }
  for (const row of result.rows) {
    const page = pages.get(row.group_key);
    if (!page) continue;
    if (count) page.totalCount = Number(row.total);
    if (row.id === null) continue;
    if (page.edges.length === first) {
      // `first: 0` asks for the count alone: no page, so nothing follows it (a client looping on hasNextPage stops).
      page.hasNextPage = first > 0;
      continue;
    }
    const { id, sort_text: sort } = row;
    page.edges.push({
      id,
      // Encoded when read: most reads of a page (lookups, nested lists) select no edge cursors.
      get cursor() {
        return encodeCursor({ order: order.name, sort, id });
      },
      ...(records ? { row: records.read(row) } : {}),
    });
  }
  return pages;
}
