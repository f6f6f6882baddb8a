import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { withClient, withDatabase } from "@newsfed/kit/postgres-server";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CONTRACT_EXAMPLE, type ContractExampleData } from "../helpers/queries.js";
import { postGraphQL, type RunningStack, startStack, tempDataDir } from "../helpers/stack.js";

// DATABASE_URL set → no embedded server: every subgraph on the given PostgreSQL server (the tests' server: embedded
// by default, TEST_DATABASE_URL's under `pnpm test:postgres`), each in its own schema of one database.
const serverUrl = inject("databaseServerUrl");
const database = `${inject("databasePrefix")}_start_${randomBytes(4).toString("hex")}`;
const databaseUrl = withDatabase(serverUrl, database);
const dataDir = tempDataDir("newsfed-database-url-");
let stack: RunningStack | undefined;

beforeAll(() => withClient(serverUrl, (admin) => admin.query(`create database "${database}"`)));
afterAll(async () => {
  await stack?.stop();
  await withClient(serverUrl, (admin) => admin.query(`drop database if exists "${database}" with (force)`));
  rmSync(dataDir, { recursive: true, force: true });
});

const COUNTS = `{ articles { totalCount } officials { totalCount } initiatives { totalCount } events { totalCount } countries { totalCount } }`;

describe("the start command with DATABASE_URL", () => {
  it("starts no embedded server, migrates each subgraph into its own schema, seeds, and answers the contract example", async () => {
    stack = await startStack(dataDir, { DATABASE_URL: databaseUrl });
    expect(stack.output()).not.toContain("PostgreSQL (embedded)");
    expect(stack.processes().filter((p) => p.command.includes("postgres"))).toEqual([]);
    expect(stack.output()).toMatch(/articles subgraph ready .*\(PostgreSQL at 127\.0\.0\.1:\d+\/newsfed_/);
    const { body } = await postGraphQL<ContractExampleData>(stack.gatewayUrl, CONTRACT_EXAMPLE);
    expect(body.errors).toBeUndefined();
    expect(body.data!.articles.edges[0]!.node.officials).toHaveLength(2);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const schemas = await client.query(
        `select schema_name from information_schema.schemata where schema_name in ('articles','officials','policy','drizzle') order by 1`,
      );
      const journals = await client.query(
        `select table_schema from information_schema.tables where table_name = '__drizzle_migrations' order by 1`,
      );
      expect(schemas.rows.map((r) => r.schema_name)).toEqual(["articles", "officials", "policy"]);
      expect(journals.rows.map((r) => r.table_schema)).toEqual(["articles", "officials", "policy"]);
    } finally {
      await client.end();
    }
  });

  it("restarts on the same database without re-running migrations or duplicating the seed", async () => {
    const before = (await postGraphQL(stack!.gatewayUrl, COUNTS)).body.data;
    expect(await stack!.stop()).toBe(0);
    stack = await startStack(dataDir, { DATABASE_URL: databaseUrl });
    expect((await postGraphQL(stack.gatewayUrl, COUNTS)).body.data).toEqual(before);
  });
});
