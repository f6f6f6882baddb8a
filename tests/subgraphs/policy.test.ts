import { expectWritten } from "@newsfed/kit/writes";
import { EDITOR } from "../helpers/identities.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectAllPages } from "../helpers/paging.js";
import { type Connection, dataOf } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";
import { startSubgraph, type TestSubgraph } from "../helpers/subgraph.js";

let policy: TestSubgraph<"policy">;
beforeAll(async () => {
  policy = await startSubgraph("policy");
});
afterAll(() => policy?.close());

describe("policy subgraph", () => {
  it("serves MyDIGITAL and the 5G rollout with their lead organizations and champion", async () => {
    const data = dataOf<{ initiatives: Connection<unknown> }>(
      await policy.query(`{ initiatives { totalCount edges { node { id name acronym status themes startDate
        country { code } leadOrganization { id } champions { id } events { kind } } } } }`),
    );
    expect(data.initiatives.totalCount).toBe(2);
    const [fiveG, myDigital] = data.initiatives.edges.map((e) => e.node);
    expect(myDigital).toMatchObject({
      id: SEED.myDigital,
      name: "Malaysia Digital Economy Blueprint",
      acronym: "MyDIGITAL",
      status: "ACTIVE",
      startDate: "2021-02-19",
      country: { code: "MY" },
      champions: [{ id: SEED.annuar }],
      events: [{ kind: "MEETING" }],
    });
    expect(fiveG).toMatchObject({ name: "Malaysia 5G rollout", themes: ["TELECOMMUNICATIONS_5G"], startDate: null });
  });

  it("filters initiatives by search (stemmed, ranked), theme, status and country", async () => {
    const names = async (filter: string) =>
      dataOf<{ initiatives: Connection<{ acronym: string | null; name: string }> }>(
        await policy.query(`{ initiatives(filter: ${filter}) { edges { node { acronym name } } } }`),
      ).initiatives.edges.map((e) => e.node.name);
    expect(await names(`{ search: "digital economies" }`)).toEqual(["Malaysia Digital Economy Blueprint"]);
    expect(await names(`{ search: "5G" }`)).toEqual(["Malaysia 5G rollout"]);
    expect(await names(`{ theme: DIGITAL_ECONOMY }`)).toEqual(["Malaysia Digital Economy Blueprint"]);
    expect(await names(`{ status: PROPOSED }`)).toEqual([]);
    expect(await names(`{ countryCode: "us" }`)).toEqual([]);
    expect((await names(`{ countryCode: "MY", status: ACTIVE }`)).length).toBe(2);
  });

  it("rejects values outside an enum, naming them", async () => {
    const result = await policy.query(`{ initiatives(filter: { theme: SPACE_TRAVEL }) { totalCount } }`);
    expect(result.errors?.[0]?.message).toMatch(/SPACE_TRAVEL/);
  });

  it("models the Asia visit with the Putrajaya meeting as its child and the agreement as an outcome", async () => {
    const data = dataOf<{ event: { outcomes: { statement: string; status: string; themes: string[] }[] } | null }>(
      await policy.query(
        `query($id: ID!) { event(id: $id) { kind title startDate endDate location { name country { code } }
        parent { id kind startDate endDate countries { code } } participants { id } countries { code }
        themes initiatives { acronym } outcomes { statement status themes } } }`,
        { id: SEED.putrajayaMeeting },
      ),
    );
    const meeting = data.event!;
    expect(meeting).toMatchObject({
      kind: "MEETING",
      startDate: "2021-11-18",
      endDate: null,
      location: { name: "Putrajaya", country: { code: "MY" } },
      parent: {
        id: SEED.asiaVisit,
        kind: "VISIT",
        startDate: "2021-11-15",
        endDate: "2021-11-18",
        countries: [{ code: "JP" }, { code: "SG" }, { code: "MY" }],
      },
      participants: [{ id: SEED.annuar }, { id: SEED.raimondo }],
      countries: [{ code: "MY" }, { code: "US" }],
    });
    expect(meeting.outcomes[0]).toMatchObject({
      status: "AGREED_IN_PRINCIPLE",
      themes: ["CYBERSECURITY", "DIGITAL_ECONOMY", "TECHNOLOGY_TRANSFER"],
    });
    expect(meeting.outcomes.map((o) => o.status)).not.toContain("SIGNED");
  });

  it("filters events by kind, date range, participant and country", async () => {
    const kinds = async (filter: string) =>
      dataOf<{ events: Connection<{ kind: string }> }>(
        await policy.query(`{ events(filter: ${filter}) { totalCount edges { node { kind } } } }`),
      ).events.edges.map((e) => e.node.kind);
    expect(await kinds(`{ kind: VISIT }`)).toEqual(["VISIT"]);
    expect(await kinds(`{ from: "2021-11-16", to: "2021-11-17" }`)).toEqual(["VISIT"]);
    expect(await kinds(`{ from: "2021-11-18" }`)).toEqual(["MEETING", "VISIT"]);
    expect(await kinds(`{ to: "2021-11-14" }`)).toEqual([]);
    expect(await kinds(`{ participantId: "${SEED.annuar}" }`)).toEqual(["MEETING"]);
    expect(await kinds(`{ countryCode: "JP" }`)).toEqual(["VISIT"]);
    expect(await kinds(`{ countryCode: "US" }`)).toEqual(["MEETING"]);
  });

  it("pages events newest first with stable cursors, each event exactly once", async () => {
    const ctx = policy.context(EDITOR);
    for (const day of ["2021-11-18", "2021-11-18", "2022-03-01", "2020-01-01"]) {
      await expectWritten(ctx.events.writes.create({ kind: "ANNOUNCEMENT", title: `Test ${day}`, startDate: day }));
    }
    const { nodes, totalCount } = await collectAllPages<{ id: string; startDate: string }>(
      policy,
      `query($after: String) { events(first: 2, after: $after) { totalCount edges { node { id startDate } } pageInfo { hasNextPage endCursor } } }`,
      "events",
    );
    expect(totalCount).toBe(6);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(6);
    const days = nodes.map((n) => n.startDate);
    expect(days).toEqual([...days].sort().reverse());
  });

  it("refuses tampered cursors and NUL characters as bad input, never as a server error", async () => {
    const query = `query($after: String) { events(first: 1, after: $after) { totalCount } }`;
    for (const sort of ["2024-02-30", "2024-13-45", "yesterday"]) {
      const forged = Buffer.from(JSON.stringify(["events:start", sort, "x"])).toString("base64url");
      const result = await policy.query(query, { after: forged });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    }
    const nul = await policy.query(`query($s: String) { initiatives(filter: { search: $s }) { totalCount } }`, { s: "a\u0000b" });
    expect(nul.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const nulLiteral = await policy.query(`{ initiative(id: "x\\u0000") { id } }`);
    expect(nulLiteral.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("contributes initiatives and events to officials, organizations and countries through _entities", async () => {
    const data = dataOf<{ _entities: unknown[] }>(
      await policy.query(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Official { initiatives { totalCount } events { totalCount } }
          ... on Organization { initiatives { edges { node { acronym } } } }
          ... on Country { initiatives { totalCount } events(filter: { kind: MEETING }) { totalCount } }
          ... on PolicyInitiative { name } ... on PolicyEvent { kind } } }`,
        {
          r: [
            { __typename: "Official", id: SEED.annuar },
            { __typename: "Official", id: SEED.raimondo },
            { __typename: "Official", id: "unknown" },
            { __typename: "Organization", id: SEED.kkmm },
            { __typename: "Country", code: "MY" },
            { __typename: "PolicyInitiative", id: SEED.fiveG },
            { __typename: "PolicyInitiative", id: "unknown" },
            { __typename: "PolicyEvent", id: SEED.asiaVisit },
          ],
        },
      ),
    );
    expect(data._entities).toEqual([
      { initiatives: { totalCount: 2 }, events: { totalCount: 1 } },
      { initiatives: { totalCount: 0 }, events: { totalCount: 2 } },
      { initiatives: { totalCount: 0 }, events: { totalCount: 0 } },
      { initiatives: { edges: [] } },
      { initiatives: { totalCount: 2 }, events: { totalCount: 1 } },
      { name: "Malaysia 5G rollout" },
      null,
      { kind: "VISIT" },
    ]);
  });

  it("declares Federation 2 and its keys in its SDL", async () => {
    const sdl = dataOf<{ _service: { sdl: string } }>(await policy.query(`{ _service { sdl } }`))._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(sdl).toMatch(/type PolicyInitiative\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type PolicyEvent\s+@key\(fields: "id"\)/);
  });
});
