import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { CONTRACT_EXAMPLE } from "../helpers/queries.js";
import { dataOf } from "../helpers/results.js";

// The contract query's plan fetches from policy twice in one parallel step (the officials' initiatives and the
// articles' events). The gateway sends both as one subgraph request and splits the answer back; SUBGRAPH_MERGE_FETCHES
// =false sends them apart. Both gateways run over the same in-process subgraphs and databases.
let merging: TestFederation;
let apart: TestFederation;
beforeAll(async () => {
  [merging, apart] = await Promise.all([startFederation(), startFederation({ subgraphMergeFetches: false })]);
});
afterAll(async () => {
  await merging?.close();
  await apart?.close();
});

async function mergedFetches(fed: TestFederation): Promise<number> {
  const metric = await fed.gatewayMetrics.registry.getSingleMetric("subgraph_fetches_merged_total")!.get();
  return metric.values.filter((v) => v.labels.subgraph === "policy").reduce((sum, v) => sum + v.value, 0);
}

// The officials' initiatives with a cursor the API never issued: that part fails, the events part must not.
const ONE_PART_FAILS = CONTRACT_EXAMPLE.replace("initiatives(first: 5)", 'initiatives(first: 5, after: "not-a-cursor")');

describe("parallel fetches to one subgraph", () => {
  it("go as one subgraph request, with the same answer as when sent apart", async () => {
    for (const fed of [merging, apart]) fed.resetCounters();
    const before = await mergedFetches(merging);
    const together = await merging.query(CONTRACT_EXAMPLE);
    const separately = await apart.query(CONTRACT_EXAMPLE);
    expect(together).toEqual(separately);
    expect((dataOf(together) as { articles: { totalCount: number } }).articles.totalCount).toBeGreaterThan(0);
    expect(merging.sources.policy.fetches).toBe(apart.sources.policy.fetches - 1);
    expect(await mergedFetches(merging)).toBe(before + 2);
  });

  it("give each part its own errors, at the client's paths, and the other part its data", async () => {
    const together = await merging.query<{ articles: { edges: { node: { events: { title: string }[] } }[] } }>(ONE_PART_FAILS);
    const separately = await apart.query(ONE_PART_FAILS);
    expect(together).toEqual(separately);
    const errors = together.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions?.code).toBe("BAD_USER_INPUT");
      expect(error.path).toEqual([
        "articles",
        "edges",
        expect.any(Number),
        "node",
        "officials",
        expect.any(Number),
        "initiatives",
      ]);
    }
    const titles = together.data!.articles.edges.flatMap((edge) => edge.node.events.map((event) => event.title));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((title) => typeof title === "string" && title.length > 0)).toBe(true);
  });

  it("keep apart the fetches of different requests", async () => {
    merging.resetCounters();
    const before = await mergedFetches(merging);
    const answers = await Promise.all([merging.query(CONTRACT_EXAMPLE), merging.query(ONE_PART_FAILS)]);
    expect(answers[0]!.errors).toBeUndefined();
    expect(answers[1]!.errors?.length).toBeGreaterThan(0);
    // At least one merged request (the second request's events fetch may instead wait for the first's identical one).
    expect(await mergedFetches(merging)).toBeGreaterThanOrEqual(before + 2);
  });
});
