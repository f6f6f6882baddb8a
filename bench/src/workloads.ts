import { datasetId, officialsOf, sizesFor } from "../../scripts/dataset/generate.js";
import { CONTRACT_EXAMPLE } from "../../tests/helpers/queries.js";

export { CONTRACT_EXAMPLE };

const CONTRACT_ARTICLES = 'articles(first: 5, filter: { search: "cybersecurity" })';

/** Search terms of the variants: words of the synthetic dataset's themes and of the seed story. */
const TERMS = [
  "cybersecurity",
  "digital",
  "Malaysia",
  "5G",
  "AI",
  "cloud",
  "data",
  "cooperation",
  "investment",
  "submarine",
  "semiconductors",
  "trade",
];

/**
 * At least 20 different variants of the contract's cross-subgraph query: other `first` and `search` values, and
 * pages after real cursors (read from `gateway` first), so identical in-flight requests are rare.
 */
export async function contractVariants(gateway: string): Promise<string[]> {
  if (!CONTRACT_EXAMPLE.includes(CONTRACT_ARTICLES)) throw new Error("the contract example changed: update the variants");
  const variants = TERMS.map((term, i) =>
    CONTRACT_EXAMPLE.replace(CONTRACT_ARTICLES, `articles(first: ${(i % 5) + 1}, filter: { search: ${JSON.stringify(term)} })`),
  );
  // Pages 2, 3, … of the contract's own list, after the cursors the API hands out.
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const response = await fetch(gateway, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `query($after: String) { articles(first: 3, after: $after, filter: { search: "digital" }) { pageInfo { endCursor hasNextPage } } }`,
        variables: { after },
      }),
    });
    const info = ((await response.json()) as any).data.articles.pageInfo as { endCursor: string | null; hasNextPage: boolean };
    if (!info.endCursor || !info.hasNextPage) break;
    after = info.endCursor;
    variants.push(
      CONTRACT_EXAMPLE.replace(
        CONTRACT_ARTICLES,
        `articles(first: 3, after: ${JSON.stringify(after)}, filter: { search: "digital" })`,
      ),
    );
  }
  if (new Set(variants).size !== variants.length) throw new Error("duplicate variants");
  return variants;
}

/** A subgraph's floor and two 10-row lists on it. */
export const TYPENAME = `{ __typename }`;
export const COUNTRIES_10 = `{ countries(first: 10) { edges { node { code name } } } }`;
export const OFFICIALS_10 = `{ officials(first: 10) { edges { node { id name } } } }`;

/** A one-subgraph query, through a gateway or straight to the subgraph. */
export const ONE_SUBGRAPH = `{ officials(first: 10) { edges { cursor node { id name honorificPrefix } } pageInfo { hasNextPage endCursor } } }`;

/** Pages 1–10 of the newest articles (a partner paging a list), with cursors from `gateway`. */
export async function listPages(gateway: string): Promise<string[]> {
  const query = (after: string | null) =>
    `{ articles(first: 20${after ? `, after: ${JSON.stringify(after)}` : ""}) { edges { cursor node { id headline publishedAt } } pageInfo { hasNextPage endCursor } } }`;
  const pages = [query(null)];
  let after: string | null = null;
  for (let i = 0; i < 9; i++) {
    const response = await fetch(gateway, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `query($after: String) { articles(first: 20, after: $after) { pageInfo { endCursor } } }`,
        variables: { after },
      }),
    });
    after = ((await response.json()) as any).data.articles.pageInfo.endCursor as string;
    pages.push(query(after));
  }
  return pages;
}

/**
 * Full-text searches for people in the news: the full names of the officials at the same relative ranks of each
 * dataset (the 10th, 20th, … percentile of how often they are named), so each search matches about as many articles
 * at 1,000 articles as at 100,000. First page with its count.
 */
export function searches(articles: number): string[] {
  const officials = officialsOf(sizesFor(articles));
  return [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((rank) => {
    const name = `"${officials[Math.floor(rank * officials.length)]!.name}"`;
    return `{ articles(first: 10, filter: { search: ${JSON.stringify(name)} }) { totalCount edges { node { id headline } } } }`;
  });
}

/** Ids the workloads refer to. */
export const FIRST_OFFICIAL = datasetId("official", 0);
