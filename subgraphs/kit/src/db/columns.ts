import { type AnyColumn, getTableColumns, type SQL, sql, type Table } from "drizzle-orm";
import { customType, text, timestamp } from "drizzle-orm/pg-core";

/** A PostgreSQL full-text document; always a generated column, searched with websearch_to_tsquery. */
export const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Who changed a row and when, on every owned entity (the audit trail). */
export const auditColumns = () => ({
  createdAt: timestamp("created_at", { withTimezone: true })
    .notNull()
    .default(sql`now()`),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .default(sql`now()`),
  updatedBy: text("updated_by").notNull().default("system"),
});

/** A table's columns minus its search document: rows are read often, the tsvector only inside WHERE. */
export function readColumns<TTable extends Table>(table: TTable): Omit<TTable["_"]["columns"], "search"> {
  const { search: _search, ...columns } = getTableColumns(table) as Record<string, unknown>;
  return columns as Omit<TTable["_"]["columns"], "search">;
}

/**
 * `column = any($1::text[])`: one parameter whatever the number of keys, so a lookup is the same SQL text for every
 * batch size and its prepared statement is reused (an `IN ($1, …, $n)` list would be a new statement per size).
 */
export const anyOf = (column: AnyColumn, values: readonly string[]): SQL =>
  sql`${column} = any(${sql.param([...values])}::text[])`;

/**
 * `insert into table (columns) select … from unnest($1::type[], …)`: many rows in one statement whose text and
 * parameter count stay the same for any number of rows, so neither the service (building a VALUES list of
 * rows × columns parameters) nor the server (parsing it) pays per row. Each column goes as one array parameter; an
 * array column (`text[]`) as one array literal per row, cast back on the server. Absent values are NULL, so name only
 * the columns the rows set (a column's default does not apply).
 */
export function insertColumns<TTable extends Table>(
  table: TTable,
  names: readonly (keyof TTable["$inferInsert"] & string)[],
  rows: readonly TTable["$inferInsert"][],
): SQL {
  const columns = getTableColumns(table) as Record<string, AnyColumn & { getSQLType(): string }>;
  const targets: SQL[] = [];
  const selected: SQL[] = [];
  const arrays: SQL[] = [];
  names.forEach((name, index) => {
    const column = columns[name]!;
    const type = column.getSQLType();
    const isArray = type.endsWith("[]");
    const values = rows.map((row) => {
      const value = (row as Record<string, unknown>)[name] ?? null;
      return isArray && value !== null ? arrayLiteral(value as readonly unknown[]) : value;
    });
    targets.push(sql`${sql.identifier(column.name)}`);
    selected.push(isArray ? sql.raw(`u.c${index}::${type}`) : sql.raw(`u.c${index}`));
    arrays.push(sql`${sql.param(values)}::${sql.raw(isArray ? "text" : type)}[]`);
  });
  const aliases = names.map((_, index) => `c${index}`).join(", ");
  return sql`insert into ${table} (${sql.join(targets, sql`, `)}) select ${sql.join(selected, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(aliases)})`;
}

/** A PostgreSQL array literal of text values: `{"a","b \"c\""}`. */
const arrayLiteral = (values: readonly unknown[]) =>
  `{${values.map((value) => (value === null ? "NULL" : `"${String(value).replace(/[\\"]/g, "\\$&")}"`)).join(",")}}`;

/**
 * `insertColumns` over every column the rows set, for rows built by one function (a bulk create's). A column some
 * rows leave out would be NULL in them, not its default, so a row missing a column that has a default is a bug
 * caught here rather than a NOT NULL error or a silent NULL.
 */
export function insertRows<TTable extends Table>(table: TTable, rows: readonly TTable["$inferInsert"][]): SQL {
  const columns = getTableColumns(table) as Record<string, AnyColumn>;
  const names = new Set<string>();
  for (const row of rows) for (const [name, value] of Object.entries(row)) if (value !== undefined) names.add(name);
  for (const name of names) {
    if (!columns[name]?.hasDefault) continue;
    if (rows.some((row) => (row as Record<string, unknown>)[name] === undefined))
      throw new Error(`insertRows: some rows leave out ${name}, which has a default`);
  }
  return insertColumns(table, [...names] as (keyof TTable["$inferInsert"] & string)[], rows);
}
