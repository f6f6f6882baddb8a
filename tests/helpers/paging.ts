import { dataOf } from "./results.js";

interface Runner {
  query(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }>;
}

/**
 * Follows `pageInfo.endCursor` until `hasNextPage` is false and returns every node seen, checking on the way that
 * `totalCount` stays the same on every page. `path` names the connection field in the result data.
 */
export async function collectAllPages(
  runner: Runner,
  query: string,
  path: string,
  variables: Record<string, unknown> = {},
  maxPages = 1000,
): Promise<{ nodes: any[]; pages: number; totalCount: number }> {
  const nodes: any[] = [];
  let after: string | null = null;
  let totalCount: number | undefined;
  for (let pages = 1; pages <= maxPages; pages++) {
    const data: any = dataOf<any>(await runner.query(query, { ...variables, after }));
    const connection: any = path.split(".").reduce((value: any, key) => value[key], data);
    if (totalCount === undefined) totalCount = connection.totalCount;
    else if (connection.totalCount !== totalCount)
      throw new Error(`totalCount changed between pages: ${totalCount} → ${connection.totalCount}`);
    nodes.push(...connection.edges.map((edge: any) => edge.node));
    if (!connection.pageInfo.hasNextPage) return { nodes, pages, totalCount: totalCount! };
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`more than ${maxPages} pages`);
}
