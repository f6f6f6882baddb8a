import { unwrapResolverError } from "@apollo/server/errors";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, visit } from "graphql";
import type { Logger } from "./observability/logger.js";

// A subgraph error without a deliberate code reaches the gateway as DOWNSTREAM_SERVICE_ERROR, with its raw message.
const MASKED_CODES = new Set(["INTERNAL_SERVER_ERROR", "DOWNSTREAM_SERVICE_ERROR"]);

/**
 * Apollo `formatError`: errors a resolver threw on purpose carry a code (BAD_USER_INPUT, FORBIDDEN, …) and pass
 * through; anything else is a bug or an infrastructure failure whose message may hold SQL or internals, so the
 * client gets a generic message (with its path) and the log gets the real error.
 */
export const internalErrorMasker =
  (logger: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code !== undefined && !MASKED_CODES.has(String(code))) return formatted;
    logger.error({ err: unwrapResolverError(error), path: formatted.path }, "internal error");
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

/** Whether a request carries the NUL character anywhere: the raw text, a string literal (however escaped), a variable. */
export function carriesNul(request: { query?: string; variables?: unknown }, document?: DocumentNode): boolean {
  if (request.query?.includes(NUL)) return true;
  if (holdsNul(request.variables)) return true;
  let found = false;
  // String literals after parsing: "\u0000", "\u{0}", "\u{000000}" and block strings all end up here.
  if (document)
    visit(document, {
      StringValue(node) {
        if (node.value.includes(NUL)) found = true;
      },
    });
  return found;
}

/** A NUL in any string or key of a JSON value (variables); iterative, so deep nesting cannot exhaust the stack. */
function holdsNul(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (item.includes(NUL)) return true;
    } else if (item && typeof item === "object") {
      for (const [key, inner] of Object.entries(item)) {
        if (key.includes(NUL)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

/**
 * PostgreSQL text cannot hold the NUL character; a request that carries one (in a variable, a string literal in any
 * escape form, or raw) is refused up front as bad input (HTTP 400), instead of failing deep in a statement.
 */
export function rejectNulCharactersPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (carriesNul(request, document)) {
            throw new GraphQLError("Text values must not contain the NUL character (U+0000).", {
              extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
