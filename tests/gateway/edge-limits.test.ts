import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exampleTabs } from "../../gateway/src/ide/example-operations.js";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { tokens } from "../helpers/identities.js";
import { CONTRACT_EXAMPLE } from "../helpers/queries.js";
import { SEED } from "../helpers/seed-ids.js";

// Operation limits at the gateway's edge: refused with HTTP 400 and a code of their own before the gateway plans,
// so no subgraph is ever asked (fetches are counted, never timed: the machine may be loaded).

let fed: TestFederation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(() => fed?.close());
beforeEach(() => fed.resetCounters());

const fetches = () => Object.values(fed.sources).reduce((sum, source) => sum + source.fetches, 0);

/** `fragment F<n>` selects two aliased copies of F<n−1>: 2^n fields once expanded, from a 1–2 KB document. */
function fragmentDoubling(n: number): string {
  const fragments = ["fragment F0 on PolicyEvent { id }"];
  for (let i = 1; i <= n; i++)
    fragments.push(`fragment F${i} on PolicyEvent { a: parent { ...F${i - 1} } b: parent { ...F${i - 1} } }`);
  return `{ event(id: "${SEED.asiaVisit}") { ...F${n} } }\n${fragments.reverse().join("\n")}`;
}
const aliasFlood = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: officials(first: 100) { totalCount }`).join(" ")} }`;
function nestedHops(hops: number): string {
  let inner = "id";
  for (let i = 0; i < hops; i++) inner = `positions { organization { officials(first: 100) { edges { node { ${inner} } } } } }`;
  return `{ official(id: "${SEED.annuar}") { ${inner} } }`;
}

describe("operation limits", () => {
  it.each([
    ["fragment doubling F20", () => fragmentDoubling(20), "OPERATION_TOO_DEEP"],
    ["fragment doubling F30", () => fragmentDoubling(30), "OPERATION_TOO_DEEP"],
    ["20,000 aliases", () => aliasFlood(20_000), "TOO_MANY_TOKENS"],
    ["12 nested hops", () => nestedHops(12), "OPERATION_TOO_DEEP"],
  ])("refuses %s with 400 and its code, before any subgraph fetch", async (_name, attack, code) => {
    const answer = await fed.request(attack());
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.body.data).toBeUndefined();
    expect(fetches()).toBe(0);
  });

  it("refuses each limit with its own code, naming the limit and the measure", async () => {
    const cases: [string, string][] = [
      // 31 aliases of a cheap root field.
      [`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: __typename`).join(" ")} }`, "TOO_MANY_ALIASES"],
      [`{ ${Array.from({ length: 51 }, () => `__typename @include(if: true)`).join(" ")} }`, "TOO_MANY_DIRECTIVES"],
      // Two hops at full pages: depth 12, cost well over 10,000.
      [
        `{ officials(first: 100) { edges { node { positions { organization { officials(first: 100) { edges { node { positions { title } } } } } } } } } }`,
        "OPERATION_TOO_COMPLEX",
      ],
    ];
    for (const [query, code] of cases) {
      const answer = await fed.request(query);
      expect(answer.status, code).toBe(400);
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code, limit: expect.any(Number), actual: expect.any(Number) });
    }
    expect(fetches()).toBe(0);
  });

  it("refuses root lists under many aliases: by the alias limit, else by cost", async () => {
    const many = await fed.request(aliasFlood(31));
    expect(many.body.errors?.[0]?.extensions?.code).toBe("TOO_MANY_ALIASES");
    // 30 aliases pass the alias limit; with nested pages they cost too much.
    const costly = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: officials(first: 100) { edges { node { positions { title } } } }`).join(" ")} }`;
    const refused = await fed.request(costly);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("OPERATION_TOO_COMPLEX");
    expect(fetches()).toBe(0);
  });

  it("prices `first: $variable` by the variable's value, at execution start", async () => {
    const query = `query($n: Int!) { officials(first: $n) { edges { node { positions { organization { officials(first: $n) { totalCount } } } } } } }`;
    // cost = 1 + n × (13 + 5n): n = 100 → 51,301, refused; n = 5 → 191, runs.
    const big = await fed.request(query, { n: 100 });
    expect(big.status).toBe(400);
    expect(big.body.errors?.[0]?.extensions?.code).toBe("OPERATION_TOO_COMPLEX");
    expect(fetches()).toBe(0);
    const small = await fed.request<{ officials: { edges: unknown[] } }>(query, { n: 5 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data?.officials.edges.length).toBeGreaterThan(0);
  });

  it("lets every IDE example, the contract query and the standard introspection queries through", async () => {
    const operations = [
      ...exampleTabs({ Authorization: "Bearer x" }).map((tab) => ({
        query: tab.query,
        variables: tab.variables ? (JSON.parse(tab.variables) as Record<string, unknown>) : undefined,
        mutation: /^\s*(#.*\n)*\s*mutation/.test(tab.query),
      })),
      { query: CONTRACT_EXAMPLE, variables: undefined, mutation: false },
      { query: getIntrospectionQuery(), variables: undefined, mutation: false },
      {
        query: getIntrospectionQuery({
          descriptions: true,
          inputValueDeprecation: true,
          schemaDescription: true,
          specifiedByUrl: true,
          directiveIsRepeatable: true,
        }),
        variables: undefined,
        mutation: false,
      },
    ];
    expect(operations.length).toBe(9);
    const token = await tokens.editor();
    for (const { query, variables, mutation } of operations) {
      const answer = await fed.request(query, variables, mutation ? { token } : {});
      expect(answer.status, query.slice(0, 80)).toBe(200);
      expect(answer.body.errors, query.slice(0, 80)).toBeUndefined();
    }
  });
});

describe("the limits are settings", () => {
  it("applies the limits it is given", async () => {
    const strict = await startFederation({ limits: { maxDepth: 2, maxTokens: 20 } });
    try {
      const deep = await strict.request(`{ officials { edges { node { id } } } }`);
      expect(deep.body.errors?.[0]?.extensions?.code).toBe("OPERATION_TOO_DEEP");
      const long = await strict.request(`{ ${Array.from({ length: 20 }, () => "__typename").join(" ")} }`);
      expect(long.status).toBe(400);
      expect(long.body.errors?.[0]?.extensions?.code).toBe("TOO_MANY_TOKENS");
    } finally {
      await strict.close();
    }
  });
});
