import { insertColumns } from "@newsfed/kit/db";
import { sql } from "drizzle-orm";
import { integer, pgSchema, real, text } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDatabase } from "../helpers/databases.js";

// Bulk writes (ingestion's mentions and links, events' participants and outcomes) send each column as one array
// parameter and let the server unnest them. Whatever a text holds — quotes, backslashes, braces, commas, NULL as a
// word, non-Latin script — must come back exactly as it went in, arrays included.
const scratch = pgSchema("policy");
const probe = scratch.table("insert_columns_probe", {
  id: text("id").primaryKey(),
  label: text("label"),
  position: integer("position").notNull(),
  score: real("score"),
  tags: text("tags").array().notNull(),
});

type Database = Awaited<ReturnType<typeof openSeededDatabase>>;
let database: Database;

beforeAll(async () => {
  database = await openSeededDatabase("policy");
  await database.db.execute(
    sql.raw(`create table policy.insert_columns_probe
      (id text primary key, label text, position integer not null, score real, tags text[] not null)`),
  );
});
afterAll(async () => {
  await database?.close();
});

const ROWS = [
  { id: "a", label: 'say "hi", {now}', position: 0, score: 0.5, tags: ['quote "q"', "back\\slash", "{brace}", "a,b"] },
  { id: "b", label: null, position: 1, score: null, tags: [] },
  { id: "c", label: "NULL", position: 2, score: 1, tags: ["NULL", "", " spaced ", "Nguyễn Mạnh Hùng", "日本"] },
];

describe("insertColumns", () => {
  it("stores many rows with one statement, every value as it was given", async () => {
    const db = database.db as unknown as { execute(query: unknown): Promise<unknown>; select(): any };
    await db.execute(insertColumns(probe, ["id", "label", "position", "score", "tags"], ROWS));
    const stored = await (database.db as any).select().from(probe).orderBy(probe.id);
    expect(stored).toEqual(ROWS);
  });

  it("keeps the statement's text whatever the number of rows", () => {
    const text = (rows: typeof ROWS) =>
      (database.db as any).dialect.sqlToQuery(insertColumns(probe, ["id", "label", "position", "score", "tags"], rows)).sql;
    expect(text(ROWS.slice(0, 1))).toBe(text(ROWS));
  });
});
