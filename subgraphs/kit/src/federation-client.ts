import { UserErrorCode, type Validation } from "./user-errors.js";

/** Reads through the gateway: how a subgraph checks facts owned by other subgraphs without touching their data. */
export type FederationClient = (
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: Record<string, any> | null; errors?: readonly { message: string }[] }>;

export function httpFederationClient(gatewayUrl: string, timeoutMs = 5000): FederationClient {
  return async (query, variables) => {
    const response = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok && !(response.headers.get("content-type") ?? "").includes("json")) {
      throw new Error(`gateway answered ${response.status}`);
    }
    return (await response.json()) as Awaited<ReturnType<FederationClient>>;
  };
}

export class FederationUnavailableError extends Error {
  override name = "FederationUnavailableError";
}

/** Asks the federation one read and returns its data; throws FederationUnavailableError when it cannot answer. */
export async function askFederation(client: FederationClient, query: string, variables?: Record<string, unknown>) {
  let result: Awaited<ReturnType<FederationClient>>;
  try {
    result = await client(query, variables);
  } catch (error) {
    throw new FederationUnavailableError(`the gateway could not be reached: ${(error as Error).message}`);
  }
  if (result.errors?.length || !result.data) {
    throw new FederationUnavailableError(result.errors?.map((error) => error.message).join("; ") ?? "no data");
  }
  return result.data;
}

/** A reference to an entity of another subgraph, with the input field that holds it. */
export interface Reference {
  kind: "official" | "organization" | "country" | "initiative" | "event";
  key: string;
  field: string;
}

const LOOKUP: Record<Reference["kind"], { query: string; arg: string; type: string; selection: string }> = {
  official: { query: "official", arg: "id", type: "ID!", selection: "id" },
  organization: { query: "organization", arg: "id", type: "ID!", selection: "id" },
  country: { query: "country", arg: "code", type: "String!", selection: "code" },
  initiative: { query: "initiative", arg: "id", type: "ID!", selection: "id" },
  event: { query: "event", arg: "id", type: "ID!", selection: "id" },
};

/**
 * Checks that every referenced entity exists, in one gateway request, and records an UNKNOWN_REFERENCE user error
 * naming the field for each that does not. If the federation cannot answer, records UNAVAILABLE instead: a write
 * whose references cannot be checked is refused rather than stored with possibly broken references.
 */
export async function checkReferences(
  client: FederationClient,
  references: readonly Reference[],
  validation: Validation,
): Promise<void> {
  if (references.length === 0) return;
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields = references.map((reference, index) => {
    const lookup = LOOKUP[reference.kind];
    variables[`r${index}`] = reference.key;
    declarations.push(`$r${index}: ${lookup.type}`);
    return `r${index}: ${lookup.query}(${lookup.arg}: $r${index}) { ${lookup.selection} }`;
  });
  let data: Record<string, unknown>;
  try {
    data = await askFederation(client, `query CheckReferences(${declarations.join(", ")}) { ${fields.join(" ")} }`, variables);
  } catch (error) {
    validation.add(
      null,
      UserErrorCode.UNAVAILABLE,
      `Could not check references (${(error as Error).message}); nothing was written.`,
    );
    return;
  }
  references.forEach((reference, index) => {
    if (data[`r${index}`] === null || data[`r${index}`] === undefined) {
      validation.add(
        reference.field,
        UserErrorCode.UNKNOWN_REFERENCE,
        `\`${reference.field}\`: no ${reference.kind} "${reference.key}" exists.`,
      );
    }
  });
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
  validation: Validation,
): Promise<void> {
  let data: Record<string, any>;
  try {
    data = await askFederation(client, query, variables);
  } catch (error) {
    validation.add(
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
    validation.add(
      "id",
      UserErrorCode.REFERENCED,
      `This ${what} is still referenced by ${uses.join(", ")}; remove those references first.`,
    );
  }
}

/** For callers that must not reach the federation (the seed loads before the gateway is up). */
export const NO_FEDERATION: FederationClient = async () => {
  throw new Error("no federation available in this context");
};
