import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { LIMIT_CODES } from "./operation-limits.js";

/**
 * For Apollo Server's `formatError`, before the masker: gives the client errors Apollo raises without a specific code
 * one, so the masker does not turn them into "Internal server error". The HTTP status (400) stays: Apollo takes it from
 * the original error before formatting.
 * - the parser's token or comment limit → TOO_MANY_TOKENS;
 * - a NUL character outside a string (the parser refuses it) → BAD_USER_INPUT, like a NUL anywhere else;
 * - a document nested so deeply (within the token limit: `[[[…]]]` is one token a level) that the recursive parser
 *   ran out of stack → the same code with a message that says so, not the engine's "Maximum call stack size exceeded";
 * - a literal `null` for an argument that needs a value (`first: null`) → BAD_USER_INPUT;
 * - APQ: a hash that does not match the query → PERSISTED_QUERY_HASH_MISMATCH (the message stays);
 * - any other code-less error Apollo gave a 4xx status (e.g. an unsupported APQ version) → BAD_REQUEST.
 */
export function promoteEdgeCodes(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  const withCode = (code: string) => ({ ...formatted, extensions: { ...extensions, code } });
  if (extensions.code === "GRAPHQL_PARSE_FAILED") {
    if (/contains more th(?:an|at) \d+ (?:tokens|comments)/.test(formatted.message)) return withCode(LIMIT_CODES.tokens);
    if (/U\+0000/.test(formatted.message)) return withCode("BAD_USER_INPUT");
    if (causedBy(error, RangeError))
      return { ...formatted, message: "Syntax Error: the document is nested too deeply to parse." };
    return formatted;
  }
  // A literal null where the schema wants a value (`first: null`): the client's input, like the same null in a variable.
  if (
    extensions.code === "GRAPHQL_VALIDATION_FAILED" &&
    /^Expected value of type "[^"]+!", found null\.$/.test(formatted.message)
  )
    return withCode("BAD_USER_INPUT");
  if (extensions.code === "INTERNAL_SERVER_ERROR" && error instanceof GraphQLError && error.extensions.code === undefined) {
    const status = (error.extensions.http as { status?: number } | undefined)?.status;
    if (status === undefined || status < 400 || status >= 500) return formatted;
    if (formatted.message === "provided sha does not match query") return withCode("PERSISTED_QUERY_HASH_MISMATCH");
    return withCode("BAD_REQUEST");
  }
  return formatted;
}

/** Whether `error` or an error it wraps (`originalError`, as Apollo and graphql-js wrap them) is a `type`. */
function causedBy(error: unknown, type: new (...args: never[]) => Error): boolean {
  for (let current = error, hops = 0; current && hops < 5; hops++) {
    if (current instanceof type) return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}
