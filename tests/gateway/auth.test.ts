import { createServer } from "node:http";
import { ConfigError, parseConfig } from "@newsfed/kit/config";
import { closeGracefully, listen } from "@newsfed/kit/http";
import { DEVELOPMENT_GATEWAY_SECRET, IDENTITY_HEADER, signIdentity } from "@newsfed/kit/identity";
import { createSubgraphServer, NO_FEDERATION, subgraphConfigSchema } from "@newsfed/kit/subgraph";
import { createGatewayServer, loadGatewayConfig, signDevelopmentToken } from "@newsfed/gateway";
import { composedUrl, SUBGRAPHS } from "@newsfed/kit/services";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import type { GraphQLResult } from "../helpers/results.js";
import { tokens } from "../helpers/identities.js";
import { openSeededDatabase } from "../helpers/databases.js";
import { closeNodeServer, listenOnFreePort } from "../helpers/node-server.js";
import { SEED } from "../helpers/seed-ids.js";
import { SUBGRAPH_DEFINITIONS } from "../helpers/subgraph-definitions.js";

let fed: TestFederation;
beforeAll(async () => {
  fed = await startFederation();
});
afterAll(() => fed?.close());

const CREATE = `mutation($name: String!) { createOfficial(input: { name: $name }) { official { id updatedBy } userErrors { field message code } } }`;
const officialCount = async () =>
  (await fed.query<{ officials: { totalCount: number } }>(`{ officials { totalCount } }`)).data?.officials.totalCount as number;
/** CREATE's answer, as a subgraph sends it over HTTP. */
type CreateResult = GraphQLResult<{ createOfficial: { official: { id: string; updatedBy: string } | null } }>;

describe("authentication at the gateway", () => {
  it("keeps reads public", async () => {
    expect((await fed.query(`{ officials { totalCount } }`)).errors).toBeUndefined();
  });

  it("refuses a mutation without a token, writing nothing", async () => {
    const before = await officialCount();
    const result = await fed.query(CREATE, { name: "No Token" });
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.data ?? null).toBeNull();
    expect(await officialCount()).toBe(before);
  });

  it("refuses any request with an invalid, forged or expired token, naming why", async () => {
    const forged = await new SignJWT({ scope: "officials:write" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("mallory")
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-secret-at-all"));
    const expired = await new SignJWT({ scope: "officials:write" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("late")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode("newsfed-development-jwt-secret-do-not-use-in-production"));
    const everlasting = await new SignJWT({ scope: "officials:write" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("forever")
      .sign(new TextEncoder().encode("newsfed-development-jwt-secret-do-not-use-in-production"));
    for (const token of ["garbage", forged, expired, everlasting]) {
      const result = await fed.query(`{ officials { totalCount } }`, {}, { token });
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    expect((await fed.query(`{ officials { totalCount } }`, {}, { token: expired })).errors?.[0]?.message).toMatch(/exp/);
  });

  it("refuses a mutation whose token lacks the scope (FORBIDDEN), writing nothing", async () => {
    const before = await officialCount();
    for (const token of [await tokens.readOnly(), await tokens.only("articles:write")]) {
      const result = await fed.query(CREATE, { name: "Wrong Scope" }, { token });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: ["officials:write"] });
    }
    expect(await officialCount()).toBe(before);
  });

  it("refuses a mutation whose fields hide in fragments when a scope is missing, writing nothing", async () => {
    const articleCount = async () =>
      (await fed.query<{ articles: { totalCount: number } }>(`{ articles { totalCount } }`)).data?.articles.totalCount;
    const before = await articleCount();
    const result = await fed.query(
      `mutation { ... on Mutation { a: createArticle(input: { headline: "Smuggled", body: "B", publishedAt: "2022-01-01T00:00:00Z", source: { name: "S" } }) { article { id } } }
        ...Sneaky }
       fragment Sneaky on Mutation { deleteOfficial(id: "${SEED.raimondo}") { deletedId } }`,
      {},
      { token: await tokens.only("articles:write") },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: ["officials:write"] });
    expect(await articleCount()).toBe(before);
  });

  it("refuses a whole multi-subgraph mutation when one scope is missing, so no part of it is written", async () => {
    const before = await officialCount();
    const result = await fed.query(
      `mutation { a: createOfficial(input: { name: "Half Written" }) { official { id } }
        b: createArticle(input: { headline: "H", body: "B", publishedAt: "2022-01-01T00:00:00Z", source: { name: "S" } }) { article { id } } }`,
      {},
      { token: await tokens.only("officials:write") },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: ["articles:write"] });
    expect(await officialCount()).toBe(before);
  });

  it("accepts a token with the scope and records its subject as the editor", async () => {
    const result = await fed.query(CREATE, { name: "Scoped Editor" }, { token: await tokens.only("officials:write") });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createOfficial).toMatchObject({ official: { updatedBy: "test-officials:write" }, userErrors: [] });
  });
});

// Every mutation of every owned type, with the scope it needs and arguments that would otherwise succeed.
const MUTATIONS: { name: string; scope: string; document: string }[] = [
  {
    name: "createOfficial",
    scope: "officials:write",
    document: `mutation { createOfficial(input: { name: "Auth Probe" }) { official { id } } }`,
  },
  {
    name: "updateOfficial",
    scope: "officials:write",
    document: `mutation { updateOfficial(id: "${SEED.raimondo}", input: { otherNames: ["Probe"] }) { official { id } } }`,
  },
  {
    name: "deleteOfficial",
    scope: "officials:write",
    document: `mutation { deleteOfficial(id: "${SEED.raimondo}") { deletedId } }`,
  },
  {
    name: "createOrganization",
    scope: "officials:write",
    document: `mutation { createOrganization(input: { name: "Probe", kind: OTHER }) { organization { id } } }`,
  },
  {
    name: "updateOrganization",
    scope: "officials:write",
    document: `mutation { updateOrganization(id: "${SEED.kkmm}", input: { acronym: "P" }) { organization { id } } }`,
  },
  {
    name: "deleteOrganization",
    scope: "officials:write",
    document: `mutation { deleteOrganization(id: "${SEED.kkmm}") { deletedId } }`,
  },
  {
    name: "createPolicyInitiative",
    scope: "policy:write",
    document: `mutation { createPolicyInitiative(input: { name: "Probe", status: PROPOSED }) { initiative { id } } }`,
  },
  {
    name: "updatePolicyInitiative",
    scope: "policy:write",
    document: `mutation { updatePolicyInitiative(id: "${SEED.fiveG}", input: { status: SUSPENDED }) { initiative { id } } }`,
  },
  {
    name: "deletePolicyInitiative",
    scope: "policy:write",
    document: `mutation { deletePolicyInitiative(id: "${SEED.fiveG}") { deletedId } }`,
  },
  {
    name: "createPolicyEvent",
    scope: "policy:write",
    document: `mutation { createPolicyEvent(input: { kind: MEETING, title: "Probe", startDate: "2022-01-01" }) { event { id } } }`,
  },
  {
    name: "updatePolicyEvent",
    scope: "policy:write",
    document: `mutation { updatePolicyEvent(id: "${SEED.asiaVisit}", input: { title: "Probe" }) { event { id } } }`,
  },
  {
    name: "deletePolicyEvent",
    scope: "policy:write",
    document: `mutation { deletePolicyEvent(id: "${SEED.putrajayaMeeting}") { deletedId } }`,
  },
  {
    name: "createArticle",
    scope: "articles:write",
    document: `mutation { createArticle(input: { headline: "Probe", body: "B", publishedAt: "2022-01-01T00:00:00Z", source: { name: "S" } }) { article { id } } }`,
  },
  {
    name: "updateArticle",
    scope: "articles:write",
    document: `mutation { updateArticle(id: "${SEED.article}", input: { headline: "Probe" }) { article { id } } }`,
  },
  { name: "deleteArticle", scope: "articles:write", document: `mutation { deleteArticle(id: "${SEED.article}") { deletedId } }` },
];

describe("every mutation of every owned type", () => {
  const snapshot = () =>
    fed.query(`{ officials { totalCount } organizations { totalCount } initiatives { totalCount } events { totalCount } articles { totalCount }
      a: official(id: "${SEED.raimondo}") { otherNames } o: organization(id: "${SEED.kkmm}") { acronym } i: initiative(id: "${SEED.fiveG}") { status }
      e: event(id: "${SEED.asiaVisit}") { title } r: article(id: "${SEED.article}") { headline } }`);

  it.each(MUTATIONS)(
    "$name: refused without a token and with another domain's scope, writing nothing",
    async ({ document, scope }) => {
      const before = await snapshot();
      const anonymous = await fed.query(document);
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const otherScope = ["officials:write", "policy:write", "articles:write"].filter((s) => s !== scope);
      const wrong = await fed.query(
        document,
        {},
        { token: await signDevelopmentToken({ subject: "other-desk", scopes: otherScope }) },
      );
      expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", requiredScopes: [scope] });
      expect(await snapshot()).toEqual(before);
    },
  );
});

describe("a subgraph called directly", () => {
  it("refuses writes that do not carry an identity signed by the gateway", async () => {
    const definition = SUBGRAPH_DEFINITIONS.officials;
    const database = await openSeededDatabase("officials");
    const { apollo, http } = await createSubgraphServer(definition, database.db as never, {
      sharedSecret: DEVELOPMENT_GATEWAY_SECRET,
      federation: NO_FEDERATION,
    });
    const url = await listen(http, 0);
    const post = (headers: Record<string, string>) =>
      fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: CREATE, variables: { name: "Sneaky" } }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as CreateResult }));
    try {
      const editor = { subject: "mallory", scopes: ["officials:write"] };
      const unsigned = await post({});
      const forged = await post({ [IDENTITY_HEADER]: await signIdentity(editor, "some-other-secret-entirely", "officials") });
      const stale = await post({
        [IDENTITY_HEADER]: await signIdentity(editor, DEVELOPMENT_GATEWAY_SECRET, "officials", Date.now() - 3_600_000),
      });
      const otherSubgraph = await post({ [IDENTITY_HEADER]: await signIdentity(editor, DEVELOPMENT_GATEWAY_SECRET, "policy") });
      const bearer = await post({ authorization: `Bearer ${await tokens.editor()}` });
      for (const result of [unsigned, forged, stale, otherSubgraph, bearer]) {
        // A GraphQL refusal with HTTP 200, so the gateway passes the code on rather than calling the subgraph down.
        expect(result.status).toBe(200);
        expect(result.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      }
      const count = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ officials(filter: { search: "Sneaky" }) { totalCount } }` }),
      }).then((r) => r.json() as Promise<GraphQLResult<{ officials: { totalCount: number } }>>);
      expect(count.data!.officials.totalCount).toBe(0);
      // The gateway's own signature goes through.
      const signed = await post({ [IDENTITY_HEADER]: await signIdentity(editor, DEVELOPMENT_GATEWAY_SECRET, "officials") });
      expect(signed.body.data!.createOfficial.official!.updatedBy).toBe("mallory");
    } finally {
      await closeGracefully(http);
      await apollo.stop();
      await database.close();
    }
  });
});

describe("a subgraph refusing a write behind the real gateway, over HTTP", () => {
  it("reaches the client as the subgraph's own code, not as an outage", async () => {
    const database = await openSeededDatabase("officials");
    const subgraph = await createSubgraphServer(SUBGRAPH_DEFINITIONS.officials, database.db as never, {
      sharedSecret: "the-subgraph-has-another-secret",
      federation: NO_FEDERATION,
    });
    const subgraphUrl = await listen(subgraph.http, 0);
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, "http://127.0.0.1:9/graphql"]));
    const gateway = await createGatewayServer({ subgraphUrls: { ...urls, officials: `${subgraphUrl}/graphql` } as never });
    const gatewayUrl = await listen(gateway.http, 0);
    try {
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await tokens.editor()}` },
        body: JSON.stringify({ query: CREATE, variables: { name: "Mismatched Secret" } }),
      });
      const body = (await response.json()) as CreateResult;
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", serviceName: "officials" });
      const metrics = await (await fetch(`${gatewayUrl}/metrics`)).text();
      expect(metrics).not.toMatch(/subgraph_fetch_errors_total\{[^}]*kind="unreachable"[^}]*subgraph="officials"/);
    } finally {
      await closeGracefully(gateway.http);
      await gateway.apollo.stop();
      await closeGracefully(subgraph.http);
      await subgraph.apollo.stop();
      await database.close();
    }
  });
});

describe("production configuration", () => {
  it("refuses to start the gateway or a subgraph with the public development secrets", () => {
    expect(() => loadGatewayConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ NODE_ENV: "production", JWT_SECRET: "a-real-secret-of-enough-length" })).toThrow(
      /GATEWAY_SHARED_SECRET/,
    );
    const ok = loadGatewayConfig({
      NODE_ENV: "production",
      JWT_JWKS_URL: "https://idp.example/jwks.json",
      JWT_ISSUER: "https://idp.example",
      JWT_AUDIENCE: "newsfed",
      GATEWAY_SHARED_SECRET: "a-real-shared-secret-0123456789-abcdef",
    });
    expect(ok.auth.jwksUrl).toBe("https://idp.example/jwks.json");
    expect(() => parseConfig("officials", subgraphConfigSchema("officials"), { NODE_ENV: "production" })).toThrow(
      /GATEWAY_SHARED_SECRET/,
    );
    // Exposed on a network, the public secrets are refused too, whatever NODE_ENV says.
    expect(() => loadGatewayConfig({ HOST: "0.0.0.0" })).toThrow(/listening on 0.0.0.0 needs JWT_SECRET/);
    expect(() => parseConfig("officials", subgraphConfigSchema("officials"), { HOST: "0.0.0.0" })).toThrow(
      /GATEWAY_SHARED_SECRET/,
    );
    expect(loadGatewayConfig({ HOST: "127.0.0.1" }).host).toBe("127.0.0.1");
  });
});

describe("RS256 tokens from a JWKS endpoint", () => {
  it("verifies tokens signed by the identity provider's key and refuses the development ones", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
    const jwks = createServer((_req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    const jwksUrl = `${await listenOnFreePort(jwks)}/jwks.json`;
    const { apollo, contextFor } = await createGatewayServer({
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, composedUrl(s)])) as never,
      auth: { jwksUrl, issuer: "https://idp.example", audience: "newsfed" },
    });
    try {
      const token = await new SignJWT({ scope: "officials:write" })
        .setProtectedHeader({ alg: "RS256", kid: "test-key" })
        .setSubject("partner-app")
        .setIssuer("https://idp.example")
        .setAudience("newsfed")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(privateKey);
      const good = await contextFor({ headers: { authorization: `Bearer ${token}` } } as never);
      expect(good).toEqual({ identity: { subject: "partner-app", scopes: ["officials:write"] } });
      const dev = await contextFor({ headers: { authorization: `Bearer ${await tokens.editor()}` } } as never);
      expect(dev.identity).toBeNull();
      expect(dev.authError).toMatch(/not valid/);
    } finally {
      await apollo.stop();
      await closeNodeServer(jwks);
    }
  });
});
