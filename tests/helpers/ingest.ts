import { readdirSync, readFileSync } from "node:fs";
import type { TestFederation } from "./federation.js";
import { dataOf, type UserError } from "./results.js";

/** The corpus of wire stories in the seed's format (tests/fixtures/stories), by file name. */
export const STORY_DIR = new URL("../fixtures/stories/", import.meta.url);
export const STORY_FILES = readdirSync(STORY_DIR)
  .filter((name) => name.endsWith(".txt"))
  .sort();
export const storyText = (name: string) => readFileSync(new URL(name, STORY_DIR), "utf8");
export const SEED_STORY = readFileSync(
  new URL("../../subgraphs/articles/seed/stories/000_7bd97e100af3bb16.txt", import.meta.url),
  "utf8",
);

export const INGEST = `mutation Ingest($input: IngestArticleInput!) { ingestArticle(input: $input) {
  created status userErrors { field message code }
  createdEntities { kind name official { id } organization { id } policyInitiative { id } policyEvent { id } country { code } }
  linkedEntities { kind name official { id } organization { id } policyInitiative { id } policyEvent { id } country { code } }
  skippedEntities { kind name reason message }
  article { id slug headline url } } }`;

export const INGEST_MANY = `mutation IngestMany($inputs: [IngestArticleInput!]!) { ingestArticles(inputs: $inputs) {
  userErrors { field message code }
  results { created status userErrors { field message code } createdEntities { kind name } linkedEntities { kind name }
    skippedEntities { kind name reason } article { id slug } } } }`;

/** An entity an ingestion created or linked, as INGEST selects it: the field of its kind holds it. */
export interface IngestedEntity {
  kind: string;
  name: string;
  official: { id: string } | null;
  organization: { id: string } | null;
  policyInitiative: { id: string } | null;
  policyEvent: { id: string } | null;
  country: { code: string } | null;
}

/** The payload of `ingestArticle` as INGEST selects it. */
export interface IngestPayload {
  created: boolean;
  status: string;
  userErrors: UserError[];
  createdEntities: IngestedEntity[];
  linkedEntities: IngestedEntity[];
  skippedEntities: { kind: string; name: string; reason: string; message: string }[];
  article: { id: string; slug: string; headline: string; url: string | null } | null;
}

/** The payload of `ingestArticles` as INGEST_MANY selects it. */
export interface IngestManyPayload {
  userErrors: UserError[];
  results: {
    created: boolean;
    status: string;
    userErrors: UserError[];
    createdEntities: { kind: string; name: string }[];
    linkedEntities: { kind: string; name: string }[];
    skippedEntities: { kind: string; name: string; reason: string }[];
    article: { id: string; slug: string } | null;
  }[];
}

export async function ingest(fed: TestFederation, input: Record<string, unknown>, token: string) {
  return dataOf<{ ingestArticle: IngestPayload }>(await fed.query(INGEST, { input }, { token })).ingestArticle;
}

/** The graph an article stands in, as compact lines an assertion can spell out in full. */
export const GRAPH = `query Graph($id: ID!) { article(id: $id) {
  headline source { name code } themes
  officials { name honorificPrefix otherNames country { code } positions { title organization { name } } }
  organizations { name acronym kind country { code } }
  initiatives { name acronym status country { code } themes champions { name } }
  countries { code }
  events { kind title startDate endDate location { name country { code } } parent { title } participants { name }
    countries { code } initiatives { acronym name } outcomes { status themes } }
  mentions { surfaceText kind confidence official { name } organization { name } initiative { name } country { code } }
} }`;

type CountryCode = { code: string } | null;

/** An article's graph as GRAPH selects it. */
interface ArticleGraph {
  headline: string;
  source: { name: string; code: string | null };
  themes: string[];
  officials:
    | {
        name: string;
        honorificPrefix: string | null;
        otherNames: string[];
        country: CountryCode;
        positions: { title: string; organization: { name: string } | null }[];
      }[]
    | null;
  organizations: { name: string; acronym: string | null; kind: string; country: CountryCode }[] | null;
  initiatives:
    | {
        name: string;
        acronym: string | null;
        status: string;
        country: CountryCode;
        themes: string[];
        champions: { name: string }[] | null;
      }[]
    | null;
  countries: { code: string }[] | null;
  events:
    | {
        kind: string;
        title: string;
        startDate: string;
        endDate: string | null;
        location: { name: string; country: CountryCode } | null;
        parent: { title: string } | null;
        participants: { name: string }[] | null;
        countries: { code: string }[] | null;
        initiatives: { acronym: string | null; name: string }[];
        outcomes: { status: string; themes: string[] }[];
      }[]
    | null;
  mentions: {
    surfaceText: string;
    kind: string;
    confidence: number;
    official: { name: string } | null;
    organization: { name: string } | null;
    initiative: { name: string } | null;
    country: { code: string } | null;
  }[];
}

export async function graphOf(fed: TestFederation, id: string) {
  // The lists of other subgraphs' entities are null only when their subgraph is down: a graph assertion fails then.
  const article = dataOf<{ article: ArticleGraph | null }>(await fed.query(GRAPH, { id })).article!;
  const code = (c: CountryCode) => c?.code ?? "-";
  return {
    headline: article.headline,
    source: `${article.source.name} (${article.source.code})`,
    themes: article.themes,
    officials: article.officials!.map(
      (o) =>
        `${o.honorificPrefix ? `${o.honorificPrefix} ` : ""}${o.name} (${code(o.country)}): ${o.positions
          .map((p) => `${p.title}${p.organization ? ` @ ${p.organization.name}` : ""}`)
          .join("; ")}${o.otherNames.length ? ` aka ${o.otherNames.join(", ")}` : ""}`,
    ),
    organizations: article.organizations!.map(
      (o) => `${o.name}${o.acronym ? ` (${o.acronym})` : ""} ${o.kind} ${code(o.country)}`,
    ),
    initiatives: article.initiatives!.map(
      (i) =>
        `${i.name}${i.acronym ? ` (${i.acronym})` : ""} ${i.status} ${code(i.country)} [${i.themes.join(", ")}]${
          i.champions!.length ? ` championed by ${i.champions!.map((c) => c.name).join(", ")}` : ""
        }`,
    ),
    countries: article.countries!.map(code),
    events: article.events!.map(
      (e) =>
        `${e.kind} ${e.startDate}${e.endDate ? `..${e.endDate}` : ""} "${e.title}"${
          e.location ? ` at ${e.location.name}/${code(e.location.country)}` : ""
        }${e.parent ? ` within "${e.parent.title}"` : ""}; with ${e.participants!.map((p) => p.name).join(", ")}; ${e
          .countries!.map(code)
          .join(" ")}${e.initiatives.length ? `; on ${e.initiatives.map((i) => i.acronym ?? i.name).join(", ")}` : ""}${
          e.outcomes.length ? `; ${e.outcomes.map((o) => `${o.status} [${o.themes.join(", ")}]`).join(", ")}` : ""
        }`,
    ),
    mentions: article.mentions.map((m) => {
      const target = m.official?.name ?? m.organization?.name ?? m.initiative?.name ?? m.country?.code ?? "-";
      return `${m.surfaceText} ${m.kind}→${target} ${m.confidence.toFixed(2)}`;
    }),
  };
}

/** Counts of every kind of entity, to show what a step added (or that it added nothing). */
export async function entityCounts(fed: TestFederation) {
  type Count = { totalCount: number };
  const data = dataOf<Record<"articles" | "officials" | "organizations" | "initiatives" | "events", Count>>(
    await fed.query(`{ articles(first: 0) { totalCount } officials(first: 0) { totalCount }
      organizations(first: 0) { totalCount } initiatives(first: 0) { totalCount } events(first: 0) { totalCount } }`),
  );
  return {
    articles: data.articles.totalCount,
    officials: data.officials.totalCount,
    organizations: data.organizations.totalCount,
    initiatives: data.initiatives.totalCount,
    events: data.events.totalCount,
  };
}

export const kinds = (entities: { kind: string; name: string }[]) => entities.map((e) => `${e.kind} ${e.name}`);
