import { GraphQLError } from "graphql";

// Relay cursor connections: the limits, the shapes and the cursors every list of the API shares. No ORM and no
// schema builder here, so any layer can use them.

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Edge<TNode> {
  cursor: string;
  node: TNode;
}

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<TNode> {
  edges: Edge<TNode>[];
  pageInfo: PageInfoShape;
  totalCount: number;
}

export interface KeysetPage {
  /** Each edge's node id, and its record when the page statement read it too (then nothing else is loaded). */
  edges: { id: string; cursor: string; row?: unknown }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** A position in one ordering: the ordering's name, the sort value as text, and the id that breaks ties. */
export interface Cursor {
  order: string;
  sort: string | null;
  id: string;
}

export const encodeCursor = (cursor: Cursor): string =>
  Buffer.from(JSON.stringify([cursor.order, cursor.sort, cursor.id])).toString("base64url");

export function decodeCursor(value: string, order: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 3 && typeof parsed[2] === "string") {
      const [cursorOrder, sort, id] = parsed as [unknown, unknown, string];
      if (cursorOrder !== order) {
        throw badInput("after", "`after` is a cursor from a list in another order; restart without `after`.");
      }
      // PostgreSQL text cannot hold NUL; such a cursor was not issued here.
      const clean = (text: string | null) => text === null || !text.includes("\u0000");
      if ((typeof sort === "string" || sort === null) && clean(sort) && clean(id)) return { order, sort, id };
    }
  } catch (error) {
    if (error instanceof GraphQLError) throw error;
  }
  throw badInput("after", "`after` is not a cursor this API issued; pass a `pageInfo.endCursor` or `edges.cursor` value.");
}

export function checkPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput("first", `\`first\` must be between 0 and ${MAX_PAGE_SIZE}, got ${first}.`);
  }
  return first;
}

export const badInput = (argument: string, message: string) =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument } });

/** Turns a page of ids into a connection, looking nodes up (through a DataLoader) in page order. */
export async function toConnection<TNode>(
  page: KeysetPage,
  load: (ids: string[]) => Promise<ArrayLike<TNode | null | Error>>,
): Promise<Connection<TNode>> {
  const read = page.edges.length > 0 && page.edges.every((edge) => edge.row !== undefined);
  const nodes = read ? page.edges.map((edge) => edge.row as TNode) : await load(page.edges.map((edge) => edge.id));
  const edges: Edge<TNode>[] = [];
  page.edges.forEach((edge, index) => {
    const node = nodes[index];
    if (node instanceof Error) throw node;
    // A row deleted between the page and node statements simply drops out of this page.
    if (node)
      edges.push({
        get cursor() {
          return edge.cursor;
        },
        node,
      });
  });
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      // Encoded when read, like the edges' cursors: most pages are read without their page info.
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
  };
}
