import { createGatewayServer } from "@newsfed/gateway";
import { composedUrl, SUBGRAPHS } from "@newsfed/kit/services";
import { closeGracefully, listen } from "@newsfed/kit/http";
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The gateway's HTTP surface that needs no subgraph: CORS, request ids, metrics, schema and health routes.
let url: string;
let stop: () => Promise<void>;
let unplanned: string[];
beforeAll(async () => {
  const { apollo, http, unplannedAtStart } = await createGatewayServer({
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, "http://127.0.0.1:9/graphql"])) as never,
    corsOrigins: ["https://newsroom.example"],
  });
  unplanned = unplannedAtStart;
  url = await listen(http, 0);
  stop = async () => {
    await closeGracefully(http);
    await apollo.stop();
  };
});
afterAll(() => stop?.());

const committed = (file: string) => readFileSync(new URL(`../../gateway/${file}`, import.meta.url), "utf8");

describe("gateway HTTP surface", () => {
  it("sends nothing off the machine: @apollo/gateway's telemetry to Apollo, and its cloud-metadata probes, stay off", async () => {
    const hosts: string[] = [];
    const watch = (module: typeof http | typeof https) => {
      const original = module.request.bind(module) as (...args: unknown[]) => http.ClientRequest;
      return vi.spyOn(module, "request").mockImplementation(((...args: unknown[]) => {
        const target = args[0] as string | URL | http.RequestOptions;
        hosts.push(
          typeof target === "string"
            ? new URL(target).hostname
            : target instanceof URL
              ? target.hostname
              : String(target.hostname ?? target.host),
        );
        return original(...args);
      }) as never);
    };
    const spies = [watch(http), watch(https)];
    try {
      const other = await createGatewayServer({
        subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, "http://127.0.0.1:9/graphql"])) as never,
      });
      await other.apollo.executeOperation({ query: "{ __typename }" });
      await other.apollo.stop();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(hosts.filter((host) => !["127.0.0.1", "localhost", "::1"].includes(host))).toEqual([]);
  });

  it("serves the API schema of the supergraph it runs at GET /schema.graphql: the committed one by default, another when configured", async () => {
    expect(await (await fetch(`${url}/schema.graphql`)).text()).toBe(committed("schema.graphql"));
    const supergraphSdl = committed("supergraph.graphql").replace(
      "A public official: a minister, secretary or other office holder. Owned by the officials subgraph.",
      "A public official of another supergraph.",
    );
    expect(supergraphSdl).not.toBe(committed("supergraph.graphql"));
    const other = await createGatewayServer({
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, "http://127.0.0.1:9/graphql"])) as never,
      supergraphSdl,
    });
    const otherUrl = await listen(other.http, 0);
    try {
      const served = await (await fetch(`${otherUrl}/schema.graphql`)).text();
      expect(served).toContain("A public official of another supergraph.");
      expect(served).not.toBe(committed("schema.graphql"));
    } finally {
      await closeGracefully(other.http);
      await other.apollo.stop();
    }
  });

  it("plans the IDE's example operations and the contract example at start, without counting them as requests", async () => {
    expect(unplanned).toEqual([]);
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).not.toMatch(/^graphql_requests_total\{/m);
  });

  it("answers CORS preflights for allowed origins only", async () => {
    const preflight = (origin: string) =>
      fetch(`${url}/graphql`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type, authorization",
        },
      });
    const allowed = await preflight("https://newsroom.example");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://newsroom.example");
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    const refused = await preflight("https://evil.example");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("gives every response a request id, keeping a sane one the client sent", async () => {
    const mine = await fetch(`${url}/health/live`, { headers: { "x-request-id": "client-chosen-1" } });
    expect(mine.headers.get("x-request-id")).toBe("client-chosen-1");
    const fresh = await fetch(`${url}/health/live`, { headers: { "x-request-id": "bad id with spaces" } });
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("reports not ready (503) while its subgraphs are unreachable, and stays live", async () => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      status: "unavailable",
      subgraphs: { articles: "down", officials: "down", policy: "down" },
    });
  });

  it("refuses CSRF-able requests: a simple GET without a preflight-forcing header", async () => {
    const simple = await fetch(`${url}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(simple.status).toBe(400);
    const preflighted = await fetch(`${url}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(preflighted.status).toBe(200);
  });

  it("turns introspection off when configured (it is on by default for partners)", async () => {
    const off = await createGatewayServer({
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, composedUrl(s)])) as never,
      introspection: false,
    });
    const on = await createGatewayServer({
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, composedUrl(s)])) as never,
    });
    try {
      const query = "{ __schema { queryType { name } } }";
      const refused = await off.apollo.executeOperation({ query }, { contextValue: { identity: null } });
      expect(refused.body.kind === "single" && refused.body.singleResult.errors?.[0]?.message).toMatch(/introspection/i);
      const allowed = await on.apollo.executeOperation({ query }, { contextValue: { identity: null } });
      expect(allowed.body.kind === "single" && allowed.body.singleResult.data).toEqual({
        __schema: { queryType: { name: "Query" } },
      });
    } finally {
      await off.apollo.stop();
      await on.apollo.stop();
    }
  });

  it("serves the IDE to browsers, compressed, with everything inlined (no external script, style or font)", async () => {
    const response = await fetch(`${url}/graphql`, { headers: { accept: "text/html", "accept-encoding": "gzip" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const html = await response.text();
    expect(html).toContain("newsfed · GraphQL IDE");
    expect(html).toContain("OfficialsInCybersecurityArticles");
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:/);
  });

  it("serves the IDE uncompressed to a browser that does not accept gzip, and never to a client asking for JSON", async () => {
    const plain = await fetch(`${url}/graphql`, { headers: { accept: "text/html", "accept-encoding": "identity" } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toContain("newsfed · GraphQL IDE");
    for (const accept of [
      "application/json",
      "application/graphql-response+json, text/html",
      "text/html;q=0, application/json",
    ]) {
      const answer = await fetch(`${url}/graphql?query=${encodeURIComponent("{ __typename }")}`, {
        headers: { accept, "apollo-require-preflight": "true" },
      });
      expect(answer.headers.get("content-type"), accept).toMatch(/json/);
      expect(await answer.json(), accept).toEqual({ data: { __typename: "Query" } });
    }
  });

  it("exposes Prometheus metrics", async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain("# TYPE graphql_requests_total counter");
    expect(text).toContain("# TYPE subgraph_fetch_duration_seconds histogram");
    expect(text).toContain('nodejs_heap_size_used_bytes{service="gateway"}');
  });
});
