import { type AnyColumn, type Column, getTableColumns, type SQL, type Table } from "drizzle-orm";
import { getTableConfig, PgDialect, type PgTable } from "drizzle-orm/pg-core";
import { badInput, checkPageSize, decodeCursor, encodeCursor, type KeysetPage } from "../paging.js";
import type { Database } from "./database.js";
import { isDataException } from "./errors.js";
import { purposeComment } from "./statement-names.js";

export interface KeysetOrder {
  /** Name stored in cursors, so a cursor is never applied to another ordering. */
  name: string;
  /** SQL type of the `sort_key` column, to read a cursor's sort value back exactly (`real`: a search rank). */
  sortType: "text" | "timestamptz" | "date" | "real";
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
   * `sort_key` and `id` (text), already filtered. Cursors carry the sort value as text that reads back exactly.
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
  // Through float8: its text reads back to the same float4 whatever the session's extra_float_digits.
  real: "sort_key::float8::text",
  date: "to_char(sort_key, 'YYYY-MM-DD')",
  timestamptz: `to_char(sort_key at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

/** A cursor's sort value must have the shape its type's text has, or it was not issued here. */
const SORT_VALUE: Record<KeysetOrder["sortType"], (value: string | null) => boolean> = {
  text: (value) => value !== null,
  real: (value) => value !== null && /^-?\d{1,20}(\.\d{1,20})?(e[-+]?\d{1,3})?$/.test(value),
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

type RowColumns = { select: string; join: string; read: (row: PageRow) => Record<string, unknown> };
const rowColumnsOf = new WeakMap<Table, RowColumns>();

/**
 * A table's columns as the page statement selects them (`r:<field>`), and how each reads back as drizzle would; once
 * per table. Generated columns (search documents, name keys) serve the statements' filters, never a record: they are
 * left out (the name keys alone were most of the array parsing of an officials page). Kept per table with its join:
 * a table's records are always joined on the same key column (its primary key).
 */
function rowColumns(table: Table, key: AnyColumn): RowColumns {
  let known = rowColumnsOf.get(table);
  if (!known) rowColumnsOf.set(table, (known = readColumns(table, key)));
  return known;
}

function readColumns(table: Table, key: AnyColumn): RowColumns {
  const columns = Object.entries(getTableColumns(table) as Record<string, Column>).filter(([, column]) => !column.generated);
  const { schema, name } = getTableConfig(table as PgTable);
  return {
    select: columns.map(([field, column]) => `, r.${quoted(column.name)} as ${quoted(`r:${field}`)}`).join(""),
    join: `join ${schema ? `${quoted(schema)}.` : ""}${quoted(name)} r on r.${quoted(key.name)} = s.id`,
    read: (row) =>
      Object.fromEntries(
        columns.map(([field, column]) => {
          const raw = row[`r:${field}`];
          return [field, raw === null || raw === undefined ? null : column.mapFromDriverValue(raw)];
        }),
      ),
  };
}

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Renders a list's source once per statement; the frame around it is plain text (see keysetPages). */
const dialect = new PgDialect();

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
  // The source is rendered once and the frame around it is written as text: drizzle's rendering of a nested
  // template walks every fragment (and a plain order's source twice), ~50 µs of a ~600 µs list request.
  const source = dialect.sqlToQuery(request.source);
  const params: unknown[] = [...source.params];
  const param = (value: unknown) => `$${params.push(value)}`;
  const dir = order.direction;
  const cmp = order.direction === "asc" ? ">" : "<";
  const sortText = SORT_TEXT[order.sortType].replace("sort_key", "s.sort_key");
  const afterCursor = cursor
    ? `and (s.sort_key, s.id) ${cmp} (${param(cursor.sort)}::${order.sortType}, ${param(cursor.id)})`
    : "";
  const records = request.rows ? rowColumns(request.rows.table, request.rows.key) : undefined;
  const limit = param(first + 1);
  // A computed order reads its matches once (a materialized CTE); the page is cut from them before its records are
  // joined, else the planner may join every match first.
  const once = order.computed === true;
  const matches = once ? "matches" : `(${source.sql})`;
  const page = (inGroup: string) =>
    once
      ? `
    select s.id, s.sort_key, ${sortText} as sort_text ${records?.select ?? ""}
    from (select * from matches s where ${inGroup} ${afterCursor} order by s.sort_key ${dir}, s.id ${dir} limit ${limit}) s
    ${records?.join ?? ""}`
      : `
    select s.id, s.sort_key, ${sortText} as sort_text ${records?.select ?? ""} from ${matches} s ${records?.join ?? ""}
    where ${inGroup} ${afterCursor}
    order by s.sort_key ${dir}, s.id ${dir} limit ${limit}`;
  const total = (inGroup: string) => (count ? `(select count(*)::int from ${matches} c where ${inGroup})` : "null::int");
  const withMatches = once ? `with matches as materialized (${source.sql})` : "";
  // A top-level list (one constant group) needs no grouping at all; parents are paged one LATERAL each.
  const statement =
    request.groups.length === 1 && request.groups[0] === ""
      ? `${withMatches}
    select '' as group_key, ${total("true")} as total, p.*
    from (select 1) one left join lateral (${page("true")}) p on true
    order by p.sort_key ${dir}, p.id ${dir}`
      : `${withMatches}
    select g.key as group_key, ${total("c.group_key = g.key")} as total, p.*
    from unnest(${param([...request.groups])}::text[]) with ordinality as g(key, n)
    left join lateral (${page("s.group_key = g.key")}) p on true
    order by g.n, p.sort_key ${dir}, p.id ${dir}`;
  let result: { rows: PageRow[] };
  try {
    // What `db.execute` does once the statement is rendered: the same session, logger and driver settings.
    const query = { sql: `${purposeComment(request.purpose)}${statement}`, params };
    result = (await db._.session.prepareQuery(query, undefined, undefined, false).execute()) as { rows: PageRow[] };
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
