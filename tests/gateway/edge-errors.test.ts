import { createHash } from "node:crypto";
import { createGatewayServer } from "@newsfed/gateway";
import { closeGracefully, listen } from "@newsfed/kit/http";
import { SUBGRAPHS } from "@newsfed/kit/services";
import { createSubgraphServer, NO_FEDERATION } from "@newsfed/kit/subgraph";
import { DEVELOPMENT_GATEWAY_SECRET } from "@newsfed/kit/identity";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../helpers/databases.js";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { tokens } from "../helpers/identities.js";
import type { Connection, GraphQLResult } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";
import { SUBGRAPH_DEFINITIONS } from "../helpers/subgraph-definitions.js";

// Honest errors: what the client got wrong comes back as its own error (code, path, argument), never as an outage.

let fed: TestFederation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(() => fed?.close());
beforeEach(() => fed.resetCounters());

const fetches = () => Object.values(fed.sources).reduce((sum, source) => sum + source.fetches, 0);
const unreachable = async () =>
  (await fed.metricsText()).split("\n").filter((line) => /^subgraph_fetch_errors_total\{.*kind="unreachable"/.test(line));

describe("a value a subgraph refuses", () => {
  it.each([
    [
      "officials",
      `{ officials(filter: { activeAt: "2021-13-01" }) { totalCount } }`,
      undefined,
      "filter.activeAt",
      ["officials"],
    ],
    [
      "officials (variable)",
      `query($d: Date) { officials(filter: { activeAt: $d }) { totalCount } }`,
      { d: "2021-13-01" },
      "filter.activeAt",
      ["officials"],
    ],
    ["articles", `{ articles(filter: { from: "2021-13-45" }) { totalCount } }`, undefined, "filter.from", ["articles"]],
    [
      "articles, contributed to an official",
      `{ official(id: "${SEED.annuar}") { name articles(filter: { from: "2021-13-45" }) { totalCount } } }`,
      undefined,
      "filter.from",
      ["official", "articles"],
    ],
  ])("%s: BAD_USER_INPUT naming the argument, at the field's path", async (_name, query, variables, argument, path) => {
    const result = await fed.query<{ official: { name: string } | null }>(query, variables);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    expect(error!.message).toContain(argument);
    expect(error!.path).toEqual(path);
    expect(JSON.stringify(result)).not.toMatch(/SUBGRAPH_UNAVAILABLE|unavailable/);
    if (path.length > 1) expect(result.data?.official!.name).toBe("Annuar Musa");
    expect(await unreachable()).toEqual([]);
  });

  it("over HTTP, behind the real gateway: the subgraph's 400 is the client's error, not an outage in /metrics", async () => {
    const database = await openSeededDatabase("officials");
    const subgraph = await createSubgraphServer(SUBGRAPH_DEFINITIONS.officials, database.db as never, {
      sharedSecret: DEVELOPMENT_GATEWAY_SECRET,
      federation: NO_FEDERATION,
    });
    const subgraphUrl = await listen(subgraph.http, 0);
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, "http://127.0.0.1:9/graphql"]));
    const gateway = await createGatewayServer({ subgraphUrls: { ...urls, officials: `${subgraphUrl}/graphql` } as never });
    const gatewayUrl = await listen(gateway.http, 0);
    try {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ officials(filter: { activeAt: "2021-13-01" }) { totalCount } }` }),
      });
      const body = (await response.json()) as GraphQLResult<unknown>;
      expect(body.errors).toEqual([
        expect.objectContaining({
          path: ["officials"],
          extensions: expect.objectContaining({ code: "BAD_USER_INPUT", argument: "filter.activeAt", serviceName: "officials" }),
        }),
      ]);
      const metrics = await (await fetch(`${gatewayUrl}/metrics`)).text();
      expect(metrics).not.toMatch(/subgraph_fetch_errors_total\{[^}]*kind="unreachable"/);
      expect(metrics).toMatch(/subgraph_fetch_errors_total\{subgraph="officials",kind="graphql"/);
    } finally {
      await closeGracefully(gateway.http);
      await gateway.apollo.stop();
      await closeGracefully(subgraph.http);
      await subgraph.apollo.stop();
      await database.close();
    }
  });
});

describe("null for a value the schema requires", () => {
  it("`first: null` in a variable (how typed clients send it) is BAD_USER_INPUT, refused before any fetch", async () => {
    const answer = await fed.request(`query($n: Int) { officials(first: $n) { totalCount } }`, { n: null });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
    expect(fetches()).toBe(0);
    // Left out, the argument's default applies.
    const omitted = await fed.request(`query($n: Int) { officials(first: $n) { totalCount } }`, {});
    expect(omitted.body.errors).toBeUndefined();
  });

  it("`first: null` written in the query is BAD_USER_INPUT too", async () => {
    const answer = await fed.request(`{ officials(first: null) { totalCount } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("the NUL character, in any form", () => {
  const search = (literal: string) => `{ officials(filter: { search: ${literal} }) { totalCount } }`;
  it.each([
    ["a \\u0000 escape", search(String.raw`"a\u0000"`), undefined],
    ["a \\u{0} escape", search(String.raw`"a\u{0}"`), undefined],
    ["a \\u{000000} escape", search(String.raw`"a\u{000000}"`), undefined],
    ["a raw NUL in a string", search(`"a\u0000"`), undefined],
    ["a raw NUL in a block string", search(`"""a\u0000"""`), undefined],
    ["a raw NUL outside any string", `{ officials { totalCount } }\u0000`, undefined],
    ["a NUL in a variable", `query($s: String) { officials(filter: { search: $s }) { totalCount } }`, { s: "a\u0000" }],
    [
      "a NUL in a variable's key",
      `query($f: OfficialFilterInput) { officials(filter: $f) { totalCount } }`,
      { f: { "search\u0000": "a" } },
    ],
  ])("%s: 400 BAD_USER_INPUT, no fetch", async (_name, query, variables) => {
    const answer = await fed.request(query, variables);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(fetches()).toBe(0);
  });

  it("leaves the text `\\u0000` (an escaped backslash) alone", async () => {
    const answer = await fed.request<{ officials: { totalCount: number } }>(search(String.raw`"\\u0000"`));
    expect(answer.status).toBe(200);
    expect(answer.body.data?.officials.totalCount).toBe(0);
  });
});

describe("persisted queries (APQ)", () => {
  const query = `{ officials { totalCount } }`;
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
  const apq = (sha256Hash: string, version = 1) => ({ extensions: { persistedQuery: { version, sha256Hash } } });

  it("keeps PERSISTED_QUERY_NOT_FOUND, then runs the registered query by its hash", async () => {
    const unknown = await fed.request(undefined, undefined, apq(sha256(query)));
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    await fed.request(query, undefined, apq(sha256(query)));
    const known = await fed.request<{ officials: { totalCount: number } }>(undefined, undefined, apq(sha256(query)));
    expect(known.body.data?.officials.totalCount).toBeGreaterThan(0);
  });

  it("answers a hash that does not match its query with 400 PERSISTED_QUERY_HASH_MISMATCH (not an internal error)", async () => {
    const answer = await fed.request(query, undefined, apq(sha256("something else")));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]).toMatchObject({
      message: "provided sha does not match query",
      extensions: { code: "PERSISTED_QUERY_HASH_MISMATCH" },
    });
  });

  it("answers an unsupported APQ version with 400 BAD_REQUEST", async () => {
    const answer = await fed.request(query, undefined, apq(sha256(query), 2));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("BAD_REQUEST");
  });
});

describe("a mutation across subgraphs", () => {
  const organizationCount = async () =>
    (await fed.query<{ organizations: { totalCount: number } }>(`{ organizations { totalCount } }`)).data?.organizations
      .totalCount as number;

  it("is refused before anything executes, naming the subgraphs (fragments included)", async () => {
    const before = await organizationCount();
    fed.resetCounters();
    const answer = await fed.request(
      `mutation { createOrganization(input: { name: "Half", kind: OTHER }) { organization { id } }
        ...Other }
       fragment Other on Mutation { createArticle(input: { headline: "H", body: "B", publishedAt: "2022-01-01T00:00:00Z", source: { name: "S" } }) { article { id } } }`,
      {},
      { token: await tokens.editor() },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: "MUTATION_SPANS_SUBGRAPHS",
      subgraphs: ["articles", "officials"],
    });
    expect(answer.body.errors?.[0]?.message).toMatch(/articles and officials/);
    expect(fetches()).toBe(0);
    expect(await organizationCount()).toBe(before);
  });

  it("allows several root fields of one subgraph", async () => {
    type Created = { organization: { id: string } | null };
    const result = await fed.query<{ a: Created; b: Created }>(
      `mutation { a: createOrganization(input: { name: "One", kind: OTHER }) { organization { id } }
                  b: createOrganization(input: { name: "Two", kind: OTHER }) { organization { id } } }`,
      {},
      { token: await tokens.editor() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.a.organization!.id).toBeTruthy();
    expect(result.data?.b.organization!.id).toBeTruthy();
  });
});

describe("audit actors", () => {
  const query = `query($id: ID!) { official(id: $id) { updatedBy history { edges { node { action actor } } } } }`;
  type Audited = { official: { updatedBy: string; history: Connection<{ action: string; actor: string }> } | null };
  const actors = (result: GraphQLResult<Audited>) => [
    result.data!.official!.updatedBy,
    ...result.data!.official!.history.edges.map((e) => e.node.actor),
  ];

  it("read `redacted` without the audit:read scope, and the real subject with it", async () => {
    const anonymous = await fed.query<Audited>(query, { id: SEED.raimondo });
    expect(new Set(actors(anonymous))).toEqual(new Set(["redacted"]));
    const reader = await fed.query<Audited>(query, { id: SEED.raimondo }, { token: await tokens.readOnly() });
    expect(new Set(actors(reader))).toEqual(new Set(["redacted"]));
    const auditor = await fed.query<Audited>(query, { id: SEED.raimondo }, { token: await tokens.only("audit:read") });
    expect(actors(auditor)).toContain("seed");
    expect(actors(auditor)).not.toContain("redacted");
  });

  it("show editors their own writes", async () => {
    const token = await tokens.only("officials:write");
    const created = await fed.query<{ createOfficial: { official: { id: string; updatedBy: string } | null } }>(
      `mutation { createOfficial(input: { name: "Own Write" }) { official { id updatedBy } } }`,
      {},
      { token },
    );
    const official = created.data?.createOfficial.official;
    expect(official!.updatedBy).toBe("test-officials:write");
    expect((await fed.query<Audited>(query, { id: official!.id })).data?.official!.updatedBy).toBe("redacted");
  });
});
