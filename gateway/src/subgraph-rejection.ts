import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { type ASTNode, type DocumentNode, type FieldNode, Kind, parse, visit } from "graphql";

type SubgraphError = NonNullable<GatewayGraphQLResponse["errors"]>[number];

/** Codes that say "the request was malformed" without saying what: from the client's side, its input was bad. */
const INPUT_CODES = new Set([undefined, "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "BAD_REQUEST", "BAD_USER_INPUT"]);

/**
 * The GraphQL errors of a subgraph that refused a fetch with a 4xx (a value its scalars reject, a variable it cannot
 * coerce, a body too large): RemoteGraphQLDataSource throws such an answer as an error carrying the response, and a
 * thrown fetch would read as an outage. Undefined for anything else (no answer, 5xx, a body without errors): those
 * are failures of the subgraph.
 */
export function rejectionErrors(error: unknown): SubgraphError[] | undefined {
  const response = (error as { extensions?: { response?: { status?: unknown; body?: unknown } } } | null)?.extensions?.response;
  const status = response?.status;
  if (typeof status !== "number" || status < 400 || status >= 500 || status === 408 || status === 429) return undefined;
  const errors = (response?.body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.filter((e): e is SubgraphError => typeof e === "object" && e !== null && typeof e.message === "string");
}

/**
 * The subgraph's refusal as the answer to the fetch: each error keeps its code (a code-less or validation error
 * becomes BAD_USER_INPUT: the gateway validated the operation already, so what the subgraph refused is a value),
 * names the argument it is about (`extensions.argument`, e.g. `filter.activeAt`), and gets the path of the field it
 * concerns (`_entities.<i>.<field>` for entity fetches), which the gateway maps onto the client's paths.
 */
export function rejectionResponse(
  errors: SubgraphError[],
  query: string,
  variables: Record<string, unknown>,
): GatewayGraphQLResponse {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return { errors: errors.map((e) => withInputCode(e, undefined)) };
  }
  const representations = variables.representations as { __typename: string }[] | undefined;
  const lineStarts = [0, ...[...query.matchAll(/\r\n|\n|\r/g)].map((m) => m.index! + m[0].length)];
  const out: SubgraphError[] = [];
  for (const error of errors) {
    const location = error.locations?.[0];
    const variable = /^Variable "\$(\w+)"/.exec(error.message)?.[1];
    const offset = location ? (lineStarts[location.line - 1] ?? 0) + location.column - 1 : undefined;
    // Where the error points: the variable it names, else its location, else a string literal its message quotes
    // (a scalar's own error has no location: "Date must be … got "2021-13-01"").
    const quoted = new Set(quotedStrings(error.message));
    const found = locate(document, (node) =>
      variable !== undefined
        ? node.kind === Kind.VARIABLE && node.name.value === variable
        : offset !== undefined
          ? node.loc !== undefined && node.loc.start <= offset && offset < node.loc.end
          : node.kind === Kind.STRING && quoted.has(node.value),
    );
    const argument = found?.argument || undefined;
    const named = withInputCode(error, argument);
    if (!representations) {
      const fields = found?.fields[0] ? [found.fields[0]] : topFields(document);
      out.push(...fields.map((field) => ({ ...named, path: [field] })));
    } else {
      // An entity fetch: `_entities(representations: …) { … on Type { field } }`; the error belongs to each
      // representation of the type whose field it is about.
      const entityField = found?.fields[1];
      representations.forEach((representation, index) => {
        const fields = entityField && found?.type === representation.__typename ? [entityField] : [];
        for (const field of fields) out.push({ ...named, path: ["_entities", index, field] });
      });
      if (!entityField) out.push(named);
    }
  }
  const data = representations
    ? { _entities: representations.map((representation) => ({ __typename: representation.__typename })) }
    : null;
  return { data, errors: out };
}

function quotedStrings(message: string): string[] {
  return [...message.matchAll(/"((?:[^"\\]|\\.)*)"/g)].flatMap((match) => {
    try {
      return [JSON.parse(`"${match[1]}"`) as string];
    } catch {
      return [];
    }
  });
}

function withInputCode(error: SubgraphError, argument: string | undefined): SubgraphError {
  const code = error.extensions?.code as string | undefined;
  const input = INPUT_CODES.has(code);
  const extensions: Record<string, unknown> = { ...error.extensions, code: input ? "BAD_USER_INPUT" : code };
  if (argument && extensions.argument === undefined) extensions.argument = argument;
  // Locations point into the subgraph's query, not the client's: drop them.
  const { locations: _, ...rest } = error;
  return {
    ...rest,
    message:
      argument && input && !error.message.includes(`\`${argument}\``)
        ? `Invalid \`${argument}\`: ${error.message}`
        : error.message,
    extensions,
  };
}

/**
 * The innermost node matching `matches` (outside variable definitions), with the response names of the fields around
 * it (outermost first), the argument path it sits in (`filter.activeAt`) and the type condition of the inline
 * fragment around it.
 */
function locate(document: DocumentNode, matches: (node: ASTNode) => boolean) {
  let found: { fields: string[]; argument: string; type: string | undefined } | undefined;
  visit(document, {
    VariableDefinition: () => false,
    enter(node, _key, parent, _path, ancestors) {
      if (!matches(node)) return;
      // `ancestors` stops before the parent.
      const chain = [...ancestors, parent, node].filter((a): a is ASTNode => !!a && !Array.isArray(a));
      found = {
        fields: chain.filter((a): a is FieldNode => a.kind === Kind.FIELD).map((f) => f.alias?.value ?? f.name.value),
        argument: chain
          .flatMap((a) => (a.kind === Kind.ARGUMENT || a.kind === Kind.OBJECT_FIELD ? [a.name.value] : []))
          .join("."),
        type: chain
          .flatMap((a) => (a.kind === Kind.INLINE_FRAGMENT && a.typeCondition ? [a.typeCondition.name.value] : []))
          .at(-1),
      };
    },
  });
  return found;
}

function topFields(document: DocumentNode): string[] {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return [];
  return operation.selectionSet.selections.flatMap((s) =>
    s.kind === Kind.FIELD && s.name.value !== "__typename" ? [s.alias?.value ?? s.name.value] : [],
  );
}
