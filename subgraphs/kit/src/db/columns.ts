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
