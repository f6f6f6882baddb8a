import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_EXAMPLE } from "../helpers/queries.js";
import { postGraphQL, type RunningStack, startStack } from "../helpers/stack.js";

// DATABASE_URL set → every subgraph on a real PostgreSQL server, each in its own schema of one database.
const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set: run `scripts/with-postgres.sh npx -y pnpm@12.4.2 test:postgres`");

const database = `newsfed_test_${randomBytes(4).toString("hex")}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
let admin: pg.Client;
let stack: RunningStack | undefined;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${database}`);
});
afterAll(async () => {
  await stack?.stop();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
});

const COUNTS = `{ articles { totalCount } officials { totalCount } initiatives { totalCount } events { totalCount } countries { totalCount } }`;

describe("the federation on a real PostgreSQL server", () => {
  it("migrates each subgraph into its own schema, seeds, and answers the contract example", async () => {
    stack = await startStack("/nonexistent-data-dir-unused-with-a-server", { DATABASE_URL: databaseUrl });
    expect(stack.output()).toMatch(/articles subgraph ready .*\(postgres\)/);
    const { body } = await postGraphQL(stack.gatewayUrl, CONTRACT_EXAMPLE);
    expect(body.errors).toBeUndefined();
    expect(body.data.articles.edges[0].node.officials).toHaveLength(2);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const schemas = await client.query(
      `select schema_name from information_schema.schemata where schema_name in ('articles','officials','policy','drizzle') order by 1`,
    );
    const journals = await client.query(
      `select table_name from information_schema.tables where table_schema = 'drizzle' order by 1`,
    );
    await client.end();
    expect(schemas.rows.map((r) => r.schema_name)).toEqual(["articles", "drizzle", "officials", "policy"]);
    expect(journals.rows.map((r) => r.table_name)).toEqual(["articles_migrations", "officials_migrations", "policy_migrations"]);
  });

  it("restarts on the same database without re-running migrations or duplicating the seed", async () => {
    const before = (await postGraphQL(stack!.gatewayUrl, COUNTS)).body.data;
    expect(await stack!.stop()).toBe(0);
    stack = await startStack("/nonexistent-data-dir-unused-with-a-server", { DATABASE_URL: databaseUrl });
    expect((await postGraphQL(stack.gatewayUrl, COUNTS)).body.data).toEqual(before);
  });
});
