import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { tokens } from "../helpers/identities.js";
import { type Connection, dataOf, type UserError } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";

let fed: TestFederation;
let token: string;
beforeAll(async () => {
  fed = await startFederation();
  token = await tokens.editor();
});
afterAll(() => fed?.close());

/** Runs a mutation as the editor and returns its payload (the single root field). */
async function write<TPayload extends object = object>(mutation: string, variables: Record<string, unknown> = {}) {
  type Payload = { userErrors: UserError[] } & TPayload;
  const data = dataOf<Record<string, Payload>>(await fed.query(mutation, variables, { token }));
  return Object.values(data)[0] as Payload;
}
/** Reads as the editor too: its development token has `audit:read`, so audit actors are shown (anonymous: `redacted`). */
const read = async <TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) =>
  dataOf<TData>(await fed.query<TData>(query, variables, { token }));
type Deleted = { deletedId: string | null };
type Count = { totalCount: number };
const ERRORS = "userErrors { field message code }";

describe("officials: create, update, delete through the gateway", () => {
  it("creates an official with a post, reads it across subgraphs, updates it partially, deletes it", async () => {
    const created = await write<{ official: { id: string } | null }>(
      `mutation($input: CreateOfficialInput!) { createOfficial(input: $input) { official { id displayName otherNames country { code }
        positions { title startDate organization { acronym } } updatedBy updatedAt articles { totalCount } initiatives { totalCount } } ${ERRORS} } }`,
      {
        input: {
          name: "Fahmi Fadzil",
          otherNames: ["Fahmi"],
          countryCode: "my",
          positions: [{ title: "Minister of Communications", organizationId: SEED.kkmm, startDate: "2023-12-12" }],
        },
      },
    );
    expect(created.userErrors).toEqual([]);
    const official = created.official!;
    expect(official).toMatchObject({
      displayName: "Fahmi Fadzil",
      country: { code: "MY" },
      positions: [{ title: "Minister of Communications", startDate: "2023-12-12", organization: { acronym: "KKMM" } }],
      updatedBy: "test-editor",
      articles: { totalCount: 0 },
      initiatives: { totalCount: 0 },
    });

    const updated = await write(
      `mutation($id: ID!) { updateOfficial(id: $id, input: { honorificPrefix: "YB" }) { official { displayName otherNames positions { title } } ${ERRORS} } }`,
      { id: official.id },
    );
    expect(updated).toMatchObject({
      official: { displayName: "YB Fahmi Fadzil", otherNames: ["Fahmi"], positions: [{ title: "Minister of Communications" }] },
      userErrors: [],
    });
    const cleared = await write<{ official: unknown }>(
      `mutation($id: ID!) { updateOfficial(id: $id, input: { honorificPrefix: null, positions: [] }) { official { displayName positions { title } } ${ERRORS} } }`,
      {
        id: official.id,
      },
    );
    expect(cleared.official).toEqual({ displayName: "Fahmi Fadzil", positions: [] });

    // The audit trail: who changed what and when, newest first, written in the same transactions.
    const history = await read<{ official: { history: Connection<unknown> } | null }>(
      `query($id: ID!) { official(id: $id) { history { totalCount edges { node { action actor fields at } } } } }`,
      { id: official.id },
    );
    expect(history.official!.history.totalCount).toBe(3);
    expect(history.official!.history.edges.map((e) => e.node)).toEqual([
      { action: "UPDATED", actor: "test-editor", fields: ["honorificPrefix", "positions"], at: expect.any(String) },
      { action: "UPDATED", actor: "test-editor", fields: ["honorificPrefix"], at: expect.any(String) },
      {
        action: "CREATED",
        actor: "test-editor",
        fields: ["countryCode", "name", "otherNames", "positions"],
        at: expect.any(String),
      },
    ]);

    const deleted = await write(`mutation($id: ID!) { deleteOfficial(id: $id) { deletedId ${ERRORS} } }`, { id: official.id });
    expect(deleted).toEqual({ deletedId: official.id, userErrors: [] });
    expect((await read(`query($id: ID!) { official(id: $id) { id } }`, { id: official.id })).official).toBeNull();
  });

  it("records who created the seed, and keeps refused writes out of the audit trail", async () => {
    const query = `query($id: ID!) { official(id: $id) { history { edges { node { action actor } } } } }`;
    type History = { official: { history: { edges: unknown[] } } | null };
    expect((await read<History>(query, { id: SEED.raimondo })).official!.history.edges).toEqual([
      { node: { action: "CREATED", actor: "seed" } },
    ]);
    const refused = await write(
      `mutation($id: ID!) { updateOfficial(id: $id, input: { name: "" }) { official { id } ${ERRORS} } }`,
      { id: SEED.raimondo },
    );
    expect(refused.userErrors[0]?.code).toBe("REQUIRED");
    expect((await read<History>(query, { id: SEED.raimondo })).official!.history.edges).toHaveLength(1);
  });

  it("names every invalid field and writes nothing", async () => {
    const before = (await read<{ officials: Count }>(`{ officials { totalCount } }`)).officials.totalCount;
    const result = await write<{ official: unknown }>(
      `mutation($input: CreateOfficialInput!) { createOfficial(input: $input) { official { id } ${ERRORS} } }`,
      {
        input: {
          name: "   ",
          otherNames: ["x".repeat(201)],
          countryCode: "ZZ",
          positions: [
            { title: "Minister", organizationId: "no-such-organization", startDate: "2022-05-01", endDate: "2021-01-01" },
            { title: "" },
          ],
        },
      },
    );
    expect(result.official).toBeNull();
    const byField = Object.fromEntries(result.userErrors.map((e) => [e.field, e.code]));
    expect(byField).toEqual({
      "input.name": "REQUIRED",
      "input.otherNames.0": "TOO_LONG",
      "input.countryCode": "UNKNOWN_REFERENCE",
      "input.positions.0.organizationId": "UNKNOWN_REFERENCE",
      "input.positions.0.endDate": "INVALID_DATE_RANGE",
      "input.positions.1.title": "REQUIRED",
    });
    expect((await read<{ officials: Count }>(`{ officials { totalCount } }`)).officials.totalCount).toBe(before);
  });

  it("rejects an unknown enum value as a bad request naming it", async () => {
    const result = await fed.query(
      `mutation { createOrganization(input: { name: "X", kind: SECRET_SOCIETY }) { organization { id } } }`,
      {},
      { token },
    );
    expect(result.errors?.[0]?.message).toMatch(/SECRET_SOCIETY/);
  });

  it("refuses to delete an official that articles and policy records refer to, saying by what", async () => {
    const result = await write<Deleted>(`mutation($id: ID!) { deleteOfficial(id: $id) { deletedId ${ERRORS} } }`, {
      id: SEED.annuar,
    });
    expect(result.deletedId).toBeNull();
    expect(result.userErrors[0]).toMatchObject({ field: "id", code: "REFERENCED" });
    expect(result.userErrors[0]!.message).toMatch(/1 article\(s\).*mention\(s\).*2 initiative\(s\).*1 event\(s\)/);
    const annuar = await read<{ official: { name: string } | null }>(`query($id: ID!) { official(id: $id) { name } }`, {
      id: SEED.annuar,
    });
    expect(annuar.official!.name).toBe("Annuar Musa");
  });

  it("creates, updates and deletes organizations; refuses deleting one that positions use", async () => {
    const created = await write<{ organization: { id: string } | null }>(
      `mutation { createOrganization(input: { name: "Ministry of Digital", acronym: "KD", kind: MINISTRY, countryCode: "MY" }) { organization { id name kind country { name } updatedBy } ${ERRORS} } }`,
    );
    expect(created.organization).toMatchObject({
      name: "Ministry of Digital",
      kind: "MINISTRY",
      country: { name: "Malaysia" },
      updatedBy: "test-editor",
    });
    const renamed = await write<{ organization: unknown }>(
      `mutation($id: ID!) { updateOrganization(id: $id, input: { acronym: null }) { organization { acronym name } ${ERRORS} } }`,
      { id: created.organization!.id },
    );
    expect(renamed.organization).toEqual({ acronym: null, name: "Ministry of Digital" });
    const gone = await write<Deleted>(`mutation($id: ID!) { deleteOrganization(id: $id) { deletedId ${ERRORS} } }`, {
      id: created.organization!.id,
    });
    expect(gone.deletedId).toBe(created.organization!.id);

    const used = await write(`mutation($id: ID!) { deleteOrganization(id: $id) { deletedId ${ERRORS} } }`, { id: SEED.kkmm });
    expect(used.userErrors[0]).toMatchObject({ code: "REFERENCED" });
    expect(used.userErrors[0]!.message).toMatch(/position/);
    const missing = await write(`mutation { deleteOrganization(id: "nope") { deletedId ${ERRORS} } }`);
    expect(missing.userErrors).toEqual([{ field: "id", code: "NOT_FOUND", message: expect.any(String) }]);
  });
});

describe("policy: initiatives and events", () => {
  it("creates an initiative championed by an existing official and sees it from the officials side at once", async () => {
    const created = await write<{ initiative: { id: string } | null }>(
      `mutation($input: CreatePolicyInitiativeInput!) { createPolicyInitiative(input: $input) { initiative { id name status themes leadOrganization { name } champions { displayName } country { name } } ${ERRORS} } }`,
      {
        input: {
          name: "National Cyber Security Policy",
          status: "ANNOUNCED",
          themes: ["CYBERSECURITY"],
          countryCode: "MY",
          leadOrganizationId: SEED.kkmm,
          championIds: [SEED.annuar],
        },
      },
    );
    expect(created.userErrors).toEqual([]);
    expect(created.initiative).toMatchObject({
      champions: [{ displayName: "Tan Sri Annuar Musa" }],
      leadOrganization: { name: "Ministry of Communications and Multimedia" },
      country: { name: "Malaysia" },
    });
    const annuar = await read<{ official: { initiatives: Connection<{ name: string }> | null } | null }>(
      `query($id: ID!) { official(id: $id) { initiatives { totalCount edges { node { name } } } } }`,
      {
        id: SEED.annuar,
      },
    );
    expect(annuar.official!.initiatives!.totalCount).toBe(3);

    const updated = await write<{ initiative: unknown }>(
      `mutation($id: ID!) { updatePolicyInitiative(id: $id, input: { status: ACTIVE, championIds: [] }) { initiative { status champions { id } } ${ERRORS} } }`,
      {
        id: created.initiative!.id,
      },
    );
    expect(updated.initiative).toEqual({ status: "ACTIVE", champions: [] });
    const deleted = await write<Deleted>(`mutation($id: ID!) { deletePolicyInitiative(id: $id) { deletedId ${ERRORS} } }`, {
      id: created.initiative!.id,
    });
    expect(deleted.deletedId).toBe(created.initiative!.id);
  });

  it("refuses references to entities of other subgraphs that do not exist, naming the field", async () => {
    const result = await write(
      `mutation($input: CreatePolicyInitiativeInput!) { createPolicyInitiative(input: $input) { initiative { id } ${ERRORS} } }`,
      {
        input: {
          name: "Ghost plan",
          status: "PROPOSED",
          countryCode: "XK",
          leadOrganizationId: "ghost-org",
          championIds: [SEED.raimondo, "ghost-official"],
        },
      },
    );
    expect(Object.fromEntries(result.userErrors.map((e) => [e.field, e.code]))).toEqual({
      "input.countryCode": "UNKNOWN_REFERENCE",
      "input.leadOrganizationId": "UNKNOWN_REFERENCE",
      "input.championIds.1": "UNKNOWN_REFERENCE",
    });
    expect(
      (await read<{ initiatives: Count }>(`{ initiatives(filter: { search: "Ghost" }) { totalCount } }`)).initiatives.totalCount,
    ).toBe(0);
  });

  it("creates an event under the visit with participants, countries and outcomes, and refuses bad dates and cycles", async () => {
    const created = await write<{ event: { id: string } | null }>(
      `mutation($input: CreatePolicyEventInput!) { createPolicyEvent(input: $input) { event { id parent { id } participants { name } countries { code }
        location { name country { name } } outcomes { statement status themes } initiatives { acronym } } ${ERRORS} } }`,
      {
        input: {
          kind: "MEETING",
          title: "Raimondo meets Singapore's trade minister",
          startDate: "2021-11-17",
          location: { name: "Singapore", countryCode: "SG" },
          parentId: SEED.asiaVisit,
          participantIds: [SEED.raimondo],
          countryCodes: ["SG", "us"],
          initiativeIds: [SEED.myDigital],
          outcomes: [{ statement: "Agreed to deepen digital trade ties.", status: "AGREED_IN_PRINCIPLE", themes: ["TRADE"] }],
        },
      },
    );
    expect(created.userErrors).toEqual([]);
    expect(created.event).toMatchObject({
      parent: { id: SEED.asiaVisit },
      participants: [{ name: "Gina Raimondo" }],
      countries: [{ code: "SG" }, { code: "US" }],
      location: { name: "Singapore", country: { name: "Singapore" } },
      outcomes: [{ status: "AGREED_IN_PRINCIPLE", themes: ["TRADE"] }],
    });
    const visit = await read<{ event: { children: { id: string }[] } | null }>(
      `query($id: ID!) { event(id: $id) { children { id } } }`,
      { id: SEED.asiaVisit },
    );
    expect(visit.event!.children.map((c) => c.id)).toContain(created.event!.id);

    const updated = await write(
      `mutation($id: ID!) { updatePolicyEvent(id: $id, input: { title: "Raimondo meets Gan Kim Yong", participantIds: [], themes: [TRADE, DIGITAL_ECONOMY], outcomes: [] }) {
        event { title startDate participants { id } themes outcomes { statement } location { name } parent { id } updatedBy } ${ERRORS} } }`,
      { id: created.event!.id },
    );
    expect(updated).toEqual({
      event: {
        title: "Raimondo meets Gan Kim Yong",
        startDate: "2021-11-17",
        participants: [],
        themes: ["TRADE", "DIGITAL_ECONOMY"],
        outcomes: [],
        location: { name: "Singapore" },
        parent: { id: SEED.asiaVisit },
        updatedBy: "test-editor",
      },
      userErrors: [],
    });

    const badDates = await write(
      `mutation { createPolicyEvent(input: { kind: VISIT, title: "Backwards", startDate: "2022-02-02", endDate: "2022-02-01" }) { event { id } ${ERRORS} } }`,
    );
    expect(badDates.userErrors).toEqual([
      { field: "input.endDate", code: "INVALID_DATE_RANGE", message: expect.stringMatching(/before/) },
    ]);
    const endBeforeStoredStart = await write(
      `mutation($id: ID!) { updatePolicyEvent(id: $id, input: { endDate: "2021-11-01" }) { event { id } ${ERRORS} } }`,
      { id: SEED.asiaVisit },
    );
    expect(endBeforeStoredStart.userErrors[0]?.code).toBe("INVALID_DATE_RANGE");

    const cycle = await write(
      `mutation($id: ID!, $parent: ID!) { updatePolicyEvent(id: $id, input: { parentId: $parent }) { event { id } ${ERRORS} } }`,
      {
        id: SEED.asiaVisit,
        parent: created.event!.id,
      },
    );
    expect(cycle.userErrors).toEqual([{ field: "input.parentId", code: "CYCLE", message: expect.any(String) }]);
    const selfParent = await write(
      `mutation($id: ID!) { updatePolicyEvent(id: $id, input: { parentId: $id }) { event { id } ${ERRORS} } }`,
      { id: SEED.asiaVisit },
    );
    expect(selfParent.userErrors[0]?.code).toBe("CYCLE");

    const parentWithChildren = await write(`mutation($id: ID!) { deletePolicyEvent(id: $id) { deletedId ${ERRORS} } }`, {
      id: SEED.asiaVisit,
    });
    expect(parentWithChildren.userErrors[0]?.message).toMatch(/child event/);
    const leaf = await write<Deleted>(`mutation($id: ID!) { deletePolicyEvent(id: $id) { deletedId ${ERRORS} } }`, {
      id: created.event!.id,
    });
    expect(leaf.deletedId).toBe(created.event!.id);
  });

  it("reads each write's own result when one request makes several writes", async () => {
    const created = await write<{ event: { id: string } | null }>(
      `mutation { createPolicyEvent(input: { kind: ANNOUNCEMENT, title: "Twice edited", startDate: "2022-03-03" }) { event { id } ${ERRORS} } }`,
    );
    const id = created.event!.id;
    type Outcomes = { outcomes: { statement: string }[] };
    const data = dataOf<{
      a: { event: Outcomes | null };
      b: { event: (Outcomes & { parent: { children: { id: string }[] } | null }) | null };
    }>(
      await fed.query(
        `mutation($id: ID!) {
          a: updatePolicyEvent(id: $id, input: { outcomes: [{ statement: "first", status: FOLLOW_UP }] }) { event { outcomes { statement } } }
          b: updatePolicyEvent(id: $id, input: { outcomes: [{ statement: "second", status: SIGNED }], parentId: "${SEED.asiaVisit}" }) { event { outcomes { statement } parent { children { id } } } }
        }`,
        { id },
        { token },
      ),
    );
    expect(data.a.event!.outcomes).toEqual([{ statement: "first" }]);
    expect(data.b.event!.outcomes).toEqual([{ statement: "second" }]);
    expect(data.b.event!.parent!.children.map((c) => c.id)).toContain(id);
    await write(`mutation($id: ID!) { deletePolicyEvent(id: $id) { deletedId ${ERRORS} } }`, { id });
  });

  it("leaves nothing behind when the database fails midway through a write", async () => {
    // A real database-level failure after the event row is inserted: outcomes refuse this statement.
    await fed.sql(
      "policy",
      sql.raw(`create function policy.fail_outcome() returns trigger language plpgsql as $$
      begin if new.statement = 'FAIL HERE' then raise exception 'injected failure'; end if; return new; end $$`),
    );
    await fed.sql(
      "policy",
      sql.raw(`create trigger fail_outcome before insert on policy.outcomes for each row execute function policy.fail_outcome()`),
    );
    try {
      const result = await fed.query(
        `mutation { createPolicyEvent(input: { kind: SIGNING, title: "Half-written signing", startDate: "2022-01-01", participantIds: ["${SEED.raimondo}"],
          outcomes: [{ statement: "fine", status: SIGNED }, { statement: "FAIL HERE", status: SIGNED }] }) { event { id } } }`,
        {},
        { token },
      );
      expect(result.errors?.[0]).toMatchObject({
        message: "Internal server error",
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      });
      expect(JSON.stringify(result.errors)).not.toMatch(/injected|insert into|policy\./);
      const events = await read<{ events: Count }>(`{ events(filter: { search: "Half-written" }) { totalCount } }`);
      expect(events.events.totalCount).toBe(0);
      const raimondo = await read<{ official: { events: Count | null } | null }>(
        `query($id: ID!) { official(id: $id) { events { totalCount } } }`,
        { id: SEED.raimondo },
      );
      expect(raimondo.official!.events!.totalCount).toBe(2);
    } finally {
      // The fault is this test's alone: later tests write outcomes too.
      await fed.sql("policy", sql.raw(`drop trigger fail_outcome on policy.outcomes`));
      await fed.sql("policy", sql.raw(`drop function policy.fail_outcome()`));
    }
  });
});

describe("articles", () => {
  const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug headline publishedAt themes source { code }
    officials { displayName } countries { name } events { title } initiatives { name } updatedBy } ${ERRORS} } }`;

  it("creates an article about seed entities, visible from the official and the country at once; updates and deletes it", async () => {
    const created = await write<{ article: { id: string } | null }>(CREATE, {
      input: {
        headline: "Malaysia launches 5G network",
        body: "Malaysia switched on its 5G network today.",
        publishedAt: "2021-12-15T08:00:00Z",
        source: { name: "Test Wire", code: "TW" },
        officialIds: [SEED.annuar],
        countryCodes: ["MY"],
        initiativeIds: [SEED.fiveG],
        themes: ["TELECOMMUNICATIONS_5G"],
      },
    });
    expect(created.userErrors).toEqual([]);
    expect(created.article).toMatchObject({
      slug: "malaysia-launches-5g-network",
      officials: [{ displayName: "Tan Sri Annuar Musa" }],
      countries: [{ name: "Malaysia" }],
      initiatives: [{ name: "Malaysia 5G rollout" }],
      updatedBy: "test-editor",
    });
    const fromOfficial = await read<{ official: { articles: Connection<{ headline: string }> | null } | null }>(
      `query($id: ID!) { official(id: $id) { articles { totalCount edges { node { headline } } } } }`,
      { id: SEED.annuar },
    );
    expect(fromOfficial.official!.articles!.edges[0]!.node.headline).toBe("Malaysia launches 5G network");
    type InitiativeArticles = { initiative: { articles: Count | null } | null };
    const fromInitiative = await read<InitiativeArticles>(`query($id: ID!) { initiative(id: $id) { articles { totalCount } } }`, {
      id: SEED.fiveG,
    });
    expect(fromInitiative.initiative!.articles!.totalCount).toBe(2);

    const updated = await write<{ article: unknown }>(
      `mutation($id: ID!) { updateArticle(id: $id, input: { headline: "Malaysia launches its 5G network", countryCodes: ["MY", "SG"] }) { article { headline slug countries { code } officials { name } } ${ERRORS} } }`,
      {
        id: created.article!.id,
      },
    );
    expect(updated.article).toEqual({
      headline: "Malaysia launches its 5G network",
      slug: "malaysia-launches-5g-network",
      countries: [{ code: "MY" }, { code: "SG" }],
      officials: [{ name: "Annuar Musa" }],
    });
    const duplicate = await write(CREATE, {
      input: {
        headline: "Malaysia launches 5G network",
        body: "Again.",
        publishedAt: "2021-12-16T00:00:00Z",
        source: { name: "W" },
        slug: "malaysia-launches-5g-network",
      },
    });
    expect(duplicate.userErrors).toEqual([{ field: "input.slug", code: "DUPLICATE", message: expect.any(String) }]);

    const deleted = await write<Deleted>(`mutation($id: ID!) { deleteArticle(id: $id) { deletedId ${ERRORS} } }`, {
      id: created.article!.id,
    });
    expect(deleted.deletedId).toBe(created.article!.id);
    expect(
      (await read<InitiativeArticles>(`query($id: ID!) { initiative(id: $id) { articles { totalCount } } }`, { id: SEED.fiveG }))
        .initiative!.articles!.totalCount,
    ).toBe(1);
  });

  it("refuses a publication date in the future, unknown references, bad URLs and oversized text", async () => {
    const result = await write(CREATE, {
      input: {
        headline: "h".repeat(301),
        body: "Body.",
        publishedAt: new Date(Date.now() + 86_400_000).toISOString(),
        url: "ftp://example.org/x",
        source: { name: "" },
        officialIds: ["ghost"],
        eventIds: [SEED.putrajayaMeeting, "ghost-event"],
        countryCodes: ["QQ"],
      },
    });
    expect(Object.fromEntries(result.userErrors.map((e) => [e.field, e.code]))).toEqual({
      "input.headline": "TOO_LONG",
      "input.publishedAt": "IN_FUTURE",
      "input.url": "INVALID_FORMAT",
      "input.source.name": "REQUIRED",
      "input.officialIds.0": "UNKNOWN_REFERENCE",
      "input.eventIds.1": "UNKNOWN_REFERENCE",
      "input.countryCodes.0": "UNKNOWN_REFERENCE",
    });
  });

  it("keeps mentions pointing at the right text when the body is edited", async () => {
    const edited =
      "Updated lead.\n\n" +
      (await read<{ article: { body: string } | null }>(`query($id: ID!) { article(id: $id) { body } }`, { id: SEED.article }))
        .article!.body;
    const result = await write<{
      article: { body: string; mentions: { surfaceText: string; start: number; end: number }[] } | null;
    }>(
      `mutation($id: ID!, $body: String!) { updateArticle(id: $id, input: { body: $body }) { article { body mentions { surfaceText start end } } ${ERRORS} } }`,
      {
        id: SEED.article,
        body: edited,
      },
    );
    expect(result.userErrors).toEqual([]);
    expect(result.article!.mentions.length).toBeGreaterThan(10);
    for (const m of result.article!.mentions) expect(result.article!.body.slice(m.start, m.end)).toBe(m.surfaceText);
  });

  it("stays deleted when the seed loads again (a restart does not bring it back)", async () => {
    const deleted = await write<Deleted>(`mutation($id: ID!) { deleteArticle(id: $id) { deletedId ${ERRORS} } }`, {
      id: SEED.article,
    });
    expect(deleted.deletedId).toBe(SEED.article);
    await fed.reseed("articles");
    expect((await read(`query($id: ID!) { article(id: $id) { id } }`, { id: SEED.article })).article).toBeNull();
  });

  it("reports UNAVAILABLE, and writes nothing, when the references cannot be checked", async () => {
    fed.sources.officials.failing = true;
    try {
      const result = await write(CREATE, {
        input: {
          headline: "Unverifiable",
          body: "B.",
          publishedAt: "2022-01-01T00:00:00Z",
          source: { name: "W" },
          officialIds: [SEED.annuar],
        },
      });
      expect(result.userErrors.map((e) => e.code)).toEqual(["UNAVAILABLE"]);
    } finally {
      fed.sources.officials.failing = false;
    }
    expect(
      (await read<{ articles: Count }>(`{ articles(filter: { search: "Unverifiable" }) { totalCount } }`)).articles.totalCount,
    ).toBe(0);
  });
});
