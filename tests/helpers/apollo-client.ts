import { createHash } from "node:crypto";
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { relayStylePagination } from "@apollo/client/utilities";

/** The cache configuration a frontend uses with this API: entities by __typename + key, connections merged Relay-style. */
export function createCache() {
  return new InMemoryCache({
    typePolicies: {
      Country: { keyFields: ["code"] },
      // Value objects without an id: merge fields from different queries instead of replacing the object.
      ArticleSource: { merge: true },
      Dateline: { merge: true },
      Photo: { merge: true },
      Location: { merge: true },
      Query: {
        fields: {
          articles: relayStylePagination(["filter", "orderBy"]),
          officials: relayStylePagination(["filter"]),
          organizations: relayStylePagination(["filter"]),
          initiatives: relayStylePagination(["filter"]),
          events: relayStylePagination(["filter"]),
          countries: relayStylePagination(),
        },
      },
      Official: { fields: { articles: relayStylePagination(["filter", "orderBy"]), events: relayStylePagination(["filter"]) } },
    },
  });
}

export interface RecordedRequest {
  method: string;
  url: string;
  body: string | null;
  status: number;
}

/** An Apollo Client against the gateway that records the HTTP requests it makes. */
export function createClient(gatewayUrl: string, options: { persisted?: boolean; getForHashed?: boolean; token?: string } = {}) {
  const requests: RecordedRequest[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    requests.push({
      method: init?.method ?? "GET",
      url: String(input),
      body: typeof init?.body === "string" ? init.body : null,
      status: response.status,
    });
    return response;
  };
  const http = new HttpLink({
    uri: `${gatewayUrl}/graphql`,
    fetch: recordingFetch,
    // A header simple requests cannot carry: Apollo Server's CSRF prevention then accepts GET requests too.
    headers: { "apollo-require-preflight": "true", ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
  });
  const link = options.persisted
    ? ApolloLink.from([
        new PersistedQueryLink({
          sha256: (query: string) => createHash("sha256").update(query).digest("hex"),
          useGETForHashedQueries: options.getForHashed ?? false,
        }),
        http,
      ])
    : http;
  return { client: new ApolloClient({ link, cache: createCache() }), requests };
}
