import { createHmac, timingSafeEqual } from "node:crypto";

/** Who is calling, as the gateway verified it from the bearer token. */
export interface Identity {
  /** The token's subject (`sub`), recorded as `updatedBy` on what it changes. */
  subject: string;
  scopes: string[];
}

/** The header the gateway uses to hand a verified identity to subgraphs: `<payload>.<hmac>`, both base64url. */
export const IDENTITY_HEADER = "x-newsfed-identity";
/**
 * The audience of an identity a subgraph signs for the gateway when it calls it on behalf of its own caller
 * (delegation: the gateway accepts it in place of the caller's bearer token).
 */
export const GATEWAY_AUDIENCE = "gateway";
/** A signed identity older than this is refused, so a captured header cannot be replayed for long. */
const MAX_AGE_MS = 5 * 60_000;

/** The development secret shared by gateway and subgraphs; production refuses to start with it. */
export const DEVELOPMENT_GATEWAY_SECRET = "newsfed-development-gateway-secret";

const hmac = (secret: string, payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");

/** Signs an identity for one subgraph (`audience`), so a captured header is no good at another. */
export function signIdentity(identity: Identity, secret: string, audience: string, now = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({ sub: identity.subject, scopes: identity.scopes, aud: audience, iat: now }),
  ).toString("base64url");
  return `${payload}.${hmac(secret, payload)}`;
}

/** The identity in a signed header, or null when the header is absent, forged, malformed, stale or for another subgraph. */
export function verifyIdentity(header: string | undefined, secret: string, audience: string, now = Date.now()): Identity | null {
  if (!header) return null;
  const [payload, signature] = header.split(".");
  if (!payload || !signature) return null;
  const expected = Buffer.from(hmac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      sub?: unknown;
      scopes?: unknown;
      aud?: unknown;
      iat?: unknown;
    };
    if (typeof claims.sub !== "string" || !Array.isArray(claims.scopes) || typeof claims.iat !== "number") return null;
    if (claims.aud !== audience) return null;
    if (Math.abs(now - claims.iat) > MAX_AGE_MS) return null;
    return { subject: claims.sub, scopes: claims.scopes.filter((scope): scope is string => typeof scope === "string") };
  } catch {
    return null;
  }
}
