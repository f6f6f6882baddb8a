import { createGatewayServer } from "@newsfed/gateway";
import { databaseUnavailability } from "@newsfed/kit/db";
import { closeGracefully, listen } from "@newsfed/kit/http";
import { DEVELOPMENT_GATEWAY_SECRET } from "@newsfed/kit/identity";
import { SUBGRAPHS } from "@newsfed/kit/services";
import { createSubgraphServer, NO_FEDERATION } from "@newsfed/kit/subgraph";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { tokens } from "../helpers/identities.js";
import { SUBGRAPH_DEFINITIONS } from "../helpers/subgraph-definitions.js";

// Found by `pnpm durability`: while PostgreSQL restarted, every subgraph answered INTERNAL_SERVER_ERROR ("a bug"
// for partners and operators). A database that is down, restarting or too slow makes the service unavailable for now:
// SUBGRAPH_UNAVAILABLE with the service's name, like a subgraph that is down.

describe("a subgraph whose database cannot be reached", () => {
  it("answers SUBGRAPH_UNAVAILABLE through the gateway for reads and writes, never INTERNAL_SERVER_ERROR", async () => {
    // A pool on a port where nothing listens: every statement fails with ECONNREFUSED.
    const pool = new pg.Pool({ connectionString: "postgres://nobody:nothing@127.0.0.1:9/none", connectionTimeoutMillis: 2_000 });
    pool.on("error", () => undefined);
    const definition = SUBGRAPH_DEFINITIONS.officials;
    const db = drizzle(pool, { schema: definition.dbSchema as Record<string, unknown> });
    const subgraph = await createSubgraphServer(definition, db as never, {
      sharedSecret: DEVELOPMENT_GATEWAY_SECRET,
      federation: NO_FEDERATION,
    });
    const subgraphUrl = await listen(subgraph.http, 0);
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, "http://127.0.0.1:9/graphql"]));
    const gateway = await createGatewayServer({ subgraphUrls: { ...urls, officials: `${subgraphUrl}/graphql` } as never });
    const gatewayUrl = await listen(gateway.http, 0);
    const post = async (query: string, token?: string) => {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, text: await response.text() };
    };
    try {
      const read = await post("{ organizations(first: 1) { totalCount } }");
      const write = await post(
        'mutation { createOrganization(input: { name: "Ministry of Outages", kind: MINISTRY, idempotencyKey: "k1" }) { organization { id } userErrors { code } } }',
        await tokens.editor(),
      );
      for (const [answer, field] of [
        [read, "organizations"],
        [write, "createOrganization"],
      ] as const) {
        expect(answer.status).toBe(200);
        const body = JSON.parse(answer.text) as {
          errors?: { path?: string[]; message: string; extensions?: Record<string, unknown> }[];
        };
        expect(body.errors).toEqual([
          expect.objectContaining({
            path: [field],
            message: expect.stringMatching(/cannot reach its database right now; retry later/),
            extensions: expect.objectContaining({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "officials" }),
          }),
        ]);
        expect(answer.text).not.toMatch(/ECONNREFUSED|INTERNAL_SERVER_ERROR|select /i);
      }
    } finally {
      await closeGracefully(gateway.http);
      await gateway.apollo.stop();
      await closeGracefully(subgraph.http);
      await subgraph.apollo.stop();
      await pool.end();
    }
  });
});

describe("databaseUnavailability", () => {
  const drizzleWrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause });
  it.each([
    [
      "connection refused",
      drizzleWrapped(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
      "unreachable",
    ],
    [
      "starting up (57P03)",
      drizzleWrapped(Object.assign(new Error("the database system is starting up"), { code: "57P03" })),
      "unreachable",
    ],
    [
      "crash shutdown (57P02)",
      drizzleWrapped(Object.assign(new Error("terminating connection because of crash"), { code: "57P02" })),
      "unreachable",
    ],
    ["connection lost mid-statement", drizzleWrapped(new Error("Connection terminated unexpectedly")), "unreachable"],
    [
      "connection exception class 08",
      drizzleWrapped(Object.assign(new Error("connection failure"), { code: "08006" })),
      "unreachable",
    ],
    [
      "statement timeout (57014)",
      drizzleWrapped(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" })),
      "timeout",
    ],
    ["a unique violation is not", drizzleWrapped(Object.assign(new Error("duplicate key"), { code: "23505" })), undefined],
    ["a bug is not", new TypeError("Cannot read properties of undefined"), undefined],
  ])("%s", (_name, error, expected) => {
    expect(databaseUnavailability(error)).toBe(expected);
  });
});
