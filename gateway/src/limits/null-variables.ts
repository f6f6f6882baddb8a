import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  type ASTNode,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

/**
 * A nullable variable may stand where the schema wants a value when that argument has a default
 * (`$first: Int` for `first: Int! = 20`); sent as an explicit `null`, graphql-js fails the field at execution with an
 * error that has no code, deep in a subgraph. Typed clients send exactly that (codegen types such a variable
 * `number | null`), so it is refused here, before anything runs, as the client's input: BAD_USER_INPUT naming the
 * argument (or input field) and the variable.
 */
export function nullForRequiredValue(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | undefined {
  if (!variables) return undefined;
  // The operation that runs and the fragments (another operation of the document has other variables).
  const executed = document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION);
  const typeInfo = new TypeInfo(schema);
  let found: GraphQLError | undefined;
  const path: string[] = [];
  visit(
    { kind: Kind.DOCUMENT, definitions: executed },
    visitWithTypeInfo(typeInfo, {
      VariableDefinition: () => false,
      Argument: {
        enter: (node) => void path.push(node.name.value),
        leave: () => void path.pop(),
      },
      ObjectField: {
        enter: (node) => void path.push(node.name.value),
        leave: () => void path.pop(),
      },
      Variable(node) {
        const name = node.name.value;
        const type = typeInfo.getInputType();
        if (found || !type || !isNonNullType(type) || !Object.hasOwn(variables, name) || variables[name] !== null) return;
        const argument = path.join(".");
        found = new GraphQLError(`\`${argument}\` needs a value of type ${String(type)}; the variable \`$${name}\` is null.`, {
          extensions: { code: "BAD_USER_INPUT", argument, http: { status: 400 } },
        });
      },
    }) as Parameters<typeof visit<ASTNode>>[1],
  );
  return found;
}

export function nullVariablesPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const error = nullForRequiredValue(schema, document, operation, request.variables);
          if (error) throw error;
        },
      };
    },
  };
}
