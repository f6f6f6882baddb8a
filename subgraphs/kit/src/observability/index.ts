export { createLogger, type Logger } from "./logger.js";
export { observabilityPlugin, ServiceMetrics } from "./metrics.js";
export { REQUEST_ID_HEADER, requestIdOf } from "./request-id.js";
export { injectTraceContext, startTracing, tracingPlugin } from "./tracing.js";
