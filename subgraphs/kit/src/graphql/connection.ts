import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../paging.js";

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, {
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, from 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}). \`first: 0\` reads \`totalCount\` alone: no edges, \`hasNextPage\` false.`,
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
