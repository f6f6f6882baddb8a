import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { requestScope } from "@newsfed/kit/http";
import { type DocumentNode, Kind, type OperationDefinitionNode, parse, print, visit } from "graphql";
import { rejectionErrors } from "../subgraph-rejection.js";
import { applyCachePolicy, isRead } from "./dedupe.js";
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
  /** The fetch's document text (the order of parts in a merged request). */
  query: string;
  part: Part;
  /** The request scope it was made in (id, cancellation): a fetch sent on its own still runs in it. */
  scope: ReturnType<typeof requestScope.getStore>;
  resolve: (response: GatewayGraphQLResponse) => void;
  reject: (error: unknown) => void;
}

/** Most distinct fetch documents (and merged documents) remembered; query plans are cached, so their fetches repeat. */
const MAX_DOCUMENTS = 500;

/** Most fetches of several requests sent as one subgraph request: bounds the merged document and a part's wait. */
export const MAX_PARTS = 8;

/**
 * Sends the reads that are waiting for the same subgraph in one turn of the event loop, on behalf of the same caller,
 * as one subgraph request. Within a request these are the query plan's parallel fetches (e.g. `Official.initiatives`
 * and `Official.events`, both on policy), which Apollo's query planner does not merge itself; across requests, the
 * same step of concurrent requests when their fetches have the same documents (under load, a third of the entity
 * fetches meet another request's identical document in the same turn). Each fetch's root fields, variables and
 * fragments are renamed with a prefix of its own (`f1__entities`, `$f1_representations`), and the answer is split
 * back, errors to the fetch their path names. One HTTP request, one Apollo Server request pipeline and one statement
 * per loader instead of several.
 *
 * Only reads of read operations, and only of one caller (an identity, or anonymous): the subgraph sees that caller,
 * as it would for each fetch. The same mix of fetches is always the same merged document, which the subgraph parses
 * and validates once (see `mergedRequests`). A subgraph that refuses the merged request (4xx) gets each fetch on its
 * own, so a refusal keeps pointing at the fetch that caused it. Trade-offs, as with deduplication: the subgraph logs
 * the first fetch's request id and trace, and a merged fetch is cancelled only when all its clients are gone.
 */
export class MergingDataSource implements GraphQLDataSource {
  private readonly batches = new Map<string, Waiting[]>();
  private readonly parts = new Map<string, Part | null>();
  private readonly merged = new Map<string, { query: string; document: DocumentNode }>();

  constructor(
    private readonly inner: GraphQLDataSource,
    /** Who a fetch is made for: fetches of different callers are never merged. */
    private readonly callerOf: (options: GraphQLDataSourceProcessOptions) => unknown,
    /** Told how many fetches each merged request carried (metrics, tests). */
    private readonly onMerged?: (fetches: number) => void,
  ) {}

  process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    if (!isRead(options) || !("incomingRequestContext" in options)) return this.inner.process(options);
    const part = this.partOf(options.request.query ?? "");
    if (!part) return this.inner.process(options);
    // A plan's parallel fetches, and those of requests answered in the same turn, all arrive before the next turn.
    const key = JSON.stringify(this.callerOf(options) ?? null);
    let batch = this.batches.get(key);
    if (!batch) {
      const waiting: Waiting[] = [];
      batch = waiting;
      this.batches.set(key, waiting);
      setImmediate(() => {
        this.batches.delete(key);
        for (const merged of mergedRequests(waiting)) this.flush(merged);
      });
    }
    const list = batch;
    return new Promise((resolve, reject) =>
      list.push({
        options,
        query: options.request.query ?? "",
        part,
        scope: requestScope.getStore(),
        resolve,
        reject,
      }),
    );
  }

  private flush(batch: Waiting[]): void {
    if (batch.length === 1) return this.alone(batch[0]!);
    const shared = new SharedFetch();
    for (const waiting of batch) shared.join(waiting.scope?.signal);
    const first = batch[0]!.options;
    const { query, document } = this.mergedDocument(batch);
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
    requestScope
      .run({ requestId: batch[0]!.scope?.requestId ?? "", signal: shared.controller.signal }, () => this.inner.process(options))
      .then(
        (response) => {
          const owner = requestOf(first);
          batch.forEach((waiting, i) => {
            const own = requestOf(waiting.options) === owner;
            // RemoteGraphQLDataSource applied the subgraph's Cache-Control to the first fetch's request only.
            if (!own) applyCachePolicy(waiting.options, response);
            waiting.resolve(partOfResponse(response, waiting.part, i, !own));
          });
        },
        (error: unknown) => {
          if (rejectionErrors(error)) for (const waiting of batch) this.alone(waiting);
          else for (const waiting of batch) waiting.reject(error);
        },
      )
      .finally(() => shared.release());
  }

  private alone(waiting: Waiting): void {
    const send = () => this.inner.process(waiting.options);
    (waiting.scope ? requestScope.run(waiting.scope, send) : send()).then(waiting.resolve, waiting.reject);
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

  private mergedDocument(batch: Waiting[]): { query: string; document: DocumentNode } {
    const key = JSON.stringify(batch.map((waiting) => waiting.query));
    let merged = this.merged.get(key);
    if (!merged) {
      const document = mergeParts(batch.map((waiting) => waiting.part));
      merged = { query: print(document), document };
      remember(this.merged, key, merged);
    }
    return merged;
  }
}

/**
 * How a turn's fetches of one caller go out: each request's fetches together (its plan's parallel step), and requests
 * whose fetches have the same documents (the same step of the same plan) together, up to MAX_PARTS fetches; one
 * request's fetches are never split. Requests with other documents (another search, another page size written into
 * the query) go apart: merged, every mix of them would be a new document for the subgraph to parse and validate.
 */
function mergedRequests(waiting: Waiting[]): Waiting[][] {
  const byRequest = new Map<unknown, Waiting[]>();
  for (const fetch of waiting) {
    const request = requestOf(fetch.options);
    const fetches = byRequest.get(request);
    if (fetches) fetches.push(fetch);
    else byRequest.set(request, [fetch]);
  }
  const byDocuments = new Map<string, Waiting[][]>();
  for (const fetches of byRequest.values()) {
    // In document order, so one mix of fetches is always the same merged document.
    fetches.sort((a, b) => (a.query < b.query ? -1 : a.query > b.query ? 1 : 0));
    const documents = fetches.map((fetch) => fetch.query).join("\u0000");
    const alike = byDocuments.get(documents);
    if (alike) alike.push(fetches);
    else byDocuments.set(documents, [fetches]);
  }
  const merged: Waiting[][] = [];
  for (const requests of byDocuments.values()) {
    let current: Waiting[] = [];
    for (const fetches of requests) {
      if (current.length > 0 && current.length + fetches.length > MAX_PARTS) {
        merged.push(current);
        current = [];
      }
      current.push(...fetches);
    }
    merged.push(current);
  }
  return merged;
}

/** The incoming request a fetch serves (every mergeable fetch has one; see `process`). */
const requestOf = (options: GraphQLDataSourceProcessOptions) =>
  "incomingRequestContext" in options ? options.incomingRequestContext : undefined;

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

/**
 * Part `i`'s answer: its root fields under their own names, the errors whose path is in them, and path-less ones.
 * What parts share (path-less errors, extensions) is copied for a part of another request (`apart`): the gateway
 * builds each request's result from these objects, and two requests must never hold the same ones.
 */
function partOfResponse(response: GatewayGraphQLResponse, part: Part, i: number, apart: boolean): GatewayGraphQLResponse {
  const prefix = `f${i}_`;
  const data = response.data
    ? Object.fromEntries(part.roots.map((name) => [name, (response.data as Record<string, unknown>)[prefix + name]]))
    : response.data;
  const errors: SubgraphError[] = [];
  for (const error of response.errors ?? []) {
    const [head, ...rest] = error.path ?? [];
    if (head === undefined) errors.push(apart ? structuredClone(error) : error);
    else if (typeof head === "string" && head.startsWith(prefix)) {
      errors.push({ ...error, path: [head.slice(prefix.length), ...rest] } as SubgraphError);
    }
  }
  const extensions = apart && response.extensions ? structuredClone(response.extensions) : response.extensions;
  return { ...response, data, errors: errors.length ? errors : undefined, extensions };
}
