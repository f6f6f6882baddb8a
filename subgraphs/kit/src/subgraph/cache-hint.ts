import type { ApolloServerPlugin, BaseContext } from "@apollo/server";

/**
 * Tells the gateway how long an anonymous read stays fresh: `Cache-Control: max-age=N, public` on query responses
 * without errors for callers without an identity, nothing otherwise (a response without the header is never cached).
 * One hook per request instead of Apollo's cache-control plugin, whose per-field hooks cost on every field resolved
 * (no field here declares a hint of its own; every read is public data).
 */
export function cacheHintPlugin<TContext extends BaseContext & { identity?: unknown }>(
  maxAgeSeconds: number,
): ApolloServerPlugin<TContext> {
  const header = `max-age=${maxAgeSeconds}, public`;
  return {
    async requestDidStart() {
      if (maxAgeSeconds <= 0) return;
      return {
        async willSendResponse({ response, operation, errors, contextValue }) {
          if (operation?.operation !== "query" || errors?.length || contextValue.identity) return;
          if (response.body.kind !== "single" || response.body.singleResult.errors?.length) return;
          response.http.headers.set("cache-control", header);
        },
      };
    },
  };
}
