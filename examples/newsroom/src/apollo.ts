import { ApolloClient, HttpLink, InMemoryCache } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";

/**
 * Where the gateway is: `?api=` in the page URL, else VITE_GATEWAY_URL at build time, else the local default.
 * (The query parameter lets one build talk to any deployment, and the tests point it at their stack.)
 */
export function gatewayUrl(location: Location = window.location): string {
  return new URLSearchParams(location.search).get("api") ?? import.meta.env.VITE_GATEWAY_URL ?? "http://localhost:4000/graphql";
}

/** Entities normalized by __typename + key (Country by its code), connections merged Relay-style for "load more". */
export function createApolloClient(uri = gatewayUrl()) {
  return new ApolloClient({
    link: new HttpLink({ uri }),
    cache: new InMemoryCache({
      typePolicies: {
        Country: { keyFields: ["code"] },
        // Value objects without an id: merge fields from different queries instead of replacing the object
        // (otherwise opening an article drops `source.code` from the list and Apollo refetches the list).
        ArticleSource: { merge: true },
        Dateline: { merge: true },
        Photo: { merge: true },
        Location: { merge: true },
        Query: { fields: { articles: relayStylePagination(["filter", "orderBy"]) } },
      },
    }),
  });
}
