import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { currentRequestSignal, requestScope } from "@newsfed/kit/http";
import { type DocumentNode, Kind, type OperationDefinitionNode, parse, print, visit } from "graphql";
import { rejectionErrors } from "../subgraph-rejection.js";
import { isRead } from "./dedupe.js";
import { SharedFetch } from "./shared-fetch.js";

type SubgraphError = NonNullable<GatewayGraphQLResponse["errors"]>[number];

/** A fetch's document, ready to be one part of a merged one. */
interface Part {
  operation: OperationDefinitionNode;
  document: DocumentNode;
  /** Response names of its root fields. */
  roots: string[];
  variables: string[];
}

interface Waiting {
  options: GraphQLDataSourceProcessOptions;
  part: Part;
  signal: AbortSignal | undefined;
  resolve: (response: GatewayGraphQLResponse) => void;
  reject: (error: unknown) => void;
}

/** Most distinct fetch documents (and merged documents) remembered; query plans are cached, so their fetches repeat. */
const MAX_DOCUMENTS = 500;

/**
 * Sends the fetches one request's query plan makes to the same subgraph at the same time (a `Parallel` step, e.g.
 * `Official.initiatives` and `Official.events`, both on policy) as one subgraph request: each fetch's root fields,
 * variables and fragments are renamed with a prefix of its own (`f1__entities`, `$f1_representations`), and the answer
 * is split back, errors to the fetch their path names. One HTTP request and one Apollo Server request pipeline instead
 * of several, and the subgraph's loaders batch across them. Apollo's query planner does not merge these itself.
 * Only reads of read operations; a subgraph that refuses the merged request (4xx) gets each fetch on its own, so a
 * refusal keeps pointing at the fetch that caused it.
 */
export class MergingDataSource implements GraphQLDataSource {
  private readonly batches = new Map<object, Waiting[]>();
  private readonly parts = new Map<string, Part | null>();
  private readonly merged = new Map<string, { query: string; document: DocumentNode }>();

  constructor(
    private readonly inner: GraphQLDataSource,
    /** Told how many fetches each merged request carried (metrics, tests). */
    private readonly onMerged?: (fetches: number) => void,
  ) {}

  process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    if (!isRead(options) || !("incomingRequestContext" in options)) return this.inner.process(options);
    const part = this.partOf(options.request.query ?? "");
    if (!part) return this.inner.process(options);
    // Fetches of one request are merged; the plan's parallel fetches all arrive before the next turn of the loop.
    const key = options.incomingRequestContext;
    let batch = this.batches.get(key);
    if (!batch) {
      const waiting: Waiting[] = [];
      batch = waiting;
      this.batches.set(key, waiting);
      setImmediate(() => {
        this.batches.delete(key);
        this.flush(waiting);
      });
    }
    const list = batch;
    return new Promise((resolve, reject) => list.push({ options, part, signal: currentRequestSignal(), resolve, reject }));
  }

  private flush(batch: Waiting[]): void {
    if (batch.length === 1) return this.alone(batch[0]!);
    const shared = new SharedFetch();
    for (const waiting of batch) shared.join(waiting.signal);
    const first = batch[0]!.options;
    const { query, document } = this.mergedDocument(batch.map((waiting) => waiting.options.request.query ?? ""));
    const variables: Record<string, unknown> = {};
    batch.forEach((waiting, i) => {
      for (const name of waiting.part.variables) variables[`f${i}_${name}`] = waiting.options.request.variables?.[name];
    });
    const http = first.request.http;
    const options = {
      ...first,
      document,
      request: {
        query,
        variables,
        operationName:
          document.definitions[0]?.kind === Kind.OPERATION_DEFINITION ? document.definitions[0].name?.value : undefined,
        ...(http
          ? {
              http: {
                ...http,
                headers: new globalThis.Headers(http.headers as unknown as ConstructorParameters<typeof globalThis.Headers>[0]),
              },
            }
          : {}),
      },
    } as GraphQLDataSourceProcessOptions;
    this.onMerged?.(batch.length);
    const scope = requestScope.getStore();
    requestScope
      .run({ requestId: scope?.requestId ?? "", signal: shared.controller.signal }, () => this.inner.process(options))
      .then(
        (response) => batch.forEach((waiting, i) => waiting.resolve(partOfResponse(response, waiting.part, i))),
        (error: unknown) => {
          if (rejectionErrors(error)) for (const waiting of batch) this.alone(waiting);
          else for (const waiting of batch) waiting.reject(error);
        },
      )
      .finally(() => shared.release());
  }

  private alone(waiting: Waiting): void {
    this.inner.process(waiting.options).then(waiting.resolve, waiting.reject);
  }

  /** Null for a document that cannot be a part (not one query operation of fields). */
  private partOf(query: string): Part | null {
    let part = this.parts.get(query);
    if (part === undefined) {
      part = parsePart(query);
      remember(this.parts, query, part);
    }
    return part;
  }

  private mergedDocument(queries: string[]): { query: string; document: DocumentNode } {
    const key = JSON.stringify(queries);
    let merged = this.merged.get(key);
    if (!merged) {
      const document = mergeParts(queries.map((query) => this.partOf(query)!));
      merged = { query: print(document), document };
      remember(this.merged, key, merged);
    }
    return merged;
  }
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= MAX_DOCUMENTS) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

function parsePart(query: string): Part | null {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || !operation || operation.operation !== "query") return null;
  const roots: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    roots.push(selection.alias?.value ?? selection.name.value);
  }
  return {
    operation,
    document,
    roots,
    variables: (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value),
  };
}

/** One operation holding every part, each under its own prefix `f<i>_`. */
function mergeParts(parts: Part[]): DocumentNode {
  const selections = [];
  const variableDefinitions = [];
  const fragments = [];
  for (const [i, part] of parts.entries()) {
    const prefix = `f${i}_`;
    const renamed = visit(part.document, {
      Variable: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
      FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
      FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    });
    for (const definition of renamed.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.push(definition);
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      variableDefinitions.push(...(definition.variableDefinitions ?? []));
      for (const selection of definition.selectionSet.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const name = selection.alias?.value ?? selection.name.value;
        selections.push({ ...selection, alias: { kind: Kind.NAME, value: prefix + name } } as const);
      }
    }
  }
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: parts[0]!.operation.operation,
        // Named after the first part (the subgraph logs and counts operations by name).
        ...(parts[0]!.operation.name ? { name: { kind: Kind.NAME, value: `${parts[0]!.operation.name.value}__merged` } } : {}),
        variableDefinitions,
        selectionSet: { kind: Kind.SELECTION_SET, selections },
      } as OperationDefinitionNode,
      ...fragments,
    ],
  };
}

/** Part `i`'s answer: its root fields under their own names, the errors whose path is in them, and path-less ones. */
function partOfResponse(response: GatewayGraphQLResponse, part: Part, i: number): GatewayGraphQLResponse {
  const prefix = `f${i}_`;
  const data = response.data
    ? Object.fromEntries(part.roots.map((name) => [name, (response.data as Record<string, unknown>)[prefix + name]]))
    : response.data;
  const errors: SubgraphError[] = [];
  for (const error of response.errors ?? []) {
    const [head, ...rest] = error.path ?? [];
    if (head === undefined) errors.push(error);
    else if (typeof head === "string" && head.startsWith(prefix)) {
      errors.push({ ...error, path: [head.slice(prefix.length), ...rest] } as SubgraphError);
    }
  }
  return { ...response, data, errors: errors.length ? errors : undefined };
}
