import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

/** The subgraphs whose root mutation fields an operation selects (through inline fragments and fragment spreads). */
export function mutationSubgraphs(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  ownerOf: (field: string) => string | undefined,
): string[] {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const owners = new Set<string>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const owner = ownerOf(selection.name.value);
        if (owner) owners.add(owner);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return [...owners].sort();
}

/**
 * Refuses, before anything executes, a mutation operation whose root fields belong to more than one subgraph: each
 * subgraph commits its own fields in its own transaction, so a failure in one would leave the other's writes applied
 * (docs/decisions/0007-one-subgraph-per-mutation.md). Several fields of one subgraph stay allowed.
 */
export function mutationSpanPlugin<TContext extends BaseContext>(
  ownerOf: (mutationField: string) => string | undefined,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          if (operation?.operation !== "mutation") return;
          const subgraphs = mutationSubgraphs(operation, document, ownerOf);
          if (subgraphs.length <= 1) return;
          throw new GraphQLError(
            `One mutation operation may write to one subgraph only; this one writes to ${subgraphs.join(" and ")}. ` +
              "Send one operation per subgraph, in the order you need.",
            { extensions: { code: "MUTATION_SPANS_SUBGRAPHS", subgraphs, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
