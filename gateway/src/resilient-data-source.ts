import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { Kind, parse, type SelectionSetNode } from "graphql";
import { rejectionErrors, rejectionResponse } from "./subgraph-rejection.js";

/**
 * Wraps a subgraph data source so that a subgraph that is down, times out or answers garbage costs only the
 * fields it was asked for. The gateway gives a thrown fetch error no path; this turns the failure into a
 * GraphQL response whose errors point at each requested field (`_entities.<i>.<field>` for entity fetches), which
 * the gateway maps onto the client's paths, e.g. `articles.edges.0.node.officials.1.initiatives`.
 * A subgraph that answered with a 4xx and GraphQL errors is not down: it refused the input, and the client gets its
 * errors, with their codes, at the fields they concern (see subgraph-rejection.ts).
 */
export class ResilientDataSource implements GraphQLDataSource {
  constructor(
    private readonly name: string,
    private readonly inner: GraphQLDataSource,
    private readonly log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
  ) {}

  async process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    try {
      return await this.inner.process(options);
    } catch (error) {
      const refused = rejectionErrors(error);
      if (refused) return rejectionResponse(refused, options.request.query ?? "", options.request.variables ?? {});
      this.log(`subgraph ${this.name} fetch failed`, error);
      return unavailableResponse(this.name, options.request.query ?? "", options.request.variables ?? {});
    }
  }
}

export function unavailableResponse(name: string, query: string, variables: Record<string, unknown>): GatewayGraphQLResponse {
  const error = (path: (string | number)[]) => ({
    message: `The ${name} subgraph is unavailable; fields it provides are null.`,
    path,
    extensions: { code: "SUBGRAPH_UNAVAILABLE" },
  });
  const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return { errors: [error([])] };
  const representations = variables.representations as { __typename: string }[] | undefined;
  if (!representations) {
    const fields = responseNames(operation.selectionSet);
    return { data: null, errors: fields.map((field) => error([field])) };
  }
  const entities = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === "_entities");
  const fieldsByType = new Map<string, string[]>();
  if (entities?.kind === Kind.FIELD && entities.selectionSet) {
    for (const selection of entities.selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition) {
        fieldsByType.set(selection.typeCondition.name.value, responseNames(selection.selectionSet));
      }
    }
  }
  return {
    data: { _entities: representations.map((representation) => ({ __typename: representation.__typename })) },
    errors: representations.flatMap((representation, index) =>
      (fieldsByType.get(representation.__typename) ?? []).map((field) => error(["_entities", index, field])),
    ),
  };
}

const responseNames = (selectionSet: SelectionSetNode): string[] =>
  selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD && selection.name.value !== "__typename"
      ? [selection.alias?.value ?? selection.name.value]
      : [],
  );
