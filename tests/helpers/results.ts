import type { GraphQLResponse } from "@apollo/server";

export interface GraphQLResult<TData> {
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export function singleResult<TData>(response: GraphQLResponse): GraphQLResult<TData> {
  if (response.body.kind !== "single") throw new Error("expected a single (non-incremental) result");
  return response.body.singleResult as GraphQLResult<TData>;
}

/** The data of a result that must have no errors; fails the test with the errors otherwise. */
export function dataOf<TData>(result: GraphQLResult<TData>): TData {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as TData;
}

/** A Relay connection as a query selects it: `totalCount`, the nodes through `edges`, and `pageInfo` when asked for. */
export interface Connection<TNode> {
  totalCount: number;
  edges: { node: TNode; cursor?: string }[];
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
}

/** A user error of a mutation payload, as every payload selects it. */
export interface UserError {
  field: string | null;
  code: string;
  message: string;
}
