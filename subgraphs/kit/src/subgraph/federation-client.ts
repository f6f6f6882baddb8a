import { Agent, request } from "undici";
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
  // Kept-alive connections to the gateway through undici's `request()`: about half the CPU per call of `fetch`, whose
  // Request/Response/stream objects dominate a small call (the gateway's own subgraph fetches measured the same).
  const dispatcher = new Agent({ connections: 16, pipelining: 1, keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 });
  return async (query, variables, call = {}) => {
    // Uncompressed: on the loopback or a private network, compressing the gateway's answers costs both ends more CPU
    // than the bytes saved.
    const headers: Record<string, string> = { "content-type": "application/json", "accept-encoding": "identity" };
    if (call.identity) {
      if (!identities) throw new Error("this federation client has no shared secret to act on behalf of a caller");
      headers[IDENTITY_HEADER] = await identities.get(call.identity);
    }
    const limit = call.timeoutMs ?? timeoutMs;
    // A timer cleared as soon as the call ends (AbortSignal.timeout keeps one running for the whole timeout).
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`the gateway did not answer within ${limit} ms`, "TimeoutError")),
      limit,
    );
    try {
      const response = await request(gatewayUrl, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables }),
        dispatcher,
        signal: controller.signal,
      });
      // Read the whole body whatever the status, so the connection goes back to the pool.
      const text = await response.body.text();
      const type = String(response.headers["content-type"] ?? "");
      if (response.statusCode >= 300 && !type.includes("json")) throw new Error(`gateway answered ${response.statusCode}`);
      return JSON.parse(text) as Awaited<ReturnType<FederationClient>>;
    } finally {
      clearTimeout(timer);
    }
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
