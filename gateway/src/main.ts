import { closeGracefully, listen } from "@newsfed/kit/http";
import { createLogger, startTracing } from "@newsfed/kit/observability";
import { onShutdown } from "@newsfed/kit/shutdown";
import { loadGatewayConfig } from "./config.js";
import { createMetricsServer } from "./observability/metrics-server.js";
import { createGatewayServer } from "./server.js";

const config = loadGatewayConfig();
const logger = createLogger("gateway");
// On SIGTERM/SIGINT, or when its supervisor is gone: stop accepting, answer requests in flight, exit in time.
const shutdown = onShutdown({ deadlineMs: config.shutdownTimeoutMs, logger });
// Before the gateway is built, so @apollo/gateway's spans go to the registered provider.
const tracing = startTracing("gateway");
shutdown.defer(() => tracing?.shutdown());
const { apollo, http, metrics } = await createGatewayServer({ ...config, logger });
shutdown.defer(() => apollo.stop());
const url = await listen(http, config.port, config.host);
shutdown.defer(() => closeGracefully(http, config.shutdownTimeoutMs));
logger.info({ url: `${url}/graphql` }, `gateway ready at ${url}/graphql`);
if (config.metricsPort !== undefined) {
  // Metrics on their own port (kept off the public one in production).
  const metricsHttp = createMetricsServer(metrics);
  const metricsUrl = await listen(metricsHttp, config.metricsPort, config.host);
  shutdown.defer(() => closeGracefully(metricsHttp, config.shutdownTimeoutMs));
  logger.info({ url: `${metricsUrl}/metrics` }, "metrics port open");
}
