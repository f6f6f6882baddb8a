import { createHash, randomUUID } from "node:crypto";
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from "@apollo/server";
import responseCachePlugin from "@apollo/server-plugin-response-cache";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";

/**
 * The gateway's response cache for anonymous reads.
 *
 * - What: whole query responses without errors, for requests without `Authorization` (a token's answers are never
 *   read from or written to it). A response is cacheable only when every subgraph fetch behind it said so with
 *   `Cache-Control: max-age=N, public` (subgraphs send that for anonymous reads; the gateway's data sources honour
 *   it), and it is kept min(N, RESPONSE_CACHE_TTL_SECONDS) seconds.
 * - Where: one `KeyValueCache` (get, set with a TTL, delete): in memory by default; any shared store with expiry
 *   (Redis, Memcached: `@apollo/utils.keyvadapter`) for several replicas, which then share entries and invalidations.
 * - Invalidation: every mutation through the gateway moves the store's generation (a key in the same store); keys
 *   carry the generation their request started in, so nothing cached before the write is read after it, and a
 *   read that started before the write and ends after it writes an entry nobody reads. Writes that bypass the
 *   gateway (`pnpm dataset`, another service) are seen once entries expire.
 */
export interface ResponseCacheOptions {
  /** Longest time an entry is kept, whatever the subgraphs allow (RESPONSE_CACHE_TTL_SECONDS). */
  ttlSeconds: number;
  /** Where entries live; default in memory (~30 MB, least recently used out first). */
  store?: KeyValueCache<string>;
}

const GENERATION_KEY = "response-cache:generation";

/** The store, with every TTL capped; entries and the generation live in it side by side. */
class CappedStore implements KeyValueCache<string> {
  constructor(
    private readonly store: KeyValueCache<string>,
    private readonly maxTtlSeconds: number,
  ) {}

  get(key: string) {
    return this.store.get(key);
  }

  set(key: string, value: string, options?: { ttl?: number | null }) {
    const ttl = Math.min(options?.ttl ?? this.maxTtlSeconds, this.maxTtlSeconds);
    return ttl > 0 ? this.store.set(key, value, { ttl }) : Promise.resolve();
  }

  delete(key: string) {
    return this.store.delete(key);
  }
}

/** No token sent and no caller identified: the only requests the cache serves and stores. */
const anonymous = ({ request, contextValue }: Pick<GraphQLRequestContext<BaseContext>, "request" | "contextValue">) =>
  request.http?.headers.get("authorization") === undefined && !(contextValue as { identity?: unknown }).identity;

/** The plugins that make the cache: generations and invalidation, then Apollo's response cache over the store. */
export function responseCache<TContext extends BaseContext>(options: ResponseCacheOptions): ApolloServerPlugin<TContext>[] {
  const store = options.store ?? new InMemoryLRUCache<string>({ maxSize: 30 * 1024 * 1024 });
  const capped = new CappedStore(store, options.ttlSeconds);
  const generations = new WeakMap<object, string>();
  const generation = async () => (await store.get(GENERATION_KEY)) ?? "0";

  const invalidation: ApolloServerPlugin<TContext> = {
    async requestDidStart({ contextValue, request }) {
      // Only reads can be served from the cache; the generation they started in is part of their keys.
      if (anonymous({ request, contextValue })) generations.set(contextValue, await generation());
      return {
        async willSendResponse({ operation }) {
          // Any mutation may have written (even one that reports errors): what was cached before it is stale.
          if (operation?.operation === "mutation") await store.set(GENERATION_KEY, randomUUID());
        },
      };
    },
  };

  const cache = responseCachePlugin<TContext>({
    cache: capped,
    shouldReadFromCache: async (requestContext) => anonymous(requestContext),
    shouldWriteToCache: async (requestContext) => anonymous(requestContext) && generations.has(requestContext.contextValue),
    generateCacheKey: (requestContext, keyData) =>
      `${generations.get(requestContext.contextValue) ?? "none"}:${createHash("sha256").update(JSON.stringify(keyData)).digest("hex")}`,
  });
  return [invalidation, cache];
}
