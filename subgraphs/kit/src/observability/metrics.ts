import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";
import type { Logger } from "./logger.js";

/**
 * Distinct operation names a service labels its metrics with; later names are counted as "other". Every label value
 * is a series kept in memory for the process's life, and clients choose operation names freely.
 */
export const MAX_OPERATION_LABELS = 200;

/** Prometheus metrics of one service: its own registry (so several services can share a test process). */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  readonly requests: Counter<"operation" | "outcome">;
  readonly duration: Histogram<"operation">;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: "graphql_requests_total",
      help: "GraphQL operations handled, by operation name and outcome (success, error).",
      labelNames: ["operation", "outcome"],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: "graphql_request_duration_seconds",
      help: "Time to answer a GraphQL operation, by operation name.",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /**
   * The label for an operation name: bounded in length and alphabet ("anonymous" otherwise) and in number (the first
   * MAX_OPERATION_LABELS names; "other" after them), so a client cannot grow the metrics without end.
   */
  operationLabel(name: string | null | undefined): string {
    if (!name || !/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return "anonymous";
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return "other";
    this.operations.add(name);
    return name;
  }

  /** `GET /metrics` in the Prometheus text format. */
  route = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type(this.registry.contentType).send(await this.registry.metrics());
}

/**
 * Per operation: one structured log line (with the request id) and the request metrics. The service's own warm-up
 * operations at start (`warmup` set in the context) are neither logged nor counted.
 */
export function observabilityPlugin<TContext extends BaseContext & { requestId?: string }>(
  logger: Logger,
  metrics: ServiceMetrics,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      if ((contextValue as { warmup?: unknown }).warmup) return;
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const operation = metrics.operationLabel(operationName);
          const errorList = errors ?? (response.body.kind === "single" ? response.body.singleResult.errors : undefined) ?? [];
          const outcome = errorList.length ? "error" : "success";
          metrics.requests.inc({ operation, outcome });
          metrics.duration.observe({ operation }, seconds);
          logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? null,
              outcome,
              durationMs: Math.round(seconds * 1000),
              errorCodes: errorList.length ? errorList.map((error) => error.extensions?.code ?? "UNKNOWN") : undefined,
            },
            "graphql request",
          );
        },
      };
    },
  };
}
