import type { GraphQLResponse } from "@apollo/server";

export interface GraphQLResult<TData> {
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
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
