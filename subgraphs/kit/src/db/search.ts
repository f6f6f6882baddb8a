import { type SQL, sql } from "drizzle-orm";
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
