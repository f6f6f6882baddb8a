import { expectWritten } from "@newsfed/kit/writes";
import { EDITOR } from "../helpers/identities.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectAllPages } from "../helpers/paging.js";
import { dataOf } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";
import { startSubgraph, type TestSubgraph } from "../helpers/subgraph.js";

let articles: TestSubgraph<"articles">;
beforeAll(async () => {
  articles = await startSubgraph("articles");
});
afterAll(() => articles?.close());

const SLUG = "malaysia-us-agree-to-enhance-cooperation-in-cybersecurity-digital-economy";

describe("articles subgraph", () => {
  it("serves the seed article with its source, dateline, photo and full text", async () => {
    const data = dataOf<{
      articleBySlug: {
        summary: string | null;
        body: string;
        themes: string[];
        photo: { caption: string; credit: string | null } | null;
      } | null;
    }>(
      await articles.query(
        `query($slug: String!) { articleBySlug(slug: $slug) { id slug headline summary body publishedAt url
        source { name code } dateline { place agency } photo { caption credit } themes } }`,
        { slug: SLUG },
      ),
    );
    const article = data.articleBySlug!;
    expect(article).toMatchObject({
      id: SEED.article,
      publishedAt: "2021-11-19T00:00:00.000Z",
      url: null,
      source: { name: "Vietnam News Agency", code: "VNA" },
      dateline: { place: "Kuala Lumpur", agency: "VNA" },
      photo: { credit: "bernama.com" },
    });
    expect(article.photo!.caption).toMatch(
      /^Malaysia’s Communications and Multimedia Minister Tan Sri Annuar Musa .* on November 18\.$/,
    );
    expect(article.body.startsWith("Malaysia and the US have agreed to enhance cooperation")).toBe(true);
    expect(article.body.endsWith("in Japan, Singapore and Malaysia.")).toBe(true);
    expect(article.body.split("\n\n")).toHaveLength(8);
    expect(article.summary).toBe(article.body.split("\n\n")[0]);
    expect(article.themes).toEqual(expect.arrayContaining(["CYBERSECURITY", "DIGITAL_ECONOMY", "TECHNOLOGY_TRANSFER"]));
  });

  it("links the article to officials, initiatives, countries and events by key", async () => {
    const data = dataOf<{ article: unknown }>(
      await articles.query(
        `query($id: ID!) { article(id: $id) { officials { id } initiatives { id } countries { code } events { id } } }`,
        {
          id: SEED.article,
        },
      ),
    );
    expect(data.article).toEqual({
      officials: [{ id: SEED.annuar }, { id: SEED.raimondo }],
      initiatives: [{ id: SEED.myDigital }, { id: SEED.fiveG }],
      countries: [{ code: "MY" }, { code: "US" }, { code: "JP" }, { code: "SG" }],
      events: [{ id: SEED.putrajayaMeeting }, { id: SEED.asiaVisit }],
    });
  });

  it("finds articles with full-text search (stemmed) and filters, and nothing for a miss", async () => {
    const total = async (args: string) =>
      dataOf<{ articles: { totalCount: number } }>(await articles.query(`{ articles(${args}) { totalCount } }`)).articles
        .totalCount;
    expect(await total(`filter: { search: "cybersecurity" }`)).toBe(1);
    expect(await total(`filter: { search: "submarine cable" }`)).toBe(1);
    expect(await total(`filter: { search: "\\"technology transfer\\"" }`)).toBe(1);
    expect(await total(`filter: { search: "\\"cybersecurity treaty\\"" }`)).toBe(0);
    expect(await total(`filter: { search: "transfer of technology" }`)).toBe(1);
    expect(await total(`filter: { search: "semiconductors" }`)).toBe(0);
    expect(await total(`filter: { from: "2021-11-19", to: "2021-11-19" }`)).toBe(1);
    expect(await total(`filter: { to: "2021-11-18" }`)).toBe(0);
    expect(await total(`filter: { theme: CYBERSECURITY, officialId: "${SEED.raimondo}" }`)).toBe(1);
    expect(await total(`filter: { theme: SEMICONDUCTORS }`)).toBe(0);
    expect(await total(`filter: { initiativeId: "${SEED.myDigital}", countryCode: "sg" }`)).toBe(1);
    expect(await total(`filter: { countryCode: "VN" }`)).toBe(0);
  });

  it("orders by relevance when searching and by date otherwise, paging each order exactly once", async () => {
    const ctx = articles.context(EDITOR);
    const bodies = ["cybersecurity cybersecurity cybersecurity pact", "a note on trade", "cybersecurity once", "more trade news"];
    for (const [i, body] of bodies.entries()) {
      await expectWritten(
        ctx.articles.writes.create({
          headline: `Story ${i}`,
          body,
          publishedAt: new Date(Date.UTC(2023, 0, 10 - i)),
          source: { name: "Test Wire" },
        }),
      );
    }
    const query = `query($after: String, $filter: ArticleFilterInput, $orderBy: ArticleOrder) {
      articles(first: 1, after: $after, filter: $filter, orderBy: $orderBy) {
        totalCount edges { node { headline publishedAt } } pageInfo { hasNextPage endCursor } } }`;
    type Node = { headline: string; publishedAt: string };
    const newest = await collectAllPages<Node>(articles, query, "articles");
    expect(newest.totalCount).toBe(5);
    expect(newest.nodes.map((n) => n.headline)).toEqual([
      "Story 0",
      "Story 1",
      "Story 2",
      "Story 3",
      expect.stringMatching(/^Malaysia/),
    ]);
    const oldest = await collectAllPages<Node>(articles, query, "articles", { orderBy: "PUBLISHED_AT_ASC" });
    expect(oldest.nodes.map((n) => n.headline)).toEqual([...newest.nodes.map((n) => n.headline)].reverse());
    const ranked = await collectAllPages<Node>(articles, query, "articles", { filter: { search: "cybersecurity" } });
    expect(ranked.totalCount).toBe(3);
    // A headline match outranks body matches; three body matches outrank one.
    expect(ranked.nodes.map((n) => n.headline)).toEqual([expect.stringMatching(/^Malaysia/), "Story 0", "Story 2"]);
  });

  it("pages RELEVANCE without a search as newest first, and refuses tampered cursors as bad input", async () => {
    const query = `query($after: String) { articles(first: 1, after: $after, orderBy: RELEVANCE) { edges { node { publishedAt } } pageInfo { endCursor hasNextPage } } }`;
    const { nodes } = await collectAllPages<{ publishedAt: string }>(
      articles,
      query.replace("edges {", "totalCount edges {"),
      "articles",
    );
    const dates = nodes.map((n) => n.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const forged = Buffer.from(JSON.stringify(["articles:published-desc", "not-a-date", "x"])).toString("base64url");
    const result = await articles.query(query, { after: forged });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
  });

  it("refuses a relevance cursor of the rounded ranks issued before 2026-11-28 as bad input (PARTNERS.md)", async () => {
    const query = `query($after: String) { articles(first: 1, after: $after, filter: { search: "cybersecurity" }) { edges { node { headline } } } }`;
    const issued = dataOf<{ articles: { edges: unknown[] } }>(await articles.query(query, { after: null }));
    expect(issued.articles.edges).toHaveLength(1);
    const older = Buffer.from(JSON.stringify(["articles:rank", "0.060793", SEED.article])).toString("base64url");
    const result = await articles.query(query, { after: older });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    expect(result.errors?.[0]?.message).toMatch(/another order/);
  });

  it("contributes articles and mention counts to other subgraphs' entities", async () => {
    const data = dataOf<{ _entities: unknown[] }>(
      await articles.query(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Official { mentionCount articles { totalCount } }
          ... on Country { articles { totalCount } }
          ... on PolicyInitiative { articles { edges { node { id } } } }
          ... on PolicyEvent { articles { totalCount } }
          ... on Article { headline } } }`,
        {
          r: [
            { __typename: "Official", id: SEED.annuar },
            { __typename: "Article", id: SEED.article },
            { __typename: "Article", id: "unknown" },
            { __typename: "Country", code: "JP" },
            { __typename: "PolicyInitiative", id: SEED.fiveG },
            { __typename: "PolicyEvent", id: SEED.asiaVisit },
            { __typename: "Official", id: "unknown" },
          ],
        },
      ),
    );
    // "Tan Sri Annuar Musa" once, "Annuar" twice more.
    expect(data._entities).toEqual([
      { mentionCount: 3, articles: { totalCount: 1 } },
      { headline: expect.stringMatching(/^Malaysia, US agree/) },
      null,
      { articles: { totalCount: 1 } },
      { articles: { edges: [{ node: { id: SEED.article } }] } },
      { articles: { totalCount: 1 } },
      { mentionCount: 0, articles: { totalCount: 0 } },
    ]);
  });

  it("declares Federation 2 in its SDL, referencing other subgraphs' entities by key", async () => {
    const sdl = dataOf<{ _service: { sdl: string } }>(await articles.query(`{ _service { sdl } }`))._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Article\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Official\s+@key\(fields: "id"\)\s*\{[^}]*id: ID!/);
  });
});
