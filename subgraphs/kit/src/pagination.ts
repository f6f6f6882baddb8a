import { GraphQLError } from "graphql";
import { type SQL, sql } from "drizzle-orm";
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import type { Database } from "./database.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, from 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`,
  })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "Return the items after this cursor: pass `pageInfo.endCursor` of the previous page.",
  })
  after?: string | null;
}

@ObjectType({ description: "Where a page of a connection sits in the whole list (Relay cursor connections)." })
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean, { description: "True when more items follow this page; fetch them with `after: endCursor`." })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when this page was requested with `after`, so items precede it." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first item on this page; null when the page is empty." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last item on this page; null when the page is empty." })
  endCursor!: string | null;
}

export interface Edge<TNode> {
  cursor: string;
  node: TNode;
}

export interface Connection<TNode> {
  edges: Edge<TNode>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The `XConnection` and `XEdge` object types for one node type. */
export function connectionType<TNode extends object>(
  node: ClassType<TNode>,
  nodeName: string,
  plural: string,
  options: { shareable?: boolean } = {},
) {
  // A connection several subgraphs define (the same everywhere) must say so to composition.
  const shareable = options.shareable ? Directive("@shareable") : () => undefined;

  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a page of ${plural}, with its cursor.` })
  @shareable
  class EdgeType {
    @Field(() => String, { description: "Opaque position of this item; pass it as `after` to continue from here." })
    cursor!: string;

    @Field(() => node, { description: `The ${nodeName}.` })
    node!: TNode;
  }

  @ObjectType(`${nodeName}Connection`, { description: `A page of ${plural} (Relay cursor connection).` })
  @shareable
  class ConnectionType {
    @Field(() => [EdgeType], { description: "The items of this page, in order." })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: "Where this page sits in the whole list." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${plural} match in total, over all pages.` })
    totalCount!: number;
  }
  return ConnectionType;
}

// ─── cursors ──────────────────────────────────────────────────────────────────

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

// ─── keyset paging in one statement ────────────────────────────────────────────

export interface KeysetOrder {
  /** Name stored in cursors, so a cursor is never applied to another ordering. */
  name: string;
  /** SQL type of the `sort_key` column, to read a cursor's sort value back exactly. */
  sortType: "text" | "timestamptz" | "date" | "numeric";
  direction: "asc" | "desc";
}

export interface KeysetRequest {
  /**
   * A SELECT with columns `group_key` (text; which parent a row belongs to, or a constant for a top-level list),
   * `sort_key` and `id` (text), already filtered. Exact sort values (e.g. a rounded rank) keep cursors exact.
   */
  source: SQL;
  order: KeysetOrder;
  groups: readonly string[];
  first: number;
  after?: string | null | undefined;
}

/**
 * How a sort value becomes cursor text: one fixed format per type, independent of the server session's TimeZone and
 * DateStyle, so a cursor reads back exactly on any PostgreSQL.
 */
const SORT_TEXT: Record<KeysetOrder["sortType"], string> = {
  text: "sort_key::text",
  numeric: "sort_key::text",
  date: "to_char(sort_key, 'YYYY-MM-DD')",
  timestamptz: `to_char(sort_key at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

/** A cursor's sort value must have the shape its type's text has, or it was not issued here. */
const SORT_VALUE: Record<KeysetOrder["sortType"], (value: string | null) => boolean> = {
  text: (value) => value !== null,
  numeric: (value) => value !== null && /^-?\d{1,20}(\.\d{1,20})?$/.test(value),
  date: (value) => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value),
  timestamptz: (value) => value !== null && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value),
};

/** SQLSTATE class 22 (data exception): a value PostgreSQL could not read, e.g. a tampered cursor's 2024-02-30. */
const isDataException = (error: unknown): boolean => {
  const code = (error as { cause?: { code?: unknown } })?.cause?.code ?? (error as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("22");
};

interface PageRow {
  group_key: string;
  total: number;
  id: string | null;
  sort_text: string | null;
}

export interface KeysetPage {
  edges: { id: string; cursor: string }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/**
 * One statement pages any number of parents at once: totals per group (before the cursor) and the next
 * `first + 1` rows per group after it, ordered by (sort_key, id). Keyset, not OFFSET, so pages stay stable
 * while rows are added.
 */
export async function keysetPages<TSchema extends Record<string, unknown>>(
  db: Database<TSchema>,
  request: KeysetRequest,
): Promise<Map<string, KeysetPage>> {
  const first = checkPageSize(request.first);
  const { order } = request;
  const cursor = request.after ? decodeCursor(request.after, order.name) : undefined;
  if (cursor && !SORT_VALUE[order.sortType](cursor.sort)) {
    throw badInput("after", "`after` is not a cursor this API issued; pass a `pageInfo.endCursor` or `edges.cursor` value.");
  }
  const dir = sql.raw(order.direction);
  const cmp = sql.raw(order.direction === "asc" ? ">" : "<");
  const afterCursor = cursor
    ? sql`where (sort_key, id) ${cmp} (${cursor.sort}::${sql.raw(order.sortType)}, ${cursor.id})`
    : sql``;
  const statement = sql`
    with src as (${request.source}),
    totals as (select group_key, count(*)::int as total from src group by group_key),
    page as (
      select group_key, id, ${sql.raw(SORT_TEXT[order.sortType])} as sort_text,
             row_number() over (partition by group_key order by sort_key ${dir}, id ${dir}) as rn
      from src ${afterCursor}
    )
    select t.group_key, t.total, p.id, p.sort_text
    from totals t left join page p on p.group_key = t.group_key and p.rn <= ${first + 1}
    order by t.group_key, p.rn`;
  let result: { rows: PageRow[] };
  try {
    result = (await db.execute(statement)) as unknown as { rows: PageRow[] }; // both drivers return { rows }
  } catch (error) {
    if (cursor && isDataException(error)) {
      throw badInput("after", "`after` is not a cursor this API issued; pass a `pageInfo.endCursor` or `edges.cursor` value.");
    }
    throw error;
  }

  const pages = new Map<string, KeysetPage>();
  for (const group of request.groups) {
    pages.set(group, { edges: [], hasNextPage: false, hasPreviousPage: Boolean(cursor), totalCount: 0 });
  }
  for (const row of result.rows) {
    const page = pages.get(row.group_key);
    if (!page) continue;
    page.totalCount = Number(row.total);
    if (row.id === null) continue;
    if (page.edges.length === first) {
      page.hasNextPage = true;
      continue;
    }
    page.edges.push({ id: row.id, cursor: encodeCursor({ order: order.name, sort: row.sort_text, id: row.id }) });
  }
  return pages;
}

/** Turns a page of ids into a connection, looking nodes up (through a DataLoader) in page order. */
export async function toConnection<TNode>(
  page: KeysetPage,
  load: (ids: string[]) => Promise<ArrayLike<TNode | null | Error>>,
): Promise<Connection<TNode>> {
  const nodes = await load(page.edges.map((edge) => edge.id));
  const edges: Edge<TNode>[] = [];
  page.edges.forEach((edge, index) => {
    const node = nodes[index];
    if (node instanceof Error) throw node;
    // A row deleted between the page and node statements simply drops out of this page.
    if (node) edges.push({ cursor: edge.cursor, node });
  });
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
