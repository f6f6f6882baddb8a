import { unwrapResolverError } from "@apollo/server/errors";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, visit } from "graphql";
import { databaseUnavailability } from "./db/errors.js";
import type { Logger } from "./observability/logger.js";

// A subgraph error without a deliberate code reaches the gateway as DOWNSTREAM_SERVICE_ERROR, with its raw message.
const MASKED_CODES = new Set(["INTERNAL_SERVER_ERROR", "DOWNSTREAM_SERVICE_ERROR"]);

/**
 * Apollo `formatError`: errors a resolver threw on purpose carry a code (BAD_USER_INPUT, FORBIDDEN, …) and pass
 * through; anything else is a bug or an infrastructure failure whose message may hold SQL or internals, so the
 * client gets a generic message (with its path) and the log gets the real error. A database that cannot be reached
 * or did not answer in time is no bug: the field is unavailable for now, SUBGRAPH_UNAVAILABLE like a service that is
 * down (clients retry it; a write whose outcome is unknown is retried safely with its idempotency key).
 */
export const internalErrorMasker =
  (logger: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code !== undefined && !MASKED_CODES.has(String(code))) return formatted;
    const cause = unwrapResolverError(error);
    const unavailable = databaseUnavailability(cause);
    if (unavailable) {
      logger.warn({ err: cause, path: formatted.path }, `database ${unavailable}`);
      return {
        message:
          unavailable === "timeout"
            ? "This service's database did not answer in time; retry later."
            : "This service cannot reach its database right now; retry later.",
        ...(formatted.path ? { path: formatted.path } : {}),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: {
          code: "SUBGRAPH_UNAVAILABLE",
          ...(formatted.extensions?.serviceName ? { serviceName: formatted.extensions.serviceName } : {}),
        },
      };
    }
    logger.error({ err: cause, path: formatted.path }, "internal error");
    return {
      message: "Internal server error",
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: {
        code: "INTERNAL_SERVER_ERROR",
        // The gateway names the subgraph that failed; that is safe and useful to keep.
        ...(formatted.extensions?.serviceName ? { serviceName: formatted.extensions.serviceName } : {}),
      },
    };
  };

const NUL = "\u0000";
// With the `u` flag a surrogate pair is one code point, so this matches only a surrogate without its partner.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

type Unstorable = "nul" | "surrogate";
const unstorable = (text: string): Unstorable | undefined =>
  text.includes(NUL) ? "nul" : LONE_SURROGATE.test(text) ? "surrogate" : undefined;

interface RequestText {
  query?: string;
  variables?: unknown;
  operationName?: string | null;
  extensions?: unknown;
}

/**
 * Text PostgreSQL cannot store as sent, anywhere in a request: the NUL character (raw, in a string literal however
 * escaped, in a variable or its key, the operation name, the extensions), or a lone UTF-16 surrogate (`"\uD800"` in
 * JSON; UTF-8 cannot encode it, so it would be stored as U+FFFD and read back as something the client never sent).
 */
export function unstorableText(request: RequestText, document?: DocumentNode): Unstorable | undefined {
  let found = request.query === undefined ? undefined : unstorable(request.query);
  found ??= holdsUnstorable(request.variables) ?? holdsUnstorable(request.operationName) ?? holdsUnstorable(request.extensions);
  return found ?? (document ? unstorableLiteral(document) : undefined);
}

/** Each parsed document's verdict: servers reuse a document for every request with the same query text. */
const literalVerdicts = new WeakMap<DocumentNode, Unstorable | null>();

/** String literals after parsing: "\u0000", "\u{0}", "\u{000000}" and block strings all end up here. */
function unstorableLiteral(document: DocumentNode): Unstorable | undefined {
  let verdict = literalVerdicts.get(document);
  if (verdict === undefined) {
    let found: Unstorable | undefined;
    visit(document, {
      StringValue(node) {
        found ??= unstorable(node.value);
      },
    });
    verdict = found ?? null;
    literalVerdicts.set(document, verdict);
  }
  return verdict ?? undefined;
}

/** Whether a request carries the NUL character anywhere (see `unstorableText`). */
export function carriesNul(request: RequestText, document?: DocumentNode): boolean {
  return unstorableText(request, document) === "nul";
}

/** The client error for text that cannot be stored (HTTP 400, BAD_USER_INPUT), or undefined when there is none. */
export function unstorableTextError(request: RequestText, document?: DocumentNode): GraphQLError | undefined {
  const found = unstorableText(request, document);
  if (!found) return undefined;
  const message =
    found === "nul"
      ? "Text values must not contain the NUL character (U+0000)."
      : "Text values must be valid Unicode: a UTF-16 surrogate (U+D800–U+DFFF) without its pair cannot be stored.";
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
}

/** The first unstorable text in any string or key of a JSON value; iterative, so deep nesting cannot exhaust the stack. */
function holdsUnstorable(value: unknown): Unstorable | undefined {
  const stack = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === "string") {
      const found = unstorable(item);
      if (found) return found;
    } else if (item && typeof item === "object") {
      for (const [key, inner] of Object.entries(item)) {
        const found = unstorable(key);
        if (found) return found;
        stack.push(inner);
      }
    }
  }
  return undefined;
}

/**
 * PostgreSQL text cannot hold the NUL character, nor UTF-8 a lone surrogate; a request that carries either (in a
 * variable, a string literal in any escape form, raw, the operation name or extensions) is refused up front as bad
 * input (HTTP 400), instead of failing deep in a statement or being stored as something else.
 */
export function rejectNulCharactersPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const refusal = unstorableTextError(request, document);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
