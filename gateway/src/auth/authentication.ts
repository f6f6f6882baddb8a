import type { IncomingMessage } from "node:http";
import type { ApolloServerPlugin } from "@apollo/server";
import { GATEWAY_AUDIENCE, type Identity, IDENTITY_HEADER, verifyIdentity } from "@newsfed/kit/identity";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { InvalidTokenError, type TokenVerifier } from "./tokens.js";

/** The gateway's per-request context: who is calling, as verified from the bearer token. */
export interface GatewayContext {
  identity: Identity | null;
  /** Set when a token was presented but is not valid: such a request is refused, read or write. */
  authError?: string;
  requestId?: string;
  /** The client's address (behind trusted proxies, the one they saw): the rate-limit key of anonymous callers. */
  clientAddress?: string;
}

/**
 * Who is calling: the bearer token's verified subject and scopes; or, for a subgraph acting on behalf of its own
 * caller (ingestion creating officials and events), the identity it signed for the gateway with the shared secret
 * (`x-newsfed-identity`, audience "gateway", five-minute validity). A client cannot forge the latter without the
 * secret, and a header a subgraph received (signed for that subgraph) is no good here.
 */
export async function authenticate(
  req: IncomingMessage | undefined,
  verify: TokenVerifier,
  sharedSecret?: string,
): Promise<Pick<GatewayContext, "identity" | "authError">> {
  const header = req?.headers.authorization;
  const delegated = req?.headers[IDENTITY_HEADER];
  if (!header && delegated !== undefined && sharedSecret) {
    const identity = await verifyIdentity(Array.isArray(delegated) ? delegated[0] : delegated, sharedSecret, GATEWAY_AUDIENCE);
    return identity
      ? { identity }
      : { identity: null, authError: "The delegated identity is not valid (forged, stale or for another service)." };
  }
  if (!header) return { identity: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { identity: null, authError: "The Authorization header must be `Bearer <token>`." };
  try {
    return { identity: await verify(match[1]!) };
  } catch (error) {
    if (error instanceof InvalidTokenError) return { identity: null, authError: error.message };
    throw error;
  }
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });

/**
 * Refuses, before anything executes, a request with an invalid token, and a mutation without a token or
 * without the write scope of every subgraph it writes to. (Subgraphs check scopes again on their own.)
 */
export function authorizationPlugin(scopeOf: (mutationField: string) => string | undefined): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.authError) throw unauthenticated(contextValue.authError);
          if (!operation || operation.operation !== "mutation") return;
          if (!contextValue.identity)
            throw unauthenticated(
              "Mutations need `Authorization: Bearer <token>` (`pnpm --silent run token` prints a development one).",
            );
          const missing = requiredScopes(operation, document, scopeOf).filter(
            (scope) => !contextValue.identity!.scopes.includes(scope),
          );
          if (missing.length) {
            throw new GraphQLError(`This operation needs the scope(s) ${missing.map((s) => `\`${s}\``).join(", ")}.`, {
              extensions: { code: "FORBIDDEN", requiredScopes: missing, http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}

/** The scopes of every root mutation field, including those inside inline fragments and fragment spreads. */
function requiredScopes(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  scopeOf: (field: string) => string | undefined,
): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const scopes = new Set<string>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const scope = scopeOf(selection.name.value);
        if (scope) scopes.add(scope);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return [...scopes];
}
