import type { RouteHandler } from "@newsfed/kit/http";

/** The subgraph's health URL next to its GraphQL endpoint: http://host:4002/graphql → http://host:4002/health. */
export const healthUrlOf = (graphqlUrl: string) => new URL("/health", graphqlUrl).toString();

async function probe(url: string, timeoutMs: number): Promise<"up" | "down"> {
  try {
    const response = await fetch(healthUrlOf(url), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok ? "up" : "down";
  } catch {
    return "down";
  }
}

/** Readiness: 200 when every subgraph answers its health check, 503 (with which one is down) otherwise. */
export function readinessRoute(subgraphUrls: Record<string, string>, timeoutMs = 2000): RouteHandler {
  return async (_request, reply) => {
    const entries = await Promise.all(
      Object.entries(subgraphUrls).map(async ([name, url]) => [name, await probe(url, timeoutMs)] as const),
    );
    const subgraphs = Object.fromEntries(entries);
    const ready = entries.every(([, state]) => state === "up");
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable", subgraphs });
  };
}

export const livenessRoute: RouteHandler = async () => ({ status: "ok" });
