import { DEVELOPMENT_GATEWAY_SECRET, GATEWAY_AUDIENCE, signIdentity } from "@newsfed/kit/identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { tokens } from "../helpers/identities.js";
import { entityCounts, graphOf, ingest, INGEST_MANY, type IngestManyPayload, kinds, SEED_STORY } from "../helpers/ingest.js";
import { type Connection, dataOf } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";
import { signDevelopmentToken } from "@newsfed/gateway";

let fed: TestFederation;
let token: string;
beforeAll(async () => {
  fed = await startFederation();
  token = await tokens.editor();
});
afterAll(() => fed?.close());

const NEW_STORY = ` date 2022-03-10 US Secretary of Commerce Gina Raimondo meets officials in Singapore. (Photo: vna.vn)

Singapore (VNA) - US Secretary of Commerce Gina Raimondo discussed the Malaysia Digital Economy Blueprint (MyDIGITAL) with officials from Singapore and Malaysia. More talks are planned.

Raimondo said the United States would deepen cooperation on cybersecurity with Japan./.`;

/** Two stories naming the same new official (Huynh Thanh Dat), to race. */
const DAT_MEETS = ` date 2022-05-10 Minister of Science and Technology Huynh Thanh Dat (right) meets the ambassador. (Photo: VNA)

Hanoi (VNA) - Minister of Science and Technology Huynh Thanh Dat received Australian Ambassador to Vietnam Andrew Goledzinowski in Hanoi on May 9, and the two sides agreed to boost cooperation in semiconductors and artificial intelligence.

Dat said Vietnam wants Australian universities to train more engineers in chip design./.`;
const DAT_LAUNCHES = ` date 2022-06-02 Minister of Science and Technology Huynh Thanh Dat at the launch. (Photo: VNA)

Hanoi (VNA) - Minister of Science and Technology Huynh Thanh Dat on June 1 launched the National Innovation Centre Programme, which aims to support 1,000 technology start-ups by 2025.

Dat said the programme would focus on artificial intelligence, the Internet of Things and semiconductors./.`;

const edit = async (query: string, variables: Record<string, unknown>) =>
  dataOf<unknown>(await fed.query(query, variables, { token }));
const officialsNamed = async (name: string) =>
  dataOf<{ officials: Connection<{ id: string; name: string }> }>(
    await fed.query(
      `query($names: [String!]!) { officials(filter: { names: $names }) { totalCount edges { node { id name } } } }`,
      {
        names: [name],
      },
    ),
  ).officials;

describe("ingestArticle: raw wire story → linked article", () => {
  it("recognizes the seed story as the seed's article, already linked as it would be now", async () => {
    const result = await ingest(fed, { text: SEED_STORY }, token);
    expect(result).toMatchObject({ created: false, status: "UNCHANGED", userErrors: [], article: { id: SEED.article } });
    expect(kinds(result.createdEntities)).toEqual([]);
  });

  it("creates an article linked to the known officials, initiatives and countries it names, with exact mention offsets", async () => {
    const before = await entityCounts(fed);
    const result = await ingest(fed, { text: NEW_STORY, url: "https://example.org/raimondo-singapore" }, token);
    expect(result).toMatchObject({ status: "CREATED", created: true, userErrors: [], skippedEntities: [] });
    const article = dataOf<{
      article: {
        body: string;
        mentions: {
          surfaceText: string;
          kind: string;
          start: number;
          end: number;
          confidence: number;
          official: { name: string } | null;
        }[];
      } | null;
    }>(
      await fed.query(
        `query($id: ID!) { article(id: $id) { headline slug publishedAt url body source { name code } dateline { place agency } photo { credit }
          officials { name } initiatives { acronym } countries { code }
          mentions { surfaceText kind start end confidence official { name } } } }`,
        { id: result.article!.id },
      ),
    ).article!;
    expect(article).toMatchObject({
      headline: "US Secretary Gina Raimondo discussed the Malaysia Digital Economy Blueprint",
      slug: "us-secretary-gina-raimondo-discussed-the-malaysia-digital-economy-blueprint",
      publishedAt: "2022-03-10T00:00:00.000Z",
      source: { name: "Vietnam News Agency", code: "VNA" },
      dateline: { place: "Singapore", agency: "VNA" },
      photo: { credit: "vna.vn" },
      url: "https://example.org/raimondo-singapore",
      officials: [{ name: "Gina Raimondo" }],
      initiatives: [{ acronym: "MyDIGITAL" }],
      countries: [{ code: "US" }, { code: "SG" }, { code: "MY" }, { code: "JP" }],
    });
    for (const mention of article.mentions) expect(article.body.slice(mention.start, mention.end)).toBe(mention.surfaceText);
    const raimondo = article.mentions.filter((m) => m.kind === "OFFICIAL");
    expect(raimondo.map((m) => [m.surfaceText, m.confidence, m.official!.name])).toEqual([
      ["Gina Raimondo", 1, "Gina Raimondo"],
      ["Raimondo", expect.closeTo(0.9, 5), "Gina Raimondo"],
    ]);
    // Nothing new in the other subgraphs: everything it names was known.
    expect(await entityCounts(fed)).toEqual({ ...before, articles: before.articles + 1 });
    const official = dataOf<{ official: unknown }>(
      await fed.query(`query($id: ID!) { official(id: $id) { articles { totalCount } mentionCount } }`, { id: SEED.raimondo }),
    );
    expect(official.official).toEqual({ articles: { totalCount: 2 }, mentionCount: 4 });
  });

  it("is one story whatever the form: line endings, re-wrapping, decomposed Unicode, without its closing /., another caption", async () => {
    const first = await ingest(fed, { text: NEW_STORY }, token);
    const variants = [
      NEW_STORY.replace(/\n/g, "\r\n"),
      NEW_STORY.replace("with officials from", "with officials\nfrom"),
      NEW_STORY.normalize("NFD"),
      NEW_STORY.replace(/\/\.$/, ""),
      NEW_STORY.replace("meets officials in Singapore.", "at a briefing."),
    ];
    for (const text of variants) {
      const again = await ingest(fed, { text }, token);
      expect({ status: again.status, id: again.article!.id }).toEqual({ status: "UNCHANGED", id: first.article!.id });
    }
    const matching = dataOf<{ articles: { totalCount: number } }>(
      await fed.query(`query($search: String!) { articles(filter: { search: $search }) { totalCount } }`, {
        search: '"more talks are planned"',
      }),
    );
    expect(matching.articles.totalCount).toBe(1);
  });

  it("treats another text at the same url as the same story, corrected: updated in place, keeping id and slug", async () => {
    const url = "https://example.org/vna/corrected";
    const original = NEW_STORY.replace("2022-03-10", "2022-03-11").replace("More talks are planned.", "A second round is due.");
    const first = await ingest(fed, { text: original, url }, token);
    expect(first.status).toBe("CREATED");
    const corrected = original.replace("deepen cooperation on cybersecurity", "deepen cooperation on cybersecurity and 5G");
    const second = await ingest(fed, { text: corrected, url }, token);
    expect(second).toMatchObject({
      status: "UPDATED",
      created: false,
      article: { id: first.article!.id, slug: first.article!.slug, url },
    });
    const body = dataOf<{ article: { body: string; themes: string[] } | null }>(
      await fed.query(`query($id: ID!) { article(id: $id) { body themes } }`, { id: first.article!.id }),
    ).article!;
    expect(body.body).toContain("cybersecurity and 5G");
    expect(body.themes).toContain("TELECOMMUNICATIONS_5G");
    // The corrected text is now that story: sending it again is a repeat.
    expect((await ingest(fed, { text: corrected, url }, token)).status).toBe("UNCHANGED");
  });

  it("does not take capitalized words for country codes or acronyms", async () => {
    const story = ` date 2022-04-01 A caption.\n\nHà Nội (VNA) - The IT ministry and AI firms met JP Morgan. THEY TOLD US NO. Officials from the U.S. attended./.`;
    const result = await ingest(fed, { text: story }, token);
    expect(result.userErrors).toEqual([]);
    const article = dataOf<{ article: { dateline: unknown; countries: unknown; mentions: unknown } | null }>(
      await fed.query(
        `query($id: ID!) { article(id: $id) { dateline { place } countries { code } mentions { surfaceText kind } } }`,
        {
          id: result.article!.id,
        },
      ),
    ).article!;
    expect(article.dateline).toEqual({ place: "Hà Nội" });
    expect(article.countries).toEqual([{ code: "US" }]);
    expect(article.mentions).toEqual([{ surfaceText: "U.S.", kind: "COUNTRY" }]);
  });

  it("refuses what is not a story, naming the field, and stores nothing anywhere", async () => {
    const before = await entityCounts(fed);
    const bad: [string, string, string][] = [
      ["", "input.text", "REQUIRED"],
      ["Just a paragraph, no date line.", "input.text", "INVALID_FORMAT"],
      [
        " date 2022-01-01 Caption.\n\nNo dateline in this lead, Minister of Trade Tran Tuan Anh said./.",
        "input.text",
        "INVALID_FORMAT",
      ],
      [" date 2022-01-01 Caption.\n\nHanoi (VNA) - Too short./.", "input.text", "INVALID_FORMAT"],
      [DAT_MEETS.replace("date 2022-05-10", "date 2099-05-10"), "input.text", "IN_FUTURE"],
      [`${DAT_MEETS}\u0001\u0007${"\uFFFD".repeat(3)}`, "input.text", "INVALID_FORMAT"],
      [`${DAT_MEETS} ${"x".repeat(200_000)}`, "input.text", "TOO_LONG"],
      ...["2024-13-01", "2023-02-31", "0000-06-01"].map((day): [string, string, string] => [
        DAT_MEETS.replace("2022-05-10", day),
        "input.text",
        "INVALID_FORMAT",
      ]),
    ];
    for (const [text, field, code] of bad) {
      const result = await ingest(fed, { text }, token);
      expect({ status: result.status, created: result.created, article: result.article, error: result.userErrors[0] }).toEqual({
        status: "REFUSED",
        created: false,
        article: null,
        error: { field, code, message: expect.any(String) },
      });
    }
    const badUrl = await ingest(fed, { text: DAT_MEETS, url: "javascript:alert(1)" }, token);
    expect(badUrl.userErrors).toEqual([{ field: "input.url", code: "INVALID_FORMAT", message: expect.any(String) }]);
    // Not an article, and no official, organization, initiative or event either.
    expect(await entityCounts(fed)).toEqual(before);
  });

  it("needs the articles:write scope", async () => {
    const result = await fed.query(
      `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { created } }`,
      { input: { text: NEW_STORY } },
      { token: await tokens.only("policy:write") },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("ingestion on behalf of the caller", () => {
  const STORY = ` date 2022-07-05 Minister of Industry and Trade Nguyen Hong Dien. (Photo: VNA)

Hanoi (VNA) - Minister of Industry and Trade Nguyen Hong Dien met Singaporean Minister for Trade and Industry Gan Kim Yong in Hanoi on July 4, and the two ministers agreed to expand trade in renewable energy.

Dien said Vietnam would also work with Malaysia on semiconductors./.`;

  it("stores the article for a caller without officials:write or policy:write, links what exists and reports what it could not create", async () => {
    const before = await entityCounts(fed);
    const limited = await signDevelopmentToken({ subject: "limited-editor", scopes: ["articles:write"] });
    const result = await ingest(fed, { text: STORY }, limited);
    expect(result.status).toBe("CREATED");
    expect(kinds(result.createdEntities)).toEqual([]);
    expect(result.skippedEntities.map((s) => [s.kind, s.name, s.reason])).toEqual([
      ["OFFICIAL", "Nguyen Hong Dien", "FORBIDDEN"],
      ["OFFICIAL", "Gan Kim Yong", "FORBIDDEN"],
      ["ORGANIZATION", "Ministry of Industry and Trade", "FORBIDDEN"],
      ["ORGANIZATION", "Ministry of Trade and Industry", "FORBIDDEN"],
      ["POLICY_EVENT", "Nguyen Hong Dien meets Gan Kim Yong in Hanoi", "INCOMPLETE"],
    ]);
    expect(result.skippedEntities[0]!.message).toMatch(/officials:write/);
    const graph = await graphOf(fed, result.article!.id);
    expect(graph.officials).toEqual([]);
    expect(graph.countries).toEqual(["SG", "VN", "MY"]);
    // The names stay mentions without a link, never a guessed one.
    expect(graph.mentions.filter((m) => m.includes("OFFICIAL"))).toEqual([
      "Nguyen Hong Dien OFFICIAL→- 1.00",
      "Gan Kim Yong OFFICIAL→- 1.00",
      "Dien OFFICIAL→- 0.90",
    ]);
    expect(await entityCounts(fed)).toEqual({ ...before, articles: before.articles + 1 });

    // The catalogue grows (an editor creates the official); the same text again relinks the article.
    await edit(`mutation($input: CreateOfficialInput!) { createOfficial(input: $input) { official { id } } }`, {
      input: { name: "Nguyen Hong Dien", countryCode: "VN", positions: [{ title: "Minister of Industry and Trade" }] },
    });
    const again = await ingest(fed, { text: STORY }, limited);
    expect({ status: again.status, id: again.article!.id }).toEqual({ status: "RELINKED", id: result.article!.id });
    const relinked = await graphOf(fed, result.article!.id);
    expect(relinked.officials).toEqual(["Nguyen Hong Dien (VN): Minister of Industry and Trade"]);
    expect(relinked.mentions.filter((m) => m.includes("OFFICIAL"))).toEqual([
      "Nguyen Hong Dien OFFICIAL→Nguyen Hong Dien 1.00",
      "Gan Kim Yong OFFICIAL→- 1.00",
      "Dien OFFICIAL→Nguyen Hong Dien 0.90",
    ]);
    expect((await ingest(fed, { text: STORY }, limited)).status).toBe("UNCHANGED");
  });

  it("teaches a known official the new name forms (of several words) a story uses", async () => {
    const story = ` date 2022-10-12 A caption. (Photo: Bernama)

Kuala Lumpur (Bernama) - Datuk Seri Annuar Musa said on October 11 that Malaysia would expand its data centres and submarine cables.

Annuar said investors from Japan had shown interest./.`;
    const result = await ingest(fed, { text: story }, token);
    expect(kinds(result.linkedEntities)).toContain("OFFICIAL Annuar Musa");
    const annuar = dataOf<{ official: { otherNames: string[] } | null }>(
      await fed.query(`query($id: ID!) { official(id: $id) { otherNames } }`, { id: SEED.annuar }),
    ).official!;
    expect(annuar.otherNames).toEqual(["Annuar", "Annuar bin Musa", "Tan Sri Annuar", "Datuk Seri Annuar Musa"]);
  });

  it("accepts a subgraph's delegated identity only when signed for the gateway with the shared secret", async () => {
    const mallory = { subject: "mallory", scopes: ["officials:write"] };
    const create = (identityHeader: string) =>
      fed.query<{ createOfficial: { official: { updatedBy: string } | null } }>(
        `mutation { createOfficial(input: { name: "Delegated Probe" }) { official { updatedBy } } }`,
        undefined,
        { identityHeader },
      );
    for (const header of [
      await signIdentity(mallory, "not-the-shared-secret-at-all", GATEWAY_AUDIENCE),
      await signIdentity(mallory, DEVELOPMENT_GATEWAY_SECRET, "officials"),
      await signIdentity(mallory, DEVELOPMENT_GATEWAY_SECRET, GATEWAY_AUDIENCE, Date.now() - 3_600_000),
      "not.a-signature",
    ]) {
      expect((await create(header)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    expect((await officialsNamed("Delegated Probe")).totalCount).toBe(0);
    const signed = await create(await signIdentity(mallory, DEVELOPMENT_GATEWAY_SECRET, GATEWAY_AUDIENCE));
    expect(signed.data?.createOfficial.official!.updatedBy).toBe("mallory");
    // The delegated identity carries its scopes and no more.
    const policy = await fed.query(
      `mutation { createPolicyInitiative(input: { name: "Delegated Plan", status: PROPOSED }) { initiative { id } } }`,
      undefined,
      { identityHeader: await signIdentity(mallory, DEVELOPMENT_GATEWAY_SECRET, GATEWAY_AUDIENCE) },
    );
    expect(policy.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("namesakes in other countries", () => {
  it("creates the official and ministry a story names in its country instead of linking another country's namesakes", async () => {
    const story = (day: string, place: string, demonym: string) => ` date 2023-05-${day} Talks in ${place}. (Photo: VNA)

${place} (VNA) - ${demonym} Minister of Energy Arif Wibisono met investors in ${place} on May ${Number(day) - 1} to discuss power grids.

Wibisono said more investment would follow./.`;
    const thai = await ingest(fed, { text: story("10", "Bangkok", "Thai") }, token);
    const indonesian = await ingest(fed, { text: story("12", "Jakarta", "Indonesian") }, token);
    expect([thai.status, indonesian.status]).toEqual(["CREATED", "CREATED"]);
    // Same name, another stated country: another person and another ministry, both created, nothing linked across.
    expect(kinds(indonesian.createdEntities).sort()).toEqual(["OFFICIAL Arif Wibisono", "ORGANIZATION Ministry of Energy"]);
    expect((await officialsNamed("Arif Wibisono")).totalCount).toBe(2);
    expect((await graphOf(fed, thai.article!.id)).officials).toEqual([
      expect.stringMatching(/^Arif Wibisono \(TH\): Minister of Energy @ Ministry of Energy/),
    ]);
    expect((await graphOf(fed, indonesian.article!.id)).officials).toEqual([
      expect.stringMatching(/^Arif Wibisono \(ID\): Minister of Energy @ Ministry of Energy/),
    ]);
    // A third story about the Thai minister links him again.
    const again = await ingest(fed, { text: story("14", "Bangkok", "Thai").replace("power grids", "solar farms") }, token);
    expect(kinds(again.createdEntities)).toEqual([]);
    expect(kinds(again.linkedEntities)).toEqual(
      expect.arrayContaining(["OFFICIAL Arif Wibisono", "ORGANIZATION Ministry of Energy"]),
    );
  });
});

describe("keyed, idempotent steps", () => {
  it("creates a new official once when two stories naming them are ingested at the same time by one caller", async () => {
    const [a, b] = await Promise.all([ingest(fed, { text: DAT_MEETS }, token), ingest(fed, { text: DAT_LAUNCHES }, token)]);
    expect([a.status, b.status]).toEqual(["CREATED", "CREATED"]);
    const dat = await officialsNamed("Huynh Thanh Dat");
    expect(dat.totalCount).toBe(1);
    for (const result of [a, b]) {
      const graph = await graphOf(fed, result.article!.id);
      expect(graph.officials[0]).toMatch(
        /^Huynh Thanh Dat \(VN\): Minister of Science and Technology @ Ministry of Science and Technology/,
      );
    }
    // Both keyed creates carried the same idempotency key (from the natural key, not the story): the second was answered
    // with the first's official as a replay, so one payload lists it as created and the other as linked.
    const created = [a, b].flatMap((r) => kinds(r.createdEntities)).filter((k) => k.startsWith("OFFICIAL Huynh"));
    const linked = [a, b].flatMap((r) => kinds(r.linkedEntities)).filter((k) => k.startsWith("OFFICIAL Huynh"));
    expect(created).toHaveLength(1);
    expect(linked).toHaveLength(1);
  });

  it("creates it once when two different callers race (the owner refuses the second as a duplicate natural key)", async () => {
    const story = (day: string, place: string) => ` date 2022-08-${day} A caption. (Photo: VNA)

${place} (VNA) - Philippine Secretary of Trade and Industry Alfredo Pascual met investors in ${place} on August ${Number(day) - 1} to discuss semiconductors and data centres.

Pascual said more investment would follow./.`;
    const [alice, bob] = await Promise.all([
      signDevelopmentToken({ subject: "alice" }),
      signDevelopmentToken({ subject: "bob" }),
    ]);
    const [a, b] = await Promise.all([
      ingest(fed, { text: story("11", "Manila") }, alice),
      ingest(fed, { text: story("12", "Cebu") }, bob),
    ]);
    expect([a.status, b.status]).toEqual(["CREATED", "CREATED"]);
    const pascual = await officialsNamed("Alfredo Pascual");
    expect(pascual.totalCount).toBe(1);
    const linkedIds = [a, b].map(
      (r) => [...r.createdEntities, ...r.linkedEntities].find((e) => e.kind === "OFFICIAL")!.official!.id,
    );
    expect(linkedIds).toEqual([pascual.edges[0]!.node.id, pascual.edges[0]!.node.id]);
  });

  it("stores one article when the same new story arrives twice at once", async () => {
    const text = DAT_MEETS.replace("2022-05-10", "2022-05-12").replace("on May 9", "on May 11");
    const [a, b] = await Promise.all([ingest(fed, { text }, token), ingest(fed, { text }, token)]);
    expect([a.status, b.status].sort()).toEqual(["CREATED", "UNCHANGED"]);
    expect(a.article!.id).toBe(b.article!.id);
  });

  it("completes a story after a failure midway without duplicates: the retry finds what the first attempt created", async () => {
    const text = ` date 2022-09-21 Minister of Finance Ho Duc Phoc meets the delegation. (Photo: VNA)

Hanoi (VNA) - Minister of Finance Ho Duc Phoc received Japanese Ambassador to Vietnam Yamada Takio in Hanoi on September 20, and the two sides agreed to expand cooperation on investment in data centres.

Phoc said Vietnam welcomed Japanese investors./.`;
    const before = await entityCounts(fed);
    // The policy subgraph fails the events' creation: officials and organizations are created, the rest is not.
    fed.sources.policy.failIf = (query) => query.includes("createPolicyEvent");
    let first: Awaited<ReturnType<typeof ingest>> | undefined;
    try {
      first = await ingest(fed, { text }, token);
    } finally {
      fed.sources.policy.failIf = null;
    }
    expect(first).toMatchObject({ status: "REFUSED", article: null, userErrors: [{ field: null, code: "UNAVAILABLE" }] });
    const midway = await entityCounts(fed);
    expect(midway).toEqual({ ...before, officials: before.officials + 2, organizations: before.organizations + 1 });

    const retry = await ingest(fed, { text }, token);
    expect(retry.status).toBe("CREATED");
    expect(await entityCounts(fed)).toEqual({ ...midway, articles: before.articles + 1, events: before.events + 1 });
    const graph = await graphOf(fed, retry.article!.id);
    expect(graph.events).toEqual([
      'MEETING 2022-09-20 "Ho Duc Phoc meets Yamada Takio in Hanoi" at Hanoi/VN; with Ho Duc Phoc, Yamada Takio; VN JP; AGREED_IN_PRINCIPLE [INVESTMENT, DATA_CENTRES]',
    ]);
    // A third time: the same story, unchanged.
    expect((await ingest(fed, { text }, token)).status).toBe("UNCHANGED");
    expect(await entityCounts(fed)).toEqual({ ...midway, articles: before.articles + 1, events: before.events + 1 });
  });
});

describe("ingestArticles: many stories in one request", () => {
  it("answers one result per story, in order; a refused story does not stop the others", async () => {
    const fresh = NEW_STORY.replace("2022-03-10", "2022-03-20").replace("More talks are planned.", "Talks resume in April.");
    const data = dataOf<{ ingestArticles: IngestManyPayload }>(
      await fed.query(
        INGEST_MANY,
        { inputs: [{ text: fresh }, { text: fresh.replace(/\/\.$/, "") }, { text: "not a story" }] },
        { token },
      ),
    ).ingestArticles;
    expect(data.userErrors).toEqual([]);
    expect(data.results.map((r) => [r.status, r.userErrors.map((e) => e.code)])).toEqual([
      ["CREATED", []],
      ["UNCHANGED", []],
      ["REFUSED", ["INVALID_FORMAT"]],
    ]);
    expect(data.results[0]!.article!.id).toBe(data.results[1]!.article!.id);
  });

  it("takes at most 100 stories", async () => {
    const data = dataOf<{ ingestArticles: IngestManyPayload }>(
      await fed.query(INGEST_MANY, { inputs: Array.from({ length: 101 }, () => ({ text: "x" })) }, { token }),
    ).ingestArticles;
    expect(data).toEqual({
      results: [],
      userErrors: [{ field: "inputs", code: "TOO_MANY", message: expect.stringMatching(/at most 100/) }],
    });
  });
});
