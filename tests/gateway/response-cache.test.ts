import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokens } from "../helpers/identities.js";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { CONTRACT_EXAMPLE } from "../helpers/queries.js";
import { type Connection, dataOf } from "../helpers/results.js";

// The gateway's response cache (RESPONSE_CACHE, on by default for the gateway process): counted subgraph fetches,
// never times. Long TTL here, so nothing expires while a test runs.

let fed: TestFederation;
let token: string;
beforeAll(async () => {
  fed = await startFederation({ responseCache: { ttlSeconds: 300 } });
  token = await tokens.editor();
});
afterAll(() => fed?.close());

const fetches = () => Object.values(fed.sources).reduce((sum, source) => sum + source.fetches, 0);
const ORGANIZATIONS = /* GraphQL */ `
  {
    organizations(first: 100) {
      totalCount
      edges {
        node {
          name
        }
      }
    }
  }
`;

describe("response cache", () => {
  it("answers a repeated anonymous query without reaching the subgraphs", async () => {
    fed.resetCounters();
    const first = await fed.query(CONTRACT_EXAMPLE);
    expect(first.errors).toBeUndefined();
    expect(fetches()).toBeGreaterThanOrEqual(3);
    fed.resetCounters();
    const second = await fed.query(CONTRACT_EXAMPLE);
    expect(second).toEqual(first);
    expect(fetches()).toBe(0);
    // Other variables, another entry.
    fed.resetCounters();
    await fed.query(`query($first: Int!) { countries(first: $first) { edges { node { code } } } }`, { first: 2 });
    await fed.query(`query($first: Int!) { countries(first: $first) { edges { node { code } } } }`, { first: 3 });
    expect(fetches()).toBe(2);
  });

  it("is invalidated by every mutation through the gateway", async () => {
    type Organizations = { organizations: Connection<{ name: string }> };
    const before = dataOf<Organizations>(await fed.query(ORGANIZATIONS));
    fed.resetCounters();
    await fed.query(ORGANIZATIONS);
    expect(fetches()).toBe(0);

    const created = dataOf<{ createOrganization: { organization: { id: string } | null; userErrors: { message: string }[] } }>(
      await fed.query(
        `mutation { createOrganization(input: { name: "Cache Test Agency", kind: AGENCY, countryCode: "MY" }) { organization { id } userErrors { message } } }`,
        undefined,
        { token },
      ),
    );
    expect(created.createOrganization.userErrors).toEqual([]);
    fed.resetCounters();
    const after = dataOf<Organizations>(await fed.query(ORGANIZATIONS));
    expect(fetches()).toBe(1);
    expect(after.organizations.totalCount).toBe(before.organizations.totalCount + 1);
    expect(after.organizations.edges.map((edge) => edge.node.name)).toContain("Cache Test Agency");
  });

  it("never serves or stores a response for a request carrying a token", async () => {
    const query = `{ countries(first: 4) { edges { node { code name } } } }`;
    fed.resetCounters();
    await fed.query(query, undefined, { token });
    await fed.query(query, undefined, { token });
    expect(fetches()).toBe(2); // not read from the cache
    await fed.query(query);
    expect(fetches()).toBe(3); // nor written to it: the first anonymous request misses
    await fed.query(query);
    expect(fetches()).toBe(3); // which it stored
    await fed.query(query, undefined, { token });
    expect(fetches()).toBe(4); // and still not read with a token
  });

  it("does not cache answers with errors", async () => {
    const query = `{ officials(first: 1000) { totalCount } }`;
    fed.resetCounters();
    const first = await fed.query(query);
    expect(first.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    await fed.query(query);
    expect(fetches()).toBe(2);
  });
});
