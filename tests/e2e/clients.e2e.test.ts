/// <reference lib="dom" />
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gql, type NormalizedCacheObject, type TypedDocumentNode } from "@apollo/client";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "../helpers/apollo-client.js";
import { ARTIFACTS, launchBrowser, watchRequests } from "../helpers/browser.js";
import { tokens } from "../helpers/identities.js";
import type { Connection } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";
import { postGraphQL, ROOT, type RunningStack, startStack, tempDataDir } from "../helpers/stack.js";
import { serveStatic } from "../helpers/static-server.js";
import { build } from "vite";

// Where users meet the API, against the running stack: the IDE in a real browser, and real Apollo Client.
const dataDir = tempDataDir("newsfed-clients-");
const appDir = mkdtempSync(join(tmpdir(), "newsfed-app-"));
let stack: RunningStack;
let browser: Browser;
let app: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  // The example app, built offline by Vite and served from its own origin, which the gateway allows (CORS).
  await build({ root: join(ROOT, "examples/newsroom"), logLevel: "silent", build: { outDir: appDir, emptyOutDir: true } });
  app = await serveStatic(appDir);
  [stack, browser] = await Promise.all([startStack(dataDir, { CORS_ORIGINS: app.url }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  app?.server.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(appDir, { recursive: true, force: true });
});

describe("the IDE in a browser", () => {
  it("opens offline with example operations, runs a typed query and shows the result, never leaving localhost", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests = watchRequests(page);
    await page.goto(`${stack.gatewayUrl}/graphql`);
    await page.waitForSelector(".graphiql-container .graphiql-query-editor .monaco-editor");
    const tabs = await page.locator(".graphiql-tab").allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(
      expect.arrayContaining([
        "OfficialsInCybersecurityArticles",
        "OfficialTimeline",
        "CountryOverview",
        "SearchArticles",
        "IngestAStory",
        "AddOfficial",
      ]),
    );

    await page.click(".graphiql-tab-add");
    await page.click(".graphiql-query-editor .monaco-editor");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type('{ country(code: "MY") { name officials { totalCount edges { node { displayName } } } } }');
    // GraphiQL takes the editor's text into its tab state after a short debounce, and saves that state: run once
    // the saved state holds the query.
    await page.waitForFunction(() =>
      (localStorage.getItem("graphiql:tabState") ?? "").includes('country(code: \\"MY\\") { name officials'),
    );
    await page.click(".graphiql-execute-button");
    await page
      // Monaco renders spaces as no-break spaces.
      .waitForFunction(
        () =>
          document
            .querySelector(".graphiql-response")
            ?.textContent?.replace(/\u00a0/g, " ")
            .includes("Tan Sri Annuar Musa"),
        null,
        { timeout: 20_000 },
      )
      .catch(async (error) => {
        await page.screenshot({ path: join(ARTIFACTS, "ide-failure.png") });
        throw error;
      });
    const response = JSON.parse(
      await page
        .locator(".graphiql-response .view-lines")
        .innerText()
        .then((t) => t.replace(/\u00a0/g, " ")),
    );
    expect(response.data.country).toEqual({
      name: "Malaysia",
      officials: { totalCount: 1, edges: [{ node: { displayName: "Tan Sri Annuar Musa" } }] },
    });

    await page.screenshot({ path: join(ARTIFACTS, "ide.png") });
    expect(requests.external()).toEqual([]);
    expect(requests.urls.some((url) => url.endsWith("/graphql"))).toBe(true);
    await page.close();
  });
});

/** ARTICLES_WITH_OFFICIALS's answer, as the client reads it (it adds `__typename` to every object). */
interface ArticlesWithOfficials {
  articles: Connection<{
    id: string;
    headline: string;
    /** Null only when the officials subgraph is unavailable. */
    officials: { id: string; displayName: string; country: { code: string; name: string } | null }[] | null;
  }>;
}

const ARTICLES_WITH_OFFICIALS: TypedDocumentNode<ArticlesWithOfficials> = gql`
  query ArticlesWithOfficials {
    articles(first: 5) {
      edges {
        cursor
        node {
          id
          headline
          officials {
            id
            displayName
            country {
              code
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

describe("Apollo Client against the gateway", () => {
  it("normalizes every entity by __typename and key, so one write updates every query that shows it", async () => {
    const { client } = createClient(stack.gatewayUrl, { token: await tokens.editor() });
    await client.query({ query: ARTICLES_WITH_OFFICIALS });
    const cache = client.cache.extract() as NormalizedCacheObject;
    expect(Object.keys(cache)).toEqual(
      expect.arrayContaining([
        `Article:${SEED.article}`,
        `Official:${SEED.annuar}`,
        `Official:${SEED.raimondo}`,
        'Country:{"code":"MY"}',
      ]),
    );
    // The article holds a reference, not a copy: the official lives once in the cache.
    expect(cache[`Article:${SEED.article}`]!.officials).toContainEqual({ __ref: `Official:${SEED.annuar}` });

    const official = client.readFragment({
      id: `Official:${SEED.annuar}`,
      fragment: gql`
        fragment O on Official {
          displayName
        }
      `,
    });
    expect(official).toEqual({ __typename: "Official", displayName: "Tan Sri Annuar Musa" });

    const seen: string[] = [];
    const watched = client.watchQuery({ query: ARTICLES_WITH_OFFICIALS, fetchPolicy: "cache-only" }).subscribe((result) => {
      // Cache-only: the data may be partial (every field optional), read as the test reads a complete answer.
      const names = result.data?.articles?.edges![0]?.node!.officials!.map((o) => o!.displayName);
      if (names) seen.push(names.join(" & "));
    });
    await client.mutate({
      mutation: gql`
        mutation Rename($id: ID!) {
          updateOfficial(id: $id, input: { honorificPrefix: "Datuk Seri" }) {
            official {
              id
              displayName
            }
            userErrors {
              code
            }
          }
        }
      `,
      variables: { id: SEED.annuar },
    });
    // The write's result lands in the cache, and the cache-only watcher sees the new name without a refetch.
    await expect.poll(() => seen.at(-1)).toBe("Datuk Seri Annuar Musa & Gina Raimondo");
    watched.unsubscribe();
    // Put it back for the other tests.
    await client.mutate({
      mutation: gql`
        mutation Restore($id: ID!) {
          updateOfficial(id: $id, input: { honorificPrefix: "Tan Sri" }) {
            official {
              id
              displayName
            }
          }
        }
      `,
      variables: { id: SEED.annuar },
    });
  });

  it("pages a connection with fetchMore, merged by relayStylePagination into one list", async () => {
    const { client } = createClient(stack.gatewayUrl);
    const query: TypedDocumentNode<{ officials: Connection<{ id: string; name: string }> }> = gql`
      query Officials($after: String) {
        officials(first: 1, after: $after) {
          totalCount
          edges {
            cursor
            node {
              id
              name
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    `;
    const first = await client.query({ query });
    const firstPage = first.data!.officials;
    expect(firstPage.edges).toHaveLength(1);
    const observable = client.watchQuery({ query });
    let latest: ReturnType<typeof observable.getCurrentResult>["data"];
    const subscription = observable.subscribe((result) => (latest = result.data));
    await expect.poll(() => latest?.officials!.edges!.length).toBe(1);
    await observable.fetchMore({ variables: { after: firstPage.pageInfo!.endCursor } });
    await expect.poll(() => latest!.officials!.edges!.map((e) => e!.node!.name)).toEqual(["Annuar Musa", "Gina Raimondo"]);
    subscription.unsubscribe();
    expect(latest!.officials!.pageInfo!.hasNextPage).toBe(false);
    expect(latest!.officials!.totalCount).toBe(2);
  });

  it("uses automatic persisted queries: a second client sends only the hash, over GET, past CSRF prevention", async () => {
    const query: TypedDocumentNode<{ country: { code: string; name: string } | null }> = gql`
      query PersistedCountry($code: String!) {
        country(code: $code) {
          code
          name
        }
      }
    `;
    const first = createClient(stack.gatewayUrl, { persisted: true });
    const a = await first.client.query({ query, variables: { code: "SG" } });
    expect(a.data!.country!.name).toBe("Singapore");
    // First sight of the query: hash only, "not found", then hash and query to register it.
    expect(first.requests.map((r) => r.body?.includes("PersistedCountry(") ?? false)).toEqual([false, true]);

    const second = createClient(stack.gatewayUrl, { persisted: true, getForHashed: true });
    const b = await second.client.query({ query, variables: { code: "SG" } });
    expect(b.data!.country).toEqual({ __typename: "Country", code: "SG", name: "Singapore" });
    expect(second.requests).toHaveLength(1);
    const [request] = second.requests;
    expect(request!.method).toBe("GET");
    expect(request!.status).toBe(200);
    expect(decodeURIComponent(request!.url)).toMatch(/"persistedQuery":\{"version":1,"sha256Hash":"[0-9a-f]{64}"\}/);
    expect(decodeURIComponent(request!.url)).not.toContain("PersistedCountry(");
  });

  it("is allowed cross-origin from the origins CORS_ORIGINS lists, and only those", async () => {
    const preflight = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: "OPTIONS",
      headers: { origin: app.url, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(app.url);
    const other = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
    });
    expect(other.status).toBe(403);
  });
});

describe("the example app in a browser", () => {
  it("searches, pages with Load more, and opens an article with its officials, initiatives and meeting outcomes", async () => {
    const token = await tokens.editor();
    for (let i = 1; i <= 3; i++) {
      const { body } = await postGraphQL<{ createArticle: { userErrors: { message: string }[] } }>(
        stack.gatewayUrl,
        `mutation($input: CreateArticleInput!) { createArticle(input: $input) { userErrors { message } } }`,
        {
          input: {
            headline: `Cybersecurity briefing ${i}`,
            body: `Cybersecurity news number ${i}.`,
            publishedAt: `2022-0${i}-01T00:00:00Z`,
            source: { name: "Test Wire", code: "TW" },
          },
        },
        { authorization: `Bearer ${token}` },
      );
      expect(body.data!.createArticle.userErrors).toEqual([]);
    }
    const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    const requests = watchRequests(page);
    await page.goto(`${app.url}/?api=${encodeURIComponent(`${stack.gatewayUrl}/graphql`)}`);
    await page.getByRole("textbox", { name: "Search articles" }).fill("cybersecurity");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByTestId("result-count").innerText(), { timeout: 15_000 }).toBe("4 articles");
    await expect.poll(() => page.locator(".results li").count()).toBe(3);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => page.locator(".results li").count()).toBe(4);
    expect(await page.getByRole("button", { name: "Load more" }).count()).toBe(0);

    await page.getByRole("button", { name: /Malaysia, US agree/ }).click();
    const detail = page.locator("article.detail");
    await expect.poll(() => detail.locator(".officials").innerText(), { timeout: 15_000 }).toContain("Tan Sri Annuar Musa");
    const officials = await detail.locator(".officials").innerText();
    expect(officials).toContain("Minister of Communications and Multimedia, Ministry of Communications and Multimedia (former)");
    expect(officials).toContain("Champions MyDIGITAL (Malaysia Digital Economy Blueprint) — active");
    expect(officials).toContain("Gina Raimondo — Secretary of Commerce");
    const events = await detail.locator(".events").innerText();
    expect(events).toContain("agreed in principle Malaysia and the United States agreed to enhance cooperation in cybersecurity");
    expect(await detail.locator(".meta").innerText()).toContain("Kuala Lumpur (VNA)");
    // Opening an article must not cost the list its loaded pages (value objects merge in the normalized cache):
    // once every request it caused has been answered, all four are still there.
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".results li").count()).toBe(4);

    await page.screenshot({ path: join(ARTIFACTS, "example-app.png"), fullPage: true });
    expect(requests.external()).toEqual([]);
    await page.close();
  });
});
