import { createGatewayServer, type GatewayServer, loadGatewayConfig } from "@newsfed/gateway";
import { composedUrl, SUBGRAPHS } from "@newsfed/kit/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { tokens } from "../helpers/identities.js";
import { type Connection, singleResult } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";

// Identical subgraph reads in flight at the same time are sent once. The officials subgraph holds every fetch it gets
// until all requests have reached the gateway's fetch layer (sent, or waiting for an identical fetch), so the counts
// below do not depend on timing.
let fed: TestFederation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(() => fed?.close());

const OFFICIALS = `{ officials(first: 5) { totalCount edges { node { id name } } } }`;
const RENAME = `mutation { updateOrganization(id: "${SEED.kkmm}", input: { acronym: "KKMM" }) { organization { acronym } } }`;

async function sharedFetches(gateway: { metrics: GatewayServer["metrics"] } = { metrics: fed.gatewayMetrics }) {
  const metric = await gateway.metrics.registry.getSingleMetric("subgraph_fetches_shared_total")!.get();
  return metric.values.filter((v) => v.labels.subgraph === "officials").reduce((sum, v) => sum + v.value, 0);
}

/** Starts the requests with the officials subgraph on hold, releases it once `arrivals` fetches reached the gateway's fetch layer. */
async function withOfficialsOnHold<T>(
  arrivals: number,
  start: () => Promise<T>[],
  gateway?: { metrics: GatewayServer["metrics"] },
) {
  const officials = fed.sources.officials;
  const [fetchesBefore, sharedBefore] = [officials.fetches, await sharedFetches(gateway)];
  let release!: () => void;
  officials.gate = new Promise<void>((resolve) => (release = resolve));
  const pending = start();
  const counted = async () => officials.fetches - fetchesBefore + (await sharedFetches(gateway)) - sharedBefore;
  while ((await counted()) < arrivals) await new Promise((resolve) => setTimeout(resolve, 10));
  officials.gate = undefined;
  release();
  const results = await Promise.all(pending);
  return { results, fetches: officials.fetches - fetchesBefore, shared: (await sharedFetches(gateway)) - sharedBefore };
}

describe("deduplicating subgraph fetches at the gateway", () => {
  it("sends eight identical concurrent reads to the subgraph once, each caller getting the full answer", async () => {
    const { results, fetches, shared } = await withOfficialsOnHold(8, () =>
      Array.from({ length: 8 }, () => fed.query<{ officials: Connection<{ id: string; name: string }> }>(OFFICIALS)),
    );
    expect(fetches).toBe(1);
    expect(shared).toBe(7);
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result).toEqual(results[0]);
    }
    expect(results[0]!.data?.officials.totalCount).toBeGreaterThan(0);
    // Separate copies: what one caller's result holds is not another's.
    expect(results[0]!.data?.officials.edges).not.toBe(results[1]!.data?.officials.edges);
  });

  it("keeps reads of different callers apart", async () => {
    const [alice, bob] = [await tokens.only("officials:write"), await tokens.readOnly()];
    const { fetches, shared } = await withOfficialsOnHold(8, () =>
      Array.from({ length: 8 }, (_, i) => fed.query(OFFICIALS, {}, { token: i % 2 ? alice : bob })),
    );
    expect(fetches).toBe(2);
    expect(shared).toBe(6);
  });

  it("never shares a mutation", async () => {
    const token = await tokens.editor();
    const { results, fetches, shared } = await withOfficialsOnHold(2, () => [
      fed.query(RENAME, {}, { token }),
      fed.query(RENAME, {}, { token }),
    ]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(fetches).toBe(2);
    expect(shared).toBe(0);
  });

  it("is switched off with SUBGRAPH_DEDUPE=false", async () => {
    expect(loadGatewayConfig({}).subgraphDedupe).toBe(true);
    expect(loadGatewayConfig({ SUBGRAPH_DEDUPE: "false" }).subgraphDedupe).toBe(false);
    const gateway = await createGatewayServer({
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, composedUrl(s)])) as never,
      buildService: ({ name }) => fed.sources[name as keyof TestFederation["sources"]],
      subgraphDedupe: false,
      // Merging would send the four reads as one request (four parts): off, so each read goes on its own.
      subgraphMergeFetches: false,
    });
    try {
      const query = () => gateway.apollo.executeOperation({ query: OFFICIALS }, { contextValue: { identity: null } });
      const { results, fetches, shared } = await withOfficialsOnHold(4, () => Array.from({ length: 4 }, query), gateway);
      expect(results.map((r) => singleResult(r).errors)).toEqual([undefined, undefined, undefined, undefined]);
      expect(fetches).toBe(4);
      expect(shared).toBe(0);
    } finally {
      await gateway.apollo.stop();
    }
  });
});
