export { drainHttpServer } from "./drain-http.js";
export { onShutdown, type Shutdown, type ShutdownOptions } from "./on-shutdown.js";
