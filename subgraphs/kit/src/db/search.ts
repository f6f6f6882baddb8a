import type { PgTable } from "drizzle-orm/pg-core";
import { type SQL, sql } from "drizzle-orm";
import { nameKey } from "../names.js";
import { badInput } from "../paging.js";

/** Longest search text accepted, in characters. */
export const MAX_SEARCH_LENGTH = 200;
/** Most words a search may have: each is a term PostgreSQL matches, and long queries cost super-linearly. */
export const MAX_SEARCH_TERMS = 20;

const BARE_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * The full-text query for a user's search text, or undefined for a blank one. Web-search syntax (quotes, OR, -word)
 * works as on the web; and when the text ends in a bare word, that word also matches as a prefix, so search-as-you-type
 * finds "cybersecurity" from "cyber". The text is bounded in length and terms (BAD_USER_INPUT on `filter.search`).
 */
export function searchQuery(config: "english" | "simple", text: string | null | undefined): SQL | undefined {
  const search = text?.trim();
  if (!search) return undefined;
  if (search.length > MAX_SEARCH_LENGTH) {
    throw badInput("filter.search", `\`filter.search\` must be at most ${MAX_SEARCH_LENGTH} characters (got ${search.length}).`);
  }
  const words = search.split(/\s+/);
  if (words.length > MAX_SEARCH_TERMS) {
    throw badInput("filter.search", `\`filter.search\` takes at most ${MAX_SEARCH_TERMS} words (got ${words.length}).`);
  }
  const cfg = sql.raw(`'${config}'`);
  const whole = sql`websearch_to_tsquery(${cfg}, ${search})`;
  const last = words.at(-1)!;
  if (!BARE_WORD.test(last) || words.some((word) => /["]/.test(word))) return whole;
  // All words but the last as typed, the last also as a prefix (stemmed and unstemmed, since it may be unfinished).
  const rest = words.slice(0, -1).join(" ");
  const prefix = sql`(to_tsquery(${cfg}, ${`${last}:*`}) || to_tsquery('simple', ${`${last}:*`}))`;
  const typed = rest ? sql`(websearch_to_tsquery(${cfg}, ${rest}) && ${prefix})` : prefix;
  return sql`(${whole} || ${typed})`;
}

/** Most names one `filter.names` lookup takes. */
export const MAX_LOOKUP_NAMES = 100;
/** Longest name a lookup takes, in characters. */
export const MAX_LOOKUP_NAME_LENGTH = 200;

/**
 * The condition of a lookup by name (`filter.names`): a row matches when one of its name keys (the `name_keys` column,
 * generated with the schema's `name_key` SQL function, the twin of @newsfed/kit/names) equals the key of one of the
 * names, i.e. ignoring case, accents and punctuation. An empty list matches nothing. Bounded (BAD_USER_INPUT).
 */
function nameLookup(nameKeys: SQL, names: readonly string[] | null | undefined): SQL | undefined {
  if (!names) return undefined;
  if (names.length > MAX_LOOKUP_NAMES) {
    throw badInput("filter.names", `\`filter.names\` takes at most ${MAX_LOOKUP_NAMES} names (got ${names.length}).`);
  }
  const tooLong = names.find((name) => name.length > MAX_LOOKUP_NAME_LENGTH);
  if (tooLong !== undefined) {
    throw badInput("filter.names", `each of \`filter.names\` must be at most ${MAX_LOOKUP_NAME_LENGTH} characters.`);
  }
  // Keyed here rather than by the SQL twin in the statement (~30 µs a name there, on every lookup). The keys go
  // through a sub-select the planner cannot see into: given the array itself, it summed each key's frequency to
  // hundreds of rows and read the whole table (20 ms) where the GIN index finds the few matches (under 1 ms).
  return sql`${nameKeys} && array(select unnest(${sql.param([...new Set(names.map(nameKey))])}::text[]))`;
}

/**
 * The rows of a lookup by name as a FROM item, `(select * from table alias where <nameLookup> offset 0) alias`, to
 * stand for the table in a list's query. OFFSET 0 keeps the planner from merging it into the list's query: planned on
 * its own, it finds its few rows through the GIN index on the name keys. Merged, a prepared statement's generic plan
 * (an unknown LIMIT taken as a few rows) walked the whole table in list order instead: 10 ms against 0.5 ms at 5,000
 * officials, on every name lookup of an ingestion.
 */
export function namedRows(table: PgTable, alias: string, names: readonly string[] | null | undefined): SQL | undefined {
  const condition = nameLookup(sql.raw(`${alias}.name_keys`), names);
  return condition && sql`(select * from ${table} ${sql.raw(alias)} where ${condition} offset 0) ${sql.raw(alias)}`;
}

/** Most keys one `filter.ids` (or `filter.codes`) lookup takes. */
export const MAX_LOOKUP_KEYS = 100;

/**
 * The condition of a lookup by key (`filter.ids`, `filter.codes`): the row's key is one of these. For fetching a known
 * set in one field (a client refreshing its cache, an owner checking references) instead of one aliased field per key.
 * An empty list matches nothing. Bounded (BAD_USER_INPUT naming `field`).
 */
export function keyedBy(column: SQL, keys: readonly string[] | null | undefined, field: string): SQL | undefined {
  if (!keys) return undefined;
  if (keys.length > MAX_LOOKUP_KEYS) {
    throw badInput(field, `\`${field}\` takes at most ${MAX_LOOKUP_KEYS} keys (got ${keys.length}).`);
  }
  return sql`${column} = any(${sql.param([...new Set(keys)])}::text[])`;
}
