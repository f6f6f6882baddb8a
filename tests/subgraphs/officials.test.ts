import { stableId } from "@newsfed/kit/ids";
import { expectWritten } from "@newsfed/kit/writes";
import { EDITOR } from "../helpers/identities.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Connection, dataOf } from "../helpers/results.js";
import { collectAllPages } from "../helpers/paging.js";
import { SEED } from "../helpers/seed-ids.js";
import { startSubgraph, type TestSubgraph } from "../helpers/subgraph.js";
import { officialsSubgraph } from "@newsfed/officials";

let officials: TestSubgraph<"officials">;
beforeAll(async () => {
  officials = await startSubgraph("officials");
});
afterAll(() => officials?.close());

describe("officials subgraph", () => {
  it("serves the seed's officials with honorifics, other names and dated posts", async () => {
    const data = dataOf<{ official: { otherNames: string[]; positions: unknown[] } | null }>(
      await officials.query(
        `query($id: ID!) { official(id: $id) { name honorificPrefix displayName otherNames
        country { code name } positions { title startDate endDate isCurrent organization { name acronym kind country { code } } } } }`,
        { id: SEED.annuar },
      ),
    );
    expect(data.official).toMatchObject({
      name: "Annuar Musa",
      honorificPrefix: "Tan Sri",
      displayName: "Tan Sri Annuar Musa",
      country: { code: "MY", name: "Malaysia" },
    });
    expect(data.official!.otherNames).toContain("Annuar");
    expect(data.official!.positions).toEqual([
      {
        title: "Minister of Communications and Multimedia",
        startDate: "2021-08-30",
        endDate: "2022-11-24",
        isCurrent: false,
        organization: {
          name: "Ministry of Communications and Multimedia",
          acronym: "KKMM",
          kind: "MINISTRY",
          country: { code: "MY" },
        },
      },
    ]);
  });

  it("filters positions by the day they were held", async () => {
    const query = `query($id: ID!, $day: Date) { official(id: $id) { positions(activeAt: $day) { title } } }`;
    type Positions = { official: { positions: { title: string }[] } | null };
    const held = dataOf<Positions>(await officials.query(query, { id: SEED.raimondo, day: "2021-11-18" }));
    expect(held.official!.positions).toEqual([{ title: "Secretary of Commerce" }]);
    const before = dataOf<Positions>(await officials.query(query, { id: SEED.raimondo, day: "2020-01-01" }));
    expect(before.official!.positions).toEqual([]);
  });

  it("rejects a malformed Date with a clear error", async () => {
    const result = await officials.query(`{ officials(filter: { activeAt: "18/11/2021" }) { totalCount } }`);
    expect(result.errors?.[0]?.message).toMatch(/YYYY-MM-DD/);
  });

  it("searches every name form with full-text search, and filters by country, organization and date", async () => {
    const count = async (filter: string) =>
      dataOf<{ officials: Connection<{ name: string }> }>(
        await officials.query(`{ officials(filter: ${filter}) { totalCount edges { node { name } } } }`),
      ).officials;
    expect((await count(`{ search: "Raimondo" }`)).edges).toEqual([{ node: { name: "Gina Raimondo" } }]);
    expect((await count(`{ search: "tan sri" }`)).edges).toEqual([{ node: { name: "Annuar Musa" } }]);
    expect((await count(`{ search: "bin Musa" }`)).totalCount).toBe(1);
    expect((await count(`{ countryCode: "US" }`)).edges).toEqual([{ node: { name: "Gina Raimondo" } }]);
    expect((await count(`{ organizationId: "${SEED.kkmm}" }`)).edges).toEqual([{ node: { name: "Annuar Musa" } }]);
    expect((await count(`{ activeAt: "2021-06-01" }`)).edges).toEqual([{ node: { name: "Gina Raimondo" } }]);
    expect((await count(`{ activeAt: "2021-11-18" }`)).totalCount).toBe(2);
    expect((await count(`{ search: "nobody-by-this-name" }`)).totalCount).toBe(0);
  });

  it("pages officials(first: 1) through every official exactly once", async () => {
    const ctx = officials.context(EDITOR);
    for (const name of ["Aaron Test", "Zed Test", "Mia Test", "Mia Test"])
      await expectWritten(ctx.officials.writes.create({ name }));
    const { nodes, pages, totalCount } = await collectAllPages<{ id: string; name: string }>(
      officials,
      `query($after: String) { officials(first: 1, after: $after) { totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }`,
      "officials",
    );
    expect(totalCount).toBe(6);
    expect(pages).toBe(6);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(6);
    expect(nodes.map((n) => n.name)).toEqual([...nodes.map((n) => n.name)].sort());
  });

  it("caps first at 100 and rejects foreign cursors, naming the argument", async () => {
    const tooMany = await officials.query(`{ officials(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "first" } });
    const junk = await officials.query(`{ officials(after: "not-a-cursor") { totalCount } }`);
    expect(junk.errors?.[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT", argument: "after" } });
    const countries = dataOf<{ countries: { pageInfo: { endCursor: string | null } } }>(
      await officials.query(`{ countries(first: 1) { pageInfo { endCursor } } }`),
    );
    const mixed = await officials.query(`query($after: String) { officials(after: $after) { totalCount } }`, {
      after: countries.countries.pageInfo.endCursor,
    });
    expect(mixed.errors?.[0]?.extensions?.argument).toBe("after");
  });

  it("lists countries and organizations as connections, with their officials", async () => {
    const data = dataOf<{
      countries: Connection<{ code: string; officials: { totalCount: number } }>;
      organizations: Connection<{ acronym: string | null; country: { code: string } | null }>;
      org: unknown;
    }>(
      await officials.query(`{ countries(first: 100) { totalCount edges { node { code officials { totalCount } } } }
        organizations(filter: { kind: NEWS_AGENCY }) { totalCount edges { node { acronym country { code } } } }
        org: organization(id: "${SEED.usDoc}") { name kind officials { edges { node { name } } } } }`),
    );
    // The seed holds the countries news names (the ingestion's vocabulary), alphabetically by code.
    expect(data.countries.totalCount).toBe(48);
    const codes = data.countries.edges.map((e) => e.node.code);
    expect(codes).toEqual([...codes].sort());
    expect(codes.slice(0, 5)).toEqual(["AE", "AR", "AU", "BD", "BN"]);
    const withOfficials = data.countries.edges.filter((e) => e.node.officials.totalCount > 0).map((e) => e.node.code);
    expect(withOfficials).toEqual(["MY", "US"]);
    expect(data.organizations.edges.map((e) => e.node.acronym).sort()).toEqual(["Bernama", "VNA"]);
    expect(data.org).toEqual({
      name: "United States Department of Commerce",
      kind: "DEPARTMENT",
      officials: { edges: [{ node: { name: "Gina Raimondo" } }] },
    });
  });

  it("finds a known set by key in one field: officials and organizations by ids, countries by codes", async () => {
    const missing = stableId("official", "nobody-at-all");
    const data = dataOf<{
      officials: Connection<{ id: string }>;
      organizations: Connection<{ id: string }>;
      countries: Connection<{ code: string }>;
      none: Connection<{ id: string }>;
    }>(
      await officials.query(
        `query($ids: [ID!]!, $orgs: [ID!]!) {
          officials(first: 100, filter: { ids: $ids }) { edges { node { id } } }
          organizations(first: 100, filter: { ids: $orgs }) { edges { node { id } } }
          countries(first: 100, filter: { codes: ["us", "MY", "XX"] }) { edges { node { code } } }
          none: officials(filter: { ids: [] }) { edges { node { id } } } }`,
        { ids: [SEED.raimondo, missing, SEED.annuar, SEED.annuar], orgs: [SEED.usDoc, SEED.raimondo] },
      ),
    );
    // Unknown keys (and keys of another type's ids) are left out; repeated keys answer once; codes in any case.
    expect(data.officials.edges.map((e) => e.node.id).sort()).toEqual([SEED.annuar, SEED.raimondo].sort());
    expect(data.organizations.edges.map((e) => e.node.id)).toEqual([SEED.usDoc]);
    expect(data.countries.edges.map((e) => e.node.code)).toEqual(["MY", "US"]);
    expect(data.none.edges).toEqual([]);
    const tooMany = await officials.query(`query($ids: [ID!]!) { officials(filter: { ids: $ids }) { totalCount } }`, {
      ids: Array.from({ length: 101 }, (_, i) => `id-${i}`),
    });
    expect(tooMany.errors?.[0]?.message).toContain("`filter.ids` takes at most 100 keys");
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.ids" });
  });

  it("declares Federation 2 in its SDL", async () => {
    const sdl = dataOf<{ _service: { sdl: string } }>(await officials.query(`{ _service { sdl } }`))._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type Official\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Country\s+@key\(fields: "code"\)/);
  });

  it("resolves _entities for every key, in order, unknown keys as null", async () => {
    const data = dataOf<{ _entities: unknown[] }>(
      await officials.query(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Official { name } ... on Organization { acronym } ... on Country { name } } }`,
        {
          r: [
            { __typename: "Country", code: "SG" },
            { __typename: "Official", id: SEED.raimondo },
            { __typename: "Official", id: "unknown" },
            { __typename: "Organization", id: SEED.kkmm },
            { __typename: "Country", code: "ZZ" },
            { __typename: "Official", id: SEED.annuar },
          ],
        },
      ),
    );
    expect(data._entities).toEqual([
      { name: "Singapore" },
      { name: "Gina Raimondo" },
      null,
      { acronym: "KKMM" },
      null,
      { name: "Annuar Musa" },
    ]);
  });

  it("keeps the seed's stable position ids, and does not undo an editor's change to a seed entity", async () => {
    const data = dataOf<{ official: { positions: { id: string }[] } | null }>(
      await officials.query(`query($id: ID!) { official(id: $id) { positions { id } } }`, { id: SEED.raimondo }),
    );
    expect(data.official!.positions[0]!.id).toBe(stableId("position", "gina-raimondo/secretary-of-commerce"));
    const ctx = officials.context(EDITOR);
    const vna = stableId("organization", "vn-vna");
    await expectWritten(ctx.organizations.writes.update(vna, { acronym: "TTXVN" }));
    await officialsSubgraph.seed(officials.db as never);
    const after = dataOf<{ organization: unknown }>(
      await officials.query(`query($id: ID!) { organization(id: $id) { acronym history { totalCount } } }`, { id: vna }),
    );
    expect(after.organization).toEqual({ acronym: "TTXVN", history: { totalCount: 2 } });
  });

  it("loads the seed idempotently: a second run changes nothing", async () => {
    type Counts = Record<"officials" | "organizations" | "countries", { totalCount: number }>;
    const before = dataOf<Counts>(
      await officials.query(`{ officials { totalCount } organizations { totalCount } countries { totalCount } }`),
    );
    await officialsSubgraph.seed(officials.db as never);
    const after = dataOf<Counts>(
      await officials.query(`{ officials { totalCount } organizations { totalCount } countries { totalCount } }`),
    );
    expect(after).toEqual(before);
  });
});
