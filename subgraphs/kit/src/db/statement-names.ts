import { type SQL, sql } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type pg from "pg";

/**
 * A statement's purpose: `<service>.<what it reads or writes>`, e.g. `officials.page` or `articles.mentions_of`.
 * Lower case so it is a valid part of a PostgreSQL prepared-statement name as it is, and short enough that the
 * name (purpose plus `#n`) fits PostgreSQL's 63-byte identifiers.
 */
const PURPOSE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const MAX_PURPOSE_LENGTH = 56;
const LEADING_PURPOSE = /^\s*\/\* ([a-z][a-z0-9_.]*) \*\//;

function checkPurpose(purpose: string): string {
  if (!PURPOSE.test(purpose) || purpose.length > MAX_PURPOSE_LENGTH) {
    throw new Error(
      `"${purpose}" is not a statement purpose (service.what, lower case, at most ${MAX_PURPOSE_LENGTH} characters)`,
    );
  }
  return purpose;
}

/**
 * A raw statement led by its purpose as a comment. The server keeps the comment with the text, so
 * `pg_stat_activity`, the slow-statement log and `pg_stat_statements` say which repository method sent it; the pool
 * below also names its prepared statement after it.
 */
export function namedStatement(purpose: string, statement: SQL): SQL {
  return sql.join([sql.raw(purposeComment(purpose)), statement]);
}

/** The comment that leads a statement's text with its purpose (for statements rendered as text, e.g. list pages). */
export function purposeComment(purpose: string): string {
  return `/* ${checkPurpose(purpose)} */ `;
}

/** The purpose `<schema>.<what>` for a statement on a table the kit defines in each service's schema (audit, keys). */
export function purposeIn(table: PgTable, what: string): string {
  return checkPurpose(`${getTableConfig(table).schema ?? "public"}.${what}`);
}

/** The purpose a statement's text leads with, if any. */
export function purposeOf(text: string): string | undefined {
  return LEADING_PURPOSE.exec(text)?.[1];
}

/** Most distinct statements prepared per connection; beyond them statements run unprepared (bounded server memory). */
export const MAX_PREPARED_STATEMENTS = 400;

/** The prepared-statement name prefix of a parameterized read sent without a purpose. */
export const UNNAMED = "unnamed";

const registries = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * The statements a pool has named so far, prepared-statement name → text: what an operator sees in
 * `pg_prepared_statements`, and how tests check that every read has a purpose.
 */
export function preparedStatements(pool: object): ReadonlyMap<string, string> {
  const byText = registries.get(pool) ?? new Map<string, string>();
  return new Map([...byText].map(([text, name]) => [name, text]));
}

type QueryConfig = { text?: unknown; name?: unknown; [key: string]: unknown };

/**
 * Every read through the pool is named after its purpose: a drizzle query's `.prepare(purpose)` name, or the
 * comment `namedStatement` put first. The purpose is written in front of the text when it is not there yet, and a
 * parameterized statement becomes a prepared statement `<purpose>#<n>` (node-postgres parses it once per connection
 * and reuses it), `n` counting the distinct texts one purpose has had (filters change a list's text), so a name
 * never stands for two texts. Lists and lookups keep their text fixed for any input (page sizes, cursors and key
 * lists are parameters; see `anyOf`), so the number of names stays small. Transactions (writes) run on checked-out
 * clients and stay unprepared.
 */
export function nameStatements(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const perPurpose = new Map<string, number>();
  registries.set(pool, names);
  const preparedName = (purpose: string, text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_PREPARED_STATEMENTS) {
      const n = perPurpose.get(purpose) ?? 0;
      perPurpose.set(purpose, n + 1);
      name = `${purpose}#${n}`;
      names.set(text, name);
    }
    return name;
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (
    config: unknown,
    values?: unknown,
    ...rest: unknown[]
  ) => {
    if (typeof config !== "object" || config === null) return query(config, values, ...rest);
    const { text, name: given } = config as QueryConfig;
    if (typeof text !== "string") return query(config, values, ...rest);
    const fromComment = purposeOf(text);
    const purpose = fromComment ?? (typeof given === "string" ? checkPurpose(given) : undefined);
    const commented = fromComment || purpose === undefined ? text : `/* ${purpose} */ ${text}`;
    // Statements without parameters stay on the simple protocol (one round trip, nothing kept by the server).
    const parameterized = Array.isArray(values) && values.length > 0;
    // A read nobody named is still prepared, as `unnamed#n`: the statement-name test lists any such read.
    const name = parameterized ? preparedName(purpose ?? UNNAMED, commented) : undefined;
    return query({ ...config, text: commented, name }, values, ...rest);
  };
}
