import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from "@apollo/server";
import { GraphQLError } from "graphql";
import { clientKeyOf } from "./client-key.js";
import type { RateLimitDecision, RateLimiter } from "./rate-limiter.js";

interface Caller {
  identity?: { subject: string } | null;
  clientAddress?: string | undefined;
}

export const RATE_LIMITED = "RATE_LIMITED";

const message = (decision: RateLimitDecision) => `Too many requests from this client; retry in ${decision.retryAfterSeconds} s.`;

/**
 * Counts every GraphQL request against its client's budget (token subject, else address). Over it, nothing runs
 * and the answer is HTTP 429 with `Retry-After`, whatever else would have gone wrong with the request (a parse or
 * validation failure is answered 429 too, so invalid requests cannot be sent for free). Addresses in `exempt` (e.g.
 * the subgraphs, which read through the gateway to check references) are not counted.
 */
export function rateLimitPlugin<TContext extends BaseContext & Caller>(
  limiter: RateLimiter,
  options: { exempt?: readonly string[] } = {},
): ApolloServerPlugin<TContext> {
  const exempt = new Set(options.exempt ?? []);
  return {
    async requestDidStart({ contextValue }): Promise<GraphQLRequestListener<TContext> | void> {
      if (!contextValue.identity && contextValue.clientAddress && exempt.has(contextValue.clientAddress)) return;
      const decision = await limiter(clientKeyOf(contextValue));
      if (decision.allowed) return;
      const extensions = { code: RATE_LIMITED, retryAfterSeconds: decision.retryAfterSeconds };
      return {
        async didResolveOperation() {
          throw new GraphQLError(message(decision), { extensions: { ...extensions, http: { status: 429 } } });
        },
        async willSendResponse({ response }) {
          response.http.status = 429;
          response.http.headers.set("retry-after", String(decision.retryAfterSeconds));
          response.body = { kind: "single", singleResult: { errors: [{ message: message(decision), extensions }] } };
        },
      };
    },
  };
}
