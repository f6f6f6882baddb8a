import { namedStatement, preparedStatements, UNNAMED } from "@newsfed/kit/db";
import { withClient } from "@newsfed/kit/postgres-server";
import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { editorFederation } from "../helpers/editor-federation.js";
import { INGEST, storyText } from "../helpers/ingest.js";
import { CONTRACT_EXAMPLE } from "../helpers/queries.js";
import { dataOf } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";
import type { ServiceName } from "../helpers/subgraph-definitions.js";

// Every statement a subgraph sends through its pool carries its purpose (`<service>.<what>`): as a comment leading
// the text the server sees (pg_stat_activity, the slow-statement log) and as the name of its prepared statement.
// An on-call engineer looking at a slow statement can tell which repository method sent it.

const file = editorFederation();

const SERVICES: ServiceName[] = ["articles", "officials", "policy"];
const poolOf = (db: unknown) => (db as { $client: object }).$client;

const page = "totalCount edges { cursor node { id } } pageInfo { endCursor hasNextPage }";
const READS = [
  CONTRACT_EXAMPLE,
  `{ articles(first: 3, filter: { search: "digital" }, orderBy: RELEVANCE) { ${page} }
     countries(first: 3) { totalCount edges { node { code } } }
     officials(first: 3, filter: { search: "raimondo", countryCode: "US" }) { ${page} }
     organizations(first: 3, filter: { search: "commerce" }) { ${page} }
     initiatives(first: 3, filter: { countryCode: "MY" }) { ${page} }
     events(first: 3, filter: { participantId: "${SEED.raimondo}" }) { ${page} } }`,
  `{ official(id: "${SEED.annuar}") { positions { title } currentPosition { title } mentionCount
       articles(first: 2) { ${page} } initiatives(first: 2) { ${page} } events(first: 2) { ${page} }
       history(first: 2) { totalCount edges { node { action at } } } }
     organization(id: "${SEED.kkmm}") { officials(first: 2) { ${page} } initiatives(first: 2) { ${page} } }
     country(code: "MY") { officials(first: 2) { ${page} } initiatives(first: 2) { ${page} } events(first: 2) { ${page} } }
     event(id: "${SEED.putrajayaMeeting}") { parent { id } children { id } participants { id } countries { code }
       initiatives { id } outcomes { status } articles(first: 2) { ${page} } }
     initiative(id: "${SEED.myDigital}") { champions { id } events { id } articles(first: 2) { ${page} } }
     article(id: "${SEED.article}") { mentions { kind } officials { id } } }`,
];

describe("statement names", () => {
  it("names every read the API sends, in every subgraph, after its purpose", async () => {
    for (const query of READS) expect(dataOf(await file.fed.query(query))).toBeTruthy();
    // Writes read too: reference checks, natural keys, idempotency claims, slugs, ingestion's candidate lookups.
    const created = await file.fed.query<{ createOrganization: { userErrors: unknown[] } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { code } } }`,
      { input: { name: "Statement Naming Agency", kind: "AGENCY", countryCode: "MY", idempotencyKey: "statement-names-1" } },
      { token: file.token },
    );
    expect(dataOf(created).createOrganization.userErrors).toEqual([]);
    const ingested = await file.fed.query<{ ingestArticle: { userErrors: unknown[] } }>(
      INGEST,
      { input: { text: storyText("02_vna_singapore_gan_raimondo.txt") } },
      { token: file.token },
    );
    expect(dataOf(ingested).ingestArticle.userErrors).toEqual([]);

    for (const service of SERVICES) {
      const prepared = [...preparedStatements(poolOf(file.fed.database(service)))];
      const names = prepared.map(([name]) => name);
      expect(names.length, service).toBeGreaterThan(3);
      expect(
        prepared.filter(([name]) => name.startsWith(UNNAMED)).map(([, text]) => text),
        `${service} reads without a purpose`,
      ).toEqual([]);
      for (const name of names) expect(name).toMatch(new RegExp(`^${service}\\.[a-z_]+#\\d+$`));
    }
    const officials = [...preparedStatements(poolOf(file.fed.database("officials"))).entries()];
    const page = officials.find(([name]) => name.startsWith("officials.officials#"));
    expect(page?.[1]).toMatch(/^\/\* officials\.officials \*\/ /);
  });

  it("gives each text of one purpose its own prepared statement, and reuses it for the same text", async () => {
    const db = file.fed.database("officials") as { execute(statement: unknown): Promise<{ rows: unknown[] }> };
    const before = preparedStatements(poolOf(db));
    const probe = (n: number, variant: boolean) =>
      db.execute(namedStatement("officials.naming_probe", variant ? sql`select ${n}::int + 1 as v` : sql`select ${n}::int as v`));
    await probe(1, false);
    await probe(2, false);
    await probe(3, true);
    const added = [...preparedStatements(poolOf(db))].filter(([name]) => !before.has(name));
    expect(added.map(([name]) => name).sort()).toEqual(["officials.naming_probe#0", "officials.naming_probe#1"]);
    expect(() => namedStatement("Officials; drop table", sql`select 1`)).toThrow(/not a statement purpose/);
  });

  it("shows a running statement's purpose to whoever looks at the server", async () => {
    const db = file.fed.database("officials") as { execute(statement: unknown): Promise<unknown> };
    // A drizzle query runs when it is awaited: start it now, look at the server while it sleeps.
    const running = Promise.resolve(db.execute(namedStatement("officials.naming_sleeper", sql`select pg_sleep(${1.5})`)));
    try {
      await expect
        .poll(
          () =>
            withClient(inject("databaseServerUrl"), async (admin) => {
              const { rows } = await admin.query<{ query: string }>(
                "select query from pg_stat_activity where query like '/* officials.naming_sleeper */%'",
              );
              return rows.length;
            }),
          { timeout: 1_400, interval: 100 },
        )
        .toBe(1);
    } finally {
      await running;
    }
  });
});
