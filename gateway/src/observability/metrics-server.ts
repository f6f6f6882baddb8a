import type { ServiceMetrics } from "@newsfed/kit/observability";
import Fastify, { type FastifyInstance } from "fastify";

/** GET /metrics alone, for a port of its own (METRICS_PORT) that only the private network reaches; never listens itself. */
export function createMetricsServer(metrics: ServiceMetrics): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get("/metrics", metrics.route);
  return app;
}
