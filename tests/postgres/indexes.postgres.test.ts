import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetId, sizesFor } from "../../scripts/dataset/generate.js";
import { loadDataset } from "../../scripts/dataset/load.js";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import type { ServiceName } from "../helpers/subgraph-definitions.js";

// Every filter and every order of every list is served by an index: each list query runs through the gateway on a
// modest synthetic dataset, and every SQL statement it sent is EXPLAINed with sequential scans disabled, so a plan
// still holding a Seq Scan means no index can serve that statement. Plans only, never timings.

const OFFICIAL = datasetId("official", 0);
const ORGANIZATION = datasetId("organization", 0);
const INITIATIVE = datasetId("initiative", 0);
const EVENT = datasetId("event", 0);

interface Case {
  name: string;
  query: string;
  /** The subgraph whose statements are checked. */
  service: ServiceName;
  /** Each entry: the plan uses one of these indexes. */
  uses: (string | string[])[];
}

const page = "totalCount edges { node { id } }";
const CASES: Case[] = [
  // articles: the top-level list in each order and with each filter, and the lists other entities contribute
  {
    name: "articles, newest first",
    service: "articles",
    query: `{ articles(first: 10) { ${page} } }`,
    uses: ["articles_published_idx"],
  },
  {
    name: "articles, oldest first",
    service: "articles",
    query: `{ articles(first: 10, orderBy: PUBLISHED_AT_ASC) { ${page} } }`,
    uses: ["articles_published_idx"],
  },
  {
    name: "articles, search by relevance",
    service: "articles",
    query: `{ articles(first: 10, filter: { search: "cybersecurity" }) { ${page} } }`,
    uses: ["articles_search_idx"],
  },
  {
    name: "articles, from and to",
    service: "articles",
    query: `{ articles(first: 10, filter: { from: "2018-01-01", to: "2018-03-31" }) { ${page} } }`,
    uses: ["articles_published_idx"],
  },
  {
    name: "articles, theme",
    service: "articles",
    query: `{ articles(first: 10, filter: { theme: CYBERSECURITY }) { ${page} } }`,
    uses: ["articles_themes_idx"],
  },
  ...(["officialId", "organizationId", "initiativeId", "eventId", "countryCode"] as const).map((filter) => ({
    name: `articles, ${filter}`,
    service: "articles" as const,
    query: `{ articles(first: 10, filter: { ${filter}: "${
      { officialId: OFFICIAL, organizationId: ORGANIZATION, initiativeId: INITIATIVE, eventId: EVENT, countryCode: "MY" }[filter]
    }" }) { ${page} } }`,
    uses: [["article_links_ref_idx", "article_links_article_id_kind_ref_id_pk"]],
  })),
  {
    name: "an official's, organization's, initiative's, event's and country's articles, and mention counts",
    service: "articles",
    query: `{
      official(id: "${OFFICIAL}") { mentionCount articles(first: 5) { ${page} } }
      organization(id: "${ORGANIZATION}") { articles(first: 5) { ${page} } }
      initiative(id: "${INITIATIVE}") { mentionCount articles(first: 5) { ${page} } }
      event(id: "${EVENT}") { articles(first: 5) { ${page} } }
      country(code: "MY") { articles(first: 5) { ${page} } }
    }`,
    uses: ["article_links_ref_idx", "mentions_ref_idx"],
  },
  {
    name: "an article's links, mentions and history",
    service: "articles",
    query: `{ articles(first: 5) { edges { node { mentions { surfaceText } officials { id } history(first: 5) { totalCount } } } } }`,
    uses: ["article_links_article_id_kind_ref_id_pk", "mentions_article_idx", "changes_entity_idx"],
  },
  // officials
  {
    name: "officials, by name",
    service: "officials",
    query: `{ officials(first: 10) { ${page} } }`,
    uses: ["officials_name_idx"],
  },
  {
    name: "officials, search",
    service: "officials",
    query: `{ officials(first: 10, filter: { search: "Lim" }) { ${page} } }`,
    uses: ["officials_search_idx"],
  },
  {
    name: "officials, country",
    service: "officials",
    query: `{ officials(first: 10, filter: { countryCode: "MY" }) { ${page} } }`,
    uses: ["officials_country_idx"],
  },
  {
    name: "officials, organization",
    service: "officials",
    query: `{ officials(first: 10, filter: { organizationId: "${ORGANIZATION}" }) { ${page} } }`,
    uses: [["positions_organization_idx", "positions_official_idx"]],
  },
  {
    name: "officials, active at",
    service: "officials",
    query: `{ officials(first: 10, filter: { activeAt: "2020-01-01" }) { ${page} } }`,
    uses: ["positions_official_idx"],
  },
  {
    name: "a country's and an organization's officials, positions",
    service: "officials",
    query: `{
      country(code: "MY") { officials(first: 5) { ${page} } }
      organization(id: "${ORGANIZATION}") { officials(first: 5) { ${page} } }
      official(id: "${OFFICIAL}") { positions { title } }
    }`,
    uses: ["officials_country_idx", "positions_organization_idx", "positions_official_idx"],
  },
  {
    name: "organizations, by name",
    service: "officials",
    query: `{ organizations(first: 10) { ${page} } }`,
    uses: ["organizations_name_idx"],
  },
  {
    name: "organizations, search, country, kind",
    service: "officials",
    query: `{
      a: organizations(first: 10, filter: { search: "digital" }) { ${page} }
      b: organizations(first: 10, filter: { countryCode: "MY" }) { ${page} }
      c: organizations(first: 10, filter: { kind: MINISTRY }) { ${page} }
    }`,
    uses: ["organizations_search_idx", "organizations_country_idx", "organizations_kind_idx"],
  },
  {
    name: "countries, by code",
    service: "officials",
    query: `{ countries(first: 10) { totalCount edges { node { code } } } }`,
    uses: ["countries_pkey"],
  },
  // policy
  {
    name: "initiatives, by name",
    service: "policy",
    query: `{ initiatives(first: 10) { ${page} } }`,
    uses: ["initiatives_name_idx"],
  },
  {
    name: "initiatives, search, country, theme, status",
    service: "policy",
    query: `{
      a: initiatives(first: 10, filter: { search: "digital" }) { ${page} }
      b: initiatives(first: 10, filter: { countryCode: "MY" }) { ${page} }
      c: initiatives(first: 10, filter: { theme: TRADE }) { ${page} }
      d: initiatives(first: 10, filter: { status: ACTIVE }) { ${page} }
    }`,
    uses: ["initiatives_search_idx", "initiatives_country_idx", "initiatives_themes_idx", "initiatives_status_idx"],
  },
  { name: "events, newest first", service: "policy", query: `{ events(first: 10) { ${page} } }`, uses: ["events_start_idx"] },
  {
    name: "events, search, kind, from, to, participant, country",
    service: "policy",
    query: `{
      a: events(first: 10, filter: { search: "summit" }) { ${page} }
      b: events(first: 10, filter: { kind: MEETING }) { ${page} }
      c: events(first: 10, filter: { from: "2020-01-01" }) { ${page} }
      d: events(first: 10, filter: { to: "2016-01-01" }) { ${page} }
      e: events(first: 10, filter: { participantId: "${OFFICIAL}" }) { ${page} }
      f: events(first: 10, filter: { countryCode: "MY" }) { ${page} }
    }`,
    uses: [
      "events_search_idx",
      "events_kind_idx",
      ["events_last_day_idx", "events_start_idx"],
      "events_start_idx",
      ["participants_official_idx", "event_participants_event_id_official_id_pk"],
      ["event_countries_country_idx", "event_countries_event_id_country_code_pk"],
    ],
  },
  {
    name: "an official's, organization's and country's initiatives and events; an event's links",
    service: "policy",
    query: `{
      official(id: "${OFFICIAL}") { initiatives(first: 5) { ${page} } events(first: 5) { ${page} } }
      organization(id: "${ORGANIZATION}") { initiatives(first: 5) { ${page} } }
      country(code: "MY") { initiatives(first: 5) { ${page} } events(first: 5) { ${page} } }
      event(id: "${EVENT}") { children { id } participants { id } countries { code } initiatives { id } outcomes { status } }
      initiative(id: "${INITIATIVE}") { champions { id } events { id } }
    }`,
    uses: [
      "champions_official_idx",
      "participants_official_idx",
      "initiatives_lead_idx",
      "initiatives_country_idx",
      "event_countries_country_idx",
      "events_parent_idx",
      "outcomes_event_idx",
      "event_initiatives_initiative_idx",
    ],
  },
];

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

let fed: TestFederation;
const clients = {} as Record<ServiceName, pg.Client>;

beforeAll(async () => {
  fed = await startFederation();
  // A modest dataset (2,000 articles, 100 officials, 400 events …) loaded in bulk as `pnpm dataset` does.
  await loadDataset(fed.databaseUrls, sizesFor(2_000));
  for (const name of ["articles", "officials", "policy"] as const) {
    clients[name] = new pg.Client({ connectionString: fed.databaseUrls[name] });
    await clients[name].connect();
    // With sequential scans priced out, a Seq Scan left in a plan means no index can serve that statement.
    await clients[name].query("set enable_seqscan = off");
  }
}, 300_000);
afterAll(async () => {
  for (const client of Object.values(clients)) await client.end();
  await fed?.close();
});

async function plansOf(service: ServiceName): Promise<PlanNode[]> {
  const log = fed.statements[service];
  const plans: PlanNode[] = [];
  for (const [index, statement] of log.statements.entries()) {
    const { rows } = await clients[service].query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
      `explain (format json) ${statement}`,
      log.params[index],
    );
    plans.push(rows[0]!["QUERY PLAN"][0].Plan);
  }
  return plans;
}

const nodes = (plan: PlanNode): PlanNode[] => [plan, ...(plan.Plans ?? []).flatMap(nodes)];

describe("indexes for every filter and order of every list", () => {
  it.each(CASES)("$name", async ({ query, service, uses }) => {
    fed.resetCounters();
    const result = await fed.query(query);
    expect(result.errors).toBeUndefined();
    const all = (await plansOf(service)).flatMap(nodes);
    expect(all.length).toBeGreaterThan(0);
    const seqScans = all.filter((node) => node["Node Type"] === "Seq Scan").map((node) => node["Relation Name"]);
    expect(seqScans).toEqual([]);
    const indexes = new Set(all.map((node) => node["Index Name"]).filter(Boolean));
    for (const expected of uses) {
      const oneOf = Array.isArray(expected) ? expected : [expected];
      expect(
        oneOf.some((name) => indexes.has(name)),
        `one of ${oneOf.join(", ")} in ${[...indexes].join(", ")}`,
      ).toBe(true);
    }
  });
});

describe("searches ranked by relevance", () => {
  // A rank is computed for every match, so the page reads all of them anyway: its count must not read them again.
  it.each([
    {
      service: "articles" as const,
      query: `{ articles(first: 5, filter: { search: "digital" }) { ${page} } }`,
      index: "articles_search_idx",
    },
    {
      service: "officials" as const,
      query: `{ officials(first: 5, filter: { search: "minister" }) { ${page} } }`,
      index: "officials_search_idx",
    },
  ])("$service: one statement reads the matches once for the page and totalCount", async ({ service, query, index }) => {
    fed.resetCounters();
    const result = await fed.query(query);
    expect(result.errors).toBeUndefined();
    const plans = await plansOf(service);
    expect(plans).toHaveLength(1);
    expect(nodes(plans[0]!).filter((node) => node["Index Name"] === index)).toHaveLength(1);
  });
});
