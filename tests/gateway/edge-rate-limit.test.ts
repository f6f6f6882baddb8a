import { createGatewayServer } from "@newsfed/gateway";
import { closeGracefully, listen } from "@newsfed/kit/http";
import { SUBGRAPHS } from "@newsfed/kit/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddressOf } from "../../gateway/src/rate-limit/client-key.js";
import { memoryRateLimiter } from "../../gateway/src/rate-limit/rate-limiter.js";
import { startFederation, type TestFederation } from "../helpers/federation.js";
import { tokens } from "../helpers/identities.js";
import type { GraphQLResult } from "../helpers/results.js";

// Rate limiting per client: token subject, else address. A low limit, and counts — never timings.

describe("the rate limiter", () => {
  it("allows `perMinute` requests per key, then refuses with the seconds to wait", async () => {
    const take = memoryRateLimiter(3);
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await take("a"));
    expect(decisions.slice(0, 3).every((d) => d.allowed)).toBe(true);
    expect(decisions[3]).toMatchObject({ allowed: false });
    expect(decisions[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(decisions[3]!.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await take("b")).allowed).toBe(true);
  });

  it("reads the client address from the socket, or behind trusted proxies from X-Forwarded-For", () => {
    const req = (xff: string | undefined, peer: string) => ({
      headers: xff === undefined ? {} : { "x-forwarded-for": xff },
      socket: { remoteAddress: peer },
    });
    expect(clientAddressOf(req("6.6.6.6", "::ffff:10.0.0.5"))).toBe("10.0.0.5");
    // One proxy: what it appended (the last entry) is the client; what the client wrote itself is ignored.
    expect(clientAddressOf(req("6.6.6.6, 203.0.113.7", "10.0.0.5"), 1)).toBe("203.0.113.7");
    expect(clientAddressOf(req("6.6.6.6, 203.0.113.7, 10.0.0.4", "10.0.0.5"), 2)).toBe("203.0.113.7");
    expect(clientAddressOf(req(undefined, "10.0.0.5"), 1)).toBe("10.0.0.5");
    expect(clientAddressOf(req("not-an-ip", "10.0.0.5"), 1)).toBe("10.0.0.5");
  });
});

describe("a gateway with a rate limit", () => {
  let fed: TestFederation;
  beforeAll(async () => {
    fed = await startFederation({ rateLimit: { perMinute: 3, exempt: ["10.9.9.9"] } });
  });
  afterAll(() => fed?.close());

  it("answers 429 with Retry-After once a client's budget is spent, running nothing", async () => {
    const query = `{ officials { totalCount } }`;
    for (let i = 0; i < 3; i++) {
      const answer = await fed.request(query, {}, { clientAddress: "192.0.2.1" });
      expect(answer.status).toBe(200);
    }
    fed.resetCounters();
    const refused = await fed.request(query, {}, { clientAddress: "192.0.2.1" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: expect.any(Number) });
    expect(refused.body.data).toBeUndefined();
    expect(fed.sources.officials.fetches).toBe(0);
    // Invalid requests count and are refused the same way.
    const invalid = await fed.request(`{ nope }`, {}, { clientAddress: "192.0.2.1" });
    expect(invalid.status).toBe(429);
    // Another address has its own budget.
    expect((await fed.request(query, {}, { clientAddress: "192.0.2.2" })).status).toBe(200);
  });

  it("counts a token holder by subject, whatever address it comes from", async () => {
    const token = await tokens.only("officials:write");
    const statuses = [];
    for (const address of ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"])
      statuses.push((await fed.request(`{ __typename }`, {}, { token, clientAddress: address })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("does not count exempt addresses (the subgraphs' reference checks)", async () => {
    for (let i = 0; i < 5; i++) expect((await fed.request(`{ __typename }`, {}, { clientAddress: "10.9.9.9" })).status).toBe(200);
  });
});

describe("over HTTP", () => {
  let url: string;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    const { apollo, http } = await createGatewayServer({
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, "http://127.0.0.1:9/graphql"])) as never,
      rateLimit: { perMinute: 2 },
    });
    url = await listen(http, 0);
    stop = async () => {
      await closeGracefully(http);
      await apollo.stop();
    };
  });
  afterAll(() => stop?.());

  it("sends 429 and Retry-After to the socket's address", async () => {
    const post = () =>
      fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
    expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(200);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as GraphQLResult<unknown>).errors![0]!.extensions!.code).toBe("RATE_LIMITED");
  });
});
