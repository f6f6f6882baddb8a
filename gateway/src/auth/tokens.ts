import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import { type Identity, VerifiedTokens } from "@newsfed/kit/identity";

/** Signs development tokens and verifies them when no production secret is configured. It is public: never use it in production. */
export const DEVELOPMENT_JWT_SECRET = "newsfed-development-jwt-secret-do-not-use-in-production";

export const ALL_WRITE_SCOPES = ["articles:write", "officials:write", "policy:write"];
/** Reads the audit actors (`updatedBy`, `history { actor }`); without it they read `redacted` (subgraphs check it). */
export const AUDIT_READ_SCOPE = "audit:read";
/** What a development token carries: every write scope and the audit scope. */
export const DEVELOPMENT_SCOPES = [...ALL_WRITE_SCOPES, AUDIT_READ_SCOPE];
/** Token lifetime accepted when none is configured: the development tokens' 30 days. */
export const DEFAULT_MAX_TOKEN_AGE_SECONDS = 30 * 86_400;
/** Clock skew tolerated on `iat`. */
const CLOCK_TOLERANCE_SECONDS = 60;
/** A verified bearer token is taken again without its signature check for at most this long (JWKS keys rotate). */
const REVERIFY_AFTER_MS = 60_000;

export interface TokenVerifierOptions {
  /** HS256 shared secret. */
  secret?: string | undefined;
  /** RS256 (or any asymmetric algorithm) keys from a JWKS endpoint; takes precedence over `secret`. */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  /**
   * The longest lifetime (`exp` − `iat`, seconds) a token may have; a token without `iat`, or issued in the future, is
   * refused too, so a leaked long-lived token is not valid for years.
   */
  maxAgeSeconds?: number | undefined;
}

export type TokenVerifier = (token: string) => Promise<Identity>;

export class InvalidTokenError extends Error {
  override name = "InvalidTokenError";
}

/** Builds the gateway's bearer-token check: signature, expiry, and (when configured) issuer and audience. */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : new TextEncoder().encode(options.secret ?? DEVELOPMENT_JWT_SECRET);
  const algorithms = options.jwksUrl ? ["RS256", "RS384", "RS512", "PS256", "ES256", "EdDSA"] : ["HS256"];
  const verified = new VerifiedTokens<Identity>();
  return async (token) => {
    const now = Date.now();
    const known = verified.get(token, now);
    if (known) return known;
    let payload: JWTPayload;
    try {
      // Tokens must expire: a leaked token without `exp` would be valid forever.
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ["exp", "sub", "iat"],
      }));
    } catch (error) {
      throw new InvalidTokenError(`The bearer token is not valid: ${(error as Error).message}`);
    }
    const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_TOKEN_AGE_SECONDS;
    const { iat, exp } = payload as { iat: number; exp: number };
    if (iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS)
      throw new InvalidTokenError("The bearer token is not valid: it was issued in the future (`iat`).");
    if (exp - iat > maxAge)
      throw new InvalidTokenError(
        `The bearer token is not valid: it lives ${exp - iat} s (\`exp\` − \`iat\`); at most ${maxAge} s are accepted.`,
      );
    if (!payload.sub) throw new InvalidTokenError("The bearer token has no subject (`sub`).");
    const identity = { subject: payload.sub, scopes: scopesOf(payload) };
    verified.remember(token, identity, (iat - CLOCK_TOLERANCE_SECONDS) * 1000, Math.min(exp * 1000, now + REVERIFY_AFTER_MS));
    return identity;
  };
}

/** Scopes from the OAuth 2 `scope` claim (space-separated) or a `scopes` array. */
function scopesOf(payload: JWTPayload): string[] {
  const scope = payload.scope;
  if (typeof scope === "string") return scope.split(" ").filter(Boolean);
  return Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is string => typeof s === "string") : [];
}

/** A development token: every write scope and the audit scope, signed with the development secret. */
export function signDevelopmentToken(options: { subject?: string; scopes?: string[]; expiresIn?: string; secret?: string } = {}) {
  return new SignJWT({ scope: (options.scopes ?? DEVELOPMENT_SCOPES).join(" ") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(options.subject ?? "developer")
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "30d")
    .sign(new TextEncoder().encode(options.secret ?? DEVELOPMENT_JWT_SECRET));
}
