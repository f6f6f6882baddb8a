import { describe, expect, it } from "vitest";
import { editorFederation } from "../helpers/editor-federation.js";
import { INGEST_MANY, storyText } from "../helpers/ingest.js";
import { dataOf } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";

// A bulk create stores a valid batch together (one savepoint, multi-row statements) and falls back to one savepoint
// per entity when the database refuses something in it; either way each input is answered as the single create would.
const file = editorFederation();

interface Result<K extends string> {
  results: ({ userErrors: { field: string | null; code: string }[] } & Record<K, { id: string } | null>)[];
  userErrors: unknown[];
}

const CREATE_ORGANIZATIONS = `mutation($inputs: [CreateOrganizationInput!]!) { createOrganizations(inputs: $inputs) {
  results { organization { id } userErrors { field code } } userErrors { field code } } }`;
const CREATE_EVENTS = `mutation($inputs: [CreatePolicyEventInput!]!) { createPolicyEvents(inputs: $inputs) {
  results { event { id } userErrors { field code } } userErrors { field code } } }`;

const organizations = async (inputs: Record<string, unknown>[]) =>
  dataOf(
    await file.fed.query<{ createOrganizations: Result<"organization"> }>(
      CREATE_ORGANIZATIONS,
      { inputs },
      { token: file.token },
    ),
  ).createOrganizations;

const savepoints = (service: "officials" | "policy") =>
  file.fed.statements[service].statements.filter((text) => /^savepoint /i.test(text)).length;

describe("bulk creates", () => {
  it("store every link and outcome of each event of a batch, in order", async () => {
    const inputs = [1, 2, 3].map((n) => ({
      kind: "MEETING",
      title: `Bulk meeting ${n}`,
      startDate: `2023-0${n}-01`,
      participantIds: n === 2 ? [SEED.raimondo, SEED.annuar] : [SEED.annuar],
      countryCodes: n === 3 ? [] : ["MY", "US"].slice(0, n),
      initiativeIds: [SEED.myDigital, SEED.fiveG].slice(0, n - 1),
      outcomes: Array.from({ length: n }, (_, i) => ({ statement: `Outcome ${n}.${i}`, status: "AGREED_IN_PRINCIPLE" })),
    }));
    file.fed.resetCounters();
    const created = dataOf(
      await file.fed.query<{ createPolicyEvents: Result<"event"> }>(CREATE_EVENTS, { inputs }, { token: file.token }),
    ).createPolicyEvents;
    expect(created.results.map((r) => r.userErrors)).toEqual([[], [], []]);
    // Its references (officials and countries, owned by the officials subgraph) checked in one request, one field a
    // kind (`officials(filter: { ids })`, `countries(filter: { codes })`), not one request per kind of aliased lookups.
    expect(file.fed.sources.officials.fetches).toBe(1);
    // Stored together: one savepoint for the three, one statement per table.
    expect(savepoints("policy")).toBe(1);
    expect(file.fed.statements.policy.statements.filter((text) => /^insert into "policy"."events"/.test(text))).toHaveLength(1);
    for (const [i, result] of created.results.entries()) {
      const { event } = dataOf(
        await file.fed.query<{
          event: {
            title: string;
            participants: { id: string }[];
            countries: { code: string }[] | null;
            initiatives: { id: string }[];
            outcomes: { statement: string }[];
            history: { edges: { node: { action: string } }[] };
          };
        }>(
          `query($id: ID!) { event(id: $id) { title participants { id } countries { code } initiatives { id }
            outcomes { statement } history(first: 5) { edges { node { action } } } } }`,
          { id: result.event!.id },
        ),
      );
      const input = inputs[i]!;
      expect(event.title).toBe(input.title);
      expect(event.participants.map((p) => p.id)).toEqual(input.participantIds);
      expect((event.countries ?? []).map((c) => c.code)).toEqual(input.countryCodes);
      expect(event.initiatives.map((p) => p.id)).toEqual(input.initiativeIds);
      expect(event.outcomes.map((o) => o.statement)).toEqual(input.outcomes.map((o) => o.statement));
      expect(event.history.edges.map((e) => e.node.action)).toEqual(["CREATED"]);
    }
  });

  it("refuse only the input the database refuses: two of one name in one country", async () => {
    file.fed.resetCounters();
    const answer = await organizations([
      { name: "Bulk Twin Agency", kind: "AGENCY", countryCode: "MY" },
      { name: "Bulk Other Agency", kind: "AGENCY", countryCode: "MY" },
      { name: "Bulk Twin Agency", kind: "AGENCY", countryCode: "MY" },
    ]);
    expect(answer.results[0]!.userErrors).toEqual([]);
    expect(answer.results[1]!.userErrors).toEqual([]);
    expect(answer.results[2]!.organization).toBeNull();
    expect(answer.results[2]!.userErrors.map((e) => e.code)).toEqual(["DUPLICATE"]);
    // The batch's savepoint, rolled back, then one per input.
    expect(savepoints("officials")).toBe(4);
    const found = dataOf(
      await file.fed.query<{ organizations: { totalCount: number } }>(
        `{ organizations(filter: { search: "\\"Bulk Twin Agency\\"" }) { totalCount } }`,
      ),
    );
    expect(found.organizations.totalCount).toBe(1);
  });

  it("create once for two inputs with one idempotency key, and answer both with it", async () => {
    const input = { name: "Bulk Keyed Agency", kind: "AGENCY", idempotencyKey: "bulk-keyed-1" };
    const answer = await organizations([input, input]);
    expect(answer.results.map((r) => r.userErrors)).toEqual([[], []]);
    expect(answer.results[1]!.organization!.id).toBe(answer.results[0]!.organization!.id);
  });

  it("give one URL to one article when a batch holds two texts at that URL", async () => {
    const url = "https://example.org/bulk-same-url";
    const inputs = [
      { text: storyText("02_vna_singapore_gan_raimondo.txt"), url },
      { text: storyText("06_yonhap_seoul_lim_teo_signing.txt"), url },
    ];
    const answer = dataOf(
      await file.fed.query<{ ingestArticles: { results: { status: string; article: { id: string } | null }[] } }>(
        INGEST_MANY,
        { inputs },
        { token: file.token },
      ),
    ).ingestArticles;
    const ids = new Set(answer.results.map((r) => r.article?.id));
    expect(ids.size).toBe(1);
    expect(answer.results.map((r) => r.status)).toEqual(["CREATED", "UPDATED"]);
  });
});
