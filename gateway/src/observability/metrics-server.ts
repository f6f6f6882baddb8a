import { createServer, type Server } from "node:http";
import type { ServiceMetrics } from "@newsfed/kit/observability";

/** GET /metrics alone, for a port of its own (METRICS_PORT) that only the private network reaches; never listens itself. */
export function createMetricsServer(metrics: ServiceMetrics): Server {
  return createServer((req, res) => {
    if (req.method === "GET" && new URL(req.url ?? "/", "http://localhost").pathname === "/metrics") {
      Promise.resolve(metrics.route(req, res)).catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
}
