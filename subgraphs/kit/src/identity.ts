import { webcrypto } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";

type CryptoKey = webcrypto.CryptoKey;

/** Who is calling, as the gateway verified it from the bearer token. */
export interface Identity {
  /** The token's subject (`sub`), recorded as `updatedBy` on what it changes. */
  subject: string;
  scopes: string[];
}

/** The header the gateway uses to hand a verified identity to subgraphs: a compact JWS (HS256 JWT). */
export const IDENTITY_HEADER = "x-newsfed-identity";
/** A signed identity is valid this long, so a captured header cannot be replayed for long. */
const VALIDITY_SECONDS = 5 * 60;
/** Gateway and subgraph clocks may differ a little. */
const CLOCK_TOLERANCE_SECONDS = 30;
const ISSUER = "newsfed-gateway";
/**
 * The audience of an identity a subgraph signs for the gateway when it calls it on behalf of its own caller
 * (delegation: the gateway accepts it in place of the caller's bearer token).
 */
export const GATEWAY_AUDIENCE = "gateway";

/** The development secret shared by gateway and subgraphs; production refuses to start with it. */
export const DEVELOPMENT_GATEWAY_SECRET = "newsfed-development-gateway-secret";

// jose would import a raw secret into a WebCrypto key on every call; a service has one secret, imported once per use.
const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string, usage: "sign" | "verify"): Promise<CryptoKey> {
  const id = `${usage}:${secret}`;
  let key = keys.get(id);
  if (!key) {
    const raw = new TextEncoder().encode(secret);
    key = webcrypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, [usage]);
    keys.set(id, key);
  }
  return key;
}

/** Signs an identity for one subgraph (`aud`), so a captured header is no good at another; valid five minutes. */
export async function signIdentity(identity: Identity, secret: string, audience: string, now = Date.now()): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ scope: identity.scopes.join(" ") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setSubject(identity.subject)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + VALIDITY_SECONDS)
    .sign(await hmacKey(secret, "sign"));
}

/**
 * The identity in a signed header, or null when the header is absent, forged, malformed, expired, issued in the
 * future or for another subgraph. The signature check is WebCrypto's HMAC verify, which compares in constant time.
 */
export async function verifyIdentity(
  header: string | undefined,
  secret: string,
  audience: string,
  now = Date.now(),
): Promise<Identity | null> {
  if (!header) return null;
  try {
    const { payload } = await jwtVerify(header, await hmacKey(secret, "verify"), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience,
      requiredClaims: ["sub", "iat", "exp"],
      maxTokenAge: VALIDITY_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(now),
    });
    if (typeof payload.sub !== "string" || typeof payload.scope !== "string") return null;
    return { subject: payload.sub, scopes: payload.scope.split(" ").filter(Boolean) };
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
