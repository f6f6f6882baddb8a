import { readFileSync } from "node:fs";
import { buildSchema, getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { exampleTabs } from "../../gateway/src/ide/example-operations.js";
import { fragmentsOf, measureOperation } from "../../gateway/src/limits/operation-limits.js";
import { CONTRACT_EXAMPLE } from "../helpers/queries.js";

// The cost model and the figures docs/PARTNERS.md#limits quotes. Linear work: a fragment bomb is measured, not expanded.

const schema = buildSchema(readFileSync(new URL("../../gateway/schema.graphql", import.meta.url), "utf8"));
const measure = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return measureOperation(schema, operation, fragmentsOf(document), variables);
};
const example = (name: string) => exampleTabs({}).find((tab) => tab.query.includes(`query ${name}`))!.query;
function nestedHops(hops: number): string {
  let inner = "id";
  for (let i = 0; i < hops; i++) inner = `positions { organization { officials(first: 100) { edges { node { ${inner} } } } } }`;
  return `{ official(id: "x") { ${inner} } }`;
}

describe("operation cost", () => {
  it("prices the documented operations as docs/PARTNERS.md says", () => {
    expect(measure(example("OfficialsInCybersecurityArticles"))).toMatchObject({ depth: 8, cost: 1511 });
    expect(measure(example("OfficialTimeline")).cost).toBe(292);
    expect(measure(example("CountryOverview")).cost).toBe(266);
    expect(measure(example("SearchArticles"), { first: 100 })).toMatchObject({ depth: 4, cost: 1001 });
    expect(measure(CONTRACT_EXAMPLE.replace("articles(first: 5", "articles(first: 20"))).toMatchObject({ depth: 8, cost: 5441 });
    expect(measure(CONTRACT_EXAMPLE.replace("articles(first: 5", "articles(first: 100")).cost).toBe(27201);
    expect(
      measure(
        `{ officials(first: 100) { edges { node { id displayName positions { title startDate endDate organization { name } } } } } }`,
      ),
    ).toMatchObject({ depth: 6, cost: 3001 });
    expect(
      measure(
        `{ countries(first: 100) { edges { node { name officials(first: 10) { totalCount edges { node { displayName } } } } } } }`,
      ),
    ).toMatchObject({ depth: 7, cost: 4401 });
    expect(measure(nestedHops(2))).toMatchObject({ depth: 12, cost: 756512 });
    expect(measure(getIntrospectionQuery()).depth).toBe(0);
    expect(measure(getIntrospectionQuery()).cost).toBeLessThan(300);
    const thirty = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: officials(first: 100) { edges { node { positions { title } } } }`).join(" ")} }`;
    expect(measure(thirty)).toMatchObject({ aliases: 30, cost: 24030 });
  });

  it("reads a page size from the request's variables, the variable's default, or the argument's default", () => {
    const query = `query($n: Int = 7) { officials(first: $n) { totalCount } }`;
    expect(measure(query, { n: 50 }).cost).toBe(51);
    expect(measure(query).cost).toBe(8);
    expect(measure(`query($n: Int) { officials(first: $n) { totalCount } }`).cost).toBe(21);
    // Larger than a page can be is priced as the largest page (the subgraph refuses it before any work).
    expect(measure(`{ officials(first: 100000) { totalCount } }`).cost).toBe(101);
  });

  it("measures a fragment bomb once per fragment (2^40 expanded fields, counted without expanding)", () => {
    const fragments = ["fragment F0 on PolicyEvent { id }"];
    for (let i = 1; i <= 40; i++)
      fragments.push(`fragment F${i} on PolicyEvent { a: parent { ...F${i - 1} } b: parent { ...F${i - 1} } }`);
    const m = measure(`{ event(id: "x") { ...F40 } }\n${fragments.join("\n")}`);
    expect(m.depth).toBe(42);
    expect(m.aliases).toBe(2 ** 41 - 2);
  });
});
