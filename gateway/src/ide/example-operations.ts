import { SEED_KEYS } from "./seed-keys.js";

/** A tab of the IDE: an operation with its variables and headers (JSON text, as GraphiQL edits them). */
export interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The operations the IDE opens with: what the federation can do, runnable against the seed as they are. */
export function exampleTabs(writeHeaders: Record<string, string>): ExampleTab[] {
  return [
    {
      query: `# One request, three subgraphs: articles about cybersecurity (articles), the officials in them with the post they
# hold today and their latest one (officials), and the initiatives they champion (policy), with the meetings' outcomes.
query OfficialsInCybersecurityArticles {
  articles(first: 5, filter: { search: "cybersecurity" }) {
    totalCount
    edges {
      node {
        headline
        publishedAt
        officials {
          displayName
          currentPosition { title organization { name } }
          latestPosition { title isCurrent endDate organization { name } }
          country { name }
          initiatives(first: 5) { totalCount edges { node { name acronym status } } }
        }
        events { title startDate location { name } outcomes { statement status } }
      }
    }
  }
}
`,
    },
    {
      query: `# An official's timeline: posts held, events taken part in (newest first) and the articles about them.
query OfficialTimeline($id: ID!) {
  official(id: $id) {
    displayName
    otherNames
    positions { title startDate endDate organization { name acronym } }
    events(first: 10) {
      totalCount
      edges { node { kind title startDate endDate location { name } parent { title } outcomes { statement status } } }
    }
    articles(first: 5) { totalCount edges { node { headline publishedAt source { name } } } }
    mentionCount
  }
}
`,
      variables: json({ id: SEED_KEYS.annuarMusa }),
    },
    {
      query: `# A country seen from all three subgraphs.
query CountryOverview($code: String!) {
  country(code: $code) {
    name
    officials(first: 10) { totalCount edges { node { displayName latestPosition { title isCurrent } } } }
    initiatives(first: 10) { totalCount edges { node { name acronym status themes leadOrganization { name } } } }
    events(first: 10) { totalCount edges { node { kind title startDate } } }
    articles(first: 10) { totalCount edges { node { headline } } }
  }
}
`,
      variables: json({ code: "MY" }),
    },
    {
      query: `# Cursor pagination: run it, then set "after" to pageInfo.endCursor and run it again.
query SearchArticles($search: String!, $first: Int!, $after: String) {
  articles(first: $first, after: $after, filter: { search: $search }, orderBy: RELEVANCE) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { headline publishedAt themes } }
  }
}
`,
      variables: json({ search: "digital economy", first: 1, after: null }),
    },
    {
      query: `# A write: needs a bearer token with the officials:write scope (see the Headers tab).
# Expected problems come back in userErrors, each naming its field.
mutation AddOfficial($input: CreateOfficialInput!) {
  createOfficial(input: $input) {
    official { id displayName country { name } positions { title startDate } updatedBy }
    userErrors { field message code }
  }
}
`,
      variables: json({
        input: {
          name: "Fahmi Fadzil",
          countryCode: "MY",
          positions: [{ title: "Minister of Communications", startDate: "2023-12-12" }],
        },
      }),
      headers: json(writeHeaders),
    },
  ];
}
