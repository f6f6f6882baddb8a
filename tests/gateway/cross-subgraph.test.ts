import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { CONTRACT_EXAMPLE, type ContractExampleData } from "../helpers/queries.js";
import { type Connection, dataOf } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";

let fed: TestFederation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(() => fed?.close());

describe("one request across all three subgraphs", () => {
  it("tells the post held today (none for the seed's officials) from the latest one", async () => {
    const data = dataOf<{ official: unknown }>(
      await fed.query(
        `query($id: ID!) { official(id: $id) { currentPosition { title } latestPosition { title isCurrent endDate organization { name } } } }`,
        { id: SEED.annuar },
      ),
    );
    expect(data.official).toEqual({
      currentPosition: null,
      latestPosition: {
        title: "Minister of Communications and Multimedia",
        isCurrent: false,
        endDate: "2022-11-24",
        organization: { name: "Ministry of Communications and Multimedia" },
      },
    });
    const raimondo = dataOf<{ official: { latestPosition: { title: string } | null } | null }>(
      await fed.query(`query($id: ID!) { official(id: $id) { latestPosition { title } } }`, { id: SEED.raimondo }),
    );
    expect(raimondo.official!.latestPosition!.title).toBe("Secretary of Commerce");
  });

  it("answers currentPosition with the post held today when there is one", async () => {
    const editor = fed.context("officials", { identity: { subject: "test-editor", scopes: ["officials:write"] } });
    const { entity } = await editor.officials.writes.create({
      name: "Serving Minister",
      positions: [
        { title: "Former Deputy Minister", startDate: "2015-01-01", endDate: "2019-12-31" },
        { title: "Minister of Digital", organizationId: SEED.kkmm, startDate: "2020-01-01" },
      ],
    });
    const data = dataOf<{ official: unknown }>(
      await fed.query(`query($id: ID!) { official(id: $id) { currentPosition { title isCurrent } latestPosition { title } } }`, {
        id: entity!.id,
      }),
    );
    expect(data.official).toEqual({
      currentPosition: { title: "Minister of Digital", isCurrent: true },
      latestPosition: { title: "Minister of Digital" },
    });
    await editor.officials.writes.delete(entity!.id);
  });

  it("answers the contract's example with the seed's officials, posts, countries, initiatives and outcome", async () => {
    const data = dataOf<ContractExampleData>(await fed.query(CONTRACT_EXAMPLE));
    expect(data.articles.totalCount).toBe(1);
    const article = data.articles.edges[0]!.node;
    expect(article.headline).toMatch(/Malaysia, US/);
    expect(article.publishedAt).toBe("2021-11-19T00:00:00.000Z");

    const byName = Object.fromEntries(article.officials!.map((o) => [o.displayName, o]));
    expect(Object.keys(byName).sort()).toEqual(["Gina Raimondo", "Tan Sri Annuar Musa"]);
    // Both left those posts (2022-11-24 and 2025-01-20): neither holds one today.
    expect(byName["Tan Sri Annuar Musa"]!.currentPosition).toBeNull();
    expect(byName["Gina Raimondo"]!.currentPosition).toBeNull();
    expect(byName["Tan Sri Annuar Musa"]!.country).toEqual({ name: "Malaysia" });
    expect(byName["Gina Raimondo"]!.country).toEqual({ name: "United States" });

    const initiatives = byName["Tan Sri Annuar Musa"]!.initiatives!;
    expect(initiatives.totalCount).toBe(2);
    expect(initiatives.edges.map((e) => e.node.acronym)).toContain("MyDIGITAL");
    expect(byName["Gina Raimondo"]!.initiatives!.totalCount).toBe(0);

    const meeting = article.events!.find((e) => e.startDate === "2021-11-18")!;
    expect(meeting.location).toEqual({ name: "Putrajaya" });
    expect(meeting.outcomes[0]).toMatchObject({ status: "AGREED_IN_PRINCIPLE" });
    expect(meeting.outcomes[0]!.statement).toMatch(
      /enhance cooperation in cybersecurity, digital economy and technology transfer/,
    );
  });

  it("goes the other way: an official's articles, timeline and initiatives", async () => {
    type TimelineEvent = {
      kind: string;
      title: string;
      startDate: string;
      endDate: string | null;
      parent: { kind: string } | null;
      children: { title: string }[];
    };
    const data = dataOf<{
      official: {
        name: string;
        mentionCount: number | null;
        articles: Connection<{ headline: string; source: { code: string | null } }> | null;
        events: Connection<TimelineEvent> | null;
        initiatives: Connection<{ name: string; champions: { displayName: string }[] | null }> | null;
      } | null;
    }>(
      await fed.query(
        `query($id: ID!) { official(id: $id) {
          name mentionCount
          articles(first: 3) { totalCount edges { node { headline source { code } } } }
          events(first: 10) { totalCount edges { node { kind title startDate endDate parent { kind } children { title } } } }
          initiatives { edges { node { name champions { displayName } } } }
        } }`,
        { id: SEED.raimondo },
      ),
    );
    const official = data.official!;
    expect(official.name).toBe("Gina Raimondo");
    // "Gina Raimondo" once and "Raimondo" once in the body.
    expect(official.mentionCount).toBe(2);
    expect(official.articles!.totalCount).toBe(1);
    expect(official.articles!.edges[0]!.node.source.code).toBe("VNA");
    expect(official.events!.totalCount).toBe(2);
    const [meeting, visit] = official.events!.edges.map((e) => e.node);
    expect(meeting).toMatchObject({ kind: "MEETING", startDate: "2021-11-18", parent: { kind: "VISIT" } });
    expect(visit).toMatchObject({ kind: "VISIT", startDate: "2021-11-15", endDate: "2021-11-18" });
    expect(visit!.children.map((c) => c.title)).toEqual([meeting!.title]);
  });

  it("resolves Country fields from all three subgraphs", async () => {
    const data = dataOf<{
      country: {
        name: string;
        officials: Connection<{ displayName: string }>;
        articles: Connection<{ slug: string }> | null;
        initiatives: Connection<{
          acronym: string | null;
          leadOrganization: { name: string; acronym: string | null } | null;
        }> | null;
        events: Connection<{ kind: string }> | null;
      } | null;
    }>(
      await fed.query(`{ country(code: "MY") {
        code name
        officials { totalCount edges { node { displayName } } }
        articles { totalCount edges { node { slug } } }
        initiatives { totalCount edges { node { acronym leadOrganization { name acronym } } } }
        events { totalCount edges { node { kind } } }
      } }`),
    );
    const country = data.country!;
    expect(country.name).toBe("Malaysia");
    expect(country.officials.edges.map((e) => e.node.displayName)).toEqual(["Tan Sri Annuar Musa"]);
    expect(country.articles!.totalCount).toBe(1);
    expect(country.initiatives!.totalCount).toBe(2);
    expect(country.initiatives!.edges.map((e) => e.node.leadOrganization!.acronym).sort()).toEqual(["DNB", "EPU"]);
    // The Asia visit (JP, SG, MY) and the Putrajaya meeting (MY, US).
    expect(country.events!.totalCount).toBe(2);
  });

  it("links mentions in the text to the entities of their owning subgraphs", async () => {
    type Mention = {
      surfaceText: string;
      kind: string;
      start: number;
      end: number;
      confidence: number;
      official: { name: string } | null;
      initiative: { acronym: string | null } | null;
      country: { code: string; name: string } | null;
    };
    const data = dataOf<{ article: { body: string; mentions: Mention[] } | null }>(
      await fed.query(
        `query($id: ID!) { article(id: $id) { body mentions { surfaceText kind start end confidence
        official { name } initiative { acronym } country { code name } } } }`,
        { id: SEED.article },
      ),
    );
    const { body, mentions } = data.article!;
    for (const mention of mentions) expect(body.slice(mention.start, mention.end)).toBe(mention.surfaceText);
    const annuar = mentions.find((m) => m.surfaceText === "Tan Sri Annuar Musa");
    expect(annuar).toMatchObject({ kind: "OFFICIAL", official: { name: "Annuar Musa" }, confidence: 1 });
    expect(mentions.find((m) => m.surfaceText === "MyDIGITAL")!.initiative).toEqual({ acronym: "MyDIGITAL" });
    expect(mentions.find((m) => m.surfaceText === "Japan")!.country).toEqual({ code: "JP", name: "Japan" });
    expect(mentions.find((m) => m.surfaceText === "Asia")).toMatchObject({ kind: "PLACE", country: null, official: null });
    // "Southeast Asian" is an adjective of a region, not the place "Asia".
    expect(mentions.filter((m) => m.kind === "PLACE")).toHaveLength(1);
  });

  it("answers the seed's event facts: the visit's child meeting and its outcome themes", async () => {
    const data = dataOf<{
      event: {
        countries: { name: string }[] | null;
        children: {
          location: unknown;
          participants: { displayName: string }[] | null;
          initiatives: { name: string }[];
          outcomes: { status: string; themes: string[] }[];
          articles: { totalCount: number } | null;
        }[];
      } | null;
    }>(
      await fed.query(
        `query($id: ID!) { event(id: $id) { kind startDate endDate countries { name }
        children { kind startDate location { name country { code } } participants { displayName }
          initiatives { name } outcomes { status themes } articles { totalCount } } } }`,
        { id: SEED.asiaVisit },
      ),
    );
    const visit = data.event!;
    expect(visit).toMatchObject({ kind: "VISIT", startDate: "2021-11-15", endDate: "2021-11-18" });
    expect(visit.countries!.map((c) => c.name)).toEqual(["Japan", "Singapore", "Malaysia"]);
    const [meeting] = visit.children;
    expect(meeting!.location).toEqual({ name: "Putrajaya", country: { code: "MY" } });
    expect(meeting!.participants!.map((p) => p.displayName)).toEqual(["Tan Sri Annuar Musa", "Gina Raimondo"]);
    expect(meeting!.initiatives.map((i) => i.name)).toContain("Malaysia Digital Economy Blueprint");
    expect(meeting!.outcomes[0]!.themes).toEqual(["CYBERSECURITY", "DIGITAL_ECONOMY", "TECHNOLOGY_TRANSFER"]);
    expect(meeting!.articles!.totalCount).toBe(1);
  });
});
