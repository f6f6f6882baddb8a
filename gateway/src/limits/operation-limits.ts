/**
 * Operation limits, checked before the gateway plans: depth, aliases, directives and cost, each measured on the
 * operation with its fragments expanded, but with every fragment measured once (memoized by name), so the work is
 * linear in the size of the document: a fragment-doubling query (F20 → 2^20 expanded fields) is measured in
 * microseconds, where the query planner would take minutes.
 *
 * Cost model: every field costs 1 (`__typename` 0) plus its selection times a multiplier:
 * - a field with a `first` argument returning a `…Connection`: its page size — the literal, or the variable's value
 *   (these checks run at execution start, when variable values are known), else the variable's default, else the
 *   argument's default; at least 1, at most `maxFirst` (subgraphs refuse larger pages before any work);
 * - a field returning a list of objects outside a connection (`officials`, `positions`, …): `listFactor`;
 * - otherwise 1. Introspection (`__schema`, `__type` and everything under them) adds no depth and is never
 *   multiplied: graphql-js's own MaxIntrospectionDepthRule bounds it.
 * The token limit is graphql's parser option (`parseOptions`), see `parseLimits`.
 */
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  valueFromASTUntyped,
} from "graphql";

export interface OperationLimits {
  /** Parser limit: lexical tokens in the document (graphql's `maxLexicalTokens`). */
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxCost: number;
}

export interface CostModel {
  /** Page size assumed when `first` has no value and no default. */
  defaultFirst: number;
  /** The largest page a connection serves: a larger `first` is refused by the subgraph before any work. */
  maxFirst: number;
  /** Multiplier of a plain list of objects (no `first`). */
  listFactor: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxTokens: 2_000,
  maxDepth: 12,
  maxAliases: 30,
  maxDirectives: 50,
  maxCost: 10_000,
};
export const COST_MODEL: CostModel = { defaultFirst: 20, maxFirst: 100, listFactor: 5 };

/** Apollo Server `parseOptions`: a longer document is refused while it is parsed (400, TOO_MANY_TOKENS). */
export const parseLimits = (limits: Pick<OperationLimits, "maxTokens">) => ({
  maxLexicalTokens: limits.maxTokens,
  maxComments: 1_000,
});

export const LIMIT_CODES = {
  depth: "OPERATION_TOO_DEEP",
  aliases: "TOO_MANY_ALIASES",
  directives: "TOO_MANY_DIRECTIVES",
  cost: "OPERATION_TOO_COMPLEX",
  tokens: "TOO_MANY_TOKENS",
} as const;

export interface Measure {
  depth: number;
  cost: number;
  aliases: number;
  directives: number;
}
const ZERO: Measure = { depth: 0, cost: 0, aliases: 0, directives: 0 };

/** Measures one operation; fragments are measured once each (a cycle, which validation refuses, counts as empty). */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragmentDefinitions: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
  model: CostModel = COST_MODEL,
): Measure {
  const fragments = new Map<string, Measure | "in progress">();
  const variableDefaults = new Map(
    (operation.variableDefinitions ?? []).map((d) => [d.variable.name.value, d.defaultValue] as const),
  );
  const spread = (name: string): Measure => {
    const known = fragments.get(name);
    if (known !== undefined) return known === "in progress" ? ZERO : known;
    const fragment = fragmentDefinitions.get(name);
    if (!fragment) return ZERO;
    fragments.set(name, "in progress");
    const type = schema.getType(fragment.typeCondition.name.value);
    const measure = selectionSet(fragment.selectionSet, isCompositeType(type) ? type : undefined);
    fragments.set(name, measure);
    return measure;
  };
  const pageSize = (node: FieldNode, argumentDefault: unknown): number => {
    const argument = node.arguments?.find((a) => a.name.value === "first");
    let value: unknown = argumentDefault;
    if (argument?.value.kind === Kind.VARIABLE) {
      const name = argument.value.name.value;
      const fallback = variableDefaults.get(name);
      value = Object.hasOwn(variables, name) ? variables[name] : fallback ? valueFromASTUntyped(fallback) : argumentDefault;
    } else if (argument) value = valueFromASTUntyped(argument.value);
    // A value that is not a number fails coercion later; count it as the largest page meanwhile.
    const size = typeof value === "number" ? value : value === undefined || value === null ? model.defaultFirst : model.maxFirst;
    return Math.min(model.maxFirst, Math.max(1, size));
  };
  const field = (node: FieldNode, parent: GraphQLCompositeType | undefined): Measure => {
    const name = node.name.value;
    // (no object-literal lookup: a field named `constructor` must not find Object.prototype's)
    const meta =
      name === "__schema"
        ? SchemaMetaFieldDef
        : name === "__type"
          ? TypeMetaFieldDef
          : name === "__typename"
            ? TypeNameMetaFieldDef
            : undefined;
    const fields = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields() : undefined;
    const def = meta ?? (fields && Object.hasOwn(fields, name) ? fields[name] : undefined);
    const introspection = name === "__schema" || name === "__type" || (parent?.name.startsWith("__") ?? false);
    const named = def ? getNamedType(def.type) : undefined;
    const children = node.selectionSet ? selectionSet(node.selectionSet, isCompositeType(named) ? named : undefined) : ZERO;
    let multiplier = 1;
    const firstArgument = def?.args.find((a) => a.name === "first");
    if (firstArgument && named?.name.endsWith("Connection")) multiplier = pageSize(node, firstArgument.defaultValue);
    else if (
      def &&
      node.selectionSet &&
      !introspection &&
      isListType(getNullableType(def.type)) &&
      !parent?.name.endsWith("Connection")
    )
      multiplier = model.listFactor;
    return {
      depth: (introspection ? 0 : 1) + children.depth,
      cost: (name === "__typename" ? 0 : 1) + multiplier * children.cost,
      aliases: (node.alias ? 1 : 0) + children.aliases,
      directives: (node.directives?.length ?? 0) + children.directives,
    };
  };
  const selectionSet = (set: SelectionSetNode, type: GraphQLCompositeType | undefined): Measure => {
    const total = { ...ZERO };
    for (const selection of set.selections) {
      let m: Measure;
      if (selection.kind === Kind.FIELD) m = field(selection, type);
      else {
        if (selection.kind === Kind.FRAGMENT_SPREAD) m = spread(selection.name.value);
        else {
          const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
          m = selectionSet(selection.selectionSet, isCompositeType(condition) ? condition : undefined);
        }
        m = { ...m, directives: m.directives + (selection.directives?.length ?? 0) };
      }
      total.depth = Math.max(total.depth, m.depth);
      total.cost += m.cost;
      total.aliases += m.aliases;
      total.directives += m.directives;
    }
    return total;
  };
  const root = schema.getRootType(operation.operation);
  const m = selectionSet(operation.selectionSet, root ?? undefined);
  return { ...m, directives: m.directives + (operation.directives?.length ?? 0) };
}

const refusal = (message: string, code: string, limit: number, actual: number | null) =>
  new GraphQLError(message, { extensions: { code, limit, actual, http: { status: 400 } } });

/** The limits an operation exceeds, as client errors (HTTP 400) with their own codes; empty when within them. */
export function checkOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): GraphQLError[] {
  let m: Measure;
  try {
    m = measureOperation(schema, operation, fragments, variables ?? {});
  } catch (error) {
    if (!(error instanceof RangeError)) throw error; // call stack exhausted: thousands of nested levels
    return [refusal("The operation is nested too deeply to measure.", LIMIT_CODES.depth, limits.maxDepth, null)];
  }
  const name = operation.name ? `Operation "${operation.name.value}"` : "The operation";
  const errors: GraphQLError[] = [];
  const check = (kind: keyof typeof LIMIT_CODES, actual: number, limit: number, what: string) => {
    // `!(actual <= limit)` also refuses NaN.
    if (!(actual <= limit)) {
      const shown = Number.isFinite(actual) && actual < 1e15 ? String(Math.round(actual)) : "over 10^15";
      errors.push(
        refusal(
          `${name} ${what} ${shown}; the limit is ${limit}.`,
          LIMIT_CODES[kind],
          limit,
          Number.isFinite(actual) ? actual : null,
        ),
      );
    }
  };
  check("depth", m.depth, limits.maxDepth, "is nested too deeply: depth");
  check("aliases", m.aliases, limits.maxAliases, "uses too many aliases:");
  check("directives", m.directives, limits.maxDirectives, "uses too many directives:");
  check("cost", m.cost, limits.maxCost, "is too complex: cost");
  return errors;
}

export const fragmentsOf = (document: { definitions: readonly { kind: string }[] }) =>
  new Map(
    (document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION) as FragmentDefinitionNode[]).map((d) => [
      d.name.value,
      d,
    ]),
  );

/**
 * Refuses an operation over the limits when execution starts: after validation, with the variable values known,
 * before the gateway builds its query plan (the planner is what a fragment bomb freezes) and before any fetch.
 */
export function operationLimitsPlugin<TContext extends BaseContext>(limits: OperationLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, document, request }) {
          if (!operation) return;
          const [first] = checkOperation(schema, operation, fragmentsOf(document), request.variables, limits);
          if (first) throw first;
        },
      };
    },
  };
}
