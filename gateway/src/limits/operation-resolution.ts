import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { unstorableTextError } from "@newsfed/kit/errors";
import { GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from "graphql";

/**
 * Why the operation to run cannot be resolved, or undefined when it can: no operation of that name in the document
 * (or several operations and no name), or an operation type the schema has no root for (`subscription`).
 * Without a gateway, Apollo Server answers the first with 400 OPERATION_RESOLUTION_FAILURE; with one, @apollo/gateway
 * throws both from its executor and Apollo answers 500 — the client's mistake reported as the server's.
 */
export function unresolvableOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  operationName: string | null | undefined,
): GraphQLError | undefined {
  const refuse = (message: string) =>
    new GraphQLError(message, { extensions: { code: "OPERATION_RESOLUTION_FAILURE", http: { status: 400 } } });
  if (!operation) {
    // A name no operation can have (NUL, a lone surrogate) is refused like that text anywhere else.
    const unstorable = unstorableTextError({ operationName });
    if (unstorable) return unstorable;
    return refuse(
      typeof operationName === "string"
        ? `Unknown operation named "${operationName}".`
        : "Must provide an operation name when the document holds several operations.",
    );
  }
  if (!schema.getRootType(operation.operation))
    return refuse(`This API has no ${operation.operation} operations (the schema defines no ${operation.operation} type).`);
  return undefined;
}

/** Refuses, with 400, an operation the gateway could not resolve (see `unresolvableOperation`). */
export function operationResolutionPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, request }) {
          const refusal = unresolvableOperation(schema, operation, request.operationName);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
