import { type Connection, dataOf, type GraphQLResult } from "./results.js";

interface Runner {
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<Record<string, unknown>>>;
}

/**
 * Follows `pageInfo.endCursor` until `hasNextPage` is false and returns every node seen, checking on the way that
 * `totalCount` stays the same on every page. `path` names the connection field in the result data.
 */
export async function collectAllPages<TNode>(
  runner: Runner,
  query: string,
  path: string,
  variables: Record<string, unknown> = {},
  maxPages = 1000,
): Promise<{ nodes: TNode[]; pages: number; totalCount: number }> {
  const nodes: TNode[] = [];
  let after: string | null = null;
  let totalCount: number | undefined;
  for (let pages = 1; pages <= maxPages; pages++) {
    const data = dataOf(await runner.query(query, { ...variables, after }));
    // The path is only known at run time: each step is an object of the data, and its end a connection.
    const connection = path
      .split(".")
      .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], data) as Connection<TNode> &
      Required<Pick<Connection<TNode>, "pageInfo">>;
    if (totalCount === undefined) totalCount = connection.totalCount;
    else if (connection.totalCount !== totalCount)
      throw new Error(`totalCount changed between pages: ${totalCount} → ${connection.totalCount}`);
    nodes.push(...connection.edges.map((edge) => edge.node));
    if (!connection.pageInfo.hasNextPage) return { nodes, pages, totalCount: totalCount! };
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`more than ${maxPages} pages`);
}
