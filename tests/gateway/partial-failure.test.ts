import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { CONTRACT_EXAMPLE, type ContractExampleData } from "../helpers/queries.js";
import { SEED } from "../helpers/seed-ids.js";

let fed: TestFederation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(() => fed?.close());
afterEach(() => {
  for (const source of Object.values(fed.sources)) source.failing = false;
});

describe("a subgraph that fails", () => {
  it("costs only its own fields: the rest of the answer arrives with path-accurate errors", async () => {
    fed.sources.policy.failing = true;
    const result = await fed.query<ContractExampleData>(CONTRACT_EXAMPLE);
    const article = result.data?.articles.edges[0]!.node;
    expect(article!.headline).toMatch(/^Malaysia, US/);
    expect(article!.officials!.map((o) => o.displayName).sort()).toEqual(["Gina Raimondo", "Tan Sri Annuar Musa"]);
    expect(article!.officials!.map((o) => o.country!.name).sort()).toEqual(["Malaysia", "United States"]);
    expect(article!.officials!.every((o) => o.initiatives === null)).toBe(true);
    expect(article!.events).toBeNull();
    expect(result.errors?.length).toBeGreaterThan(0);
    const paths = result.errors!.map((e) => e.path?.join("."));
    // Each event's fields came from policy: the errors name them; `events` (a nullable list) absorbs the nulls.
    expect(paths).toContain("articles.edges.0.node.events.0.title");
    expect(
      result.errors!.every((e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE" && e.extensions?.serviceName === "policy"),
    ).toBe(true);
    expect(paths.some((p) => /^articles\.edges\.0\.node\.officials\.\d\.initiatives$/.test(p ?? ""))).toBe(true);
    for (const error of result.errors!) expect(JSON.stringify(error)).not.toMatch(/stack|ECONNREFUSED at/);
  });

  it("leaves a root field of a healthy subgraph untouched when another one is down", async () => {
    fed.sources.articles.failing = true;
    const result = await fed.query(
      `query($id: ID!) { official(id: $id) { name articles { totalCount } initiatives { totalCount } } }`,
      {
        id: SEED.annuar,
      },
    );
    expect(result.data?.official).toEqual({ name: "Annuar Musa", articles: null, initiatives: { totalCount: 2 } });
    expect(result.errors?.map((e) => e.path?.join("."))).toEqual(["official.articles"]);
  });
});
