import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { Resource } from "@opentelemetry/resources";
import { BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

/**
 * OpenTelemetry tracing, exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or ..._TRACES_ENDPOINT) is set,
 * off otherwise. Registers the W3C trace-context propagator, so the gateway's spans (which @apollo/gateway emits)
 * and each subgraph's request span join one trace.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): { shutdown(): Promise<void> } | null {
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/$/, "");
  const url = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base}/v1/traces` : undefined);
  if (!url) return null;
  const provider = new NodeTracerProvider({
    resource: new Resource({ "service.name": env.OTEL_SERVICE_NAME ?? service }),
  });
  provider.addSpanProcessor(new BatchSpanProcessor(new OTLPTraceExporter({ url })));
  provider.register();
  tracing = true;
  return { shutdown: () => provider.shutdown() };
}

const tracer = () => trace.getTracer("newsfed");

/** Whether this process exports spans (startTracing found an endpoint); otherwise requests make none. */
let tracing = false;

/** One SERVER span per GraphQL request, continuing the caller's trace (the gateway's fetch span) when it sent one. */
export function tracingPlugin<TContext extends BaseContext>(service: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      // Off (no endpoint): no span, no header copying, no hooks on this request's path.
      if (!tracing) return;
      const carrier: Record<string, string> = {};
      for (const [key, value] of request.http?.headers ?? []) carrier[key] = value;
      const parent = propagation.extract(ROOT_CONTEXT, carrier);
      const span: Span = tracer().startSpan(`${service} graphql`, { kind: SpanKind.SERVER }, parent);
      return {
        async didResolveOperation({ operationName, operation }) {
          span.updateName(`${service} ${operation?.operation ?? "graphql"} ${operationName ?? "anonymous"}`);
          span.setAttribute("graphql.operation.name", operationName ?? "");
          span.setAttribute("graphql.operation.type", operation?.operation ?? "");
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          if (errors?.length) span.setStatus({ code: SpanStatusCode.ERROR, message: errors[0]!.message });
          span.end();
        },
      };
    },
  };
}

/** Writes the active trace context (traceparent) into outgoing headers. */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  for (const [key, value] of Object.entries(carrier)) headers.set(key, value);
}
