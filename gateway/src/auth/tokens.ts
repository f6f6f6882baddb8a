import { createRemoteJWKSet, type JWTPayload, type JWTVerifyGetKey, jwtVerify, SignJWT } from "jose";
import type { Identity } from "@newsfed/kit/identity";

/** Signs development tokens and verifies them when no production secret is configured. It is public: never use it in production. */
export const DEVELOPMENT_JWT_SECRET = "newsfed-development-jwt-secret-do-not-use-in-production";

export const ALL_WRITE_SCOPES = ["articles:write", "officials:write", "policy:write"];

export interface TokenVerifierOptions {
  /** HS256 shared secret. */
  secret?: string | undefined;
  /** RS256 (or any asymmetric algorithm) keys from a JWKS endpoint; takes precedence over `secret`. */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
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
  return async (token) => {
    let payload: JWTPayload;
    try {
      // Tokens must expire: a leaked token without `exp` would be valid forever.
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ["exp", "sub"],
      }));
    } catch (error) {
      throw new InvalidTokenError(`The bearer token is not valid: ${(error as Error).message}`);
    }
    if (!payload.sub) throw new InvalidTokenError("The bearer token has no subject (`sub`).");
    return { subject: payload.sub, scopes: scopesOf(payload) };
  };
}

/** Scopes from the OAuth 2 `scope` claim (space-separated) or a `scopes` array. */
function scopesOf(payload: JWTPayload): string[] {
  const scope = payload.scope;
  if (typeof scope === "string") return scope.split(" ").filter(Boolean);
  return Array.isArray(payload.scopes) ? payload.scopes.filter((s): s is string => typeof s === "string") : [];
}

/** A development token: every write scope, signed with the development secret. */
export function signDevelopmentToken(options: { subject?: string; scopes?: string[]; expiresIn?: string; secret?: string } = {}) {
  return new SignJWT({ scope: (options.scopes ?? ALL_WRITE_SCOPES).join(" ") })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(options.subject ?? "developer")
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? "30d")
    .sign(new TextEncoder().encode(options.secret ?? DEVELOPMENT_JWT_SECRET));
}
