import { closeServer, listen } from "@newsfed/kit/http";
import { createLogger, startTracing } from "@newsfed/kit/observability";
import { loadGatewayConfig } from "./config.js";
import { createGatewayServer } from "./server.js";
import { createMetricsServer } from "./observability/metrics-server.js";

const config = loadGatewayConfig();
// Before the gateway is built, so @apollo/gateway's spans go to the registered provider.
const tracing = startTracing("gateway");
const logger = createLogger("gateway");
const { apollo, http, metrics } = await createGatewayServer({ ...config, logger });
const url = await listen(http, config.port, config.host);
logger.info({ url: `${url}/graphql` }, `gateway ready at ${url}/graphql`);
const metricsHttp = config.metricsPort === undefined ? undefined : createMetricsServer(metrics);
if (metricsHttp)
  logger.info({ url: `${await listen(metricsHttp, config.metricsPort!, config.host)}/metrics` }, "metrics port open");

const stop = async () => {
  if (metricsHttp) await closeServer(metricsHttp);
  await closeServer(http);
  await apollo.stop();
  await tracing?.shutdown();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
