import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

/**
 * Whether the query selects `field` directly on the value this resolver returns (through fragments too), e.g. whether
 * a connection's `totalCount` was asked for: a list whose count nobody reads need not count every match.
 */
export function asksFor(info: GraphQLResolveInfo, field: string): boolean {
  const seen = new Set<string>();
  const inSet = (set: SelectionSetNode | undefined): boolean =>
    set?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === field;
      if (selection.kind === Kind.INLINE_FRAGMENT) return inSet(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      return inSet(info.fragments[name]?.selectionSet);
    }) ?? false;
  return info.fieldNodes.some((node) => inSet(node.selectionSet));
}
