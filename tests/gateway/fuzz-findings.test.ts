import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { tokens } from "../helpers/identities.js";

// Regression tests for what the fuzzer (fuzz.test.ts) found: each answered 500 or stored something else than was sent.

let fed: TestFederation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(() => fed?.close());
beforeEach(() => fed.resetCounters());

const fetches = () => Object.values(fed.sources).reduce((sum, source) => sum + source.fetches, 0);

describe("an operation the gateway cannot resolve is the client's error (was HTTP 500 from @apollo/gateway)", () => {
  it.each([
    ["an unknown operation name", "query A { __typename }", "Missing", /Unknown operation named "Missing"/],
    ["several operations and no name", "query A { __typename } query B { __typename }", undefined, /operation name/],
    ["a subscription (the schema has none)", "subscription { __typename }", undefined, /no subscription operations/],
  ])("%s: 400 OPERATION_RESOLUTION_FAILURE, nothing fetched", async (_name, query, operationName, message) => {
    const answer = await fed.request(query, undefined, { operationName });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ message: expect.stringMatching(message), extensions: { code: "OPERATION_RESOLUTION_FAILURE" } }),
    ]);
    expect(fetches()).toBe(0);
  });

  it("a mutation with an unknown operation name is refused the same way, before authorization", async () => {
    const answer = await fed.request('mutation A { deleteArticle(id: "x") { deletedId } }', undefined, { operationName: "B" });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("OPERATION_RESOLUTION_FAILURE");
  });
});

describe("text that cannot be stored as sent is refused (400 BAD_USER_INPUT)", () => {
  it.each([
    ["NUL in the operation name", "query A { __typename }", undefined, { operationName: "A\u0000" }],
    ["NUL in the extensions", "{ __typename }", undefined, { extensions: { trace: "\u0000" } }],
    [
      "a lone high surrogate in a variable",
      "query($s: String) { articles(filter: { search: $s }) { totalCount } }",
      { s: "a\uD800" },
      {},
    ],
    ["a lone low surrogate in a variable", "query($c: String!) { country(code: $c) { name } }", { c: "\uDC00M" }, {}],
    ["a lone surrogate in a variable's key", "{ __typename }", { ["k\uD83D"]: 1 }, {}],
    ["a lone surrogate in the operation name", "query A { __typename }", undefined, { operationName: "A\uDFFF" }],
  ])("%s", async (_name, query, variables, options) => {
    const answer = await fed.request(query, variables as Record<string, unknown> | undefined, options);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([expect.objectContaining({ extensions: { code: "BAD_USER_INPUT" } })]);
    expect(fetches()).toBe(0);
  });

  it("a create whose name holds a lone surrogate writes nothing (it was stored as U+FFFD and acknowledged)", async () => {
    const count = async () =>
      (await fed.query<{ organizations: { totalCount: number } }>("{ organizations(first: 0) { totalCount } }")).data!
        .organizations.totalCount;
    const before = await count();
    const answer = await fed.request(
      "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name } userErrors { code } } }",
      { input: { name: "Ministry \uD800 of Nothing", kind: "MINISTRY" } },
      { token: await tokens.editor() },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toMatch(/surrogate/);
    expect(await count()).toBe(before);
  });

  it("surrogate pairs (emoji, astral letters) are ordinary text", async () => {
    const answer = await fed.request("query($s: String) { articles(filter: { search: $s }) { totalCount } }", {
      s: "😀 𝔘 digital",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
  });
});

describe("a document nested beyond the parser's stack", () => {
  it("is a parse error that says so, not the engine's 'Maximum call stack size exceeded'", async () => {
    // Within the 2,000-token limit: `[` is one token a level.
    const deep = `${"[".repeat(1_990)}1${"]".repeat(1_990)}`;
    const answer = await fed.request(`{ articles(filter: { search: ${deep} }) { totalCount } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: "Syntax Error: the document is nested too deeply to parse.",
        extensions: { code: "GRAPHQL_PARSE_FAILED" },
      }),
    ]);
    expect(fetches()).toBe(0);
  });
});

describe("variables with very many values (50,000 unknown input fields exhausted the gateway's heap)", () => {
  it("are refused before coercion with 400 VARIABLES_TOO_LARGE, nothing fetched", async () => {
    const filter = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    const answer = await fed.request("query($f: ArticleFilterInput) { articles(filter: $f) { totalCount } }", { f: filter });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("at most 10000 values"),
        extensions: { code: "VARIABLES_TOO_LARGE" },
      }),
    ]);
    expect(fetches()).toBe(0);
  });

  it("a few unknown fields are still named one by one by validation", async () => {
    const answer = await fed.request("query($f: ArticleFilterInput) { articles(filter: $f) { totalCount } }", {
      f: { nonsense: 1 },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toContain('"nonsense"');
  });
});

describe("operation names chosen by clients", () => {
  it("label the metrics up to a bound, then count as `other`, so metrics cannot grow without end", async () => {
    for (let n = 0; n < 260; n += 1) await fed.query(`query Distinct${n} { __typename }`);
    const labels = new Set(
      [...(await fed.metricsText()).matchAll(/^graphql_requests_total\{[^}]*operation="([^"]+)"/gm)].map((m) => m[1]),
    );
    expect(labels.size).toBeLessThanOrEqual(200 + 2); // the bound, plus "anonymous" and "other"
    expect(labels).toContain("other");
    expect(labels).toContain("Distinct0");
    expect(labels).not.toContain("Distinct259");
  });
});
