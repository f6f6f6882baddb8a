import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectWritten } from "@newsfed/kit/writes";
import { EDITOR } from "../helpers/identities.js";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { type Connection, dataOf } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";

// A page of articles with, for each of their officials, fields from all three subgraphs: the gateway sends
// one `_entities` fetch per subgraph per plan step, and each must cost a fixed number of SQL statements
// however many articles and officials the page holds (no N+1). (A page of 20 holds the 13 articles; at 50 the
// query would cost 10,101, over the gateway's operation cost limit.)
const WIDE_QUERY = /* GraphQL */ `
  {
    articles(first: 20) {
      totalCount
      edges {
        node {
          headline
          officials {
            displayName
            country {
              name
            }
            latestPosition {
              title
              organization {
                name
                country {
                  code
                }
              }
            }
            mentionCount
            articles(first: 2) {
              totalCount
            }
            initiatives(first: 2) {
              totalCount
              edges {
                node {
                  name
                }
              }
            }
            events(first: 2) {
              totalCount
            }
          }
          initiatives {
            name
            champions {
              displayName
            }
          }
          events {
            title
            outcomes {
              status
            }
          }
        }
      }
    }
  }
`;

let fed: TestFederation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(() => fed?.close());

async function measure() {
  fed.resetCounters();
  // Only the counts and the officials of each article are read; the rest of the answer stays opaque.
  const data = dataOf<{ articles: Connection<{ officials: unknown[] | null }> }>(await fed.query(WIDE_QUERY));
  const names = ["articles", "officials", "policy"] as const;
  return {
    data,
    statements: Object.fromEntries(names.map((n) => [n, fed.statements[n].count])),
    fetches: Object.fromEntries(names.map((n) => [n, fed.sources[n].fetches])),
  };
}

describe("per-request DataLoaders", () => {
  it("keeps SQL statements and subgraph fetches per request constant as the page grows from 1 to 13 articles", async () => {
    const small = await measure();
    expect(small.data.articles.totalCount).toBe(1);

    // Twelve more articles, each about a new official (with a post) and one of the seed officials.
    const officials = fed.context("officials", { identity: EDITOR });
    const articles = fed.context("articles", { identity: EDITOR });
    for (let i = 0; i < 12; i++) {
      const { entity: official } = await expectWritten(
        officials.officials.writes.create({
          name: `Test Official ${i}`,
          countryCode: i % 2 ? "MY" : "SG",
          positions: [{ title: `Deputy Minister ${i}`, organizationId: SEED.kkmm, startDate: "2022-01-01" }],
        }),
      );
      await expectWritten(
        articles.articles.writes.create({
          headline: `Test article ${i} on cybersecurity`,
          body: `Test Official ${i} met Gina Raimondo about cybersecurity.`,
          publishedAt: new Date(Date.UTC(2022, 0, i + 1)),
          source: { name: "Test Wire", code: "TW" },
          officialIds: [official!.id, SEED.raimondo],
          initiativeIds: [SEED.myDigital],
          eventIds: [SEED.putrajayaMeeting],
          mentions: [{ text: `Test Official ${i}`, kind: "OFFICIAL", refId: official!.id, confidence: 1 }],
        }),
      );
    }
    const large = await measure();
    expect(large.data.articles.totalCount).toBe(13);
    const officialsSeen = large.data.articles.edges.flatMap((e) => e.node.officials!);
    expect(officialsSeen).toHaveLength(1 * 2 + 12 * 2);

    expect(large.fetches).toEqual(small.fetches);
    expect(large.statements).toEqual(small.statements);
    // And the fixed numbers themselves stay small: one statement per entity type or connection per step.
    // Policy: the plan's three fetches from it run in one parallel step and go as one subgraph request.
    expect(small.fetches).toEqual({ articles: 1, officials: 2, policy: 1 });
    expect(small.statements.officials).toBeLessThanOrEqual(5);
    expect(small.statements.articles).toBeLessThanOrEqual(7);
    expect(small.statements.policy).toBeLessThanOrEqual(8);
  });

  it("resolves a batch of representations with one statement, in order, unknown keys as null", async () => {
    fed.resetCounters();
    const officialsCtx = fed.context("officials");
    const [a, b, missing, again] = await Promise.all([
      officialsCtx.officials.get(SEED.raimondo),
      officialsCtx.officials.get(SEED.annuar),
      officialsCtx.officials.get("no-such-official"),
      officialsCtx.officials.get(SEED.raimondo),
    ]);
    expect([a?.name, b?.name, missing, again?.name]).toEqual(["Gina Raimondo", "Annuar Musa", null, "Gina Raimondo"]);
    expect(fed.statements.officials.count).toBe(1);
  });

  it("pages identical aliases of a top-level list with one statement, and counts only when totalCount is asked for", async () => {
    const list = `officials(first: 5) { totalCount edges { node { name } } }`;
    fed.resetCounters();
    await fed.query(`{ ${list} }`);
    const once = fed.statements.officials.count;
    fed.resetCounters();
    const data = dataOf<Record<"a" | "b" | "c", unknown>>(await fed.query(`{ a: ${list} b: ${list} c: ${list} }`));
    expect(data.a).toEqual(data.c);
    expect(fed.statements.officials.count).toBe(once);

    fed.resetCounters();
    await fed.query(`{ officials(first: 5) { edges { node { name } } } }`);
    expect(fed.statements.officials.statements.filter((text) => text.includes("count("))).toEqual([]);
    fed.resetCounters();
    await fed.query(`{ officials(first: 5) { ...counted } } fragment counted on OfficialConnection { totalCount }`);
    expect(fed.statements.officials.statements.filter((text) => text.includes("count("))).toHaveLength(1);
  });
});
