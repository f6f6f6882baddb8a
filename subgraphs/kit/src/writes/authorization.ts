import { GraphQLError } from "graphql";
import type { Identity } from "../identity.js";

// No HTTP status on these errors: a subgraph answers the gateway 200 with GraphQL errors, which the gateway passes
// on with their codes; a 4xx would make the gateway treat the subgraph as unreachable.

/**
 * Every write passes here before it touches data. No identity means the call did not come through the gateway
 * with a valid token (UNAUTHENTICATED); an identity without the domain's write scope is FORBIDDEN.
 */
export function requireScope(identity: Identity | null, scope: string): Identity {
  if (!identity) {
    throw new GraphQLError("Writes need a valid bearer token, sent through the gateway.", {
      extensions: { code: "UNAUTHENTICATED" },
    });
  }
  if (!identity.scopes.includes(scope)) {
    throw new GraphQLError(`This write needs the scope \`${scope}\`; the token has ${identity.scopes.join(", ") || "none"}.`, {
      extensions: { code: "FORBIDDEN", requiredScope: scope },
    });
  }
  return identity;
}
