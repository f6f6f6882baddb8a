import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectAllPages } from "../helpers/paging.js";
import { OtlpCollector } from "../helpers/otlp-collector.js";
import { CONTRACT_EXAMPLE, type ContractExampleData } from "../helpers/queries.js";
import type { Connection } from "../helpers/results.js";
import { SEED } from "../helpers/seed-ids.js";
import { postGraphQL, ROOT, type RunningStack, startStack, tempDataDir } from "../helpers/stack.js";

// The real thing over real ports: the README's start command, PostgreSQL and four services, a fresh data directory.
const dataDir = tempDataDir();
let stack: RunningStack;
// A stand-in OpenTelemetry collector: the stack exports its spans here over OTLP/HTTP (JSON).
const collector = new OtlpCollector();
beforeAll(async () => {
  stack = await startStack(dataDir, { OTEL_EXPORTER_OTLP_ENDPOINT: await collector.start(), OTEL_BSP_SCHEDULE_DELAY: "200" });
  console.log(`first start on an empty data directory: ready after ${stack.readyAfterMs} ms`);
});
afterAll(async () => {
  await stack?.stop();
  await collector.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  await expect.poll(() => condition().catch(() => false), { timeout: timeoutMs, interval: 200 }).toBe(true);
}

const http = (s: RunningStack) => ({
  query: (q: string, v?: Record<string, unknown>) => postGraphQL(s.gatewayUrl, q, v).then((r) => r.body),
});

describe("the whole federation over HTTP", () => {
  it("starts with one command, prints the IDE URL, seeds on first start and answers the contract example", async () => {
    expect(stack.output()).toContain(`http://localhost:${stack.ports.gateway}/graphql`);

    const { status, body } = await postGraphQL<ContractExampleData>(stack.gatewayUrl, CONTRACT_EXAMPLE);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const article = body.data!.articles.edges[0]!.node;
    expect(article.officials!.map((o) => o.displayName).sort()).toEqual(["Gina Raimondo", "Tan Sri Annuar Musa"]);
    expect(article.events!.find((e) => e.location?.name === "Putrajaya")!.outcomes[0]!.status).toBe("AGREED_IN_PRINCIPLE");
  });

  it("serves health, readiness and the public schema", async () => {
    const live = await fetch(`${stack.gatewayUrl}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${stack.gatewayUrl}/health/ready`);
    expect(await ready.json()).toEqual({ status: "ready", subgraphs: { articles: "up", officials: "up", policy: "up" } });
    const schema = await fetch(`${stack.gatewayUrl}/schema.graphql`);
    expect(await schema.text()).toBe(readFileSync(join(ROOT, "gateway/schema.graphql"), "utf8"));
  });

  it("writes with the development token from `pnpm --silent run token`, checking references through the gateway", async () => {
    // Exactly the documented command.
    // Asynchronously: a blocked event loop would miss the server closing idle keep-alive connections, then reuse one.
    const { stdout } = await promisify(execFile)("npx", ["-y", "pnpm@12.4.2", "--silent", "run", "token"], { cwd: ROOT });
    const token = stdout.trim();
    expect(token.split(".")).toHaveLength(3);
    const auth = { authorization: `Bearer ${token}` };
    const create = `mutation($input: CreatePolicyEventInput!) { createPolicyEvent(input: $input) { event { id participants { displayName } } userErrors { field code } } }`;
    type Created = {
      createPolicyEvent: {
        event: { id: string; participants: { displayName: string }[] | null } | null;
        userErrors: { field: string | null; code: string }[];
      };
    };
    const ok = await postGraphQL<Created>(
      stack.gatewayUrl,
      create,
      { input: { kind: "ANNOUNCEMENT", title: "E2E announcement", startDate: "2022-01-01", participantIds: [SEED.raimondo] } },
      auth,
    );
    expect(ok.body.data!.createPolicyEvent).toMatchObject({
      event: { participants: [{ displayName: "Gina Raimondo" }] },
      userErrors: [],
    });
    const ghost = await postGraphQL<Created>(
      stack.gatewayUrl,
      create,
      { input: { kind: "ANNOUNCEMENT", title: "Ghost", startDate: "2022-01-01", participantIds: ["ghost"] } },
      auth,
    );
    expect(ghost.body.data!.createPolicyEvent.userErrors).toEqual([
      { field: "input.participantIds.0", code: "UNKNOWN_REFERENCE" },
    ]);

    const anonymous = await postGraphQL(stack.gatewayUrl, create, {
      input: { kind: "ANNOUNCEMENT", title: "Anon", startDate: "2022-01-01" },
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors?.[0]!.extensions!.code).toBe("UNAUTHENTICATED");
    // Straight to the policy subgraph's port, even with the bearer token: refused, since the gateway did not sign it.
    const directCreate = `mutation($input: CreatePolicyEventInput!) { createPolicyEvent(input: $input) { event { id } } }`;
    const direct = await postGraphQL(
      `http://127.0.0.1:${stack.ports.policy}`,
      directCreate,
      { input: { kind: "ANNOUNCEMENT", title: "Direct", startDate: "2022-01-01" } },
      auth,
    );
    expect(direct.body.errors?.[0]!.extensions!.code).toBe("UNAUTHENTICATED");
    const count = await postGraphQL<{ events: { totalCount: number } }>(
      stack.gatewayUrl,
      `{ events(filter: { kind: ANNOUNCEMENT }) { totalCount } }`,
    );
    expect(count.body.data!.events.totalCount).toBe(1);
    const deleted = await postGraphQL<{ deletePolicyEvent: { deletedId: string | null } }>(
      stack.gatewayUrl,
      `mutation($id: ID!) { deletePolicyEvent(id: $id) { deletedId } }`,
      { id: ok.body.data!.createPolicyEvent.event!.id },
      auth,
    );
    expect(deleted.body.data!.deletePolicyEvent.deletedId).toBe(ok.body.data!.createPolicyEvent.event!.id);
  });

  it("carries one request id from the client through the gateway to every subgraph's log line, and counts it in /metrics", async () => {
    const requestId = `e2e-${Date.now()}`;
    const response = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": requestId },
      body: JSON.stringify({ query: CONTRACT_EXAMPLE.replace("query {", "query ContractExample {") }),
    });
    expect(response.headers.get("x-request-id")).toBe(requestId);
    const lines = () =>
      stack
        .output()
        .split("\n")
        .filter((line) => line.includes(requestId));
    const services = () => [...new Set(lines().map((line) => JSON.parse(line.replace(/^\[\w+\] /, "")).service))].sort();
    // Each service logs its request line when it answers; the gateway's comes last.
    await expect.poll(services, { timeout: 20_000 }).toEqual(["articles", "gateway", "officials", "policy"]);
    const gatewayLine = JSON.parse(
      lines()
        .find((line) => line.startsWith("[gateway]"))!
        .replace("[gateway] ", ""),
    );
    expect(gatewayLine).toMatchObject({ operation: "ContractExample", outcome: "success", requestId });

    const metrics = await (await fetch(`${stack.gatewayUrl}/metrics`)).text();
    expect(metrics).toMatch(/graphql_requests_total\{operation="ContractExample",outcome="success",service="gateway"\} 1/);
    expect(metrics).toMatch(/subgraph_fetch_duration_seconds_count\{[^}]*subgraph="policy"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/process_resident_memory_bytes\{service="gateway"\}/);
    const subgraphMetrics = await (await fetch(`http://127.0.0.1:${stack.ports.officials}/metrics`)).text();
    expect(subgraphMetrics).toMatch(/graphql_requests_total\{operation="[^"]+",outcome="success",service="officials"\}/);
  });

  it("exports one trace per request over OTLP: gateway spans with each subgraph's request span as a child", async () => {
    await postGraphQL(stack.gatewayUrl, "query TracedQuery { officials { edges { node { name initiatives { totalCount } } } } }");
    // Each service exports in its own batches: wait until the policy span, its parent and the whole trace are in.
    const traceOf = () => {
      const spans = collector.spans();
      const policySpan = spans.find((span) => span.service === "policy" && span.name.includes("TracedQuery"));
      const parent = policySpan && spans.find((span) => span.spanId === policySpan.parentSpanId);
      const trace = policySpan ? spans.filter((span) => span.traceId === policySpan.traceId) : [];
      return { policySpan, parent, trace };
    };
    await waitFor(async () => {
      const { parent, trace } = traceOf();
      return (
        Boolean(parent) &&
        new Set(trace.map((span) => span.service)).size === 3 &&
        trace.some((span) => span.name === "gateway.request")
      );
    }, 20_000);
    const { policySpan, parent, trace } = traceOf();
    expect(parent?.service).toBe("gateway");
    expect(parent?.traceId).toBe(policySpan!.traceId);
    expect(new Set(trace.map((span) => span.service))).toEqual(new Set(["gateway", "officials", "policy"]));
    expect(trace.map((span) => span.name)).toContain("gateway.request");
  });

  it("pages officials(first: 1) through every official exactly once", async () => {
    const { nodes, totalCount } = await collectAllPages<{ id: string; displayName: string }>(
      http(stack),
      `query($after: String) { officials(first: 1, after: $after) { totalCount edges { node { id displayName } } pageInfo { hasNextPage endCursor } } }`,
      "officials",
    );
    expect(totalCount).toBe(2);
    // Ordered by name: Annuar Musa, then Gina Raimondo.
    expect(nodes.map((n) => n.displayName)).toEqual(["Tan Sri Annuar Musa", "Gina Raimondo"]);
  });

  it("reports a killed subgraph as not ready, serves partial data meanwhile, and the supervisor brings it back", async () => {
    const pid = stack.pidOf("policy")!;
    process.kill(pid, "SIGKILL");
    await waitFor(async () => (await fetch(`${stack.gatewayUrl}/health/ready`)).status === 503);
    const degraded = await postGraphQL<{ officials: Connection<{ name: string; initiatives: { totalCount: number } | null }> }>(
      stack.gatewayUrl,
      `{ officials { edges { node { name initiatives { totalCount } } } } }`,
    );
    expect(degraded.body.data!.officials.edges.map((e) => e.node.initiatives)).toEqual([null, null]);
    expect(degraded.body.errors?.[0]?.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "policy" });
    await waitFor(async () => (await fetch(`${stack.gatewayUrl}/health/ready`)).status === 200, 60_000);
    expect(stack.output()).toMatch(/policy exited \(SIGKILL\); restarting/);
    expect(stack.pidOf("policy")).not.toBe(pid);
  });
});
