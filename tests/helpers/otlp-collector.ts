import { createServer, type Server } from "node:http";
import { closeNodeServer, listenOnFreePort } from "./node-server.js";

export interface CollectedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

/** Receives OTLP/HTTP JSON trace exports, like an OpenTelemetry collector would, and keeps the spans. */
export class OtlpCollector {
  private readonly received: CollectedSpan[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          for (const resourceSpans of body.resourceSpans ?? []) {
            const service = resourceSpans.resource?.attributes?.find((a: any) => a.key === "service.name")?.value?.stringValue;
            for (const scope of resourceSpans.scopeSpans ?? []) {
              for (const span of scope.spans ?? []) {
                this.received.push({
                  service,
                  name: span.name,
                  traceId: span.traceId,
                  spanId: span.spanId,
                  parentSpanId: span.parentSpanId || undefined,
                });
              }
            }
          }
        } catch {
          // not JSON: ignored, the assertions will say what is missing
        }
        res.setHeader("content-type", "application/json");
        res.end("{}");
      });
    });
    return listenOnFreePort(this.server);
  }

  spans(): CollectedSpan[] {
    return [...this.received];
  }

  async close(): Promise<void> {
    if (this.server) await closeNodeServer(this.server);
  }
}
