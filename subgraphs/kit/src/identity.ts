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
 * A signed identity is valid for five minutes, so signing one per request (the gateway's subgraph fetches, a
 * subgraph's calls to the gateway) is repeated work: the token for a caller (subject and scopes) is reused for a
 * minute, leaving it at least four minutes of validity when it arrives, and its receiver verifies it once.
 */
export class SignedIdentityCache {
  private readonly entries = new Map<string, { token: Promise<string>; until: number }>();

  constructor(
    private readonly sign: (identity: Identity) => Promise<string>,
    private readonly reuseMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(identity: Identity, now = Date.now()): Promise<string> {
    const key = JSON.stringify([identity.subject, identity.scopes]);
    const cached = this.entries.get(key);
    if (cached && cached.until > now) return cached.token;
    // Bounded: many distinct callers within a minute just start the cache over.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const token = this.sign(identity);
    this.entries.set(key, { token, until: now + this.reuseMs });
    token.catch(() => this.entries.delete(key));
    return token;
  }
}

/**
 * Tokens already verified, each until its verification stops holding: a caller sends the same token with every
 * request (the gateway's signed identity is reused for a minute), and checking a signature again costs more than the
 * rest of a small request's authentication. Keyed by the whole token, signature included, so only the exact bytes
 * verified before are taken; refusals are never kept (each forged token is checked). Bounded: past `maxEntries` it
 * starts over.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, { value: T; from: number; until: number }>();

  constructor(private readonly maxEntries = 10_000) {}

  /** What `token` verified to, if it was verified and `now` (ms) lies in the time given for it. */
  get(token: string, now: number): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (now >= entry.from && now < entry.until) return entry.value;
    if (now >= entry.until) this.entries.delete(token);
    return undefined;
  }

  /** Keeps what `token` verified to for `from` ≤ now < `until` (ms): the times its checks would pass again. */
  remember(token: string, value: T, from: number, until: number): void {
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(token, { value, from, until });
  }
}

const verifiedIdentities = new VerifiedTokens<Identity>();

/**
 * The identity in a signed header, or null when the header is absent, forged, malformed, expired, issued in the
 * future or for another subgraph. The signature check is WebCrypto's HMAC verify, which compares in constant time;
 * a header verified before is taken from `verifiedIdentities` while the checks below would still pass.
 */
export async function verifyIdentity(
  header: string | undefined,
  secret: string,
  audience: string,
  now = Date.now(),
): Promise<Identity | null> {
  if (!header) return null;
  const memo = `${audience}\n${secret}\n${header}`;
  const known = verifiedIdentities.get(memo, now);
  if (known) return known;
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
    const identity = { subject: payload.sub, scopes: payload.scope.split(" ").filter(Boolean) };
    // jose refuses before iat − tolerance (issued in the future), from exp + tolerance on, and once the token is
    // older than its validity + tolerance.
    const { iat, exp } = payload as { iat: number; exp: number };
    const until = Math.min(exp, iat + VALIDITY_SECONDS) + CLOCK_TOLERANCE_SECONDS;
    verifiedIdentities.remember(memo, identity, (iat - CLOCK_TOLERANCE_SECONDS) * 1000, until * 1000);
    return identity;
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
