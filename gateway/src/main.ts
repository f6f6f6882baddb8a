import { closeGracefully, listen } from "@newsfed/kit/http";
import { createLogger, startTracing } from "@newsfed/kit/observability";
import { loadGatewayConfig } from "./config.js";
import { createGatewayServer } from "./server.js";

const config = loadGatewayConfig();
// Before the gateway is built, so @apollo/gateway's spans go to the registered provider.
const tracing = startTracing("gateway");
const logger = createLogger("gateway");
const { apollo, http } = await createGatewayServer({ ...config, logger });
const url = await listen(http, config.port, config.host);
logger.info({ url: `${url}/graphql` }, `gateway ready at ${url}/graphql`);

const stop = async () => {
  await closeGracefully(http, 10_000);
  await apollo.stop();
  await tracing?.shutdown();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
