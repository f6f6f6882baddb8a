import { GraphQLError } from "graphql";
import type { Identity } from "./identity.js";

/**
 * Every write passes here before it touches data. No identity means the call did not come through the gateway
 * with a valid token (UNAUTHENTICATED); an identity without the domain's write scope is FORBIDDEN.
 */
export function requireScope(identity: Identity | null, scope: string): Identity {
  if (!identity) {
    throw new GraphQLError("Writes need a valid bearer token, sent through the gateway.", {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
  }
  if (!identity.scopes.includes(scope)) {
    throw new GraphQLError(`This write needs the scope \`${scope}\`; the token has ${identity.scopes.join(", ") || "none"}.`, {
      extensions: { code: "FORBIDDEN", requiredScope: scope, http: { status: 403 } },
    });
  }
  return identity;
}
