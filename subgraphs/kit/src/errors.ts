import { unwrapResolverError } from "@apollo/server/errors";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
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

/**
 * PostgreSQL text cannot hold the NUL character; a request that carries one (in a variable or an escaped literal)
 * is refused up front as bad input, instead of failing deep in a statement.
 */
export function rejectNulCharactersPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          const inVariables = JSON.stringify(request.variables ?? {}).includes("\\u0000");
          if (inVariables || /\\u0000/i.test(request.query ?? "")) {
            throw new GraphQLError("Text values must not contain the NUL character (U+0000).", {
              extensions: { code: "BAD_USER_INPUT" },
            });
          }
        },
      };
    },
  };
}
