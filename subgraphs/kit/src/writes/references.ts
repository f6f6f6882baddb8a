import { mapConcurrently } from "../concurrency.js";
import { UserErrorCode } from "../graphql/user-errors.js";
import { askFederation, type FederationClient } from "../subgraph/federation-client.js";
import type { UserErrorList } from "./validation.js";

/**
 * How to ask the gateway whether an entity another subgraph owns exists: `query(arg: $key) { selection }`, e.g.
 * `official(id: $key) { id }`. Each subgraph declares the lookups of the entities it references.
 */
export interface EntityLookup {
  /** What the entity is called in messages, e.g. "official". */
  label: string;
  query: string;
  arg: string;
  /** The argument's GraphQL type, e.g. `ID!`. */
  argType: string;
  selection: string;
  /**
   * The owner's list field that finds up to 100 of these by key in one field, e.g. `officials` with filter `ids`:
   * `officials(first: 100, filter: { ids: $keys }) { edges { node { id } } }`. A bulk write's references then cost one
   * field per hundred keys instead of one aliased field each.
   */
  list?: { query: string; filter: string; keyType: string };
}

/** The key an entity is looked up by: its argument, GraphQL type and list filter (`id`, `ID!`, `ids` by default). */
export interface LookupKey {
  arg: string;
  type: string;
  filter: string;
}

const BY_ID: LookupKey = { arg: "id", type: "ID!", filter: "ids" };

/**
 * The lookup of an entity by its key: `query(id: $key) { id }`, and `list(first: 100, filter: { ids: $keys })` when
 * its owner's list takes a set of keys.
 */
export function lookupByKey(label: string, query: string, list?: string, key: LookupKey = BY_ID): EntityLookup {
  return {
    label,
    query,
    arg: key.arg,
    argType: key.type,
    selection: key.arg,
    ...(list ? { list: { query: list, filter: key.filter, keyType: key.type } } : {}),
  };
}

/** A reference to an entity of another subgraph, with the input field that holds it. */
export interface Reference {
  lookup: EntityLookup;
  key: string;
  field: string;
}

/**
 * Checks that every referenced entity exists, in one gateway request, and records an UNKNOWN_REFERENCE user error
 * naming the field for each that does not. If the federation cannot answer, records UNAVAILABLE instead: a write
 * whose references cannot be checked is refused rather than stored with possibly broken references.
 */
export async function checkReferences(
  client: FederationClient,
  references: readonly Reference[],
  errors: UserErrorList,
): Promise<void> {
  if (references.length === 0) return;
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields = references.map((reference, index) => {
    const { lookup } = reference;
    variables[`r${index}`] = reference.key;
    declarations.push(`$r${index}: ${lookup.argType}`);
    return `r${index}: ${lookup.query}(${lookup.arg}: $r${index}) { ${lookup.selection} }`;
  });
  let data: Record<string, unknown>;
  try {
    data = await askFederation(client, `query CheckReferences(${declarations.join(", ")}) { ${fields.join(" ")} }`, variables);
  } catch (error) {
    errors.add(null, UserErrorCode.UNAVAILABLE, `Could not check references (${(error as Error).message}); nothing was written.`);
    return;
  }
  references.forEach((reference, index) => {
    if (data[`r${index}`] === null || data[`r${index}`] === undefined) {
      errors.add(
        reference.field,
        UserErrorCode.UNKNOWN_REFERENCE,
        `\`${reference.field}\`: no ${reference.lookup.label} "${reference.key}" exists.`,
      );
    }
  });
}

/** Aliased fields per reference-check request: the gateway refuses operations with more than 30 aliases. */
const CHECKS_PER_REQUEST = 25;
/** Keys per list field (`officials(first: 100, filter: { ids })`): the owners' lists take at most 100. */
const KEYS_PER_LIST_FIELD = 100;
/** Reference-check requests one bulk write has in flight at once. */
const REQUESTS_IN_FLIGHT = 4;

/**
 * `checkReferences` for many writes at once (a bulk create): each distinct key is looked up once — through the
 * owner's list field, a hundred keys a field, where the lookup names one (`list`), else in requests of 25 aliased
 * lookups — and each write's missing references are recorded in its own error list (UNAVAILABLE in every list when
 * the federation cannot answer).
 */
export async function checkReferencesOfMany(
  client: FederationClient,
  writes: readonly { references: readonly Reference[]; errors: UserErrorList }[],
): Promise<void> {
  const distinct = new Map<string, Reference>();
  for (const { references } of writes) {
    for (const reference of references) distinct.set(`${reference.lookup.query}|${reference.key}`, reference);
  }
  if (distinct.size === 0) return;
  // Aliased lookups go in requests of one kind each, always CHECKS_PER_REQUEST fields (the last padded by repeating a
  // key): the gateway then sees a few operation texts, parsed, validated and planned once, not a new text per request.
  const byLookup = new Map<EntityLookup, [string, Reference][]>();
  for (const entry of distinct.entries()) {
    const entries = byLookup.get(entry[1].lookup) ?? [];
    entries.push(entry);
    byLookup.set(entry[1].lookup, entries);
  }
  const found = new Set<string>();
  type Chunk = { lookup: EntityLookup; entries: [string, Reference][] };
  const chunks: Chunk[] = [];
  const listed: Chunk[] = [];
  for (const [lookup, entries] of byLookup) {
    const size = lookup.list ? KEYS_PER_LIST_FIELD : CHECKS_PER_REQUEST;
    for (let start = 0; start < entries.length; start += size)
      (lookup.list ? listed : chunks).push({ lookup, entries: entries.slice(start, start + size) });
  }
  // A few requests at a time: a bulk create's references cost about one round trip, not one per chunk.
  const check = async ({ lookup, entries }: Chunk) => {
    const variables: Record<string, string> = {};
    const declarations: string[] = [];
    const fields: string[] = [];
    for (let index = 0; index < CHECKS_PER_REQUEST; index++) {
      variables[`r${index}`] = entries[Math.min(index, entries.length - 1)]![1].key;
      declarations.push(`$r${index}: ${lookup.argType}`);
      fields.push(`r${index}: ${lookup.query}(${lookup.arg}: $r${index}) { ${lookup.selection} }`);
    }
    const data = await askFederation(
      client,
      `query CheckReferences(${declarations.join(", ")}) { ${fields.join(" ")} }`,
      variables,
    );
    entries.forEach(([key], index) => {
      if (data[`r${index}`] !== null && data[`r${index}`] !== undefined) found.add(key);
    });
  };
  // Lookups with a list field: every hundred keys of every kind is one field of one request (their text varies with
  // the number of fields only, so the gateway plans a few texts).
  const checkListed = async (group: Chunk[]) => {
    const variables: Record<string, string[]> = {};
    const declarations: string[] = [];
    const fields = group.map(({ lookup, entries }, index) => {
      const list = lookup.list!;
      variables[`k${index}`] = entries.map(([, reference]) => reference.key);
      declarations.push(`$k${index}: [${list.keyType}]!`);
      return `k${index}: ${list.query}(first: ${KEYS_PER_LIST_FIELD}, filter: { ${list.filter}: $k${index} }) { edges { node { ${lookup.arg} } } }`;
    });
    const data = await askFederation(
      client,
      `query CheckReferences(${declarations.join(", ")}) { ${fields.join(" ")} }`,
      variables,
    );
    group.forEach(({ lookup, entries }, index) => {
      // Keys compare without case: a code is found in any case (`country(code:)` takes any), an id only as stored.
      const keys = new Set(
        ((data[`k${index}`]?.edges ?? []) as { node: Record<string, unknown> }[]).map((edge) =>
          String(edge.node[lookup.arg]).toUpperCase(),
        ),
      );
      for (const [key, reference] of entries) if (keys.has(reference.key.toUpperCase())) found.add(key);
    });
  };
  const requests: (() => Promise<void>)[] = chunks.map((chunk) => () => check(chunk));
  for (let start = 0; start < listed.length; start += CHECKS_PER_REQUEST) {
    const group = listed.slice(start, start + CHECKS_PER_REQUEST);
    requests.push(() => checkListed(group));
  }
  try {
    await mapConcurrently(requests, REQUESTS_IN_FLIGHT, (request) => request());
  } catch (error) {
    for (const { references, errors } of writes) {
      if (references.length) {
        errors.add(
          null,
          UserErrorCode.UNAVAILABLE,
          `Could not check references (${(error as Error).message}); nothing was written.`,
        );
      }
    }
    return;
  }
  for (const { references, errors } of writes) {
    for (const reference of references) {
      if (!found.has(`${reference.lookup.query}|${reference.key}`)) {
        errors.add(
          reference.field,
          UserErrorCode.UNKNOWN_REFERENCE,
          `\`${reference.field}\`: no ${reference.lookup.label} "${reference.key}" exists.`,
        );
      }
    }
  }
}

/**
 * Before a delete: asks the federation how the entity is used elsewhere (`query` returns counts at `paths`) and
 * records REFERENCED naming the users, or UNAVAILABLE when it cannot tell. Never deletes what others point at.
 */
export async function checkUnreferenced(
  client: FederationClient,
  what: string,
  query: string,
  variables: Record<string, unknown>,
  counts: Record<string, (data: Record<string, any>) => number | null | undefined>,
  errors: UserErrorList,
): Promise<void> {
  let data: Record<string, any>;
  try {
    data = await askFederation(client, query, variables);
  } catch (error) {
    errors.add(
      null,
      UserErrorCode.UNAVAILABLE,
      `Could not check where this ${what} is used (${(error as Error).message}); nothing was deleted.`,
    );
    return;
  }
  const uses = Object.entries(counts)
    .map(([label, count]) => [label, count(data) ?? 0] as const)
    .filter(([, count]) => count > 0)
    .map(([label, count]) => `${count} ${label}`);
  if (uses.length) {
    errors.add(
      "id",
      UserErrorCode.REFERENCED,
      `This ${what} is still referenced by ${uses.join(", ")}; remove those references first.`,
    );
  }
}
