import { Writable } from "node:stream";
import { createGatewayServer, type GatewayServer } from "@newsfed/gateway";
import { closeGracefully, type GraphQLHttpServer, listen } from "@newsfed/kit/http";
import { createSubgraphServer, NO_FEDERATION } from "@newsfed/kit/subgraph";
import { SUBGRAPHS } from "@newsfed/kit/services";
import { DEVELOPMENT_GATEWAY_SECRET } from "@newsfed/kit/identity";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../helpers/databases.js";
import { tokens } from "../helpers/identities.js";
import { SUBGRAPH_DEFINITIONS } from "../helpers/subgraph-definitions.js";

// When the gateway gives up on a subgraph fetch (its timeout, or its own client left), the subgraph cancels the SQL
// statement it was running for that request instead of letting PostgreSQL finish it for nobody. A test-only trigger
// makes inserting an organization sleep ten minutes; each test waits (without timing anything) until the statement
// is seen sleeping, gives up on the request, then waits until it is gone: with no cancellation, it would not be.
type Database = Awaited<ReturnType<typeof openSeededDatabase>>;
let database: Database;
let subgraph: { apollo: { stop(): Promise<void> }; http: GraphQLHttpServer };
let subgraphUrl: string;
const logLines: string[] = [];

const rows = async (query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;
const sleepingStatements = async () =>
  (await rows(sql`select pid from pg_stat_activity where wait_event = 'PgSleep' and datname = current_database()`)).length;
const organizationsNamed = async (name: string) =>
  (await rows(sql`select id from officials.organizations where name = ${name}`)).length;
const until = async (condition: () => Promise<boolean>) => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
};
const create = (name: string) =>
  JSON.stringify({ query: `mutation { createOrganization(input: { name: "${name}", kind: OTHER }) { organization { id } } }` });

beforeAll(async () => {
  database = await openSeededDatabase("officials");
  await database.db.execute(
    sql.raw(`create function officials.newsfed_test_slow() returns trigger language plpgsql as
      $$ begin perform pg_sleep(600); return new; end $$;
      create trigger newsfed_test_slow before insert on officials.organizations
      for each row execute function officials.newsfed_test_slow();`),
  );
  const capture = new Writable({
    write(chunk, _encoding, callback) {
      logLines.push(String(chunk));
      callback();
    },
  });
  subgraph = await createSubgraphServer(SUBGRAPH_DEFINITIONS.officials, database.db as never, {
    sharedSecret: DEVELOPMENT_GATEWAY_SECRET,
    federation: NO_FEDERATION,
    logger: pino({ level: "info" }, capture),
  });
  subgraphUrl = `${await listen(subgraph.http, 0)}/graphql`;
});
afterAll(async () => {
  if (subgraph) {
    await closeGracefully(subgraph.http, 1_000);
    await subgraph.apollo.stop();
  }
  await database?.close();
});

async function gatewayTo(options: { subgraphTimeoutMs?: number } = {}): Promise<GatewayServer & { url: string }> {
  const dead = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, "http://127.0.0.1:9/graphql"]));
  const gateway = await createGatewayServer({ subgraphUrls: { ...dead, officials: subgraphUrl } as never, ...options });
  return { ...gateway, url: `${await listen(gateway.http, 0)}/graphql` };
}

async function stop(gateway: GatewayServer) {
  await closeGracefully(gateway.http, 1_000);
  await gateway.apollo.stop();
}

describe("cancelling the SQL of abandoned requests", () => {
  it("cancels the statement when the client of the gateway disconnects", async () => {
    const gateway = await gatewayTo();
    try {
      const client = new AbortController();
      const request = fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await tokens.editor()}` },
        body: create("Abandoned By Its Client"),
        signal: client.signal,
      }).catch((error: Error) => error.name);
      await until(async () => (await sleepingStatements()) === 1);
      client.abort();
      expect(await request).toBe("AbortError");
      await until(async () => (await sleepingStatements()) === 0);
      // The statement ended with query_canceled (SQLSTATE 57014), as the subgraph logged it.
      await until(async () => logLines.some((line) => line.includes("canceling statement due to user request")));
      expect(await organizationsNamed("Abandoned By Its Client")).toBe(0);
    } finally {
      await stop(gateway);
    }
  });

  it("cancels the statement when the gateway's subgraph timeout expires, and answers the client with the outage", async () => {
    const gateway = await gatewayTo({ subgraphTimeoutMs: 1_000 });
    try {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await tokens.editor()}` },
        body: create("Timed Out At The Gateway"),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(body.errors?.[0]?.extensions?.code).toBe("SUBGRAPH_UNAVAILABLE");
      await until(async () => (await sleepingStatements()) === 0);
      expect(await organizationsNamed("Timed Out At The Gateway")).toBe(0);
    } finally {
      await stop(gateway);
    }
  });
});
