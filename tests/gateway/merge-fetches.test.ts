import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { CONTRACT_EXAMPLE } from "../helpers/queries.js";
import { tokens } from "../helpers/identities.js";
import { dataOf } from "../helpers/results.js";

// The contract query's plan fetches from policy twice in one parallel step (the officials' initiatives and the
// articles' events). The gateway sends both as one subgraph request and splits the answer back; the same for the reads
// of concurrent requests of one caller; SUBGRAPH_MERGE_FETCHES=false sends them apart. Both gateways run over the same
// in-process subgraphs and databases.
let merging: TestFederation;
let apart: TestFederation;
beforeAll(async () => {
  [merging, apart] = await Promise.all([startFederation(), startFederation({ subgraphMergeFetches: false })]);
});
afterAll(async () => {
  await merging?.close();
  await apart?.close();
});

async function mergedFetches(fed: TestFederation, subgraph = "policy"): Promise<number> {
  const metric = await fed.gatewayMetrics.registry.getSingleMetric("subgraph_fetches_merged_total")!.get();
  return metric.values.filter((v) => v.labels.subgraph === subgraph).reduce((sum, v) => sum + v.value, 0);
}

// One document, a page size of each request's own: the gateway's fetches differ only in their variables.
const BY_SIZE = `query Officials($n: Int!) { officials(first: $n) { totalCount edges { node { id name } } } }`;

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

  it("go as one subgraph request across concurrent requests of one caller, each request keeping its own answer", async () => {
    const page = (n: number) => ({ n });
    const sizes = [0, 1, 2];
    const expected = await Promise.all(sizes.map((n) => apart.query(BY_SIZE, page(n))));
    merging.resetCounters();
    const before = await mergedFetches(merging, "officials");
    const answers = await Promise.all(sizes.map((n) => merging.query(BY_SIZE, page(n))));
    expect(answers).toEqual(expected);
    for (const [i, answer] of answers.entries()) {
      const { officials } = dataOf(answer) as { officials: { totalCount: number; edges: unknown[] } };
      expect(officials.totalCount).toBeGreaterThan(1);
      expect(officials.edges).toHaveLength(Math.min(sizes[i]!, officials.totalCount));
    }
    // Sent before the next turn of the event loop, the three reads (same document, other variables) share requests.
    expect(merging.sources.officials.fetches).toBeLessThan(sizes.length);
    expect(await mergedFetches(merging, "officials")).toBeGreaterThan(before);
  });

  it("keep apart the reads of concurrent requests whose documents differ", async () => {
    merging.resetCounters();
    // Page sizes written into the queries: two subgraph documents, which merged would make a third.
    const answers = await Promise.all([1, 2].map((n) => merging.query(`{ officials(first: ${n}) { edges { node { id } } } }`)));
    for (const [i, answer] of answers.entries()) {
      expect((dataOf(answer) as { officials: { edges: unknown[] } }).officials.edges).toHaveLength(i + 1);
    }
    expect(merging.sources.officials.fetches).toBe(2);
  });

  it("never merge the reads of different callers", async () => {
    const [alice, bob] = [await tokens.only("officials:write"), await tokens.readOnly()];
    merging.resetCounters();
    const answers = await Promise.all([1, 2, 3, 4].map((n) => merging.query(BY_SIZE, { n }, { token: n % 2 ? alice : bob })));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    // At best one request per caller; the subgraph verified each request's identity header (see InProcessDataSource).
    expect(merging.sources.officials.fetches).toBeGreaterThanOrEqual(2);
  });

  it("keep apart the answers of different requests", async () => {
    merging.resetCounters();
    const before = await mergedFetches(merging);
    const answers = await Promise.all([merging.query(CONTRACT_EXAMPLE), merging.query(ONE_PART_FAILS)]);
    expect(answers[0]!.errors).toBeUndefined();
    expect(answers[1]!.errors?.length).toBeGreaterThan(0);
    // At least one merged request (the second request's events fetch may instead wait for the first's identical one).
    expect(await mergedFetches(merging)).toBeGreaterThanOrEqual(before + 2);
  });
});
