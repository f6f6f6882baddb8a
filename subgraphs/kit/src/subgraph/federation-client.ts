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

/** For callers that must not reach the federation (the seed loads before the gateway is up). */
export const NO_FEDERATION: FederationClient = async () => {
  throw new Error("no federation available in this context");
};
