import { readdirSync, readFileSync } from "node:fs";
import type { TestFederation } from "./federation.js";
import { dataOf } from "./results.js";

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

export async function ingest(fed: TestFederation, input: Record<string, unknown>, token: string) {
  return dataOf<any>(await fed.query(INGEST, { input }, { token })).ingestArticle;
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

export async function graphOf(fed: TestFederation, id: string) {
  const article = dataOf<any>(await fed.query(GRAPH, { id })).article;
  const code = (c: { code: string } | null) => c?.code ?? "-";
  return {
    headline: article.headline,
    source: `${article.source.name} (${article.source.code})`,
    themes: article.themes,
    officials: article.officials.map(
      (o: any) =>
        `${o.honorificPrefix ? `${o.honorificPrefix} ` : ""}${o.name} (${code(o.country)}): ${o.positions
          .map((p: any) => `${p.title}${p.organization ? ` @ ${p.organization.name}` : ""}`)
          .join("; ")}${o.otherNames.length ? ` aka ${o.otherNames.join(", ")}` : ""}`,
    ),
    organizations: article.organizations.map(
      (o: any) => `${o.name}${o.acronym ? ` (${o.acronym})` : ""} ${o.kind} ${code(o.country)}`,
    ),
    initiatives: article.initiatives.map(
      (i: any) =>
        `${i.name}${i.acronym ? ` (${i.acronym})` : ""} ${i.status} ${code(i.country)} [${i.themes.join(", ")}]${
          i.champions.length ? ` championed by ${i.champions.map((c: any) => c.name).join(", ")}` : ""
        }`,
    ),
    countries: article.countries.map(code),
    events: article.events.map(
      (e: any) =>
        `${e.kind} ${e.startDate}${e.endDate ? `..${e.endDate}` : ""} "${e.title}"${
          e.location ? ` at ${e.location.name}/${code(e.location.country)}` : ""
        }${e.parent ? ` within "${e.parent.title}"` : ""}; with ${e.participants.map((p: any) => p.name).join(", ")}; ${e.countries
          .map(code)
          .join(" ")}${e.initiatives.length ? `; on ${e.initiatives.map((i: any) => i.acronym ?? i.name).join(", ")}` : ""}${
          e.outcomes.length ? `; ${e.outcomes.map((o: any) => `${o.status} [${o.themes.join(", ")}]`).join(", ")}` : ""
        }`,
    ),
    mentions: article.mentions.map((m: any) => {
      const target = m.official?.name ?? m.organization?.name ?? m.initiative?.name ?? m.country?.code ?? "-";
      return `${m.surfaceText} ${m.kind}→${target} ${m.confidence.toFixed(2)}`;
    }),
  };
}

/** Counts of every kind of entity, to show what a step added (or that it added nothing). */
export async function entityCounts(fed: TestFederation) {
  const data = dataOf<any>(
    await fed.query(`{ articles(first: 0) { totalCount } officials(first: 0) { totalCount }
      organizations(first: 0) { totalCount } initiatives(first: 0) { totalCount } events(first: 0) { totalCount } }`),
  );
  return {
    articles: data.articles.totalCount as number,
    officials: data.officials.totalCount as number,
    organizations: data.organizations.totalCount as number,
    initiatives: data.initiatives.totalCount as number,
    events: data.events.totalCount as number,
  };
}

export const kinds = (entities: { kind: string; name: string }[]) => entities.map((e) => `${e.kind} ${e.name}`);
