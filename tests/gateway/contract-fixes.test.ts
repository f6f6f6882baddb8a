import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { dataOf } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";

let fed: TestFederation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(() => fed?.close());

interface Count {
  totalCount: number;
}

describe("search as partners type it", () => {
  it("matches the last word as a prefix, so search-as-you-type finds words being typed", async () => {
    const data = dataOf<{ articles: Count; officials: { edges: { node: { name: string } }[] }; initiatives: Count }>(
      await fed.query(`{
        articles(filter: { search: "cyber" }) { totalCount }
        officials(filter: { search: "Raim" }) { edges { node { name } } }
        initiatives(filter: { search: "Digital Economy Blue" }) { totalCount }
      }`),
    );
    expect(data.articles.totalCount).toBe(1);
    expect(data.officials.edges.map((edge) => edge.node.name)).toEqual(["Gina Raimondo"]);
    expect(data.initiatives.totalCount).toBe(1);
  });

  it("keeps web-search syntax: a quoted phrase is not a prefix, -word excludes", async () => {
    const data = dataOf<{ phrase: Count; excluded: Count }>(
      await fed.query(`{
        phrase: articles(filter: { search: "\\"digital econ\\"" }) { totalCount }
        excluded: articles(filter: { search: "cybersecurity -Malaysia" }) { totalCount }
      }`),
    );
    expect(data).toEqual({ phrase: { totalCount: 0 }, excluded: { totalCount: 0 } });
  });

  it("refuses a search longer than 200 characters or 20 words as bad input naming it", async () => {
    const tooLong = await fed.query(`query($q: String!) { articles(filter: { search: $q }) { totalCount } }`, {
      q: "x".repeat(201),
    });
    const tooMany = await fed.query(`query($q: String!) { officials(filter: { search: $q }) { totalCount } }`, {
      q: Array.from({ length: 21 }, (_, i) => `w${i}`).join(" "),
    });
    for (const result of [tooLong, tooMany]) {
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.search" });
    }
  });
});

describe("first: 0", () => {
  it("reads the count alone: no edges, no next page, no cursors", async () => {
    const data = dataOf<{ officials: unknown }>(
      await fed.query(`{ officials(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor startCursor } } }`),
    );
    expect(data.officials).toEqual({
      totalCount: 2,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null, startCursor: null },
    });
  });
});

describe("organizations, linked both ways", () => {
  it("lists the organizations an article is about, and the articles about an organization", async () => {
    const data = dataOf<{
      article: { organizations: { acronym: string }[] };
      organization: { articles: { totalCount: number; edges: { node: { id: string } }[] } };
    }>(
      await fed.query(
        `query($article: ID!, $org: ID!) {
          article(id: $article) { organizations { acronym } }
          organization(id: $org) { articles { totalCount edges { node { id } } } }
        }`,
        { article: SEED.article, org: SEED.kkmm },
      ),
    );
    expect(data.article.organizations.map((o) => o.acronym).sort()).toEqual(["DOC", "KKMM"]);
    expect(data.organization.articles).toEqual({ totalCount: 1, edges: [{ node: { id: SEED.article } }] });
  });

  it("filters articles by organization and by event", async () => {
    const data = dataOf<Record<string, Count>>(
      await fed.query(
        `query($org: ID!, $event: ID!, $none: ID!) {
          byOrg: articles(filter: { organizationId: $org }) { totalCount }
          byEvent: articles(filter: { eventId: $event }) { totalCount }
          neither: articles(filter: { organizationId: $none }) { totalCount }
        }`,
        { org: SEED.kkmm, event: SEED.putrajayaMeeting, none: SEED.vna },
      ),
    );
    expect(data).toEqual({ byOrg: { totalCount: 1 }, byEvent: { totalCount: 1 }, neither: { totalCount: 0 } });
  });
});
