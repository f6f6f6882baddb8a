import { SEED_KEYS } from "./seed-keys.js";

/** A tab of the IDE: an operation with its variables and headers (JSON text, as GraphiQL edits them). */
export interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** A wire story in the seed's format (another stop of the seed story's trip), for the "Ingest a story" tab. */
export const INGEST_EXAMPLE_STORY = ` date 2021-11-17 US Secretary of Commerce Gina Raimondo and Singapore's Minister for Trade and Industry Gan Kim Yong at the Ministry of Trade and Industry on November 16. (Photo: MTI)

Singapore (VNA) - Singapore and the US have agreed to deepen cooperation on the digital economy, supply chain resilience and clean energy, Singapore's Ministry of Trade and Industry (MTI) said on November 17.

The two sides reached the agreement during talks between Singapore's Minister for Trade and Industry Gan Kim Yong and visiting US Secretary of Commerce Gina Raimondo in Singapore on November 16.

Gan said the two countries would launch a US-Singapore Partnership for Growth and Innovation (PGI) to deepen economic ties in areas such as the digital economy, energy and environment, advanced manufacturing and healthcare.

Raimondo said American companies see Singapore as a gateway to Southeast Asia./.`;

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
      query: `# Ingest a story: a raw wire story in, a linked graph out. The story goes in as it is, in a block string (no
# escaping needed). The officials, organizations, initiatives, countries, places and events it names are found by name;
# new ones are created on your behalf (officials:write, policy:write; see the Headers tab), and the payload says what
# was created, what was linked and what was left out. Run it twice: the same story is the same article (UNCHANGED).
mutation IngestAStory {
  ingestArticle(input: {
    url: "https://example.org/vna/2021-11-17/singapore-us-digital-economy"
    text: """
${INGEST_EXAMPLE_STORY}
"""
  }) {
    status
    created
    article {
      headline
      slug
      officials { displayName country { code } currentPosition { title organization { name } } }
      initiatives { name acronym }
      events { kind title startDate location { name } parent { title } participants { displayName } outcomes { statement status themes } }
      mentions { surfaceText kind confidence }
    }
    createdEntities { kind name }
    linkedEntities { kind name }
    skippedEntities { kind name reason message }
    userErrors { field message code }
  }
}
`,
      headers: json(writeHeaders),
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
