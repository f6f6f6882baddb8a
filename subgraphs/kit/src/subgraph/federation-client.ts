import { GATEWAY_AUDIENCE, type Identity, IDENTITY_HEADER, SignedIdentityCache, signIdentity } from "../identity.js";

export interface FederationCallOptions {
  /**
   * Act on behalf of this caller (delegation): the request carries the identity signed for the gateway with the shared
   * secret, and the gateway treats it as it would the caller's own verified token (scopes checked as usual). Without
   * it the call is anonymous: reads only.
   */
  identity?: Identity | null;
  /** Overrides the client's timeout for one call (bulk writes take longer than reads). */
  timeoutMs?: number;
}

/** Reads and writes through the gateway: how a subgraph reaches entities other subgraphs own without touching their data. */
export type FederationClient = (
  query: string,
  variables?: Record<string, unknown>,
  options?: FederationCallOptions,
) => Promise<{
  data?: Record<string, any> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}>;

export interface HttpFederationOptions {
  timeoutMs?: number;
  /** Signs delegated identities (GATEWAY_SHARED_SECRET); without it, calls with an identity are refused here. */
  sharedSecret?: string;
}

export function httpFederationClient(gatewayUrl: string, options: HttpFederationOptions | number = {}): FederationClient {
  const { timeoutMs = 5000, sharedSecret } = typeof options === "number" ? { timeoutMs: options } : options;
  // One signed identity per caller for a minute: the gateway then verifies each token once (VerifiedTokens).
  const identities =
    sharedSecret && new SignedIdentityCache((identity) => signIdentity(identity, sharedSecret, GATEWAY_AUDIENCE));
  return async (query, variables, call = {}) => {
    // Uncompressed: on the loopback or a private network, compressing the gateway's answers (fetch asks for gzip and
    // brotli by default) costs both ends more CPU than the bytes saved.
    const headers: Record<string, string> = { "content-type": "application/json", "accept-encoding": "identity" };
    if (call.identity) {
      if (!identities) throw new Error("this federation client has no shared secret to act on behalf of a caller");
      headers[IDENTITY_HEADER] = await identities.get(call.identity);
    }
    const response = await fetch(gatewayUrl, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(call.timeoutMs ?? timeoutMs),
    });
    if (!response.ok && !(response.headers.get("content-type") ?? "").includes("json")) {
      throw new Error(`gateway answered ${response.status}`);
    }
    return (await response.json()) as Awaited<ReturnType<FederationClient>>;
  };
}

export class FederationUnavailableError extends Error {
  override name = "FederationUnavailableError";

  /** The `extensions.code` of each error the gateway answered with (none when it could not be reached). */
  constructor(
    message: string,
    readonly codes: readonly string[] = [],
  ) {
    super(message);
  }
}

/**
 * Asks the federation one operation and returns its data; throws FederationUnavailableError when it cannot answer
 * (unreachable, or errors instead of data).
 */
export async function askFederation(
  client: FederationClient,
  query: string,
  variables?: Record<string, unknown>,
  options?: FederationCallOptions,
) {
  let result: Awaited<ReturnType<FederationClient>>;
  try {
    result = await client(query, variables, options);
  } catch (error) {
    throw new FederationUnavailableError(`the gateway could not be reached: ${(error as Error).message}`);
  }
  if (result.errors?.length || !result.data) {
    throw new FederationUnavailableError(
      result.errors?.map((error) => error.message).join("; ") ?? "no data",
      (result.errors ?? []).flatMap((error) => (typeof error.extensions?.code === "string" ? [error.extensions.code] : [])),
    );
  }
  return result.data;
}

/** For callers that must not reach the federation (the seed loads before the gateway is up). */
export const NO_FEDERATION: FederationClient = async () => {
  throw new Error("no federation available in this context");
};
