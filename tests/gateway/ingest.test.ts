import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { tokens } from "../helpers/identities.js";
import { dataOf } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";

let fed: TestFederation;
let token: string;
beforeAll(async () => {
  fed = await startFederation();
  token = await tokens.editor();
});
afterAll(() => fed?.close());

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  created userErrors { field message code }
  article { id headline publishedAt source { name code } dateline { place agency } photo { caption credit } url body
    officials { name } countries { code } initiatives { acronym } mentions { surfaceText kind start end confidence official { name } country { code } } } } }`;

const ingest = async (input: Record<string, unknown>) => dataOf<any>(await fed.query(INGEST, { input }, { token })).ingestArticle;

const NEW_STORY = ` date 2022-03-10 US Secretary of Commerce Gina Raimondo meets officials in Singapore. (Photo: vna.vn)

Singapore (VNA) - US Secretary of Commerce Gina Raimondo discussed the Malaysia Digital Economy Blueprint (MyDIGITAL) with officials from Singapore and Malaysia. More talks are planned.

Raimondo said the United States would deepen cooperation on cybersecurity with Japan./.`;

describe("ingestArticle: raw wire story → linked article", () => {
  it("recognizes the seed story as already ingested", async () => {
    const text = readFileSync(new URL("../../subgraphs/articles/seed/stories/000_7bd97e100af3bb16.txt", import.meta.url), "utf8");
    const result = await ingest({ text });
    expect(result).toMatchObject({ created: false, userErrors: [], article: { id: SEED.article } });
  });

  it("creates an article linked to the known officials, initiatives and countries it names, with exact mention offsets", async () => {
    const before = dataOf<any>(await fed.query(`{ articles { totalCount } }`)).articles.totalCount;
    const result = await ingest({ text: NEW_STORY, url: "https://example.org/raimondo-singapore" });
    expect(result.userErrors).toEqual([]);
    expect(result.created).toBe(true);
    const article = result.article;
    expect(article).toMatchObject({
      headline:
        "US Secretary of Commerce Gina Raimondo discussed the Malaysia Digital Economy Blueprint (MyDIGITAL) with officials from Singapore and Malaysia",
      publishedAt: "2022-03-10T00:00:00.000Z",
      source: { name: "Vietnam News Agency", code: "VNA" },
      dateline: { place: "Singapore", agency: "VNA" },
      photo: { credit: "vna.vn" },
      url: "https://example.org/raimondo-singapore",
      officials: [{ name: "Gina Raimondo" }],
      initiatives: [{ acronym: "MyDIGITAL" }],
    });
    expect(article.countries.map((c: any) => c.code).sort()).toEqual(["JP", "MY", "SG", "US"]);
    for (const mention of article.mentions) expect(article.body.slice(mention.start, mention.end)).toBe(mention.surfaceText);
    const raimondo = article.mentions.filter((m: any) => m.kind === "OFFICIAL");
    expect(raimondo.map((m: any) => [m.surfaceText, m.confidence])).toEqual([
      ["Gina Raimondo", 1],
      ["Raimondo", expect.closeTo(0.9, 5)],
    ]);
    expect(raimondo.every((m: any) => m.official.name === "Gina Raimondo")).toBe(true);
    expect(dataOf<any>(await fed.query(`{ articles { totalCount } }`)).articles.totalCount).toBe(before + 1);

    // Seen from the other subgraphs at once.
    const official = dataOf<any>(
      await fed.query(`query($id: ID!) { official(id: $id) { articles { totalCount } mentionCount } }`, { id: SEED.raimondo }),
    );
    expect(official.official).toEqual({ articles: { totalCount: 2 }, mentionCount: 4 });
  });

  it("is idempotent: the same story again (even with other line endings) is the same article, created: false", async () => {
    const first = await ingest({ text: NEW_STORY.replace(/\n/g, "\r\n") });
    expect(first.created).toBe(false);
    const again = await ingest({ text: NEW_STORY });
    expect(again.article.id).toBe(first.article.id);
    const matching = dataOf<any>(
      await fed.query(`query($search: String!) { articles(filter: { search: $search }) { totalCount } }`, {
        search: '"more talks are planned"',
      }),
    );
    expect(matching.articles.totalCount).toBe(1);
  });

  it("recognizes the same story re-wrapped or in decomposed Unicode", async () => {
    const rewrapped = NEW_STORY.replace("with officials from", "with officials\nfrom").normalize("NFD");
    const result = await ingest({ text: rewrapped });
    expect(result.created).toBe(false);
  });

  it("does not take capitalized words for country codes or acronyms", async () => {
    const story = ` date 2022-04-01 A caption.\n\nHà Nội (VNA) - The IT ministry and AI firms met JP Morgan. THEY TOLD US NO. Officials from the U.S. attended./.`;
    const result = await ingest({ text: story });
    expect(result.userErrors).toEqual([]);
    expect(result.article.dateline).toEqual({ place: "Hà Nội", agency: "VNA" });
    // Only "U.S." names a country here.
    expect(result.article.countries).toEqual([{ code: "US" }]);
    expect(result.article.mentions.map((m: any) => m.surfaceText)).toEqual(["U.S."]);
  });

  it("refuses text that is not a wire story, naming the field, and stores nothing", async () => {
    const before = dataOf<any>(await fed.query(`{ articles { totalCount } }`)).articles.totalCount;
    const impossibleDates = ["2024-13-01", "2023-02-31", "0000-06-01"].map((day) => NEW_STORY.replace("2022-03-10", day));
    for (const text of [
      "Just a paragraph, no date line.",
      " date 2022-01-01 Caption.\n\nNo dateline in this lead./.",
      "",
      ...impossibleDates,
    ]) {
      const result = await ingest({ text });
      expect(result.created).toBe(false);
      expect(result.article).toBeNull();
      expect(result.userErrors[0]).toMatchObject({ field: "input.text" });
    }
    const badUrl = await ingest({ text: NEW_STORY.replace("2022-03-10", "2022-03-11"), url: "javascript:alert(1)" });
    expect(badUrl.userErrors).toEqual([{ field: "input.url", code: "INVALID_FORMAT", message: expect.any(String) }]);
    expect(dataOf<any>(await fed.query(`{ articles { totalCount } }`)).articles.totalCount).toBe(before);
  });

  it("needs the articles:write scope", async () => {
    const result = await fed.query(INGEST, { input: { text: NEW_STORY } }, { token: await tokens.only("policy:write") });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
