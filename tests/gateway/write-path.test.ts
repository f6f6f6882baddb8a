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

interface Payload {
  organization: { id: string; name: string } | null;
  userErrors: { field: string | null; code: string }[];
  replayed?: boolean;
}

const CREATE = `mutation($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { organization { id name } userErrors { field code } replayed } }`;
const create = async (input: Record<string, unknown>) =>
  dataOf<{ createOrganization: Payload }>(await fed.query(CREATE, { input }, { token })).createOrganization;
const countNamed = async (name: string) =>
  dataOf<{ organizations: { totalCount: number } }>(
    await fed.query(`query($q: String!) { organizations(filter: { search: $q }) { totalCount } }`, { q: `"${name}"` }),
  ).organizations.totalCount;

describe("creates that are safe to retry", () => {
  it("answers a retry with the same idempotency key with the entity the first attempt created", async () => {
    const input = { name: "Retry Safe Agency", kind: "AGENCY", countryCode: "MY", idempotencyKey: "retry-safe-1" };
    const first = await create(input);
    const retry = await create(input);
    expect(first.userErrors).toEqual([]);
    expect(first.replayed).toBe(false);
    // The answer says it is a replay, so a caller counting what it created does not count it twice.
    expect(retry).toEqual({ ...first, replayed: true });
    const bulk = dataOf<{ createOrganizations: { results: Payload[] } }>(
      await fed.query(
        `mutation($inputs: [CreateOrganizationInput!]!) {
          createOrganizations(inputs: $inputs) { results { organization { id name } userErrors { field code } replayed } } }`,
        { inputs: [input, { name: "Bulk Fresh Agency", kind: "AGENCY", idempotencyKey: "retry-safe-2" }] },
        { token },
      ),
    ).createOrganizations.results;
    expect(bulk[0]).toEqual({ ...first, replayed: true });
    expect(bulk[1]).toMatchObject({ userErrors: [], replayed: false, organization: { name: "Bulk Fresh Agency" } });
    expect(await countNamed("Retry Safe Agency")).toBe(1);
  });

  it("creates once when two attempts with the same key race", async () => {
    const input = { name: "Racing Agency", kind: "AGENCY", idempotencyKey: "race-1" };
    const [a, b] = await Promise.all([create(input), create(input)]);
    expect(a.organization?.id).toBeDefined();
    expect(b.organization?.id).toBe(a.organization?.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await countNamed("Racing Agency")).toBe(1);
  });

  it("refuses the same key with a different input instead of answering the wrong entity", async () => {
    await create({ name: "Key Owner", kind: "AGENCY", idempotencyKey: "reused-1" });
    const reused = await create({ name: "Someone Else", kind: "AGENCY", idempotencyKey: "reused-1" });
    expect(reused).toEqual({
      organization: null,
      userErrors: [{ field: "input.idempotencyKey", code: "IDEMPOTENCY_KEY_REUSED" }],
      replayed: false,
    });
    expect(await countNamed("Someone Else")).toBe(0);
  });

  it("creates a new entity for each create without a key", async () => {
    const input = { name: "Keyless Agency", kind: "AGENCY" };
    await create(input);
    await create(input);
    expect(await countNamed("Keyless Agency")).toBe(2);
  });
});

describe("the audit trail", () => {
  it("records the input fields a write set, never other keys the caller's object carried", async () => {
    const history = dataOf<{ event: { history: { edges: { node: { action: string; actor: string; fields: string[] } }[] } } }>(
      await fed.query(
        `query($id: ID!) { event(id: $id) { history { edges { node { action actor fields } } } } }`,
        { id: SEED.putrajayaMeeting },
        // Actors are readable with audit:read (the editor's token has it).
        { token },
      ),
    );
    const created = history.event.history.edges.at(-1)!.node;
    expect(created.action).toBe("CREATED");
    expect(created.actor).toBe("seed");
    // The seed file's own keys (key, parent, participants, countries, initiatives) are not input fields.
    expect(created.fields).toEqual([
      "countryCodes",
      "endDate",
      "initiativeIds",
      "kind",
      "location",
      "outcomes",
      "parentId",
      "participantIds",
      "startDate",
      "themes",
      "title",
    ]);
  });

  it("records an update's fields as the input named them, and a delete with none", async () => {
    const { organization } = await create({ name: "Audited Office", kind: "OTHER", idempotencyKey: "audit-1" });
    await fed.query(
      `mutation($id: ID!) { updateOrganization(id: $id, input: { acronym: "AO", countryCode: null }) { userErrors { code } } }`,
      { id: organization!.id },
      { token },
    );
    const read = dataOf<{ organization: { history: { edges: { node: { action: string; fields: string[] } }[] } } }>(
      await fed.query(`query($id: ID!) { organization(id: $id) { history { edges { node { action fields } } } } }`, {
        id: organization!.id,
      }),
    );
    expect(read.organization.history.edges.map((edge) => edge.node)).toEqual([
      { action: "UPDATED", fields: ["acronym", "countryCode"] },
      // idempotencyKey is how the create was sent, not something it set.
      { action: "CREATED", fields: ["kind", "name"] },
    ]);
  });
});
