import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";

/**
 * At most this many values (keys, list items, scalars) across a request's variables. The largest legitimate input
 * (a batch of 100 creates) holds a few thousand; graphql-js reports each unknown input field with a message that
 * prints the whole object, so 50,000 unknown keys (under 1 MB of JSON) cost gigabytes before any limit ran.
 */
export const MAX_VARIABLE_VALUES = 10_000;

/** Whether `variables` holds more than `max` values; iterative and stops at the limit, so its cost is bounded too. */
export function exceedsValueCount(variables: unknown, max: number): boolean {
  const stack: unknown[] = [variables];
  let count = 0;
  while (stack.length) {
    const item = stack.pop();
    if (++count > max) return true;
    if (item && typeof item === "object") {
      for (const inner of Object.values(item)) {
        if (++count > max) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

/** Refuses, with 400 VARIABLES_TOO_LARGE, a request whose variables hold more than `max` values. */
export function variableValuesPlugin<TContext extends BaseContext>(max = MAX_VARIABLE_VALUES): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          if (exceedsValueCount(request.variables, max))
            throw new GraphQLError(`Variables may hold at most ${max} values (keys, list items and scalars together).`, {
              extensions: { code: "VARIABLES_TOO_LARGE", http: { status: 400 } },
            });
        },
      };
    },
  };
}
